"""The return desk on the real services: a wedge scan of the receipt's barcode to the printed
result slip on the CUPS queue, the refusals an officer meets, and the whole after-intake path
through the step dialogs with every slip printed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from hcc_core.domain.status import DossierStatus as S
from hcc_desk.core.store.models import HandBack, Handover
from hcc_desk.services import forms as forms_service
from hcc_desk.ui.return_desk.view import ReturnDeskView
from tests.services.after_intake_helpers import OWNER_ID, PROXY_QR, QR, intake
from tests.support.printed import SentCopies, assert_printed_as_sent, barcodes, pdf_text

from .conftest import RECEIVED

OWNER_NAME = QR.split("|")[2]  # the name on the owner's chip card


def make_view(qtbot, ctx, officer, runner) -> ReturnDeskView:
    view = ReturnDeskView(ctx, officer, runner)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def scan(qtbot, view: ReturnDeskView, code: str) -> None:
    """What a 1D keyboard-wedge scanner does: the code's characters, then Enter."""
    view.code_edit.setFocus()
    view.code_edit.setText(code)
    with qtbot.waitSignal(view.opened, timeout=10000):
        qtbot.keyClick(view.code_edit, Qt.Key.Key_Return)


def scan_qr(qtbot, view: ReturnDeskView, payload: str) -> None:
    view.qr_edit.setFocus()
    view.qr_edit.setText(payload)  # non-ASCII: never keyClicks (docs/testing.md)
    qtbot.keyClick(view.qr_edit, Qt.Key.Key_Return)


@pytest.fixture(autouse=True)
def sent_copies(monkeypatch, tmp_path) -> SentCopies:
    """The forms service removes what it printed; the tests keep a copy of what it sent."""
    global _SENT
    _SENT = SentCopies.record(monkeypatch, forms_service, tmp_path / "sent")
    return _SENT


_SENT: SentCopies | None = None


def printed_pdf(qtbot, view, cups_queue, kind: str, trigger) -> str:
    """Run ``trigger``, wait for the form on the queue; returns the text of the form sent.

    cups-pdf re-renders through Ghostscript, which loses the Vietnamese text: the queue's copy
    must match the PDF sent page for page (words, ink) and still carry the scannable code."""
    with qtbot.waitSignal(
        view.printed, timeout=30000, check_params_cb=lambda k, _job, _path: k == kind
    ) as blocker:
        trigger()
    _, job, path = blocker.args
    assert not Path(path).exists()  # the desk keeps no clear-text copy
    assert _SENT is not None
    sent, out = _SENT.files[-1], cups_queue.wait_for_pdf(job)
    assert barcodes(out)["code128"] == [view.card.code]
    assert_printed_as_sent(sent, out)
    return pdf_text(sent)


@pytest.mark.cups
def test_barcode_scan_to_printed_result_slip(qtbot, ctx, officer, runner, clock, cups_queue):
    ctx.settings.set("printer", cups_queue.name)
    code = intake(ctx, RECEIVED)
    ctx.agency_steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    clock.set(datetime(2026, 12, 4, 10, 0))
    ctx.agency_steps.result_ready(code, "demo")
    view = make_view(qtbot, ctx, officer, runner)

    scan(qtbot, view, code)
    assert view.code_value.text() == code
    assert OWNER_NAME in view.applicant_value.text()
    assert "sẵn sàng trả" in view.ready_value.text() and "Trước hạn" in view.ready_value.text()
    assert view.return_button.isEnabled() and not view.step_buttons["transfer"].isEnabled()

    scan_qr(qtbot, view, QR)  # the owner shows her chip card
    assert (view.name_edit.text(), view.id_edit.text()) == (OWNER_NAME, OWNER_ID)
    clock.set(datetime(2026, 12, 9, 15, 30))  # she comes after the appointment: still early
    text = printed_pdf(qtbot, view, cups_queue, "result", view.return_button.click)

    assert view.outcome_label.text() == "Đã trả kết quả: Trước hạn"
    assert f"Họ và tên: {OWNER_NAME}" in text and f"Mã hồ sơ: {code}" in text
    assert OWNER_ID in text and "Tiến độ giải quyết: Trước hạn" in text
    qtbot.waitUntil(lambda: view.card.hand_back is not None, timeout=10000)
    assert view.card.status == S.DONE and not view.return_button.isEnabled()
    assert view.reprint_button.isEnabled()
    assert "Đã trả cho Nguyễn Thị Hương" in view.ready_value.text()


def test_refusals_are_shown_not_raised(qtbot, ctx, officer, runner):
    code = intake(ctx, RECEIVED)
    view = make_view(qtbot, ctx, officer, runner)
    view.code_edit.setText("000.00.61.H57-261125-9999")
    qtbot.keyClick(view.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.banner.kind() == "error", timeout=10000)
    assert "Không tìm thấy hồ sơ" in view.banner.text() and view.card is None

    scan(qtbot, view, code.lower())  # a scanner in lower case still finds it
    assert view.ready_value.text() == "Chưa có kết quả"
    assert not view.return_button.isEnabled() and not view.recipient_box.isEnabled()
    view.hand_back()  # the shortcut on a dossier without a result does nothing
    runner.wait_idle()
    with ctx.store.session() as s:
        assert s.scalar(select(HandBack)) is None


def test_authorised_person_needs_the_letter(qtbot, ctx, officer, runner, clock):
    code = intake(ctx, RECEIVED)
    ctx.agency_steps.result_ready(code, "demo")
    view = make_view(qtbot, ctx, officer, runner)
    scan(qtbot, view, code)
    view.authorised_radio.setChecked(True)
    scan_qr(qtbot, view, "không phải mã QR")
    assert view.banner.kind() == "error" and view.name_edit.text() == ""
    scan_qr(qtbot, view, PROXY_QR)
    assert view.id_edit.text() == "046190001234"
    assert view.banner.kind() == "warning"  # the card's sex digit disagrees: shown, not fatal
    view.return_button.click()
    qtbot.waitUntil(lambda: view.banner.kind() == "error", timeout=10000)
    assert "giấy ủy quyền" in view.banner.text()
    assert view.return_button.isEnabled()  # nothing recorded: try again
    view.ref_edit.setText("GUQ 15/2026")
    with qtbot.waitSignal(view.handed_back, timeout=10000) as blocker:
        view.return_button.click()
    assert blocker.args[0].relation == "authorised"
    runner.wait_idle()


def _step(qtbot, view: ReturnDeskView, step: str, fill) -> None:
    dialog = view.open_step(step)
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    with qtbot.waitSignal(view.step_done, timeout=10000):
        dialog.accept()


@pytest.mark.cups
def test_full_path_with_every_slip_printed(
    qtbot, ctx, officer, runner, clock, cups_queue, tmp_path
):
    ctx.settings.set("printer", cups_queue.name)
    code = intake(ctx, RECEIVED)
    view = make_view(qtbot, ctx, officer, runner)
    scan(qtbot, view, code)
    assert view.step_buttons["transfer"].isEnabled()
    assert not view.step_buttons["supplement_received"].isEnabled()

    # 1. Transfer to the agency: Mẫu 05 with the first hop.
    clock.set(datetime(2026, 11, 25, 10, 0))
    agency = "Phòng Quản lý xuất nhập cảnh"
    text = printed_pdf(
        qtbot,
        view,
        cups_queue,
        "control",
        lambda: _step(qtbot, view, "transfer", lambda d: d.to_edit.setEditText(agency)),
    )
    assert f"Mã hồ sơ: {code}" in text and f"2. Nhận: {agency}" in text
    qtbot.waitUntil(lambda: view.card.status == S.PROCESSING, timeout=10000)

    # 2. The agency asks for a supplement: Mẫu 02 listing the missing papers; clock stops.
    clock.set(datetime(2026, 11, 26, 10, 0))

    missing = view.card.papers[1]  # ticked in the checklist of the dossier's papers

    def fill_supplement(d):
        d.check_paper(missing)
        d.other_papers.setPlainText("Bản sao giấy khai sinh")
        d.text_edit.setPlainText("Ảnh không đúng quy cách <b>4x6</b>")

    text = printed_pdf(
        qtbot,
        view,
        cups_queue,
        "supplement",
        lambda: _step(qtbot, view, "supplement", fill_supplement),
    )
    assert f"Mã hồ sơ: {code}" in text and "Bản sao giấy khai sinh" in text
    assert "Lý do: Ảnh không đúng quy cách <b>4x6</b>" in text
    assert " ".join(missing.split()[:6]) in text
    qtbot.waitUntil(lambda: view.card.status == S.WAITING_SUPPLEMENT, timeout=10000)
    assert view.step_buttons["supplement_received"].isEnabled()
    assert not view.step_buttons["transfer"].isEnabled()

    # 3. The applicant brings it on Monday: the appointment moves by two office days.
    clock.set(datetime(2026, 11, 30, 10, 0))
    _step(qtbot, view, "supplement_received", lambda d: None)
    qtbot.waitUntil(lambda: view.card.status == S.PROCESSING, timeout=10000)
    assert view.card.due_at == datetime(2026, 12, 9, 9, 0)

    # 4. The result comes back to the counter: Mẫu 05 again, now with the return hop.
    clock.set(datetime(2026, 12, 9, 8, 0))
    text = printed_pdf(
        qtbot,
        view,
        cups_queue,
        "control",
        lambda: _step(qtbot, view, "result_ready", lambda d: None),
    )
    assert f"Mã hồ sơ: {code}" in text and f"3. Giao: {agency}" in text and "Đúng hạn" in text
    qtbot.waitUntil(lambda: view.card.ready, timeout=10000)

    # 5. Handed back to the owner: the result slip.
    scan_qr(qtbot, view, QR)
    clock.set(datetime(2026, 12, 9, 14, 0))
    text = printed_pdf(qtbot, view, cups_queue, "result", view.return_button.click)
    assert f"Mã hồ sơ: {code}" in text and f"Họ và tên: {OWNER_NAME}" in text
    assert "Tiến độ giải quyết: Đúng hạn" in text
    assert view.outcome_label.text() == "Đã trả kết quả: Đúng hạn"  # on the moved due day
    runner.wait_idle()

    with ctx.store.session() as s:
        hops = [
            (h.from_party, h.to_party) for h in s.scalars(select(Handover).order_by(Handover.seq))
        ]
        hb = s.scalar(select(HandBack))
    assert hops == [
        ("Bộ phận tiếp nhận và trả kết quả", agency),
        (agency, "Bộ phận tiếp nhận và trả kết quả"),
    ]
    assert hb.timing == "on_time"

    # The ledger (Mẫu 06, D1's service) shows the dossier with its outcome.
    ledger = ctx.forms.ledger_data(date(2026, 11, 25), date(2026, 11, 25), "demo")
    (row,) = [r for r in ledger.rows if r.code == code]
    assert row.status == S.DONE and row.returned_at == datetime(2026, 12, 9, 14, 0)
    assert row.result_ready_at == datetime(2026, 12, 9, 8, 0)
    assert row.timing == "on_time" and row.recipient == "Nguyễn Thị Hương"
    assert row.transferred_at == datetime(2026, 11, 25, 10, 0)
    files = ctx.forms.ledger(
        date(2026, 11, 25), date(2026, 11, 25), xlsx=tmp_path / "so.xlsx", officer_username="demo"
    )
    assert files.rows == 1 and (tmp_path / "so.xlsx").exists()

    # And supervision counts it on time for its agency.
    rates = ctx.supervision.rates("demo", date(2026, 12, 1), date(2026, 12, 31), "agency")
    assert [(r.key, r.early, r.on_time, r.late) for r in rates] == [
        ("Công an cấp tỉnh", 0, 1, 0),
        ("", 0, 1, 0),
    ]
    assert not any(ctx.supervision.overview("demo").lists.counts().values())
