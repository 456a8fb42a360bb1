"""A server installs hcc-central without the desk: the hcc-core and hcc-central wheels, installed
with their dependencies into a fresh virtual environment (no system site-packages; pip fetches
the dependencies), bring no Qt, no SANE, no printing, no desk, and the service migrates a
database, serves and answers over HTTP from there."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESK_ONLY_IMPORTS = ("PySide6", "shiboken6", "sane", "reportlab", "pypdfium2", "PIL", "hcc_desk")
DESK_ONLY_DISTRIBUTIONS = {
    "hcc-desk",
    "pyside6",
    "pyside6-essentials",
    "shiboken6",
    "python-sane",
    "reportlab",
    "pypdfium2",
    "pillow",
    "sqlcipher3-wheels",
}

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> str:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def server_venv(tmp_path_factory):
    """(venv folder, environment, a working folder outside the checkout)."""
    tmp = tmp_path_factory.mktemp("central-wheel")
    # Nothing of the checkout may leak in: no PYTHONPATH, and commands run from another folder.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    outside = tmp / "elsewhere"
    outside.mkdir()
    wheels = tmp / "wheels"
    _run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_wheels.py"),
            "--out",
            str(wheels),
            "hcc-core",
            "hcc-central",
        ],
        outside,
        env,
    )
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], outside, env)
    python = str(venv / "bin" / "python")
    _run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--find-links",
            str(wheels),
            "hcc-central",
        ],
        outside,
        env,
    )
    return venv, env, outside


def test_a_central_install_pulls_no_desk_qt_sane_or_printing(server_venv):
    venv, env, outside = server_venv
    python = str(venv / "bin" / "python")
    listed = json.loads(_run([python, "-m", "pip", "list", "--format", "json"], outside, env))
    installed = {p["name"].lower().replace("_", "-") for p in listed}
    assert {"hcc-core", "hcc-central", "fastapi", "sqlalchemy"} <= installed
    assert installed & DESK_ONLY_DISTRIBUTIONS == set()
    probe = (
        "import importlib, json\n"
        "found = {}\n"
        f"for name in {DESK_ONLY_IMPORTS!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "        found[name] = True\n"
        "    except ModuleNotFoundError:\n"
        "        found[name] = False\n"
        "print(json.dumps(found))\n"
    )
    found = json.loads(_run([python, "-c", probe], outside, env))
    assert found == dict.fromkeys(DESK_ONLY_IMPORTS, False)


def test_every_central_module_imports_from_the_installed_wheels(server_venv):
    venv, env, outside = server_venv
    python = str(venv / "bin" / "python")
    code = (
        "import importlib, pkgutil, sys, hcc_central\n"
        "names = [m.name for m in pkgutil.walk_packages(hcc_central.__path__, 'hcc_central.')\n"
        "         if '.migrations' not in m.name and not m.name.endswith('__main__')]\n"
        "for name in names: importlib.import_module(name)\n"
        "print(hcc_central.__file__, len(names))\n"
    )
    where, count = _run([python, "-c", code], outside, env).split()
    assert where.startswith(str(venv)), where
    assert int(count) > 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes] | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read()
    except (urllib.error.URLError, ConnectionError):
        return None  # not listening yet


def test_central_migrates_serves_and_answers_from_the_installed_wheels(server_venv):
    venv, env, outside = server_venv
    cli = str(venv / "bin" / "hcc-central")
    data = outside / "central-data"
    # An admin command migrates the SQLite database to head first, then writes to it.
    _run(
        [*(cli, "admin", "--data", str(data), "create-centre"),
         *("--name", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THỬ"),
         *("--governing-body", "UBND THỬ", "--place", "Huế")],
        outside,
        env,
        timeout=120,
    )  # fmt: skip
    assert (data / "central.db").stat().st_size > 0
    port = _free_port()
    with subprocess.Popen(
        [cli, "serve", "--data", str(data), "--port", str(port), "--log-level", "warning"],
        cwd=outside,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as server:
        try:
            deadline = time.monotonic() + 60
            while (answer := _get(f"http://127.0.0.1:{port}/healthz")) is None:
                assert server.poll() is None, f"hcc-central serve exited: {server.stdout.read()}"
                assert time.monotonic() < deadline, "hcc-central serve did not answer in 60 s"
                time.sleep(0.1)  # the pace of polling, not a guess at the start-up time
            status, body = answer
            assert status == 200 and json.loads(body) == {"status": "ok"}
            status, body = _get(f"http://127.0.0.1:{port}/openapi.json")
            assert status == 200 and "/healthz" in json.loads(body)["paths"]
        finally:
            server.terminate()  # leaving the block closes its output and waits for it
