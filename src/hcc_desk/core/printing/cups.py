"""Printing through CUPS (Linux, macOS) with its command-line tools ``lp`` and ``lpstat``.

The tools, not libcups bindings: they are present wherever CUPS is, need no extra Python
package, and honour ``CUPS_SERVER`` (which the tests use to talk to a private cupsd).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hcc_core.i18n import Joined, msg
from hcc_desk.core.printing import errors
from hcc_desk.core.printing.errors import PrinterError
from hcc_desk.core.printing.runner import CommandResult, Runner

# printer-state-reasons keyword stems (RFC 8011 / PWG 5100.9) -> catalogue id
REASONS = {
    "media-empty": "printing.reason.media_empty",
    "media-needed": "printing.reason.media_needed",
    "media-jam": "printing.reason.media_jam",
    "door-open": "printing.reason.door_open",
    "cover-open": "printing.reason.cover_open",
    "toner-empty": "printing.reason.toner_empty",
    "marker-supply-empty": "printing.reason.marker_supply_empty",
    "input-tray-missing": "printing.reason.input_tray_missing",
    "output-area-full": "printing.reason.output_area_full",
    "offline": "printing.reason.offline",
    "shutdown": "printing.reason.shutdown",
    "paused": "printing.reason.paused",
}
_SUFFIXES = ("-error", "-warning", "-report")


@dataclass(frozen=True)
class QueueState:
    enabled: bool
    message: str  # printer-state-message, e.g. "Paused" or a driver's text
    reasons: tuple[str, ...]  # printer-state-reasons, e.g. ("media-empty-error",)


def parse_queue_state(lpstat_lp: str) -> QueueState:
    """Parse ``lpstat -l -p NAME`` output (C locale)."""
    lines = lpstat_lp.splitlines()
    first = lines[0] if lines else ""
    enabled = " disabled since " not in first
    message = ""
    # The state message, when there is one, is the line between the first and the long
    # listing, which always starts with "Form mounted:".
    if len(lines) > 1 and not lines[1].strip().startswith(("Form mounted:", "printer ")):
        message = lines[1].strip()
    reasons: tuple[str, ...] = ()
    for line in lines:
        key, _, value = line.strip().partition(":")
        if key == "Alerts":
            reasons = tuple(r for r in value.split() if r != "none")
    return QueueState(enabled, message, reasons)


def describe(state: QueueState) -> Joined:
    """Readable cause of a problem from the reasons (translated) and the printer's message."""
    parts: list[Any] = []
    for reason in state.reasons:
        stem = reason
        for suffix in _SUFFIXES:
            stem = stem.removesuffix(suffix)
        if stem in REASONS and msg(REASONS[stem]) not in parts:
            parts.append(msg(REASONS[stem]))
    if state.message and state.message != "Paused":
        parts.append(state.message)  # the printer's own words, untranslated
    return Joined(tuple(parts or [msg("printing.reason.unknown")]))


class CupsBackend:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def _run(self, *args: str) -> CommandResult:
        return errors.run_spooler_command(self._runner, args)

    def scheduler_running(self) -> bool:
        return "is running" in self._run("lpstat", "-r").stdout

    def list_printers(self) -> list[str]:
        names = self._run("lpstat", "-e").stdout.split()
        # lpstat -e prints nothing, successfully, when cupsd is down: tell the two apart.
        if not names and not self.scheduler_running():
            raise errors.scheduler_down()
        return names

    def default_printer(self) -> str | None:
        out = self._run("lpstat", "-d").stdout
        m = re.search(r"system default destination:\s*(\S+)", out)
        return m.group(1) if m else None

    def check_printer(self, name: str) -> None:
        """Raise PrinterError unless ``name`` is a queue that will print now."""
        if not self.scheduler_running():
            raise errors.scheduler_down()
        res = self._run("lpstat", "-l", "-p", name)
        m = re.match(r"printer (\S+) ", res.stdout)
        # Queue names are case-insensitive in CUPS.
        if res.returncode != 0 or not m or m.group(1).casefold() != name.casefold():
            if "Scheduler is not running" in res.stderr:
                raise errors.scheduler_down()
            raise errors.no_such_printer(name)
        state = parse_queue_state(res.stdout)
        if not state.enabled:
            raise errors.disabled(name, describe(state))
        # Warnings and reports (e.g. toner-low) still print; errors mean it cannot print now.
        faults = tuple(r for r in state.reasons if r.endswith("-error"))
        if faults:
            raise errors.fault(name, describe(QueueState(True, "", faults)))

    def submit(self, path: str, name: str, paper: str, title: str, copies: int) -> str:
        self.check_printer(name)
        res = self._run(
            "lp",
            "-d",
            name,
            "-n",
            str(copies),
            "-t",
            title,
            # The two receipt copies must come out on separate sheets, never back to back.
            "-o",
            f"media={paper}",
            "-o",
            "sides=one-sided",
            path,
        )
        if res.returncode != 0:
            raise _lp_error(name, res.stderr.strip() or res.stdout.strip())
        m = re.search(r"request id is (\S+)", res.stdout)
        if not m:
            raise errors.submit_failed(name, res.stdout.strip() or "no job id")
        return m.group(1)


def _lp_error(name: str, detail: str) -> PrinterError:
    if "not accepting jobs" in detail:
        return errors.rejecting(name)
    if "does not exist" in detail:
        return errors.no_such_printer(name)
    if "Scheduler is not running" in detail or "Unable to connect" in detail:
        return errors.scheduler_down()
    return errors.submit_failed(name, detail)
