"""The saved dossier's scan dialog has a "Kết quả giải quyết" target below its papers: reached
from the keyboard, a file added to it is saved as the dossier's result document (not a paper),
and F9 on it signs that file with the officer's token (SoftHSM2, a test CA made in the test);
the row then says it is signed. Real services on a demo profile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import update

from hcc_desk.core.store.models import OcrJob
from hcc_desk.ui.capture.scan_panel import PaperTarget
from hcc_desk.ui.sign_dialog import SignDialog
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.tokens import PIN, SIGNER_NAME, tokens
from tests.services.test_signing_service import attach_scan, configure
from tests.support.demo_dossier import save_demo_dossier
from tests.ui.test_sign_dialog import enter_pin

__all__ = ["tokens"]  # the session's SoftHSM2 store, a fixture


@pytest.fixture
def dossier(demo_ctx, tokens, tmp_path):
    """A saved dossier whose first paper has a saved copy; signing set up."""
    configure(demo_ctx, tokens)
    dossier = save_demo_dossier(demo_ctx)
    attach_scan(demo_ctx, dossier, tmp_path)
    return dossier


def result_row(scan) -> str:
    return scan.paper_rows.index(len(scan.detail.papers), 0).data()


def test_the_result_target_takes_a_file_and_f9_signs_it(qtbot, demo_ctx, runner, dossier, tmp_path):
    from hcc_desk.ui.capture.dossier_scan import DossierScanDialog

    officer = demo_ctx.auth.login("demo", "demo")
    scan = DossierScanDialog(demo_ctx, runner, officer, dossier.code)
    qtbot.addWidget(scan)
    scan.show()
    rows = len(dossier.papers) + 1
    qtbot.waitUntil(lambda: scan.paper_rows.rowCount() == rows, timeout=20_000)
    assert result_row(scan) == "Kết quả giải quyết"  # below the papers, nothing in it yet

    scan.papers.setFocus()
    QTest.keyClick(scan.papers, Qt.Key.Key_End)  # keyboard first: the last row is the result
    assert scan.is_result_row()
    key = "dossier:" + dossier.uuid + ":result"
    assert scan.panel.target == PaperTarget(key, None, "Kết quả giải quyết", dossier.code)
    assert not scan.sign_button.isEnabled()  # nothing saved to sign
    QTest.keyClick(scan, Qt.Key.Key_F9)
    assert scan.findChildren(SignDialog) == []

    with qtbot.waitSignal(scan.panel.files_imported, timeout=20_000):
        scan.panel.add_files([vietnamese_pdf(tmp_path / "ket-qua.pdf")])
    assert "1 trang chưa lưu" in result_row(scan)
    QTest.keyClick(scan, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: scan.report is not None, timeout=60_000)
    assert scan.report.failed == [] and scan.report.pages == 1
    qtbot.waitUntil(lambda: "đã lưu 1 trang" in result_row(scan), timeout=10_000)
    [result] = [a for a in demo_ctx.capture.attachments(dossier.code) if a.paper_position is None]
    assert result.filename == f"ket-qua-{dossier.code}.pdf"
    assert scan.is_result_row() and scan.sign_button.isEnabled()
    with demo_ctx.store.write() as s:  # as the OCR worker leaves a file that kept its text
        s.execute(update(OcrJob).values(state="done"))

    QTest.keyClick(scan, Qt.Key.Key_F9)
    [dialog] = scan.findChildren(SignDialog)
    assert "Kết quả giải quyết" in dialog.ui.what_label.text()
    qtbot.waitUntil(lambda: SIGNER_NAME in dialog.ui.signer_label.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.signed, timeout=30_000) as signed:
        enter_pin(dialog, PIN)
    [done] = signed.args[0].signed
    assert done.signed_from == result.uuid and done.position is None  # that file, no paper
    qtbot.waitUntil(lambda: "đã ký số" in result_row(scan), timeout=10_000)
    assert "đã lưu 1 trang" in result_row(scan)  # the signed version is not more pages
    assert "đã ký số" not in scan.paper_rows.index(0, 0).data()  # the paper was not signed
    dialog.close()
    scan.panel.stop()
    runner.wait_idle()
