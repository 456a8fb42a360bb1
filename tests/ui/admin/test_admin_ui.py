"""The Quản trị tab on the real services (a demo profile): only admins see it, officers added or
reset there can log in, settings persist with an audit row, imports show a preview first."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from hcc_desk.app import open_context
from hcc_desk.core.store.models import AuditLog
from hcc_desk.services.admin_officers import AdminOfficers
from hcc_desk.services.errors import AuthError
from hcc_desk.ui.admin.view import AdminView
from hcc_desk.ui.login import LoginDialog
from hcc_desk.ui.main_window import MainWindow
from tests.services.test_admin_imports import calendar_file, catalogue_file
from tests.ui.conftest import press_enter, type_text
from tests.ui.supervision.tables import cell

GOOD = "Hue-quay-07!"


@pytest.fixture
def ctx(tmp_path):
    context = open_context(tmp_path / "profile")
    context.setup.create_demo()
    yield context
    context.close()


def window(qtbot, ctx, officer, runner, size=(1366, 768)):
    w = MainWindow(ctx, officer, runner, autosave_ms=50)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.start()
    return w


def open_admin(qtbot, w) -> AdminView:
    QTest.keyClick(w, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert w.current_view() is w.admin
    qtbot.waitUntil(lambda: w.admin.officers.listing is not None, timeout=10000)
    return w.admin


def log_in(qtbot, ctx, runner, username, password):
    """The real login dialog: the officer it returns, or its error text."""
    dialog = LoginDialog(ctx, runner, "", username)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.ui.password.hasFocus)
    type_text(dialog.ui.password, password)
    got = []
    dialog.logged_in.connect(got.append)
    dialog.ui.login_button.click()
    qtbot.waitUntil(lambda: bool(got or dialog.error_text()), timeout=10000)
    return got[0] if got else dialog.error_text()


def select_officer(page, username):
    names = [o.username for o in page.listing.officers]
    page.table.selectRow(names.index(username))


def test_non_admins_neither_see_the_tab_nor_get_past_the_service(qtbot, ctx, runner):
    service = AdminOfficers(ctx.store, ctx.credentials)
    service.add("demo", "giamsat", "Giám Sát", "supervisor", GOOD, GOOD)
    supervisor = ctx.auth.login("giamsat", GOOD)
    w = window(qtbot, ctx, supervisor, runner)
    assert w.admin is None
    assert w.admin is None
    assert "Quản trị" not in [w.ui.tabs.tabText(i) for i in range(w.ui.tabs.count())]
    assert "Quản trị" not in [a.text().replace("&", "") for a in w.extra_tab_actions]
    # a view built by hand for a non-admin still gets nothing: the service refuses
    view = AdminView(ctx, supervisor, runner)
    qtbot.addWidget(view)
    with pytest.raises(AuthError):
        service.add("giamsat", "x1", "X", "officer", GOOD, GOOD)
    view.start()
    runner.wait_idle()
    assert view.officers.listing is None and view.officers.table.model().rowCount() == 0


def test_admin_adds_an_officer_who_can_then_log_in(qtbot, ctx, runner):
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    page = open_admin(qtbot, w).officers
    assert [o.username for o in page.listing.officers] == ["demo"]
    page.add_button.click()
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(dialog.username_edit, "lan.nguyen")
    type_text(dialog.full_name_edit, "Nguyễn Thị Lan")
    type_text(dialog.password_edit, "ngắn")
    type_text(dialog.confirm_edit, "ngắn")
    press_enter(dialog.confirm_edit)  # Enter = the default button
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "ít nhất 10 ký tự" in dialog.error.text() and dialog.isVisible()
    for edit in (dialog.password_edit, dialog.confirm_edit):
        edit.clear()
        type_text(edit, GOOD)
    press_enter(dialog.confirm_edit)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    qtbot.waitUntil(lambda: len(page.listing.officers) == 2, timeout=10000)
    assert page.banner.kind() == "success"
    assert cell(page.table, 1, 0) == "lan.nguyen"
    officer = log_in(qtbot, ctx, runner, "lan.nguyen", GOOD)
    assert (officer.username, officer.role) == ("lan.nguyen", "officer")


def test_admin_resets_a_password_disables_and_unlocks(qtbot, ctx, runner):
    AdminOfficers(ctx.store, ctx.credentials).add("demo", "lan", "Lan", "officer", GOOD, GOOD)
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    page = open_admin(qtbot, w).officers
    select_officer(page, "lan")
    page.reset_button.click()
    dialog = page.dialog
    type_text(dialog.password_edit, "Mat-khau-moi-9")
    type_text(dialog.confirm_edit, "Mat-khau-moi-9")
    press_enter(dialog.confirm_edit)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    assert "Sai" in log_in(qtbot, ctx, runner, "lan", GOOD)
    assert log_in(qtbot, ctx, runner, "lan", "Mat-khau-moi-9").username == "lan"

    for _ in range(5):  # the lockout threshold (the success above reset the count)
        log_in(qtbot, ctx, runner, "lan", "sai-mat-khau")
    page.reload()
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled(), timeout=10000)
    assert cell(page.table, 1, 4)  # "locked until …"
    page.unlock_button.click()
    qtbot.waitUntil(lambda: not page.unlock_button.isEnabled(), timeout=10000)
    assert log_in(qtbot, ctx, runner, "lan", "Mat-khau-moi-9").username == "lan"

    page.active_button.click()  # disable
    qtbot.waitUntil(lambda: not page.listing.officers[1].active, timeout=10000)
    assert "Sai" in log_in(qtbot, ctx, runner, "lan", "Mat-khau-moi-9")
    select_officer(page, "demo")
    assert not page.active_button.isEnabled()  # not oneself


def test_settings_persist_and_are_audited(qtbot, ctx, runner):
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    view = open_admin(qtbot, w)
    view.pages.setCurrentWidget(view.settings)
    page = view.settings
    qtbot.waitUntil(lambda: page.paper_combo.currentText() == "A4", timeout=10000)
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("A5"))
    page.idle_spin.setValue(3)
    page.printer_combo.setCurrentText("HCC_PDF")
    page.device_combo.setCurrentText("test:0")
    page.resolution_combo.setCurrentIndex(page.resolution_combo.findData(200))
    with qtbot.waitSignal(page.saved, timeout=10000) as sig:
        page.save_button.click()
    assert set(sig.args[0]) == {"paper", "idle_lock_minutes", "printer", "capture_profile"}
    assert page.banner.kind() == "success"
    assert (
        ctx.settings.get("paper"),
        ctx.settings.get("idle_lock_minutes"),
        ctx.settings.get("printer"),
    ) == ("A5", 3, "HCC_PDF")
    assert ctx.capture.profile().resolution == 200
    with ctx.store.session() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.action == "settings.changed"))
    assert row.actor == "demo" and row.detail["changed"]["paper"] == ["A4", "A5"]
    # the page reads back what was saved
    with qtbot.waitSignal(page.loaded, timeout=10000) as sig:
        page.reload()
    assert sig.args[0].paper == "A5" and sig.args[0].scan.device == "test:0"


def test_printers_are_listed_on_a_worker(qtbot, ctx, runner, monkeypatch):
    import threading

    seen = []
    monkeypatch.setattr(
        type(ctx.receipts),
        "printers",
        lambda self: seen.append(threading.current_thread()) or ["Q1", "Q2"],
    )
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    page = open_admin(qtbot, w).settings
    page.find_printers_button.click()
    qtbot.waitUntil(lambda: page.printer_combo.findData("Q2") > 0, timeout=10000)
    assert seen and seen[0] is not threading.main_thread()


def test_calendar_import_shows_a_preview_and_writes_only_when_applied(qtbot, ctx, runner, tmp_path):
    path, dropped, _renamed = calendar_file(tmp_path)
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    view = open_admin(qtbot, w)
    view.pages.setCurrentWidget(view.imports)
    page = view.imports
    with qtbot.waitSignal(page.previewed, timeout=10000):
        page.preview("calendar", path)
    changes = [cell(page.table, r, 0) for r in range(page.table.model().rowCount())]
    assert sorted(changes) == ["Bỏ", "Sửa", "Thêm"]
    assert "thêm 1, bỏ 1, sửa 1" in page.summary.text()
    assert page.apply_button.isEnabled() and page.apply_button.isDefault()
    assert ctx.calendars.current().is_working_day(date(2026, 3, 3))  # nothing yet
    with qtbot.waitSignal(page.applied, timeout=10000):
        page.apply_button.click()
    assert not ctx.calendars.current().is_working_day(date(2026, 3, 3))
    assert ctx.calendars.current().is_working_day(dropped)
    assert page.banner.kind() == "success" and not page.apply_button.isEnabled()


def test_catalogue_preview_lists_changes_and_warnings(qtbot, ctx, runner, tmp_path):
    path, renamed, left_out = catalogue_file(tmp_path, ctx)
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    view = open_admin(qtbot, w)
    page = view.imports
    with qtbot.waitSignal(page.previewed, timeout=10000):
        page.preview("catalogue", path)
    rows = {
        cell(page.table, r, 1): cell(page.table, r, 0) for r in range(page.table.model().rowCount())
    }
    assert rows == {renamed: "Sửa", "9.999999": "Thêm"}
    assert not page.warnings.isHidden() and "9.999999" in page.warnings.toPlainText()
    with qtbot.waitSignal(page.previewed, timeout=10000):
        page.retire_check.setChecked(True)  # previewed again with retirements
    rows = {
        cell(page.table, r, 1): cell(page.table, r, 0) for r in range(page.table.model().rowCount())
    }
    assert rows[left_out] == "Bỏ"
    assert ctx.catalogue.get(left_out) is not None  # still offered: nothing applied
    with qtbot.waitSignal(page.applied, timeout=10000):
        page.apply_button.click()
    assert ctx.catalogue.get(left_out) is None and ctx.catalogue.get("9.999999") is not None


def test_a_bad_file_is_a_message_not_a_crash(qtbot, ctx, runner, tmp_path, monkeypatch):
    from hcc_desk.ui import errors

    shown = []
    monkeypatch.setattr(
        errors, "show_message", lambda parent, text, warning=False: shown.append(text)
    )
    bad = tmp_path / "lich.json"
    bad.write_text(json.dumps({"format": "khác"}), encoding="utf-8")
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    page = open_admin(qtbot, w).imports
    page.preview("calendar", bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "lich.json" in shown[0] and not page.apply_button.isEnabled()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_every_admin_page_fits_the_counter_screen(qtbot, ctx, runner, size):
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner, size)
    view = open_admin(qtbot, w)
    buttons = {
        view.officers: [
            view.officers.add_button,
            view.officers.unlock_button,
            view.officers.reload_button,
        ],
        view.settings: [view.settings.save_button],
        view.imports: [view.imports.apply_button, view.imports.catalogue_button],
    }
    for page, wanted in buttons.items():
        view.pages.setCurrentWidget(page)
        qtbot.waitUntil(page.isVisible)
        for button in wanted:
            top_left = button.mapTo(w, button.rect().topLeft())
            bottom_right = button.mapTo(w, button.rect().bottomRight())
            assert w.rect().contains(top_left) and w.rect().contains(bottom_right), button.text()
    assert w.width() <= size[0] and w.height() <= size[1]


def test_the_admin_tab_speaks_english(qtbot, qapp, ctx, runner):
    from hcc_desk.ui import i18n

    i18n.install(qapp, "en")
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    view = open_admin(qtbot, w)
    assert w.current_view() is view
    assert w.ui.tabs.tabText(w.ui.tabs.currentIndex()) == "Administration"
    assert [view.pages.tabText(i) for i in range(3)] == [
        "Officers",
        "Settings",
        "Calendar and catalogue",
    ]
    assert cell(view.officers.table, 0, 2) == "Administrator"
    assert view.settings.save_button.text() == "&Save settings"
    assert view.settings.mode_combo.itemText(0) == "Grey"
    # The pages' forms keep their classes' translation contexts.
    assert view.officers.table.model().headerData(0, Qt.Orientation.Horizontal) == "User name"
    assert view.imports.calendar_button.text() == "Holiday calen&dar file…"
    assert view.settings.ui.printing.title() == "Printing"
    dialog = view.officers.ask_add()
    assert dialog.username_edit.placeholderText() == "e.g. lan.nguyen (lower case, no accents)"
    dialog.reject()


def test_enter_in_a_field_saves_but_enter_on_another_button_does_not(qtbot, ctx, runner):
    w = window(qtbot, ctx, ctx.auth.login("demo", "demo"), runner)
    view = open_admin(qtbot, w)
    view.pages.setCurrentWidget(view.settings)
    page = view.settings
    qtbot.waitUntil(lambda: page.paper_combo.currentText() == "A4", timeout=10000)
    page.idle_spin.setFocus()
    page.idle_spin.setValue(7)
    with qtbot.waitSignal(page.saved, timeout=10000) as sig:
        press_enter(page.idle_spin)
    assert sig.args[0] == {"idle_lock_minutes": [10, 7]}

    imports = view.imports
    view.pages.setCurrentWidget(imports)
    imports.pending = ("calendar", None)  # as after a preview
    imports.apply_button.setEnabled(True)
    applied = []
    imports.apply_button.clicked.connect(lambda: applied.append(True))
    asked = []
    imports.calendar_button.clicked.connect(lambda: asked.append(True))
    imports.ask_file = lambda kind: None
    imports.calendar_button.setFocus()
    press_enter(imports.calendar_button)
    assert asked and not applied


def test_enrolled_desk_shows_centrals_officers_read_only(qtbot, ctx, runner):
    from hcc_desk.core.sync.credentials import DeviceCredential

    ctx.credentials.save(DeviceCredential("https://central.invalid", "dev-1", "tok"))
    officer = ctx.auth.officer("demo")  # central unreachable: the desk's own check
    w = window(qtbot, ctx, officer, runner)
    page = open_admin(qtbot, w).officers
    assert page.listing.managed_by_central and page.central_note.isVisibleTo(page)
    select_officer(page, "demo")
    assert not any(b.isEnabled() for b in (page.add_button, page.reset_button, page.active_button))
    assert page.reload_button.isEnabled()
