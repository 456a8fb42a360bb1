"""The composition root: services replaced through the constructor, built lazily, typed
imports that cost nothing at start-up."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hcc_desk import app
from hcc_desk.app import AppContext, open_context


def test_a_replacement_service_is_built_from_the_context_on_first_use(tmp_path):
    built: list[AppContext] = []

    def drafts(ctx: AppContext):
        from hcc_desk.services.drafts import DraftService

        built.append(ctx)
        return DraftService(ctx.store)

    ctx = open_context(tmp_path / "profile", drafts=drafts)
    try:
        assert built == []  # nothing built before it is asked for
        first = ctx.drafts
        assert built == [ctx] and ctx.drafts is first  # built once, from this context
        assert not ctx.store.is_open  # building a service does not open the store
    finally:
        ctx.close()


def test_services_not_replaced_are_the_real_ones(tmp_path):
    from hcc_desk.services.catalogue import CatalogueService

    ctx = open_context(tmp_path / "profile", drafts=lambda c: pytest.fail("not asked for"))
    try:
        assert type(ctx.catalogue) is CatalogueService
    finally:
        ctx.close()


def test_an_unknown_service_name_is_refused(tmp_path):
    with pytest.raises(TypeError, match="setings"):
        open_context(tmp_path / "profile", setings=lambda c: None)  # type: ignore[call-arg]


def test_every_service_can_be_replaced_under_its_type():
    # ServiceFactories exists for mypy only (TYPE_CHECKING): read its fields from the source.
    tree = ast.parse(Path(app.__file__).read_text(encoding="utf-8"))
    typed = {
        field.target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name == "ServiceFactories"
        for field in node.body
        if isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
    }
    services = {
        name
        for name, value in vars(AppContext).items()
        if type(value).__name__ == "cached_property" and name != "key"
    }
    assert typed == services and len(services) >= 18


def test_a_given_key_is_used_instead_of_the_profiles(tmp_path):
    key = os.urandom(32)
    assert open_context(tmp_path / "profile", key=key).key == key


def test_the_composition_root_imports_no_service_at_start_up():
    # The annotations name every service: they must stay TYPE_CHECKING imports.
    code = (
        "import sys, hcc_desk.app; "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('hcc_desk.services', 'sqlalchemy', 'reportlab'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
