"""print_pdf / list_printers / default_printer over CUPS, with the lp/lpstat answers faked."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from hcc_desk.core.printing import dispatch
from hcc_desk.core.printing.dispatch import PrinterError, Problem
from hcc_desk.core.printing.runner import CommandResult

RUNNING = CommandResult(0, "scheduler is running\n", "")
IDLE = (
    "printer HCC_PDF is idle.  enabled since Wed Nov 25 09:28:48 2026\n"
    "\tForm mounted:\n\tContent types: any\n\tDescription: HCC_PDF\n\tAlerts: none\n"
)


class FakeCups:
    """Answers by command prefix; records every command run."""

    def __init__(self, answers: dict[tuple[str, ...], CommandResult | Exception]) -> None:
        self.answers = {("lpstat", "-r"): RUNNING, **answers}
        self.calls: list[tuple[str, ...]] = []

    def __call__(self, args: Sequence[str]) -> CommandResult:
        args = tuple(args)
        self.calls.append(args)
        for prefix in sorted(self.answers, key=len, reverse=True):
            if args[: len(prefix)] == prefix:
                answer = self.answers[prefix]
                if isinstance(answer, Exception):
                    raise answer
                return answer
        raise AssertionError(f"unexpected command {args}")


def ok(stdout: str) -> CommandResult:
    return CommandResult(0, stdout, "")


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    p = tmp_path / "r.pdf"
    p.write_bytes(b"%PDF-1.4\n")
    return p


IDLE_STATUS = ok(IDLE)
SUBMITTED = ok("request id is HCC_PDF-12 (1 file(s))\n")


def printing(status: CommandResult = IDLE_STATUS, lp: CommandResult = SUBMITTED) -> FakeCups:
    """A CUPS with HCC_PDF as default, answering ``status`` to lpstat -l -p and ``lp``."""
    return FakeCups(
        {
            ("lpstat", "-d"): ok("system default destination: HCC_PDF\n"),
            ("lpstat", "-l", "-p"): status,
            ("lp",): lp,
        }
    )


def test_print_returns_job_id_and_passes_paper_copies_title(pdf: Path) -> None:
    fake = printing()
    job = dispatch.print_pdf(
        pdf, "HCC_PDF", paper="A5", title="Giấy\ntiếp nhận", copies=2, runner=fake
    )
    assert job == "HCC_PDF-12"
    lp = next(c for c in fake.calls if c[0] == "lp")
    assert lp == (
        "lp",
        "-d",
        "HCC_PDF",
        "-n",
        "2",
        "-t",
        "Giấy tiếp nhận",
        "-o",
        "media=A5",
        "-o",
        "sides=one-sided",
        str(pdf.resolve()),
    )


def test_default_printer_is_used_when_none_given(pdf: Path) -> None:
    fake = printing()
    assert dispatch.print_pdf(pdf, runner=fake) == "HCC_PDF-12"
    assert ("lpstat", "-d") in fake.calls


def test_lists_and_default() -> None:
    fake = FakeCups(
        {
            ("lpstat", "-e"): ok("HCC_PDF\nOffice_Laser\n"),
            ("lpstat", "-d"): ok("no system default destination\n"),
        }
    )
    assert dispatch.list_printers(runner=fake) == ["HCC_PDF", "Office_Laser"]
    assert dispatch.default_printer(runner=fake) is None


def test_no_default_printer(pdf: Path) -> None:
    fake = FakeCups(
        {("lpstat", "-d"): ok("no system default destination\n"), ("lpstat", "-e"): ok("HCC_PDF\n")}
    )
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, runner=fake)
    assert e.value.problem is Problem.NO_DEFAULT
    assert "máy in mặc định" in str(e.value)


def test_scheduler_down_is_reported_not_an_empty_list(pdf: Path) -> None:
    fake = FakeCups({("lpstat", "-r"): ok("scheduler is not running\n"), ("lpstat", "-e"): ok("")})
    with pytest.raises(PrinterError) as e:
        dispatch.list_printers(runner=fake)
    assert e.value.problem is Problem.SCHEDULER_DOWN
    assert "CUPS" in e.value.message and "not running" in e.value.text("en")
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "HCC_PDF", runner=fake)
    assert e.value.problem is Problem.SCHEDULER_DOWN


def test_no_such_printer(pdf: Path) -> None:
    fake = printing(
        status=CommandResult(1, "", 'lpstat: Invalid destination name in list "NOPE".\n')
    )
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "NOPE", runner=fake)
    assert e.value.problem is Problem.NO_SUCH_PRINTER
    assert "Không tìm thấy máy in “NOPE”" in str(e.value)
    assert not any(c[0] == "lp" for c in fake.calls)


def test_paused_queue(pdf: Path) -> None:
    fake = printing(
        status=ok(
            "printer HCC_PDF disabled since Wed Nov 25 09:28:48 2026 -\n\tPaused\n"
            "\tForm mounted:\n\tAlerts: paused\n"
        )
    )
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "HCC_PDF", runner=fake)
    assert e.value.problem is Problem.DISABLED
    assert "đang bị dừng (hàng đợi in đang tạm dừng)" in e.value.message
    assert "queue paused" in e.value.text("en")


def test_printer_stopped_out_of_paper(pdf: Path) -> None:
    fake = printing(
        status=ok(
            "printer HCC_PDF disabled since Wed Nov 25 09:28:48 2026 -\n\tHết giấy ở khay 2\n"
            "\tForm mounted:\n\tAlerts: media-empty-error paused\n"
        )
    )
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "HCC_PDF", runner=fake)
    assert e.value.problem is Problem.DISABLED
    assert "hết giấy" in e.value.message and "Hết giấy ở khay 2" in e.value.message
    assert "out of paper" in e.value.text("en")


def test_enabled_printer_reporting_an_error_blocks_but_a_warning_does_not(pdf: Path) -> None:
    jam = printing(status=ok(IDLE.replace("Alerts: none", "Alerts: media-jam-error")))
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "HCC_PDF", runner=jam)
    assert e.value.problem is Problem.FAULT and "kẹt giấy" in e.value.message
    low = printing(status=ok(IDLE.replace("Alerts: none", "Alerts: toner-low-warning")))
    assert dispatch.print_pdf(pdf, "HCC_PDF", runner=low) == "HCC_PDF-12"


@pytest.mark.parametrize(
    ("stderr", "problem"),
    [
        ('lp: Destination "HCC_PDF" is not accepting jobs.', Problem.REJECTING),
        ("lp: Error - The printer or class does not exist.", Problem.NO_SUCH_PRINTER),
        ("lp: Unable to connect to server.", Problem.SCHEDULER_DOWN),
        ("lp: Error - unable to queue from stdin.", Problem.SUBMIT_FAILED),
    ],
)
def test_lp_failures(pdf: Path, stderr: str, problem: Problem) -> None:
    fake = printing(lp=CommandResult(1, "", stderr + "\n"))
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "HCC_PDF", runner=fake)
    assert e.value.problem is problem
    assert e.value.message and e.value.text("en")


def test_missing_tools_and_hung_scheduler(pdf: Path) -> None:
    gone = FakeCups({("lpstat",): FileNotFoundError("lpstat")})
    with pytest.raises(PrinterError) as e:
        dispatch.print_pdf(pdf, "HCC_PDF", runner=gone)
    assert e.value.problem is Problem.NOT_INSTALLED
    hung = FakeCups({("lpstat",): subprocess.TimeoutExpired("lpstat", 15)})
    with pytest.raises(PrinterError) as e:
        dispatch.list_printers(runner=hung)
    assert e.value.problem is Problem.SCHEDULER_DOWN


def test_caller_mistakes_are_not_printer_errors(pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        dispatch.print_pdf(pdf, "HCC_PDF", paper="Letter", runner=printing())
    with pytest.raises(ValueError):
        dispatch.print_pdf(pdf, "HCC_PDF", copies=0, runner=printing())
    with pytest.raises(FileNotFoundError):
        dispatch.print_pdf(tmp_path / "missing.pdf", "HCC_PDF", runner=printing())
