"""Main window against the in-memory context: shortcuts, today's list, preview, lock, drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from hcc_desk.services.errors import UserError
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
from hcc_desk.ui.main_window import MainWindow

from .conftest import type_text
from .fakes import Officer
from .test_ui_intake import fill_valid

OFFICER = Officer("demo", "Nguyễn Thị Demo")


def submit_direct(ctx, name, id_number, phone):
    req = IntakeRequest(
        procedure_code="1.004227.000.00.00.H57",
        submitter=PersonInput(full_name=name, id_number=id_number, phone=phone),
        papers=[PaperInput("Tờ khai đăng ký khai sinh", 1)],
    )
    return ctx.intake.submit(req, "demo")


@pytest.fixture
def window(qtbot, fake_ctx, runner):
    fake_ctx.settings.set("printer", "HCC_PDF")
    w = MainWindow(fake_ctx, OFFICER, runner, autosave_ms=50)
    qtbot.addWidget(w)
    w.resize(1280, 900)
    w.show()
    w.start()
    runner.wait_idle()
    return w


def test_status_bar_shows_officer_and_counter(window):
    assert "Nguyễn Thị Demo" in window.officer_label.text()
    assert window.counter_label.text() == "Quầy 1 (số 1)"
    assert ":" in window.clock_label.text()


def test_ctrl_s_saves_and_opens_preview_then_print(qtbot, window, fake_ctx, runner):
    fill_valid(window.intake)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=5000)
    preview = window.preview
    code = fake_ctx.submitted[0][1].code
    assert code in preview.ui.code_label.text()
    qtbot.waitUntil(lambda: preview.page is not None, timeout=10000)
    assert not preview.ui.page_label.pixmap().isNull()
    assert preview.ui.printer_combo.currentData() == "HCC_PDF"
    preview.ui.print_button.click()
    qtbot.waitUntil(lambda: preview.last_job is not None, timeout=5000)
    assert fake_ctx.receipts.printed == [(code, "demo", "HCC_PDF", "A4")]
    assert "job-1" in preview.status_text()
    preview.ui.paper_combo.setCurrentText("A5")
    qtbot.waitUntil(
        lambda: preview.page is not None and preview.page.pdf_path.endswith("A5.pdf"), timeout=10000
    )
    preview.ui.print_button.click()
    qtbot.waitUntil(lambda: preview.last_job == "job-2", timeout=5000)
    runner.wait_idle()
    assert fake_ctx.settings.get("paper") == "A5"  # remembered for the next receipt
    preview.close()
    assert window.preview is None
    assert window.intake.is_blank()


def test_today_list_search_and_reprint(qtbot, window, fake_ctx, runner, tmp_path, monkeypatch):
    submit_direct(fake_ctx, "Nguyễn Văn Ánh", "046190001234", "0912345678")
    submit_direct(fake_ctx, "Trần Thị Bình", "046190009999", "0987654321")
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.tabs.currentWidget() is window.ui.today_tab
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 2, timeout=5000)
    assert window.today.ui.search_edit.hasFocus()
    type_text(window.today.ui.search_edit, "van anh")
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1, timeout=5000)
    assert window.today.model.summary(0).submitter_name == "Nguyễn Văn Ánh"
    assert "Được tiếp nhận" in window.today.model.index(0, 5).data()
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.preview is not None and window.preview.page is not None, timeout=10000
    )
    preview = window.preview
    assert preview.code == window.today.model.summary(0).code
    target = tmp_path / "phieu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview.ui.save_pdf_button.click()
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_bytes().startswith(b"%PDF")
    fake_ctx.receipts.fail_print = UserError("Máy in hết giấy")
    preview.ui.print_button.click()
    qtbot.waitUntil(lambda: "hết giấy" in preview.status_text(), timeout=5000)
    assert preview.ui.print_button.isEnabled()
    preview.ui.paper_combo.setCurrentText("A5")
    qtbot.waitUntil(
        lambda: preview.page is not None and preview.page.pdf_path.endswith("A5.pdf"), timeout=10000
    )
    assert preview.page.width < preview.page.height  # A5 portrait, re-rendered
    folder = Path(preview.page.pdf_path).parent
    preview.close()
    runner.wait_idle()
    qtbot.waitUntil(lambda: not folder.exists(), timeout=5000)


def test_idle_lock_keeps_the_form(qtbot, fake_ctx, runner):
    fake_ctx.settings.set("idle_lock_minutes", 0.005)  # 0.3 s
    w = MainWindow(fake_ctx, OFFICER, runner, autosave_ms=50)
    qtbot.addWidget(w)
    w.show()
    type_text(w.intake.ui.submitter.ui.full_name, "Lê Thị Cúc")
    qtbot.waitUntil(lambda: w.lock_dialog is not None, timeout=5000)
    lock = w.lock_dialog
    assert not w.ui.central.isVisible()
    qtbot.waitUntil(lock.ui.password.hasFocus)
    type_text(lock.ui.password, "sai")
    lock.ui.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.ui.error_label.isHidden(), timeout=5000)
    QTest.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()  # Esc does not unlock
    type_text(lock.ui.password, "demo")
    lock.ui.unlock_button.click()
    qtbot.waitUntil(lambda: w.lock_dialog is None, timeout=5000)
    assert w.ui.central.isVisible()
    assert w.intake.ui.submitter.ui.full_name.text() == "Lê Thị Cúc"
    assert "Lê Thị Cúc" in str(fake_ctx.drafts.store)  # locking flushed the draft


def test_input_postpones_the_lock(qtbot, fake_ctx, runner):
    """Typing for four idle periods in a row keeps the lock away; it comes once typing stops."""
    idle_ms = 300
    fake_ctx.settings.set("idle_lock_minutes", idle_ms / 60_000)
    w = MainWindow(fake_ctx, OFFICER, runner)
    qtbot.addWidget(w)
    w.show()
    clock = QElapsedTimer()
    fired: list[int] = []  # ms since the typing began, each time the idle signal fired
    w.idle.idle.connect(lambda: fired.append(clock.elapsed()))
    last_key: list[int] = []
    typist = QTimer(w)
    typist.setInterval(idle_ms // 5)

    def one_key() -> None:  # on Qt's own timer: a busy machine delays keys and lock alike
        type_text(w.intake.ui.notes, "a")
        last_key.append(clock.elapsed())
        if last_key[-1] >= 4 * idle_ms:
            typist.stop()

    typist.timeout.connect(one_key)
    clock.start()
    typist.start()
    qtbot.waitUntil(lambda: not typist.isActive(), timeout=20 * idle_ms)
    assert fired == [] and w.lock_dialog is None  # no lock while the officer types
    assert w.intake.ui.notes.toPlainText() == "a" * len(last_key)  # the keys did arrive
    qtbot.waitUntil(lambda: w.lock_dialog is not None, timeout=10 * idle_ms)
    assert fired[0] - last_key[-1] >= 0.8 * idle_ms  # counted from the last key, not before


def test_pending_draft_is_offered_and_restored(qtbot, fake_ctx, runner):
    req = IntakeRequest(
        submitter=PersonInput(full_name="Phạm Văn Dũng", phone="0911222333"),
        procedure_code="2.000815.000.00.00.H57",
        notes="dở dang",
    )
    fake_ctx.drafts.save("demo", "draft-1", req.to_json_dict())
    w = MainWindow(fake_ctx, OFFICER, runner)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.restore_box is not None, timeout=5000)
    box = w.restore_box
    assert box.text() == "Khôi phục hồ sơ đang nhập dở?"
    box.defaultButton().click()
    qtbot.waitUntil(lambda: w.intake.ui.notes.toPlainText() == "dở dang")
    assert w.intake.ui.submitter.ui.full_name.text() == "Phạm Văn Dũng"
    qtbot.waitUntil(lambda: w.intake.picker.current() is not None)  # read on the db lane
    assert w.intake.picker.current().code == "2.000815.000.00.00.H57"
    assert w.intake.drafts.draft_id == "draft-1"


def test_declined_drafts_are_discarded(qtbot, fake_ctx, runner):
    fake_ctx.drafts.save("demo", "draft-1", IntakeRequest(notes="x").to_json_dict())
    w = MainWindow(fake_ctx, OFFICER, runner)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.restore_box is not None, timeout=5000)
    next(b for b in w.restore_box.buttons() if "Bỏ" in b.text()).click()
    runner.wait_idle()
    assert fake_ctx.drafts.store == {}


def test_shortcuts_are_unique_and_listed(window):
    actions = [
        a for a in window.findChildren(type(window.ui.action_new)) if a.shortcut().toString()
    ]
    keys = [a.shortcut().toString() for a in actions]
    assert len(keys) == len(set(keys))
    assert {"F2", "Ctrl+S", "Ctrl+P", "Ctrl+F", "F5", "Ctrl+L"} <= set(keys)


def test_tab_order_follows_the_screen(qtbot, window):
    intake = window.intake
    fill_valid(intake)
    u, s = intake.ui, intake.ui.submitter.ui
    u.qr_edit.setFocus()
    order = [u.qr_edit]
    places = intake.ui.submitter.places  # street/house, then province, then commune/ward
    for _ in range(16):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    expected_start = [
        u.qr_edit,
        u.kind_individual,
        s.full_name,
        s.id_number,
        s.old_id_number,
        s.date_of_birth,
        s.sex,
        s.phone,
        s.email,
        s.address,
        places.province,
        places.commune,
        u.owner_differs,
        u.procedure_search,
        u.procedure_list,
    ]
    assert order[: len(expected_start)] == expected_start
    assert order[len(expected_start)] is intake.ui.papers_table.focus_chain()[0]


class _FakeSyncStates:
    """Just what the today list asks of the sync service."""

    def __init__(self, states: dict[str, str]):
        self.states = states

    def is_enrolled(self) -> bool:
        return True

    def dossier_sync_states(self, uuids: list[str]) -> dict[str, str]:
        return {u: self.states.get(u, "pending") for u in uuids}

    def start_background(self) -> bool:
        return True

    def status(self):  # the status-bar indicator polls this
        return None

    def nudge(self) -> None:
        pass


def test_today_list_shows_each_dossiers_sync_state(qtbot, window, fake_ctx):
    submit_direct(fake_ctx, "Nguyễn Văn Ánh", "046190001234", "0912345678")
    submit_direct(fake_ctx, "Trần Thị Bình", "046190009999", "0987654321")
    first, second = (s for _r, s in fake_ctx.submitted)
    fake_ctx.sync = _FakeSyncStates({first.uuid: "synced", second.uuid: "parked"})
    window.today.refresh()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 2, timeout=5000)
    shown = {
        window.today.model.summary(r).uuid: window.today.model.index(r, 6).data() for r in range(2)
    }
    assert shown == {first.uuid: "✓ Đã gửi", second.uuid: "⚠ Bị từ chối"}


def test_closing_the_window_ends_the_officers_session_on_central(window, fake_ctx, runner):
    assert fake_ctx.auth.logged_out == []
    window.close()
    runner.wait_idle()
    assert fake_ctx.auth.logged_out == [OFFICER.username]


def test_a_window_comes_back_where_the_officer_left_it(qtbot):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from hcc_desk.ui.screen_fit import restore_geometry, save_geometry

    QSettings().remove("geometry")
    first = QWidget()
    qtbot.addWidget(first)
    first.resize(2000, 1500)
    restore_geometry(first, "probe")  # nothing saved: fitted to the screen
    area = first.screen().availableGeometry()
    assert first.width() <= area.width() and first.height() <= area.height() - 48
    first.setGeometry(40, 60, 300, 200)
    first.show()
    chosen = first.geometry()
    save_geometry(first, "probe")
    again = QWidget()
    qtbot.addWidget(again)
    restore_geometry(again, "probe")
    again.show()
    assert again.geometry() == chosen
