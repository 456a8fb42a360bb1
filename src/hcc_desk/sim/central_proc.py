"""``hcc-central serve`` as a child process on 127.0.0.1, for simulations, benchmarks and
fault tests: a real server that can be SIGKILLed and started again on the same port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CentralProcess:
    def __init__(
        self,
        db_url: str,
        store: Path,
        log: Path,
        port: int | None = None,
        workers: int = 1,
        launcher: Sequence[str] = (sys.executable, "-m", "hcc_central"),
    ):
        """``launcher``: the command before ``serve …`` (a test may wrap central's CLI)."""
        self.db_url, self.store, self.log = db_url, Path(store), Path(log)
        self.port, self.workers = port or free_port(), workers
        self.launcher = list(launcher)
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> CentralProcess:
        with self.log.open("ab") as log:
            # Own process group: kill() takes uvicorn's worker processes down with it.
            self.proc = subprocess.Popen(
                [
                    *self.launcher,
                    "serve",
                    "--db",
                    self.db_url,
                    "--store",
                    str(self.store),
                    "--port",
                    str(self.port),
                    "--log-level",
                    "warning",
                    "--workers",
                    str(self.workers),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"central exited ({self.proc.returncode}); see {self.log}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"central did not answer within {timeout} s; see {self.log}")

    def kill(self) -> None:
        """SIGKILL, no shutdown and no flush: what a power cut does."""
        self._signal(signal.SIGKILL)

    def stop(self) -> None:
        self._signal(signal.SIGTERM)

    def _signal(self, sig: signal.Signals) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(15)
        self.proc = None

    def export(self, out: Path) -> list[dict]:
        """``hcc-central export --jsonl``, read back."""
        subprocess.run(
            [
                sys.executable,
                "-m",
                "hcc_central",
                "export",
                "--db",
                self.db_url,
                "--store",
                str(self.store),
                "--jsonl",
                str(out),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
