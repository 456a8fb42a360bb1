"""Processes for fault tests: simulated desks as ``python -m hcc_desk.sim.desk`` processes,
central as ``hcc-central serve`` behind a gate (central_gate.py) that can stop it mid-write, one
fault proxy per desk, and read-only views of what each side holds (a desk's SQLite file,
central's database and file store)."""

from __future__ import annotations

import hashlib
import json
import queue
import subprocess
import sys
import threading
import time
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from hcc_central.db import Database
from hcc_desk.sim.central_proc import CentralProcess
from hcc_desk.sim.desk import DeskPlan
from tests.support.fault_proxy import Counters, FaultProxy
from tests.support.profile_files import connect_db, read_attachment
from tests.support.waits import poll

GATE_SCRIPT = Path(__file__).with_name("central_gate.py")


def blob_sha256(central: CentralProcess, sha256: str) -> tuple[str, int] | None:
    """SHA-256 and size of the bytes central's file store holds under ``sha256``."""
    path = central.store / "sha256" / sha256[:2] / sha256
    if not path.is_file():
        return None
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


class GatedCentral(CentralProcess):
    """Central started through central_gate.py: ``arm`` makes its next push transaction stop
    before COMMIT and say so (``wait_held``), so the test can kill it mid-write."""

    def __init__(self, db_url: str, store: Path, log: Path, gate: Path):
        super().__init__(db_url, store, log, launcher=(sys.executable, str(GATE_SCRIPT), str(gate)))
        self.gate = gate
        gate.mkdir(parents=True, exist_ok=True)

    def arm(self) -> None:
        (self.gate / "armed").touch()

    def disarm(self) -> None:
        for name in ("armed", "held"):
            (self.gate / name).unlink(missing_ok=True)

    def wait_held(self, timeout: float) -> dict | None:
        """What the held transaction wrote (see central_gate.py), or None after ``timeout``."""

        def held() -> dict | None:
            if self.proc is None or self.proc.poll() is not None:
                raise RuntimeError(f"central exited while armed; see {self.log}")
            path = self.gate / "held"
            return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

        return poll(held, timeout)

    def committed(self, tables: list[str]) -> dict[str, int]:
        """Rows of ``tables`` central's database holds, committed (read from outside)."""
        db = Database(self.db_url, pool_size=1)
        try:
            with db.read() as s:
                return {t: s.scalar(text(f"SELECT count(*) FROM {t}")) for t in tables}
        finally:
            db.dispose()


class Network:
    """One fault proxy per desk (each desk has its own link to central), faults set on all."""

    def __init__(self, target_port: int, links: int, seed: int):
        self.links = [FaultProxy(target_port=target_port, seed=seed + i) for i in range(links)]

    def start(self) -> Network:
        for link in self.links:
            link.start()
        return self

    def stop(self) -> None:
        for link in self.links:
            link.stop()

    def set(self, **faults) -> None:
        for link in self.links:
            link.set(**faults)

    def heal(self) -> None:
        for link in self.links:
            link.heal()

    def cut_all(self) -> None:
        for link in self.links:
            link.cut_all()

    def counters(self) -> Counters:
        return Counters(
            **{
                f.name: sum(getattr(link.counters, f.name) for link in self.links)
                for f in fields(Counters)
            }
        )


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
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "hcc_desk.sim.desk"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
            )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(asdict(self.plan)))
        self.proc.stdin.close()
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
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
                    raise RuntimeError(
                        f"{self.plan.name} exited ({self.proc.returncode}) "
                        f"before {event!r}: {self.seen[-1:]} "
                        f"{self.stderr_tail()}"
                    ) from None

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
        con = connect_db(self.profile)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def waiting(self) -> int:
        """Ops and attachments still to send (parked ones excluded, as the desk counts)."""
        ops = self._query("SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0]
        files = self._query(
            "SELECT count(*) FROM attachment WHERE upload_state IN ('pending', 'uploading')"
        )[0][0]
        return ops + files

    def parked(self) -> list[tuple]:
        return self._query(
            "SELECT 'op', parked_reason FROM outbox WHERE state = 'parked' "
            "UNION ALL SELECT 'file', last_error FROM attachment "
            "WHERE upload_state = 'parked'"
        )

    def dossiers(self) -> dict[str, dict]:
        """uuid → code, status, events [(uuid, status, at)], attachments {uuid: (sha, size)}."""
        out = {
            u: {"code": c, "status": st, "events": [], "attachments": {}}
            for u, c, st in self._query("SELECT uuid, code, status FROM dossier")
        }
        for d, e, st, at in self._query(
            "SELECT d.uuid, e.uuid, e.status, e.at FROM status_event e "
            "JOIN dossier d ON d.id = e.dossier_id"
        ):
            out[d]["events"].append((e, st, _iso(at)))
        for d, a, sha, size, path in self._query(
            "SELECT d.uuid, a.uuid, a.sha256, a.size, a.path FROM attachment a "
            "JOIN dossier d ON d.id = a.dossier_id"
        ):
            data = read_attachment(self.profile, path)
            assert hashlib.sha256(data).hexdigest() == sha and len(data) == size, path
            out[d]["attachments"][a] = (sha, size)
        return out


def _iso(value: str) -> datetime:
    return datetime.fromisoformat(value)
