"""Record what a previous desk version says to central, for tests/sync/test_previous_desk.py.

Run it when the sync protocol version goes up, with a checkout of the last release of the
previous version (``git worktree add /tmp/desk-prev <commit>``):

    python3 -m tests.sync.previous_desk.record /tmp/desk-prev v1

It starts this checkout's central (SQLite, uvicorn) with a provincial centre, runs the previous
desk's ``hcc-desk sim`` against it (enrol, officer login, intake, push, upload, pull) with every
HTTP exchange recorded, and writes into this folder:

* ``<name>-traffic.json``: the requests in order (secrets and ids replaced by placeholders the
  replay fills in) with the status central gave;
* ``<name>-schemas.json``: the previous desk's JSON schemas of the answers it parses (its
  models refuse unknown fields, so these say exactly what that desk can read).
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PASSWORD = "mat-khau-123"

# Patched into the previous desk's process: every httpx exchange appended to a JSON Lines file.
HOOK = r"""
import base64, json, os, httpx
_send = httpx.Client.send
def send(self, request, **kw):
    response = _send(self, request, **kw)
    response.read()
    line = json.dumps({
        "method": request.method, "path": request.url.raw_path.decode(),
        "headers": {k: v for k, v in request.headers.items()},
        "body": base64.b64encode(request.content).decode(),
        "status": response.status_code,
        "response": base64.b64encode(response.content).decode()}) + "\n"
    with open(os.environ["HCC_RECORD_FILE"], "a", encoding="utf-8") as f:
        f.write(line)
    return response
httpx.Client.send = send
"""

SET_UP = r"""
import sys
from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_desk.services.setup import seed_agencies
db = Database(sys.argv[1], pool_size=1)
upgrade(db.engine)
with db.write() as s:
    centre = admin.create_centre(s, name="TRUNG TÂM THỬ", governing_body="UBND THỬ",
                                 place_name="Huế", code_slots=10)
    for a in seed_agencies():
        admin.add_agency(s, centre.id, name=a.name, short_name=a.short_name,
                         unit_code=a.unit_code)
    admin.create_officer(s, username="lan", full_name="Trần Thị Lan", role="officer",
                         password=sys.argv[2], centre_id=centre.id)
    print(admin.enrol_counter(s, centre.id, name="Quầy 1", slot=1)[0])
db.dispose()
"""

SCHEMAS = r"""
import json, sys
try:  # where the wire types lived up to protocol 1; later in hcc_core
    from hcc_desk.core.sync import protocol as p
    from hcc_desk.core.sync.officer_session import LoginAnswer
except ImportError:
    from hcc_core.wire import protocol as p
    from hcc_core.wire.officer import LoginAnswer
models = {"EnrolResponse": p.EnrolResponse, "PushResponse": p.PushResponse,
          "PullResponse": p.PullResponse, "Limits": p.Limits, "UploadState": p.UploadState,
          "UploadOffset": p.UploadOffset, "UploadDone": p.UploadDone, "LoginAnswer": LoginAnswer}
print(json.dumps({name: m.model_json_schema() for name, m in models.items()}, indent=1))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(src: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src), **extra}


def record(previous: Path, name: str) -> None:
    prev_src = previous / "src"
    with tempfile.TemporaryDirectory(prefix="hcc-record-") as tmp_dir:
        tmp = Path(tmp_dir)
        db_url = f"sqlite:///{tmp / 'central.db'}"
        code = subprocess.run(
            [sys.executable, "-c", SET_UP, db_url, PASSWORD],
            env=_env(ROOT / "src"),
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        port = _free_port()
        central = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hcc_central",
                "serve",
                "--db",
                db_url,
                "--store",
                str(tmp / "store"),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=_env(ROOT / "src"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait(port)
            hook = tmp / "hook"
            hook.mkdir()
            (hook / "sitecustomize.py").write_text(HOOK)
            log = tmp / "traffic.jsonl"
            codes = tmp / "codes.txt"
            codes.write_text(code + "\n")
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "hcc_desk",
                    "sim",
                    "--central",
                    f"http://127.0.0.1:{port}",
                    "--codes",
                    str(codes),
                    "--counters",
                    "1",
                    "--dossiers",
                    "3",
                    "--pages",
                    "1",
                    "--attachment-kb",
                    "4",
                    "--officer",
                    "lan",
                    "--password",
                    PASSWORD,
                    "--profiles",
                    str(tmp / "desks"),
                    "--threads",
                    "--sync",
                    "idle",
                    "--timeout",
                    "60",
                ],
                env=_env(
                    Path(f"{hook}{os.pathsep}{prev_src}"),
                    HCC_RECORD_FILE=str(log),
                    HCC_DESK_KEY_DIR=str(tmp / "keys"),
                ),
                check=True,
            )
            exchanges = [json.loads(line) for line in log.read_text().splitlines()]
        finally:
            central.terminate()
            central.wait(10)
        schemas = subprocess.run(
            [sys.executable, "-c", SCHEMAS],
            env=_env(prev_src),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    traffic = [_generalise(x, code) for x in exchanges]
    (HERE / f"{name}-traffic.json").write_text(
        json.dumps(traffic, indent=1, ensure_ascii=False) + "\n"
    )
    (HERE / f"{name}-schemas.json").write_text(schemas)
    print(f"{len(traffic)} exchanges, {len(json.loads(schemas))} schemas → {HERE}")


def _wait(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("central did not start")


def _generalise(x: dict, code: str) -> dict:
    """Secrets and ids become placeholders: {code}, {token}, {session}; upload ids are kept and
    mapped by the replay to the ids its own central hands out."""
    headers = {
        k.lower(): v
        for k, v in x["headers"].items()
        if k.lower()
        in (
            "content-type",
            "content-range",
            "upload-offset",
            "authorization",
            "x-officer-session",
            "x-hcc-protocol",
        )
    }
    if "authorization" in headers:
        headers["authorization"] = "Bearer {token}"
    if "x-officer-session" in headers:
        headers["x-officer-session"] = "{session}"
    body = base64.b64decode(x["body"])
    out: dict = {
        "method": x["method"],
        "path": x["path"],
        "headers": headers,
        "status": x["status"],
    }
    if headers.get("content-type", "").startswith("application/json") and body:
        out["json"] = json.loads(body.decode().replace(code, "{code}"))
    elif body:
        out["body_b64"] = base64.b64encode(body).decode()
    response = base64.b64decode(x["response"])
    try:
        out["answer"] = json.loads(response)
    except ValueError:
        out["answer"] = None
    return out


if __name__ == "__main__":
    record(Path(sys.argv[1]), sys.argv[2])
