"""End to end through a real CUPS scheduler and the cups-pdf virtual printer."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcc_desk.core.printing import dispatch
from hcc_desk.core.printing.dispatch import PrinterError, Problem
from hcc_desk.core.printing.receipt import render_receipt_pdf
from hcc_desk.core.printing.receipt_data import ReceiptData
from tests.conftest_cups import CupsQueue
from tests.support.printed import assert_receipt_printed, page_count, page_size_mm, receipt_facts

pytestmark = pytest.mark.cups


def test_queue_is_listed(cups_queue: CupsQueue) -> None:
    assert cups_queue.name in dispatch.list_printers()
    assert dispatch.check_printer(cups_queue.name) == cups_queue.name


@pytest.mark.parametrize(("paper", "size_mm"), [("A5", (148, 210)), ("A4", (210, 297))])
def test_receipt_prints_on_the_right_paper(
    cups_queue: CupsQueue,
    receipt: ReceiptData,
    tmp_path: Path,
    paper: str,
    size_mm: tuple[int, int],
) -> None:
    pdf = tmp_path / "receipt.pdf"
    render_receipt_pdf(receipt, pdf, paper=paper)
    job = dispatch.print_pdf(pdf, cups_queue.name, paper=paper, title=f"receipt {paper}")
    assert job.startswith(f"{cups_queue.name}-")

    out = cups_queue.wait_for_pdf(job)
    assert page_count(out) == 2  # Liên 1 and Liên 2
    for page in (1, 2):
        w, h = page_size_mm(out, page)
        # The cups-pdf PPD rounds sizes to whole points (A5 = 421 x 595 pt).
        assert abs(w - size_mm[0]) < 1 and abs(h - size_mm[1]) < 1
    assert_receipt_printed(
        pdf, out, receipt_facts(receipt), receipt.dossier_code, receipt.lookup_url
    )


def test_disabled_queue_gives_a_clear_error(
    cups_queue: CupsQueue, receipt: ReceiptData, tmp_path: Path
) -> None:
    pdf = tmp_path / "receipt.pdf"
    render_receipt_pdf(receipt, pdf)
    cups_queue.admin("cupsdisable", "-r", "Hết giấy khay 1")
    try:
        with pytest.raises(PrinterError) as e:
            dispatch.print_pdf(pdf, cups_queue.name)
    finally:
        cups_queue.admin("cupsenable")
    assert e.value.problem is Problem.DISABLED
    assert e.value.message == (
        f"Máy in “{cups_queue.name}” đang bị dừng (hàng đợi in đang tạm dừng; Hết giấy khay 1). "
        "Hãy khắc phục rồi bật lại hàng đợi in; giấy sẽ được in khi máy in hoạt động trở lại."
    )
    assert "paused" in e.value.text("en")


def test_rejecting_and_unknown_queues(cups_queue: CupsQueue, tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    cups_queue.admin("cupsreject")
    try:
        with pytest.raises(PrinterError) as e:
            dispatch.print_pdf(pdf, cups_queue.name)
    finally:
        cups_queue.admin("cupsaccept")
    assert e.value.problem is Problem.REJECTING
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "NO_SUCH_QUEUE")
    assert e.value.problem is Problem.NO_SUCH_PRINTER


def test_scheduler_not_running(
    cups_queue: CupsQueue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd-here.sock"))
    with pytest.raises(PrinterError) as e:
        dispatch.list_printers()
    assert e.value.problem is Problem.SCHEDULER_DOWN
