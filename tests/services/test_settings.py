"""Typed settings (services/settings.py): declared once, checked, and followed at once by the
services that depend on them (the printer choice, the calendar behind due dates)."""

from __future__ import annotations

import ast
import importlib
from datetime import datetime
from pathlib import Path

import pytest

from hcc_desk.services import receipts as receipts_module
from hcc_desk.services.admin_settings import AdminSettings, DeskSettings
from hcc_desk.services.settings import (
    PAPER,
    PRINTER,
    REGISTRY,
    WEEKEND,
    InvalidSetting,
    SettingsService,
)
from tests.services.after_intake_helpers import intake

SRC = Path(__file__).resolve().parents[2] / "src"
PROCEDURE = "1.001456"  # 8 working days (tests/services/after_intake_helpers.py)


def _settings_call(node: ast.AST) -> bool:
    """``<something>settings.get(...)`` or ``quick_setting(...)``."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    func = node.func
    if func.attr == "quick_setting":
        return True
    return func.attr == "get" and ast.unparse(func.value).endswith("settings")


def _declared(module: str | None, node: ast.expr) -> str | None:
    """The declared setting key ``node`` names (a literal or a module constant), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if node.value in REGISTRY else None
    if isinstance(node, ast.Name) and module is not None:
        value = getattr(importlib.import_module(module), node.id, None)
        return value if isinstance(value, str) and value in REGISTRY else None
    return None


def _violations(source: str, module: str | None, where: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        at = f"{where}:{getattr(node, 'lineno', '?')}"
        if _settings_call(node):
            assert isinstance(node, ast.Call)
            if len(node.args) + len(node.keywords) > 1:
                found.append(f"{at}: a default passed: {ast.unparse(node)}")
            key = node.args[0] if node.args else None
            if isinstance(key, ast.Constant) and key.value not in REGISTRY:
                found.append(f"{at}: {key.value!r} is not a declared setting")
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            if _settings_call(node.values[0]):
                found.append(f"{at}: a fallback after a setting: {ast.unparse(node)}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "get_setting"
            # Raw reads are for runtime state; a declared setting is read with read().
            and (
                any(isinstance(a, ast.Starred) for a in node.args)
                or (len(node.args) > 1 and _declared(module, node.args[1]))
            )
        ):
            found.append(f"{at}: a declared setting read raw: {ast.unparse(node)}")
    return found


def test_no_call_site_repeats_a_default():
    found = []
    for path in sorted((SRC / "hcc_desk").rglob("*.py")):
        rel = path.relative_to(SRC)
        if rel.as_posix() == "hcc_desk/services/settings.py":
            continue
        module = ".".join(rel.with_suffix("").parts)
        found += _violations(path.read_text(encoding="utf-8"), module, str(rel))
    assert found == []


def test_the_checker_sees_a_repeated_default():
    # The shapes the desk used to have, each caught.
    for code in (
        'ctx.settings.get("paper", "A4")',
        'self._settings.get("printer") or "HCC_PDF"',
        'ctx.quick_setting("language", "vi")',
        'get_setting(s, "cli.session_hours", 8)',
        "get_setting(s, *SESSION_HOURS)",
        'ctx.settings.get("papper")',
    ):
        assert _violations(code, None, "example"), code


def test_an_invalid_value_is_refused_with_a_clear_message(demo_ctx):
    settings = demo_ctx.settings
    with pytest.raises(InvalidSetting) as err:
        settings.set(PAPER, "A3")
    assert err.value.text("en") == "Paper must be one of: A4, A5."
    assert err.value.text("vi") == "Khổ giấy phải là một trong: A4, A5."
    with pytest.raises(InvalidSetting) as err:
        settings.set("idle_lock_minutes", 500)
    assert err.value.text("en") == "Idle lock (minutes) must be more than 0 and at most 120."
    with pytest.raises(InvalidSetting) as err:
        settings.set(WEEKEND, [5, 7])
    assert "0 (Monday) to 6 (Sunday)" in err.value.text("en")
    with pytest.raises(KeyError, match="no setting 'papper'"):
        settings.get("papper")
    # Nothing was written: a fresh read of the table still has the defaults.
    fresh = SettingsService(demo_ctx.store)
    assert fresh.get(PAPER) == "A4" and fresh.get(WEEKEND) == [5, 6]


def test_defaults_come_from_the_declaration_and_stored_garbage_falls_back(demo_ctx, caplog):
    from hcc_desk.core.store.repositories import set_setting

    assert demo_ctx.settings.get(PRINTER) is None and demo_ctx.settings.get(PAPER) == "A4"
    with demo_ctx.store.write() as s:
        set_setting(s, "paper", "Letter")  # written by hand, or by an older version
    caplog.set_level("ERROR", "hcc_desk.settings")  # the warning is expected here
    assert SettingsService(demo_ctx.store).get(PAPER) == "A4"


def test_a_change_reaches_its_subscribers_once(demo_ctx):
    settings = demo_ctx.settings
    heard: list = []
    unsubscribe = settings.subscribe(PRINTER, heard.append)
    settings.subscribe(PAPER, lambda v: heard.append(("paper", v)))
    settings.set(PRINTER, "Quay-2")
    settings.set(PRINTER, "Quay-2")  # the same value: no news
    settings.save({PRINTER: "Quay-3", PAPER: "A5"})
    unsubscribe()
    settings.set(PRINTER, None)
    assert heard == ["Quay-2", "Quay-3", ("paper", "A5")]
    assert settings.get(PRINTER) is None


def test_the_next_print_uses_the_printer_the_admin_just_chose(demo_ctx, monkeypatch):
    used: list = []

    def fake_print(pdf, printer, paper, title):
        used.append((printer, paper))
        return "job-1"

    monkeypatch.setattr(receipts_module, "print_pdf", fake_print)
    code = intake(demo_ctx, datetime(2026, 3, 2, 9, 0))
    receipts = demo_ctx.receipts  # built before the change, as in a running desk
    receipts.print(code, "demo")
    admin = AdminSettings(demo_ctx.store, demo_ctx.settings)
    admin.save("demo", DeskSettings(printer="Quay-2", paper="A5"))
    receipts.print(code, "demo")
    assert used == [(None, "A4"), ("Quay-2", "A5")]


def test_due_dates_follow_a_calendar_change_at_once(demo_ctx, tmp_path):
    received = datetime(2026, 3, 6, 9, 0)  # a Friday
    due = demo_ctx.intake.appointment(PROCEDURE, received)
    # Saturdays become working days: 8 working days end sooner, without a restart.
    demo_ctx.settings.set(WEEKEND, [6])
    sooner = demo_ctx.intake.appointment(PROCEDURE, received)
    assert sooner < due
    # A day off added in the calendar table pushes it back at once.
    demo_ctx.calendars.set_day(sooner.date(), "off")
    assert demo_ctx.intake.appointment(PROCEDURE, received) > sooner


def test_the_declarations_load_without_the_store():
    # AppContext.quick_setting reads the language through them before SQLAlchemy is loaded.
    import subprocess
    import sys

    code = "import sys, hcc_desk.services.settings; sys.exit('sqlalchemy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
