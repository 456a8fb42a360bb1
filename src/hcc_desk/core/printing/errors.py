"""Expected printing failures: what went wrong (``Problem``) and a message id for the officer."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, TypeVar

from hcc_core.errors import ExpectedError

R = TypeVar("R")


class Problem(StrEnum):
    NOT_INSTALLED = "not_installed"  # no CUPS client tools / no print system
    SCHEDULER_DOWN = "scheduler_down"  # cupsd not running or not answering
    NO_DEFAULT = "no_default"  # no printer given and none set as default
    NO_SUCH_PRINTER = "no_such_printer"
    DISABLED = "disabled"  # queue paused, or printer stopped after a fault
    FAULT = "fault"  # enabled, but the printer reports an error (out of paper, jam...)
    REJECTING = "rejecting"  # queue refuses new jobs
    SUBMIT_FAILED = "submit_failed"  # lp (or the Windows helper) failed for another reason


class PrinterError(ExpectedError):
    """``problem`` says what went wrong; the words are in the catalogue (``printing.*``)."""

    def __init__(self, problem: Problem, /, **params: Any) -> None:
        super().__init__(f"printing.{problem.value}", **params)
        self.problem = problem


def run_spooler_command(runner: Callable[[Sequence[str]], R], args: Sequence[str]) -> R:
    """Run a spooler command (lp, lpstat, powershell): a missing program or a spooler that does
    not answer in time becomes the officer's message, not a traceback."""
    try:
        return runner(args)
    except FileNotFoundError as e:
        raise not_installed(args[0]) from e
    except subprocess.TimeoutExpired as e:
        raise scheduler_down() from e


def not_installed(command: str) -> PrinterError:
    return PrinterError(Problem.NOT_INSTALLED, command=command)


def scheduler_down() -> PrinterError:
    return PrinterError(Problem.SCHEDULER_DOWN)


def no_default() -> PrinterError:
    return PrinterError(Problem.NO_DEFAULT)


def no_such_printer(name: str) -> PrinterError:
    return PrinterError(Problem.NO_SUCH_PRINTER, name=name)


def disabled(name: str, reason: Any) -> PrinterError:
    """``reason``: a message (or several, ``Joined``) saying why the queue stopped."""
    return PrinterError(Problem.DISABLED, name=name, reason=reason)


def fault(name: str, reason: Any) -> PrinterError:
    return PrinterError(Problem.FAULT, name=name, reason=reason)


def rejecting(name: str) -> PrinterError:
    return PrinterError(Problem.REJECTING, name=name)


def submit_failed(name: str, detail: str) -> PrinterError:
    return PrinterError(Problem.SUBMIT_FAILED, name=name, detail=detail)
