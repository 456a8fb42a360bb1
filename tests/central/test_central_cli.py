"""The ``hcc-central`` command line: admin commands, and ``serve`` as a real process."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hcc_central.cli import main
from tests.support.waits import wait_until


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out.strip(), out.err


def test_admin_setup_flow(tmp_path: Path, capsys, monkeypatch):
    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    rc, centre, _ = run(
        capsys,
        "admin",
        *db,
        "create-centre",
        "--name",
        "Trung tâm A",
        "--governing-body",
        "UBND tỉnh A",
        "--place",
        "A",
        "--code-slots",
        "20",
    )
    assert rc == 0 and centre == "1"
    # --db may also follow the action.
    rc, agency, _ = run(
        capsys,
        "admin",
        "add-agency",
        *db,
        "--centre",
        "1",
        "--name",
        "Sở Tư pháp",
        "--unit-code",
        "000.00.51.h57",
    )
    assert rc == 0 and len(agency) == 36
    rc, _, err = run(
        capsys, "admin", *db, "add-agency", "--centre", "1", "--name", "X", "--unit-code", "51.H57"
    )
    assert rc == 2 and "unit code" in err
    rc, code, _ = run(
        capsys, "admin", *db, "enrol-counter", "--centre", "1", "--name", "Quầy 01", "--slot", "20"
    )
    assert rc == 0 and len(code) == 10 and code.isalnum()
    rc, _, err = run(
        capsys, "admin", *db, "enrol-counter", "--centre", "1", "--name", "Q", "--slot", "21"
    )
    assert rc == 2 and "slot must be 1–20" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu dài\n"))
    rc, user, _ = run(
        capsys,
        "admin",
        *db,
        "create-officer",
        "--username",
        "lan",
        "--full-name",
        "Trần Thị Lan",
        "--role",
        "supervisor",
    )
    assert rc == 0 and user == "lan"
    rc, _, err = run(
        capsys,
        "admin",
        *db,
        "create-officer",
        "--username",
        "lan",
        "--full-name",
        "L",
        "--password",
        "x",
    )
    assert rc == 2 and "already exists" in err
    rc, out, _ = run(capsys, "admin", *db, "list-devices")
    assert rc == 0 and out == ""
    rc, _, err = run(capsys, "admin", *db, "revoke-device", "nope")
    assert rc == 2 and "no device" in err
    rc, _, err = run(
        capsys, "admin", *db, "import-catalogue", str(tmp_path / "none.json"), "--centre", "1"
    )
    assert rc == 2 and "cannot read" in err


def test_set_status_names(capsys):
    from hcc_central.status_change import parse_status

    assert [
        parse_status(w).sync_name for w in ("transfer", "result-ready", "refused", "4", "waiting")
    ] == ["interoperating", "releasing", "denied", "processing", "waiting"]
    with pytest.raises(SystemExit):
        main(["admin", "set-status", "X", "--status", "bogus"])
    assert "unknown status" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_migrates_and_answers(tmp_path: Path):
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hcc_central",
            "serve",
            "--data",
            str(tmp_path / "data"),
            "--port",
            str(port),
            "--log-level",
            "info",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:

        def health() -> httpx.Response | None:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
            except httpx.TransportError:
                assert proc.poll() is None, (tmp_path / "serve.log").read_text()
                return None

        r = wait_until(health, 30, "serve to answer", interval=0.1)
        assert r.json() == {"status": "ok"}
        schema = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/api/v1/sync/push" in schema["paths"]
        assert (tmp_path / "data" / "central.db").is_file()
        assert (tmp_path / "data" / "store" / "sha256").is_dir()
        # Our own loggers reach the server's output, named by area (not only uvicorn's).
        enrol = {"code": "NOPE-NOPE", "device_name": "PC", "key": "k" * 43}
        refused = httpx.post(f"http://127.0.0.1:{port}/api/v1/enrol", json=enrol, timeout=5)
        assert refused.status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        log.close()
    json.dumps(schema)
    output = (tmp_path / "serve.log").read_text()
    assert "INFO hcc_central.enrolment: enrolment from 127.0.0.1 refused: unknown code" in output
