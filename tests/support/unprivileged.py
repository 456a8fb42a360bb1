"""Run a command as a user whom file permissions bind.

CI runs as root, and root reads and writes everything, so a test of "a profile this user may not
write" would prove nothing. Under root the command runs without the capabilities that bypass
permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_CHOWN): it is still uid 0,
so the Python installation under /root stays usable, but files owned by another user are
protected from it exactly as from any other account.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.realparts import unavailable

DROPPED = "-dac_override,-dac_read_search,-fowner,-chown"


def as_plain_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd  # an ordinary user already
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        unavailable("setpriv (util-linux) is needed to drop root's file-permission override")
    return [setpriv, f"--bounding-set={DROPPED}", "--", *cmd]


def give_away(path: Path, user: str = "nobody") -> None:
    """Make ``path`` (recursively) another user's: readable by all, writable only by them."""
    if os.geteuid() != 0:
        unavailable("giving a folder to another user needs root")
    subprocess.run(["chown", "-R", user, str(path)], check=True)
    subprocess.run(["chmod", "-R", "u+rwX,go+rX,go-w", str(path)], check=True)
