"""The GUI on the real services: ``open_context`` on a temporary profile with the demo centre."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from hcc_core.files import safe_filename
from hcc_desk.app import open_context
from hcc_desk.core.store.models import Dossier
from hcc_desk.ui.launcher import run_gui
from hcc_desk.ui.login import LoginDialog
from hcc_desk.ui.main_window import MainWindow
from hcc_desk.ui.setup_wizard import SetupWizard
from tests.support.printed import assert_receipt_printed, decode, receipt_lines

from .conftest import press_enter, type_text

# Sex digit of this ID says female while the QR says "Nam": the reader warns about it.
QR_WARN = "046190001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"
PHONE = "0912345678"
QR_OK = "046090001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"


@pytest.fixture
def profile(tmp_path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def ctx(profile):
    context = open_context(profile)
    context.setup.create_demo()
    yield context
    context.close()


@pytest.fixture
def officer(ctx):
    return ctx.auth.login("demo", "demo")


def make_window(qtbot, ctx, officer, runner, autosave_ms=50):
    w = MainWindow(ctx, officer, runner, autosave_ms=autosave_ms)
    qtbot.addWidget(w)
    w.resize(1280, 900)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # shortcuts (Ctrl+S…) go to the active window
    w.start()
    return w


def fill_intake(qtbot, w, qr=QR_OK):
    intake = w.intake
    intake.ui.qr_edit.setFocus()
    type_text(intake.ui.qr_edit, qr)
    press_enter(intake.ui.qr_edit)
    type_text(intake.ui.submitter.ui.phone, PHONE)
    intake.ui.procedure_search.setFocus()
    type_text(intake.ui.procedure_search, "cap doi the can cuoc")
    qtbot.waitUntil(lambda: intake.ui.procedure_list.count() > 0)
    press_enter(intake.ui.procedure_search)
    qtbot.waitUntil(lambda: intake.picker.current() is not None)  # searched on the db lane
    intake.ui.check_all_button.click()


def recorded(ctx, code: str):
    """(appointment, lookup PIN) the store recorded for ``code``."""
    with ctx.store.session() as s:
        return s.execute(
            select(Dossier.due_at, Dossier.lookup_pin).where(Dossier.code == code)
        ).one()


def shown_qr(preview) -> list[str]:
    """The QR codes read from the page the preview shows (its Code128 is too fine at the
    preview's resolution to decode)."""
    p = preview.page
    image = Image.frombuffer(p.mode, (p.width, p.height), p.pixels, "raw", p.mode, p.stride, 1)
    # The lookup link; the facts of Circular 01/2023 follow "#" (tests/printing).
    return [text.partition("#")[0] for text in decode(image.convert("L"))["qr"]]


def assert_receipt_on_the_queue(
    ctx, officer, queue, job: str, code: str, paper: str, procedure: str
) -> None:
    """The receipt the preview printed shows what the officer entered: the scanned person, the
    procedure picked, the appointment and PIN the store recorded, and the codes read back."""
    due, pin = recorded(ctx, code)
    id_number, _old_id, name = QR_OK.split("|")[:3]
    facts = receipt_lines(
        code=code,
        pin=pin,
        applicant=name,
        id_number=id_number,
        procedure=procedure,
        appointment=due,
        officer=officer.full_name,
    )
    # The copy made for the queue is gone (it carries the ID number in clear text); the same
    # receipt rendered again is the reference for what the queue received.
    assert list(ctx.profile.receipts.iterdir()) == []
    sent = ctx.receipts.render_pdf(
        code, ctx.profile.root.parent / f"{safe_filename(code)}-ref.pdf", paper
    )
    # No lookup URL set for the demo centre: the QR's link is the relative "?ma=…&pin=…".
    assert_receipt_printed(
        sent,
        queue.wait_for_pdf(job),
        [*facts, f"Số điện thoại: {PHONE}"],
        code,
        f"?ma={code}&pin={pin}",
    )


def test_setup_wizard_then_login(qtbot, tmp_path, runner):
    context = open_context(tmp_path / "fresh")
    try:
        wizard = SetupWizard(context, runner)
        qtbot.addWidget(wizard)
        wizard.show()
        u = wizard.ui
        u.centre_name.setText("Trung tâm Phục vụ hành chính công thành phố Huế")
        u.governing_body.setText("UBND thành phố Huế")
        u.place_name.setText("Huế")
        wizard.button(QWizard.WizardButton.NextButton).click()
        wizard.button(QWizard.WizardButton.NextButton).click()
        u.counter_name.setText("Quầy 2")
        u.counter_slot.setValue(2)
        wizard.button(QWizard.WizardButton.NextButton).click()
        u.admin_username.setText("quantri")
        u.admin_full_name.setText("Lê Văn Quản")
        u.admin_password.setText("ngan")
        u.admin_password_confirm.setText("ngan")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: "admin_password" in wizard.errors.visible_errors(), timeout=10000)
        assert wizard.currentId() == 3 and not context.setup.is_set_up()
        u.admin_password.setText("mat-khau-123")
        u.admin_password_confirm.setText("mat-khau-123")
        with qtbot.waitSignal(wizard.completed, timeout=20000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
        assert context.setup.is_set_up()
        login = LoginDialog(context, runner, "", "quantri")
        qtbot.addWidget(login)
        login.show()
        type_text(login.ui.password, "sai-mat-khau")
        login.ui.login_button.click()
        qtbot.waitUntil(lambda: login.error_text() != "", timeout=10000)
        assert "Sai tên đăng nhập hoặc mật khẩu" in login.error_text()
        type_text(login.ui.password, "mat-khau-123")
        with qtbot.waitSignal(login.logged_in, timeout=10000) as sig:
            login.ui.login_button.click()
        assert sig.args[0].full_name == "Lê Văn Quản" and sig.args[0].role == "admin"
        runner.wait_idle()
    finally:
        context.close()


def test_qr_scan_search_errors_save_preview_print(qtbot, ctx, officer, runner, cups_queue):
    ctx.settings.set("printer", cups_queue.name)
    w = make_window(qtbot, ctx, officer, runner)
    intake = w.intake
    # Saving an empty form: the real validator's messages under the fields.
    intake.save()
    runner.wait_idle()  # the checks ran on the database lane
    shown = intake.visible_errors()
    assert {"submitter.full_name", "procedure_code"} <= set(shown)
    assert w.focusWidget() is intake.ui.submitter.ui.full_name
    # A scan with a warning, typed as the wedge scanner types it.
    intake.ui.qr_edit.setFocus()
    type_text(intake.ui.qr_edit, QR_WARN)
    press_enter(intake.ui.qr_edit)
    assert intake.ui.submitter.ui.full_name.text() == "Nguyễn Văn Ánh"
    assert intake.banner.kind() == "warning" and "Giới tính" in intake.banner.text()
    intake.clear()
    fill_intake(qtbot, w)
    proc = intake.picker.current()
    assert proc.name.startswith("Cấp đổi thẻ căn cước")
    assert intake.ui.papers_table.row_count() == len(proc.papers)
    assert "Hẹn trả kết quả:" in intake.ui.appointment_label.text()
    QTest.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.preview is not None, timeout=20000)
    preview = w.preview
    code = preview.code
    assert code.startswith("000.00.61.H57-")
    assert code in intake.banner.text()
    qtbot.waitUntil(lambda: preview.page is not None, timeout=30000)
    assert preview.page.width > 500 and not preview.ui.page_label.pixmap().isNull()
    assert shown_qr(preview) == [f"?ma={code}&pin={recorded(ctx, code)[1]}"]
    preview.ui.print_button.click()
    qtbot.waitUntil(
        lambda: (
            preview.ui.print_button.isEnabled()
            and preview.status_text() not in ("", "Đang gửi lệnh in…")
        ),
        timeout=30000,
    )
    assert preview.last_job, preview.status_text()
    assert_receipt_on_the_queue(
        ctx, officer, cups_queue, preview.last_job, code, preview.paper(), proc.name
    )
    preview.close()
    assert intake.is_blank() and ctx.drafts.pending("demo") == []
    # Today's list: the dossier, found by ID number, reprinted.
    w.search()
    qtbot.waitUntil(lambda: w.today.model.rowCount() == 1, timeout=10000)
    type_text(w.today.ui.search_edit, "046090001234")
    qtbot.waitUntil(lambda: "046090001234" in w.today.ui.summary_label.text(), timeout=10000)
    assert w.today.model.summary(0).code == code
    qtbot.waitUntil(w.isActiveWindow)
    QTest.keyClick(w, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.preview is not None and w.preview.page is not None, timeout=30000)
    assert w.preview.code == code
    assert shown_qr(w.preview) == [f"?ma={code}&pin={recorded(ctx, code)[1]}"]
    w.preview.close()
    runner.wait_idle()


def test_draft_survives_a_crash(qtbot, profile, ctx, officer, runner):
    w = make_window(qtbot, ctx, officer, runner)
    fill_intake(qtbot, w)
    type_text(w.intake.ui.notes, "Nộp thay cho mẹ")
    qtbot.waitUntil(
        lambda: any("Nộp thay cho mẹ" in str(d.payload) for d in ctx.drafts.pending("demo")),
        timeout=10000,
    )
    runner.wait_idle()
    shiboken6.delete(w)  # the desk "crashes": no closeEvent, nothing else saved
    ctx.close()
    again = open_context(profile)
    try:
        w2 = make_window(qtbot, again, officer, runner)
        qtbot.waitUntil(lambda: w2.restore_box is not None, timeout=10000)
        w2.restore_box.defaultButton().click()
        s = w2.intake.ui.submitter.ui
        assert s.full_name.text() == "Nguyễn Văn Ánh" and s.phone.text() == PHONE
        assert w2.intake.ui.notes.toPlainText() == "Nộp thay cho mẹ"
        qtbot.waitUntil(lambda: w2.intake.picker.current() is not None)
        assert w2.intake.picker.current().name.startswith("Cấp đổi thẻ căn cước")
        assert all(ticked for ticked, _p in w2.intake.ui.papers_table.all_papers())
        with qtbot.waitSignal(w2.intake.submitted, timeout=20000):
            w2.intake.save()
        qtbot.waitUntil(lambda: w2.preview is not None, timeout=10000)
        w2.preview.close()
        runner.wait_idle()
        assert again.drafts.pending("demo") == []
    finally:
        runner.wait_idle()
        again.close()


def test_idle_lock_with_real_password_check(qtbot, ctx, officer, runner):
    ctx.settings.set("idle_lock_minutes", 0.005)
    w = make_window(qtbot, ctx, officer, runner)
    type_text(w.intake.ui.submitter.ui.full_name, "Trần Thị Bình")
    qtbot.waitUntil(lambda: w.lock_dialog is not None, timeout=10000)
    lock = w.lock_dialog
    type_text(lock.ui.password, "sai")
    lock.ui.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.ui.error_label.isHidden(), timeout=10000)
    type_text(lock.ui.password, "demo")
    lock.ui.unlock_button.click()
    qtbot.waitUntil(lambda: w.lock_dialog is None, timeout=10000)
    assert w.intake.ui.submitter.ui.full_name.text() == "Trần Thị Bình"
    w.idle.set_minutes(0)
    runner.wait_idle()


def test_run_gui_on_a_set_up_profile_opens_login(qapp, ctx, monkeypatch):
    from hcc_desk.ui import launcher

    shown = []
    original = launcher.Flow._show

    def spy(self, window):
        shown.append((type(window), window.isVisible()))
        original(self, window)
        shown[-1] = (type(window), window.isVisible())

    monkeypatch.setattr(launcher.Flow, "_show", spy)
    assert run_gui(ctx, exit_when_ready=True) == 0
    assert shown == [(LoginDialog, True)]
