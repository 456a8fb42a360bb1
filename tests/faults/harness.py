"""Processes for fault tests: simulated desks as ``python -m hcc_desk.sim.desk`` processes
(central runs as ``hcc_desk.sim.central_proc.CentralProcess``), and read-only views of what each
side holds (a desk's SQLite file, central's file store)."""
from __future__ import annotations

import hashlib
import json
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from hcc_desk.sim.central_proc import CentralProcess
from hcc_desk.sim.desk import DeskPlan


def blob_sha256(central: CentralProcess, sha256: str) -> tuple[str, int] | None:
    """SHA-256 and size of the bytes central's file store holds under ``sha256``."""
    path = central.store / "sha256" / sha256[:2] / sha256
    if not path.is_file():
        return None
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


class DeskProcess:
    """A simulated desk in its own process; its JSON event lines are collected by a thread."""

    def __init__(self, plan: DeskPlan):
        self.plan = plan
        self.events: queue.Queue[dict] = queue.Queue()
        self.seen: list[dict] = []
        self.proc: subprocess.Popen | None = None
        self._reader: threading.Thread | None = None
        self.starts = 0

    def start(self) -> DeskProcess:
        logs = Path(self.plan.profile, "logs")
        logs.mkdir(parents=True, exist_ok=True)
        with (logs / "sim-desk.stderr").open("ab") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "hcc_desk.sim.desk"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=err, text=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(asdict(self.plan)))
        self.proc.stdin.close()
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,),
                                        daemon=True)
        self._reader.start()
        self.starts += 1
        return self

    def _read(self, stream) -> None:
        with stream:
            for line in stream:
                if line.startswith("{"):
                    self.events.put(json.loads(line))

    def wait_for(self, event: str, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            found = [e for e in self.seen if e["event"] == event]
            if found:
                return found[-1]
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.plan.name}: no {event!r} within {timeout} s")
            try:
                self.seen.append(self.events.get(timeout=min(left, 0.2)))
            except queue.Empty:
                if self.proc is not None and self.proc.poll() is not None and self.events.empty():
                    raise RuntimeError(f"{self.plan.name} exited ({self.proc.returncode}) "
                                       f"before {event!r}: {self.seen[-1:]} "
                                       f"{self.stderr_tail()}") from None

    def stderr_tail(self) -> str:
        path = Path(self.plan.profile, "logs", "sim-desk.stderr")
        return path.read_text(encoding="utf-8", errors="replace")[-2000:] if path.exists() else ""

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._join()
        self.seen.clear()  # the next start reports afresh
        while not self.events.empty():
            self.events.get_nowait()

    def stop(self, timeout: float = 15.0) -> int | None:
        if self.proc is None:
            return None
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(10)
        finally:
            self._join()

    def _join(self) -> None:
        if self._reader is not None:
            self._reader.join(10)  # it closes the pipe at EOF
            self._reader = None


class DeskDb:
    """Read-only view of a desk's database (the desk process may be running)."""

    def __init__(self, profile: Path):
        self.profile = Path(profile)

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        con = sqlite3.connect(f"file:{self.profile / 'hcc-desk.db'}?mode=ro", uri=True,
                              timeout=10)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def waiting(self) -> int:
        """Ops and attachments still to send (parked ones excluded, as the desk counts)."""
        ops = self._query("SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0]
        files = self._query("SELECT count(*) FROM attachment "
                            "WHERE upload_state IN ('pending', 'uploading')")[0][0]
        return ops + files

    def parked(self) -> list[tuple]:
        return self._query("SELECT 'op', parked_reason FROM outbox WHERE state = 'parked' "
                           "UNION ALL SELECT 'file', last_error FROM attachment "
                           "WHERE upload_state = 'parked'")

    def mid_sync(self) -> bool:
        """Something has reached central and something is still on its way."""
        rows = self._query("SELECT state, count(*) FROM outbox GROUP BY state")
        states = dict(rows)
        uploading = self._query("SELECT count(*) FROM attachment "
                                "WHERE upload_state = 'uploading'")[0][0]
        return states.get("done", 0) > 0 and (states.get("pending", 0) > 0 or uploading > 0)

    def dossiers(self) -> dict[str, dict]:
        """uuid → code, status, events [(uuid, status, at)], attachments {uuid: (sha, size)}."""
        out = {u: {"code": c, "status": st, "events": [], "attachments": {}}
               for u, c, st in self._query("SELECT uuid, code, status FROM dossier")}
        for d, e, st, at in self._query(
                "SELECT d.uuid, e.uuid, e.status, e.at FROM status_event e "
                "JOIN dossier d ON d.id = e.dossier_id"):
            out[d]["events"].append((e, st, _iso(at)))
        for d, a, sha, size, path in self._query(
                "SELECT d.uuid, a.uuid, a.sha256, a.size, a.path FROM attachment a "
                "JOIN dossier d ON d.id = a.dossier_id"):
            data = (self.profile / "attachments" / path).read_bytes()
            assert hashlib.sha256(data).hexdigest() == sha and len(data) == size, path
            out[d]["attachments"][a] = (sha, size)
        return out


def _iso(value: str) -> datetime:
    return datetime.fromisoformat(value)
