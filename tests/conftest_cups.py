"""pytest plugin: a private CUPS scheduler with a cups-pdf queue for end-to-end print tests.

Register it with ``-p tests.conftest_cups`` or ``pytest_plugins = ["tests.conftest_cups"]``
in the top-level ``tests/conftest.py``.

The scheduler is the machine's ``/usr/sbin/cupsd`` run in the foreground with its own
``cupsd.conf`` / ``cups-files.conf`` (``-c`` / ``-s``) in a temp dir: own ServerRoot, spool,
cache, state and logs, listening only on a Unix socket in that dir (no TCP port), so it
neither needs nor disturbs a system cupsd. Clients reach it through ``CUPS_SERVER``, which
the fixture sets for the rest of the session and restores afterwards.

The one file touched outside the temp dir: the cups-pdf backend reads its configuration
only from ``/etc/cups`` (compiled in), so ``/etc/cups/cups-pdf-<unique>.conf`` is written
for the queue's device URI ``cups-pdf:/<unique>`` and removed at teardown. Needs root.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.support.realparts import unavailable
from tests.support.waits import poll

CUPSD = Path("/usr/sbin/cupsd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE = "HCC_PDF"


class CupsQueue(NamedTuple):
    name: str
    out_dir: Path

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a CUPS tool on this queue, e.g. ``admin("cupsdisable")``."""
        return subprocess.run(
            [*args, self.name], capture_output=True, text=True, check=True, timeout=60
        )

    def wait_for_pdf(self, job_id: str, timeout: float = 20.0) -> Path:
        """Poll until cups-pdf has finished writing the PDF of ``job_id`` ("HCC_PDF-3")."""
        number = job_id.rpartition("-")[2]
        last_size = [-1]

        def written() -> Path | None:
            found = [
                p
                for p in self.out_dir.glob("*.pdf")
                if re.search(rf"(^|\D)job_{number}(\D|$)", p.name)
            ]
            if not found:
                return None
            size = found[0].stat().st_size
            # Done when non-empty and no longer growing (Ghostscript writes it).
            done = size > 0 and size == last_size[0]
            last_size[0] = size
            return found[0] if done else None

        pdf = poll(written, timeout, interval=0.2)  # two polls apart tell "no longer growing"
        if pdf is not None:
            return pdf
        listing = sorted(p.name for p in self.out_dir.iterdir())
        log = self.out_dir.parent / "log" / "error_log"
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise AssertionError(f"no output for job {job_id} after {timeout} s: {listing}\n{tail}")


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _configure(root: Path) -> tuple[Path, Path, Path]:
    """Write the private scheduler's config; return (cupsd.conf, cups-files.conf, socket)."""
    dirs = {d: root / d for d in ("etc", "spool", "cache", "state", "tmp", "log")}
    for d in dirs.values():
        d.mkdir()
    dirs["tmp"].chmod(0o1777)  # filters run as user lp and write their temp files here
    sock = root / "cups.sock"
    files_conf = dirs["etc"] / "cups-files.conf"
    _write(
        files_conf,
        "\n".join(
            [
                f"ServerRoot {dirs['etc']}",
                f"RequestRoot {dirs['spool']}",
                f"CacheDir {dirs['cache']}",
                f"StateDir {dirs['state']}",
                f"TempDir {dirs['tmp']}",
                f"AccessLog {dirs['log'] / 'access_log'}",
                f"ErrorLog {dirs['log'] / 'error_log'}",
                f"PageLog {dirs['log'] / 'page_log'}",
                f"Printcap {root / 'printcap'}",
                "SystemGroup root",
                "",
            ]
        ),
    )
    cupsd_conf = dirs["etc"] / "cupsd.conf"
    _write(
        cupsd_conf,
        "\n".join(
            [
                "LogLevel info",
                f"Listen {sock}",
                "Browsing No",
                "WebInterface No",
                "<Location />",
                "  Order allow,deny",
                "  Allow all",
                "</Location>",
                "<Policy default>",
                "  <Limit All>",
                "    Order deny,allow",
                "  </Limit>",
                "</Policy>",
                "",
            ]
        ),
    )
    return cupsd_conf, files_conf, sock


def _cups_env(sock: Path) -> dict[str, str]:
    return {**os.environ, "CUPS_SERVER": str(sock), "LC_ALL": "C.UTF-8"}


def _wait_running(proc: subprocess.Popen[bytes], env: dict[str, str], log: Path) -> None:

    def running() -> bool:
        if proc.poll() is not None:
            pytest.fail(f"private cupsd exited with {proc.returncode}: {log.read_text()[-2000:]}")
        out = subprocess.run(
            ["lpstat", "-r"], env=env, capture_output=True, text=True, timeout=10
        ).stdout
        return "is running" in out

    if not poll(running, 15, interval=0.1):
        pytest.fail("private cupsd did not start within 15 s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def cups_queue() -> Iterator[CupsQueue]:
    """(queue name, output dir) of a cups-pdf queue on a private cupsd; CUPS_SERVER points to it."""
    if not CUPSD.exists():
        unavailable("cupsd is not installed (apt-get install cups printer-driver-cups-pdf)")
    for needed in (CUPS_PDF_BACKEND, CUPS_PDF_PPD):
        if not needed.exists():
            pytest.fail(
                f"cupsd is installed but {needed} is missing: install printer-driver-cups-pdf"
            )
    if os.geteuid() != 0:
        pytest.fail("the CUPS fixture needs root: cups-pdf reads its config only from /etc/cups")

    # Not under pytest's tmp dir: that is mode 0700, and the CUPS filters run as user lp.
    root = Path(tempfile.mkdtemp(prefix="hcc-cups-"))
    root.chmod(0o755)
    cupsd_conf, files_conf, sock = _configure(root)
    out_dir = root / "out"
    out_dir.mkdir(mode=0o777)
    out_dir.chmod(0o777)
    (root / "pdfspool").mkdir()
    env = _cups_env(sock)

    log = root / "log" / "cupsd.out"
    with log.open("wb") as log_file:
        proc = subprocess.Popen(
            [str(CUPSD), "-f", "-c", str(cupsd_conf), "-s", str(files_conf)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    tag = f"hcctest{uuid.uuid4().hex[:10]}"
    pdf_conf = Path(f"/etc/cups/cups-pdf-{tag}.conf")
    saved_server = os.environ.get("CUPS_SERVER")
    try:
        _wait_running(proc, env, log)
        # Label 1: the job id is part of every output name, so a test finds its own file.
        _write(
            pdf_conf, f"Out {out_dir}\nAnonDirName {out_dir}\nSpool {root / 'pdfspool'}\nLabel 1\n"
        )
        subprocess.run(
            ["lpadmin", "-p", QUEUE, "-E", "-v", f"cups-pdf:/{tag}", "-P", str(CUPS_PDF_PPD)],
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.environ["CUPS_SERVER"] = str(sock)
        yield CupsQueue(QUEUE, out_dir)
    finally:
        if saved_server is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = saved_server
        _stop(proc)
        pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
