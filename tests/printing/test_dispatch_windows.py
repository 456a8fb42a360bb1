"""The Windows print route, with PowerShell, SumatraPDF and the shell faked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from hcc_desk.core.printing import dispatch
from hcc_desk.core.printing.errors import PrinterError, Problem
from hcc_desk.core.printing.runner import CommandResult
from hcc_desk.core.printing.windows import WindowsBackend

SUMATRA = r"C:\Program Files\SumatraPDF\SumatraPDF.exe"
NORMAL = CommandResult(0, "Normal\r\n", "")


class FakeWindows:
    def __init__(self, status: CommandResult = NORMAL) -> None:
        self.status = status
        self.calls: list[tuple[str, ...]] = []
        self.shell: list[tuple[str, str, str]] = []

    def __call__(self, args: Sequence[str]) -> CommandResult:
        args = tuple(args)
        self.calls.append(args)
        if args[0] == SUMATRA:
            return CommandResult(0, "", "")
        script = args[-1]
        if script.startswith("Get-Printer |"):
            return CommandResult(0, "Quầy 1 - HP LaserJet\r\nMicrosoft Print to PDF\r\n", "")
        if "Default=TRUE" in script:
            return CommandResult(0, "Quầy 1 - HP LaserJet\r\n", "")
        if "PrinterStatus" in script:
            return self.status
        raise AssertionError(args)

    def startfile(self, path: str, operation: str, arguments: str) -> None:
        self.shell.append((path, operation, arguments))


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    p = tmp_path / "r.pdf"
    p.write_bytes(b"%PDF-1.4\n")
    return p


def test_backend_is_chosen_by_platform() -> None:
    assert isinstance(dispatch.backend(FakeWindows(), platform="win32"), WindowsBackend)


def test_lists_and_default() -> None:
    be = WindowsBackend(FakeWindows(), sumatra="")
    assert be.list_printers() == ["Quầy 1 - HP LaserJet", "Microsoft Print to PDF"]
    assert be.default_printer() == "Quầy 1 - HP LaserJet"


def test_prints_through_sumatra_with_paper_copies_simplex(pdf: Path) -> None:
    fake = FakeWindows()
    be = WindowsBackend(fake, sumatra=SUMATRA)
    job = be.submit(str(pdf), "Quầy 1 - HP LaserJet", "A5", "t", 2)
    assert job.startswith("sumatra-")
    assert fake.calls[-1] == (
        SUMATRA,
        "-print-to",
        "Quầy 1 - HP LaserJet",
        "-print-settings",
        "2x,paper=A5,simplex,noscale",
        "-silent",
        str(pdf),
    )


def test_falls_back_to_the_shell_printto_verb(pdf: Path) -> None:
    fake = FakeWindows()
    be = WindowsBackend(fake, sumatra="", startfile=fake.startfile)
    assert be.submit(str(pdf), "Quầy 1", "A4", "t", 2).startswith("shell-")
    assert fake.shell == [(str(pdf), "printto", '"Quầy 1"')] * 2


def test_printer_name_is_quoted_for_powershell() -> None:
    fake = FakeWindows()
    WindowsBackend(fake, sumatra="").check_printer("Bà Hương's printer")
    assert "-eq 'Bà Hương''s printer'" in fake.calls[-1][-1]


@pytest.mark.parametrize(
    ("status", "problem", "words"),
    [
        (CommandResult(3, "", ""), Problem.NO_SUCH_PRINTER, "Không tìm thấy máy in"),
        (CommandResult(0, "Paused\r\n", ""), Problem.DISABLED, "tạm dừng"),
        (CommandResult(0, "PaperOut\r\n", ""), Problem.FAULT, "hết giấy"),
        (CommandResult(1, "", "Spooler not running"), Problem.SCHEDULER_DOWN, "Dịch vụ in"),
    ],
)
def test_queue_problems(pdf: Path, status: CommandResult, problem: Problem, words: str) -> None:
    fake = FakeWindows(status)
    be = WindowsBackend(fake, sumatra=SUMATRA, startfile=fake.startfile)
    with pytest.raises(PrinterError) as e:
        be.submit(str(pdf), "Quầy 1", "A4", "t", 1)
    assert e.value.problem is problem and words in str(e.value)
    assert not fake.shell and not any(c[0] == SUMATRA for c in fake.calls)


def test_no_pdf_viewer_for_printto(pdf: Path) -> None:
    def no_viewer(path: str, operation: str, arguments: str) -> None:
        raise OSError("No application is associated with the specified file")

    be = WindowsBackend(FakeWindows(), sumatra="", startfile=no_viewer)
    with pytest.raises(PrinterError) as e:
        be.submit(str(pdf), "Quầy 1", "A4", "t", 1)
    assert e.value.problem is Problem.SUBMIT_FAILED
