"""Forms through a real CUPS scheduler and the cups-pdf virtual printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest_cups import CupsQueue
from tests.forms.desk_walk import Desk
from tests.printing.helpers import decode, page_image, page_size_mm, pdf_info

from hcc_desk.core.printing.dispatch import PrinterError, Problem
from hcc_desk.core.store.models import AuditLog

pytestmark = pytest.mark.cups


@pytest.mark.parametrize("kind", ["control", "result"])
def test_form_prints_on_the_queue_and_its_barcode_still_scans(
        cups_queue: CupsQueue, walked: Desk, tmp_path: Path, kind: str) -> None:
    code = walked.codes["full"]
    done = walked.ctx.forms.print_form(kind, code, "demo", printer=cups_queue.name)
    assert done.job.startswith(f"{cups_queue.name}-") and done.path.exists()
    out = cups_queue.wait_for_pdf(done.job)
    assert pdf_info(out)["Pages"] == "1"
    w, h = page_size_mm(out)
    assert abs(w - 210) < 1 and abs(h - 297) < 1
    # cups-pdf re-renders through Ghostscript: the printed page must still carry the code.
    assert decode(page_image(out, 1, tmp_path, dpi=300, top=0.4))["code128"] == [code]
    with walked.ctx.store.session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == f"form.{kind}.print")
                        .order_by(AuditLog.id.desc())).first()
    assert row.detail["job"] == done.job and row.detail["code"] == code


def test_a_paused_queue_is_reported_and_the_pdf_kept(cups_queue: CupsQueue,
                                                      walked: Desk) -> None:
    cups_queue.admin("cupsdisable", "-r", "Kẹt giấy")
    try:
        with pytest.raises(PrinterError) as e:
            walked.ctx.forms.print_form("supplement", walked.codes["full"], "demo",
                                        printer=cups_queue.name)
    finally:
        cups_queue.admin("cupsenable")
    assert e.value.problem is Problem.DISABLED and "Kẹt giấy" in e.value.message
    kept = walked.ctx.profile.root / "forms" / f"{walked.codes['full']}-supplement.pdf"
    assert kept.read_bytes().startswith(b"%PDF")  # can be printed later without re-rendering
