"""The return desk enables exactly the steps the services allow; the view has no status rules."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from hcc_core.domain.status import DossierStatus
from hcc_desk.services.return_desk import Party
from hcc_desk.ui.return_desk.view import ReturnDeskView
from tests.services.after_intake_helpers import OWNER_ID, intake
from tests.ui.return_desk.test_return_desk_ui import make_view, scan

from .conftest import RECEIVED

UI = Path(__file__).resolve().parents[3] / "src" / "hcc_desk" / "ui"
# Names whose import into a view means it decides what is allowed by itself.
RULE_NAMES = {"ALLOWED_TRANSITIONS", "can_transition", "STEP_STATES", "READY_FOR_HAND_BACK"}


def status_rules_in(source: str) -> list[str]:
    """Where a module uses DossierStatus members or the status machine (line: what)."""
    tree = ast.parse(source)
    aliases = set()  # names bound to DossierStatus: its import (as …) and `_S = DossierStatus`
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for a in node.names:
                if a.name == "DossierStatus":
                    aliases.add(a.asname or a.name)
                if a.name in RULE_NAMES:
                    found.append(f"{node.lineno}: imports {a.name}")
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases | {"DossierStatus"}
        ):
            aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr in DossierStatus.__members__
        ):
            found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_the_checker_sees_a_view_with_its_own_status_rules():
    copy = (
        "from hcc_core.domain.status import DossierStatus\n"
        "_S = DossierStatus\n"
        "RULES = {'transfer': {_S.NEW, _S.PROCESSING}}\n"
        "from hcc_core.domain.status import can_transition\n"
    )
    assert status_rules_in(copy) == ["4: imports can_transition", "3: _S.NEW", "3: _S.PROCESSING"]


def test_no_view_keeps_status_rules_of_its_own():
    found = {
        str(path.relative_to(UI)): status_rules_in(path.read_text(encoding="utf-8"))
        for path in UI.rglob("*.py")
        if "forms" not in path.parts
    }
    assert {path: where for path, where in found.items() if where} == {}


def _card(status: DossierStatus, steps: tuple[str, ...]) -> SimpleNamespace:
    person = Party("Nguyễn Thị Hương", OWNER_ID, "individual")
    return SimpleNamespace(
        code="000.00.61.H57-261125-0001",
        procedure_name="Cấp hộ chiếu",
        agency_name="Công an cấp tỉnh",
        submitter=person,
        owner=None,
        received_at=RECEIVED,
        due_at=datetime(2026, 12, 7, 9, 0),
        status=int(status),
        hand_back=None,
        ready=False,
        timing_if_now=None,
        steps=steps,
    )


def test_buttons_follow_the_services_answer_not_the_status(qtbot, fake_ctx, runner):
    view = ReturnDeskView(fake_ctx, SimpleNamespace(username="demo"), runner)
    qtbot.addWidget(view)
    # A status in which the counter would offer most steps, but the service offers only one.
    view._show_card(_card(DossierStatus.PROCESSING, ("refusal",)))
    assert {s for s, b in view.step_buttons.items() if b.isEnabled()} == {"refusal"}
    view._show_card(_card(DossierStatus.PROCESSING, ()))
    assert not any(b.isEnabled() for b in view.step_buttons.values())


def enabled(view: ReturnDeskView) -> set[str]:
    return {step for step, button in view.step_buttons.items() if button.isEnabled()}


def test_a_dossier_shows_exactly_the_allowed_steps(qtbot, ctx, officer, runner, clock):
    code = intake(ctx, RECEIVED)
    view = make_view(qtbot, ctx, officer, runner)
    assert set(view.step_buttons) == {
        "transfer",
        "processing",
        "supplement",
        "supplement_received",
        "result_ready",
        "refusal",
        "apology",
    }
    scan(qtbot, view, code)  # accepted at the counter (NEW)
    assert view.card.status == DossierStatus.NEW
    assert enabled(view) == {
        "transfer",
        "processing",
        "supplement",
        "result_ready",
        "refusal",
        "apology",
    }
    assert enabled(view) == set(ctx.agency_steps.allowed_steps(code, "demo"))

    ctx.agency_steps.request_supplement(code, "demo", missing_papers=["Ảnh"], reason="mờ")
    scan(qtbot, view, code)
    assert enabled(view) == {"supplement_received", "refusal"}
    assert not view.return_button.isEnabled()

    ctx.agency_steps.supplement_received(code, "demo")
    ctx.agency_steps.result_ready(code, "demo")
    scan(qtbot, view, code)  # the result waits at the counter: only the hand-back
    assert view.card.status == DossierStatus.RELEASING
    assert enabled(view) == set() and view.return_button.isEnabled()
