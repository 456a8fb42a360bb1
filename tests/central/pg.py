"""A PostgreSQL server for the central tests: 127.0.0.1:5432 when it answers, else a private
cluster started from /usr/lib/postgresql/15/bin (docs: /work/shared/docs/PLATFORM.md)."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("HCC_PG_BIN", "/usr/lib/postgresql/15/bin"))
# HCC_CENTRAL_TEST_PG: another server's admin URL to try first, or "private" to always start
# a private cluster.
SHARED = os.environ.get(
    "HCC_CENTRAL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


class Unavailable(Exception):
    """Why PostgreSQL tests cannot run here (shown as the skip reason)."""


def _answers(dsn: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(dsn, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server() -> Iterator[str]:
    """Yield an admin URL (database ``postgres``) of a running server."""
    if SHARED != "private" and _answers(_libpq(SHARED)):
        yield SHARED
        return
    if not (PG_BIN / "initdb").exists():
        raise Unavailable(f"nothing answers on 127.0.0.1:5432 and {PG_BIN}/initdb is missing")
    as_root = os.geteuid() == 0
    if as_root and shutil.which("su") is None:
        raise Unavailable("running as root without su: cannot start a private cluster")
    # Under /tmp, not pytest's tmp dir: user postgres must reach it (pytest's is mode 0700).
    workdir = Path(tempfile.mkdtemp(prefix="hcc-central-pg-"))
    if as_root:
        shutil.chown(workdir, "postgres")  # initdb refuses to run as root
    data, port = workdir / "data", _free_port()

    def run(*argv: str) -> None:
        cmd = [str(a) for a in argv]
        if as_root:
            cmd = ["su", "postgres", "-c", shlex.join(cmd)]
        done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise Unavailable(f"{argv[0]} failed: {(done.stderr or done.stdout).strip()[:300]}")

    try:
        run(PG_BIN / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
        opts = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(PG_BIN / "pg_ctl", "-D", data, "-o", opts, "-l", workdir / "log", "-w", "start")
    except (Unavailable, OSError, subprocess.TimeoutExpired) as err:
        shutil.rmtree(workdir, ignore_errors=True)
        raise Unavailable(f"private PostgreSQL cluster did not start: {err}") from None
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new, empty database for one test session; dropped afterwards."""
    import psycopg

    name = f"hcc_central_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
