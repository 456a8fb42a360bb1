"""A PostgreSQL server for the tests.

The server at ``HCC_CENTRAL_TEST_PG`` (default: 127.0.0.1:5432, user postgres, trust auth) when it
answers. Otherwise, on a developer's machine, a private cluster started from the installed server
binaries; in CI (``CI=true``) nothing answering is an error instead: ``.ci/run`` runs
``python3 -m tests.central.pg ensure`` first, which installs PostgreSQL if needed and starts one.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.realparts import in_ci

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
# HCC_CENTRAL_TEST_PG: the admin URL of the server to use, or "private" to always start a private
# cluster (developer machines only).
SHARED = os.environ.get("HCC_CENTRAL_TEST_PG", DEFAULT_URL)


class Unavailable(Exception):
    """Why PostgreSQL tests cannot run here (the skip or failure reason)."""


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


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.parent.name)) or (0,)


def server_bin_dir() -> Path | None:
    """The folder with initdb and pg_ctl: HCC_PG_BIN, then PATH, then the newest Debian-style
    /usr/lib/postgresql/<version>/bin (initdb is not on PATH there)."""
    if os.environ.get("HCC_PG_BIN"):
        return Path(os.environ["HCC_PG_BIN"])
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version_key)
    return found[-1].parent if found else None


class PrivateCluster:
    """A throw-away cluster (trust auth, TCP on 127.0.0.1 only) in a temp folder."""

    def __init__(self, bin_dir: Path, port: int | None = None) -> None:
        self.bin_dir = bin_dir
        self.port = port or _free_port()
        # Under /tmp, not pytest's tmp dir: user postgres must reach it (pytest's is mode 0700).
        self.workdir = Path(tempfile.mkdtemp(prefix="hcc-test-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            if shutil.which("su") is None:
                raise Unavailable("running as root without su: cannot start a private cluster")
            shutil.chown(self.workdir, "postgres")  # initdb refuses to run as root

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: object) -> None:
        cmd = [str(self.bin_dir / tool), *(str(a) for a in args)]
        if self.as_root:
            cmd = ["su", "postgres", "-c", shlex.join(cmd)]
        done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise Unavailable(f"{tool} failed: {(done.stderr or done.stdout).strip()[:300]}")

    def start(self) -> str:
        data = self.workdir / "data"
        opts = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        try:
            self._run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
            self._run("pg_ctl", "-D", data, "-o", opts, "-l", self.workdir / "log", "-w", "start")
        except (Unavailable, OSError, subprocess.TimeoutExpired) as err:
            shutil.rmtree(self.workdir, ignore_errors=True)
            raise Unavailable(f"private PostgreSQL cluster did not start: {err}") from None
        return self.url

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.workdir / "data", "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


@contextmanager
def server() -> Iterator[str]:
    """Yield an admin URL (database ``postgres``) of a running server."""
    if SHARED != "private" and _answers(_libpq(SHARED)):
        yield SHARED
        return
    if in_ci():
        raise Unavailable(f"no PostgreSQL answers at {SHARED}")
    bin_dir = server_bin_dir()
    if bin_dir is None:
        raise Unavailable(f"nothing answers at {SHARED} and no PostgreSQL server is installed")
    cluster = PrivateCluster(bin_dir)
    url = cluster.start()
    try:
        yield url
    finally:
        cluster.stop()


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


def _install_server() -> Path:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
    ):
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, timeout=900)
    bin_dir = server_bin_dir()
    if bin_dir is None:
        raise Unavailable("apt-get installed postgresql but no initdb was found")
    return bin_dir


def ensure() -> str:
    """For CI: the admin URL of a server that answers, starting (and installing) one if needed.

    The started cluster outlives this process on purpose: the test run that follows uses it.
    """
    if _answers(_libpq(SHARED)):
        return SHARED
    bin_dir = server_bin_dir() or _install_server()
    port = 5432 if _port_free(5432) else None
    return PrivateCluster(bin_dir, port).start()


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


if __name__ == "__main__":  # python3 -m tests.central.pg ensure → prints the admin URL
    if sys.argv[1:] != ["ensure"]:
        sys.exit("usage: python3 -m tests.central.pg ensure")
    try:
        print(ensure())
    except Unavailable as why:
        sys.exit(f"PostgreSQL for the tests: {why}")
