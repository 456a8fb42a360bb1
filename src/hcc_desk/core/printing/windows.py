"""Printing on Windows: queues through PowerShell's PrintManagement cmdlets, PDFs through
SumatraPDF when available, else the shell's "printto" verb.

Windows has no ``lp``: something must render the PDF for the printer driver. SumatraPDF
(free, portable, ships as one .exe — the installer should bundle it) prints silently to a
named printer with paper size, copies and simplex. Without it, ``os.startfile(path,
"printto", printer)`` asks the registered PDF viewer to print; that depends on the viewer
(Edge has no "printto" verb) and cannot set paper or simplex, so it is only a fallback.
Neither route reports a spooler job id; the returned id is a local token.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from hcc_core.i18n import msg
from hcc_desk.core.printing import errors
from hcc_desk.core.printing.runner import CommandResult, Runner

StartFile = Callable[[str, str, str], None]

# Win32_Printer / Get-Printer PrinterStatus values that mean "will not print now".
STATUS_PROBLEMS = {
    "Paused": "printing.status.paused",
    "Error": "printing.status.error",
    "PaperOut": "printing.status.paper_out",
    "PaperJam": "printing.status.paper_jam",
    "PaperProblem": "printing.status.paper_problem",
    "DoorOpen": "printing.status.door_open",
    "NoToner": "printing.status.no_toner",
    "Offline": "printing.status.offline",
    "NotAvailable": "printing.status.not_available",
    "UserIntervention": "printing.status.user_intervention",
}


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def find_sumatra() -> str | None:
    """SumatraPDF.exe: $HCC_SUMATRA_PDF, the copy our installer puts beside the app, PATH,
    then the usual install folders."""
    candidates = [os.environ.get("HCC_SUMATRA_PDF")]
    if getattr(sys, "frozen", False):
        candidates.append(str(Path(sys.executable).parent / "SumatraPDF" / "SumatraPDF.exe"))
    candidates.append(shutil.which("SumatraPDF"))
    for var in ("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"):
        base = os.environ.get(var)
        if base:
            candidates.append(str(Path(base) / "SumatraPDF" / "SumatraPDF.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def _default_startfile(path: str, operation: str, arguments: str) -> None:
    # Windows only; the file is ours (a spooled PDF), the operation fixed ("print"/"printto").
    os.startfile(path, operation, arguments)  # type: ignore[attr-defined]  # noqa: S606


class WindowsBackend:
    def __init__(
        self,
        runner: Runner,
        sumatra: str | None = None,
        startfile: StartFile = _default_startfile,
    ) -> None:
        """``sumatra``: path to SumatraPDF.exe; None looks for it, "" means do not use it."""
        self._runner = runner
        self._sumatra = find_sumatra() if sumatra is None else (sumatra or None)
        self._startfile = startfile

    def _run(self, *args: str) -> CommandResult:
        return errors.run_spooler_command(self._runner, args)

    def _ps(self, script: str) -> CommandResult:
        return self._run("powershell", "-NoProfile", "-NonInteractive", "-Command", script)

    def list_printers(self) -> list[str]:
        res = self._ps("Get-Printer | ForEach-Object { $_.Name }")
        if res.returncode != 0:
            raise errors.scheduler_down()
        return [line.strip() for line in res.stdout.splitlines() if line.strip()]

    def default_printer(self) -> str | None:
        res = self._ps("(Get-CimInstance Win32_Printer -Filter 'Default=TRUE').Name")
        name = res.stdout.strip()
        return name if res.returncode == 0 and name else None

    def check_printer(self, name: str) -> None:
        # Where-Object, not -Name: Get-Printer -Name treats [ ] * ? as wildcards.
        res = self._ps(
            f"$p = Get-Printer | Where-Object {{ $_.Name -eq {_ps_quote(name)} }}; "
            "if ($p) { $p.PrinterStatus } else { exit 3 }"
        )
        if res.returncode == 3:
            raise errors.no_such_printer(name)
        if res.returncode != 0:
            raise errors.scheduler_down()
        status = res.stdout.strip()
        if status in STATUS_PROBLEMS:
            reason = msg(STATUS_PROBLEMS[status])
            if status == "Paused":
                raise errors.disabled(name, reason)
            raise errors.fault(name, reason)

    def submit(self, path: str, name: str, paper: str, title: str, copies: int) -> str:
        del title  # neither route can name the spooler job
        self.check_printer(name)
        token = uuid.uuid4().hex[:12]
        if self._sumatra:
            res = self._run(
                self._sumatra,
                "-print-to",
                name,
                "-print-settings",
                f"{copies}x,paper={paper},simplex,noscale",
                "-silent",
                path,
            )
            if res.returncode != 0:
                raise errors.submit_failed(name, res.stderr.strip() or f"exit {res.returncode}")
            return f"sumatra-{token}"
        try:
            for _ in range(copies):
                self._startfile(path, "printto", f'"{name}"')
        except OSError as e:
            raise errors.submit_failed(
                name, f"không có chương trình đọc PDF hỗ trợ in ({e})"
            ) from e
        return f"shell-{token}"
