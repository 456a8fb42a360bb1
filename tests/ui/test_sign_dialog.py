"""Ký số from the scan dialog of a saved dossier, on the real services and a SoftHSM2 token (a
test CA made in the test): the dialog names the signer before the PIN, signs with the right PIN
and shows the result; a wrong PIN is a message and the PIN field is empty after every use and
on close; the paper's list says it is signed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import update

from hcc_desk.core.store.models import OcrJob
from hcc_desk.ui.sign_dialog import SignDialog
from tests.digitise.tokens import PIN, SIGNER_NAME, tokens
from tests.services.test_signing_service import attach_scan, configure, copies
from tests.support.demo_dossier import save_demo_dossier
from tests.ui.conftest import type_text

__all__ = ["tokens"]  # the session's SoftHSM2 store, a fixture


@pytest.fixture
def dossier(demo_ctx, tokens, tmp_path):
    """A saved dossier whose first paper has a saved copy, its text layer done; signing set up."""
    configure(demo_ctx, tokens)
    dossier = save_demo_dossier(demo_ctx)
    attach_scan(demo_ctx, dossier, tmp_path)
    with demo_ctx.store.write() as s:  # as the OCR worker leaves a file that kept its text
        s.execute(update(OcrJob).values(state="done"))
    return dossier


def open_dialog(qtbot, ctx, runner, dossier, position: int | None = 1) -> SignDialog:
    dialog = SignDialog(ctx.signing, runner, "demo", dossier.code, position, dossier.papers[0].name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Đang đọc" not in dialog.ui.signer_label.text(), timeout=10_000)
    return dialog


def enter_pin(dialog: SignDialog, pin: str) -> None:
    dialog.pin.setFocus()
    type_text(dialog.pin, pin)
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)  # keyboard first: Enter signs


def test_the_right_pin_signs_and_the_dialog_shows_the_result(qtbot, demo_ctx, runner, dossier):
    dialog = open_dialog(qtbot, demo_ctx, runner, dossier)
    assert SIGNER_NAME in dialog.ui.signer_label.text()  # read without the PIN
    assert dialog.pin.echoMode() == dialog.pin.EchoMode.Password

    with qtbot.waitSignal(dialog.signed, timeout=30_000) as signed:
        enter_pin(dialog, PIN)
        assert dialog.pin.text() == ""  # emptied as soon as it was taken
        # While the token signs: says so, nothing to press twice, Esc does not drop it.
        assert "Đang ký số" in dialog.ui.status_label.text()
        assert not dialog.ok_button.isEnabled() and not dialog.pin.isEnabled()
        dialog.reject()
        assert dialog.isVisible()

    [paper] = signed.args[0].signed
    assert paper.signer == SIGNER_NAME and paper.position == 1
    said = dialog.ui.status_label.text()
    assert "Đã ký số 1 giấy tờ" in said and SIGNER_NAME in said
    assert dialog.ui.error_label.isHidden() and not dialog.ok_button.isVisible()
    assert dialog.cancel_button.text() == "Đóng"
    assert len(copies(demo_ctx, dossier, 1)) == 2


def test_a_wrong_pin_says_so_and_leaves_the_field_empty(qtbot, demo_ctx, runner, dossier):
    dialog = open_dialog(qtbot, demo_ctx, runner, dossier)
    enter_pin(dialog, "000000")
    qtbot.waitUntil(lambda: not dialog.ui.error_label.isHidden(), timeout=30_000)

    assert "Sai mã PIN của token officer" in dialog.ui.error_label.text()
    assert dialog.pin.text() == "" and dialog.pin.isEnabled() and dialog.ok_button.isEnabled()
    assert len(copies(demo_ctx, dossier, 1)) == 1  # nothing added
    # Typed again, right this time: signed.
    with qtbot.waitSignal(dialog.signed, timeout=30_000):
        enter_pin(dialog, PIN)
    assert len(copies(demo_ctx, dossier, 1)) == 2


def test_the_pin_field_is_emptied_on_close(qtbot, demo_ctx, runner, dossier):
    dialog = open_dialog(qtbot, demo_ctx, runner, dossier)
    type_text(dialog.pin, PIN)
    QTest.keyClick(dialog.pin, Qt.Key.Key_Escape)
    assert dialog.pin.text() == "" and not dialog.isVisible()
    assert len(copies(demo_ctx, dossier, 1)) == 1


def test_a_desk_without_a_token_library_says_what_to_set(qtbot, demo_ctx, runner, tmp_path):
    dossier = save_demo_dossier(demo_ctx)
    dialog = SignDialog(demo_ctx.signing, runner, "demo", dossier.code, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "chưa cấu hình ký số" in dialog.ui.error_label.text()
    assert not dialog.pin.isEnabled() and not dialog.ok_button.isEnabled()


def test_the_scan_dialog_signs_the_selected_paper_with_f9(qtbot, demo_ctx, runner, dossier):
    from hcc_desk.ui.capture.dossier_scan import DossierScanDialog

    officer = demo_ctx.auth.login("demo", "demo")
    scan = DossierScanDialog(demo_ctx, runner, officer, dossier.code)
    qtbot.addWidget(scan)
    scan.show()
    qtbot.waitUntil(lambda: scan.sign_button.isEnabled(), timeout=20_000)
    scan.select_paper(1)
    QTest.keyClick(scan, Qt.Key.Key_F9)
    [dialog] = scan.findChildren(SignDialog)
    qtbot.waitUntil(lambda: SIGNER_NAME in dialog.ui.signer_label.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.signed, timeout=30_000):
        enter_pin(dialog, PIN)
    # The list reloads: the paper says it is signed, its pages are not counted twice.
    qtbot.waitUntil(lambda: "đã ký số" in scan.paper_rows.index(0, 0).data(), timeout=10_000)
    assert "đã lưu 1 trang" in scan.paper_rows.index(0, 0).data()
    dialog.close()
    scan.panel.stop()


def test_pins_typed_in_the_dialog_stay_out_of_the_profile(qtbot, demo_ctx, runner, dossier):
    dialog = open_dialog(qtbot, demo_ctx, runner, dossier)
    with qtbot.waitSignal(dialog.signed, timeout=30_000):
        enter_pin(dialog, PIN)
    dialog.close()
    runner.wait_idle()
    demo_ctx.close()
    for path in Path(demo_ctx.profile.root).rglob("*"):
        if path.is_file():
            assert PIN.encode() not in path.read_bytes(), path
