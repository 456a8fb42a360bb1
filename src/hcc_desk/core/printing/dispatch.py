"""Send a PDF to a printer: the one entry point the services use.

CUPS on Linux and macOS (``cups.py``), PowerShell + SumatraPDF on Windows (``windows.py``).
Every expected failure is a :class:`PrinterError` with a Vietnamese message for the officer.
``runner`` lets tests replace the OS commands.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Protocol

from hcc_desk.core.printing import errors
from hcc_desk.core.printing.cups import CupsBackend
from hcc_desk.core.printing.errors import PrinterError, Problem
from hcc_desk.core.printing.runner import Runner, run_command
from hcc_desk.core.printing.styles import PAPERS
from hcc_desk.core.printing.text import clean, clip
from hcc_desk.core.printing.windows import WindowsBackend

log = logging.getLogger("hcc_desk.print")

__all__ = [
    "PrinterError",
    "Problem",
    "check_printer",
    "default_printer",
    "list_printers",
    "print_pdf",
]


class Backend(Protocol):
    def list_printers(self) -> list[str]: ...
    def default_printer(self) -> str | None: ...
    def check_printer(self, name: str) -> None: ...
    def submit(self, path: str, name: str, paper: str, title: str, copies: int) -> str: ...


def backend(runner: Runner | None = None, platform: str | None = None) -> Backend:
    if (platform or sys.platform) == "win32":
        return WindowsBackend(runner or run_command)
    return CupsBackend(runner or run_command)


def list_printers(*, runner: Runner | None = None) -> list[str]:
    """Names of the print queues on this computer."""
    return backend(runner).list_printers()


def default_printer(*, runner: Runner | None = None) -> str | None:
    """The system's default printer, or None when none is set."""
    return backend(runner).default_printer()


def check_printer(printer: str | None = None, *, runner: Runner | None = None) -> str:
    """Resolve ``printer`` (None = default) and raise PrinterError unless it can print now."""
    be = backend(runner)
    name = _resolve(be, printer)
    be.check_printer(name)
    return name


def print_pdf(
    path: str | os.PathLike[str],
    printer: str | None = None,
    paper: str = "A4",
    title: str = "HCC Desk",
    copies: int = 1,
    *,
    runner: Runner | None = None,
) -> str:
    """Print the PDF at ``path``; return the job id. ``printer`` None means the default one.

    Checks the queue first (exists, enabled, no error such as out of paper) so the officer
    learns of a problem now rather than when the applicant is waiting for the receipt.
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}, not {paper!r}")
    if copies < 1:
        raise ValueError("copies must be at least 1")
    # Absolute, so a path can never be taken for an option by lp.
    file = Path(path).resolve()
    if not file.is_file():
        raise FileNotFoundError(file)
    be = backend(runner)
    job_title = clip(" ".join(clean(title).split()), 100) or "HCC Desk"
    try:
        name = _resolve(be, printer)
        job = be.submit(str(file), name, paper, job_title, copies)
    except PrinterError as exc:  # the officer is told and can act; support also sees the queue
        log.info("print on %s refused: %s", printer or "the default printer", exc.problem)
        raise
    # The title is left out: it may name the applicant.
    log.info("printed on %s (%s, %d copies): job %s", name, paper, copies, job)
    return job


def _resolve(be: Backend, printer: str | None) -> str:
    if printer:
        return printer
    name = be.default_printer()
    if not name:
        # Distinguish "no default" from "no print service at all".
        be.list_printers()
        raise errors.no_default()
    return name
