"""Run the OS print tools; the runner is injected so tests can fake every answer."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    stdout: str
    stderr: str


# Contract: return the result, or raise FileNotFoundError (tool missing) or
# subprocess.TimeoutExpired (tool hung, e.g. a scheduler that accepts but never answers).
Runner = Callable[[Sequence[str]], CommandResult]

TIMEOUT_S = 15.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # CUPS tools translate their messages; parse the English ones, but keep UTF-8 so queue
    # messages such as "Hết giấy" survive (plain "C" would turn them into "?").
    env["LC_ALL"] = env["LANG"] = "en_US.UTF-8" if sys.platform == "darwin" else "C.UTF-8"
    return env


def run_command(args: Sequence[str]) -> CommandResult:
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing up on Windows
    proc = subprocess.run(
        list(args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT_S,
        env=_env(),
        creationflags=flags,
        check=False,
    )
    return CommandResult(proc.returncode, proc.stdout, proc.stderr)
