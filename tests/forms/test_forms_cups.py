"""Forms through a real CUPS scheduler and the cups-pdf virtual printer."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hcc_desk.core.printing.dispatch import PrinterError, Problem
from hcc_desk.core.printing.paper_qr import parse_fragment
from hcc_desk.core.store.models import AuditLog
from hcc_desk.services import forms as forms_service
from tests.conftest_cups import CupsQueue
from tests.forms.desk_walk import APPLICANT, IMMIGRATION, POLICE, PROXY, Desk
from tests.support.printed import (
    SentCopies,
    assert_printed_as_sent,
    barcodes,
    page_count,
    page_size_mm,
    pdf_text,
    queue_text,
    skeleton,
)

pytestmark = pytest.mark.cups


# What each form must show of the walked dossier, from the facts the walk recorded.
FACTS = {
    "control": [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"Tên tổ chức/cá nhân: {APPLICANT}",
        f"2. Nhận: {IMMIGRATION}",
        f"4. Nhận: {POLICE}",
    ],
    "result": [
        "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        f"Người nộp hồ sơ: {APPLICANT}",
        f"Họ và tên: {PROXY.name}",
        f"Số định danh cá nhân: {PROXY.id_number}",
        f"Giấy ủy quyền: {PROXY.authorisation_ref}",
    ],
}


@pytest.mark.parametrize("kind", sorted(FACTS))
def test_form_prints_on_the_queue_with_its_facts_and_barcode(
    cups_queue: CupsQueue, walked: Desk, kind: str, monkeypatch, tmp_path
) -> None:
    code = walked.codes["full"]
    sent = SentCopies.record(monkeypatch, forms_service, tmp_path / "sent")
    done = walked.ctx.forms.print_form(kind, code, "demo", printer=cups_queue.name)
    assert done.job.startswith(f"{cups_queue.name}-")
    # The desk keeps no copy with the applicant's ID number in clear text.
    assert not done.path.exists() and list((walked.ctx.profile.root / "forms").iterdir()) == []
    [sent_pdf] = sent.files
    out = cups_queue.wait_for_pdf(done.job)
    assert page_count(out) == 1
    w, h = page_size_mm(out)
    assert abs(w - 210) < 1 and abs(h - 297) < 1
    facts = [f"Mã hồ sơ: {code}", *FACTS[kind]]
    assert not [f for f in facts if f not in pdf_text(sent_pdf)]  # the PDF submitted
    # The queue's copy (re-rendered by Ghostscript): its readable words, codes and ink.
    assert not [f for f in facts if skeleton(f) not in queue_text(out)]
    found = barcodes(out)
    assert found["code128"] == [code]
    [qr] = found["qr"]  # the Circular 01/2023 QR survives the queue too
    assert parse_fragment(qr)["hs"] == code and "?ma=" in qr.partition("#")[0]
    assert_printed_as_sent(sent_pdf, out)
    with walked.ctx.store.session() as s:
        row = s.scalars(
            select(AuditLog)
            .where(AuditLog.action == f"form.{kind}.print")
            .order_by(AuditLog.id.desc())
        ).first()
    assert row.detail["job"] == done.job and row.detail["code"] == code


def test_a_paused_queue_is_reported_and_nothing_is_kept(
    cups_queue: CupsQueue, walked: Desk
) -> None:
    cups_queue.admin("cupsdisable", "-r", "Kẹt giấy")
    try:
        with pytest.raises(PrinterError) as e:
            walked.ctx.forms.print_form(
                "supplement", walked.codes["full"], "demo", printer=cups_queue.name
            )
    finally:
        cups_queue.admin("cupsenable")
    assert e.value.problem is Problem.DISABLED and "Kẹt giấy" in e.value.message
    # Printing again renders it again: no clear-text copy waits in the profile meanwhile.
    assert list((walked.ctx.profile.root / "forms").iterdir()) == []
