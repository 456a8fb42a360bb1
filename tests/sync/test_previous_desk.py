"""A desk one protocol version behind keeps working with this central (docs/sync-protocol.md,
"Versions").

The traffic and the answer schemas were recorded from the previous desk version
(tests/sync/previous_desk/record.py): enrolment, officer login, push, uploads and pull. They are
replayed against today's central, set up with what the previous desk never saw (a commune-level
centre, an official calendar with its ``calendar.year`` changes). Every answer must have the
status it had then and must validate against the previous desk's own schemas — its models
refuse unknown fields and unknown change kinds, so a new field sent to it would stop that desk.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import jsonschema
import pytest
from sqlalchemy import func, select

from hcc_central import admin
from hcc_central.calendar import import_official
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import Attachment, Dossier
from hcc_central.settings import Settings
from hcc_core.wire import protocol as p
from hcc_desk.services.setup import seed_agencies
from tests.central.live import LiveServer

HERE = Path(__file__).resolve().parent / "previous_desk"
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mat-khau-123"  # as recorded (record.py)

# Which of the previous desk's models reads the answer of each route.
ANSWERS = [
    ("POST", r"/enrol$", "EnrolResponse"),
    ("POST", r"/officers/login$", "LoginAnswer"),
    ("POST", r"/sync/push$", "PushResponse"),
    ("GET", r"/sync/pull$", "PullResponse"),
    ("GET", r"/limits$", "Limits"),
    ("POST", r"/uploads/single$", "UploadDone"),
    ("POST", r"/uploads$", "UploadState"),
    ("PUT", r"/uploads/[^/]+$", "UploadOffset"),
    ("POST", r"/uploads/[^/]+/complete$", "UploadDone"),
]


def answer_model(method: str, path: str) -> str:
    route = path.split("?")[0]
    for m, pattern, name in ANSWERS:
        if m == method and re.search(pattern, route):
            return name
    raise AssertionError(f"no model known for {method} {route}")


@pytest.fixture
def central(tmp_path) -> Iterator[tuple[LiveServer, str]]:
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    with db.write() as s:
        centre = admin.create_centre(
            s,
            name="TRUNG TÂM THỬ",
            governing_body="UBND THỬ",
            place_name="Huế",
            code_slots=10,
            level="commune",
        )
        for a in seed_agencies():
            admin.add_agency(
                s, centre.id, name=a.name, short_name=a.short_name, unit_code=a.unit_code
            )
        admin.create_officer(
            s,
            username="lan",
            full_name="Trần Thị Lan",
            role="officer",
            password=PASSWORD,
            centre_id=centre.id,
        )
        code = admin.enrol_counter(s, centre.id, name="Quầy 1", slot=1)[0]
        calendar = json.loads(
            (ROOT / "src/hcc_core/data/calendar/vn-official.json").read_text("utf-8")
        )
        assert import_official(s, calendar, "vn-official.json", actor="test") > 0
    db.dispose()
    server = LiveServer(Settings(db_url=db_url, store_dir=tmp_path / "store")).start()
    yield server, code
    server.stop()


def replay(server: LiveServer, code: str, name: str) -> list[tuple[str, dict]]:
    traffic = json.loads((HERE / f"{name}-traffic.json").read_text("utf-8"))
    schemas = json.loads((HERE / f"{name}-schemas.json").read_text("utf-8"))
    secrets = {"{code}": code}
    answers = []
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        for x in traffic:
            headers = {k: _fill(v, secrets) for k, v in x["headers"].items()}
            if "json" in x:
                content = json.dumps(json.loads(_fill(json.dumps(x["json"]), secrets))).encode()
            else:
                content = base64.b64decode(x.get("body_b64", ""))
            r = http.request(x["method"], x["path"], headers=headers, content=content)
            where = f"{x['method']} {x['path'].split('?')[0]}"
            assert r.status_code == x["status"], (where, r.text[:500])
            model = answer_model(x["method"], x["path"])
            try:
                jsonschema.validate(r.json(), schemas[model])
            except jsonschema.ValidationError as exc:
                raise AssertionError(
                    f"{where}: the previous desk cannot read this answer: "
                    f"{exc.message} at {list(exc.absolute_path)}"
                ) from None
            if model == "EnrolResponse":
                secrets["{token}"] = r.json()["device_token"]
            elif model == "LoginAnswer":
                secrets["{session}"] = r.json()["session"]
            answers.append((model, r.json()))
    return answers


def _fill(text: str, secrets: dict[str, str]) -> str:
    for placeholder, value in secrets.items():
        text = text.replace(placeholder, value)
    return text


@pytest.mark.parametrize("recorded", ["v1", "v2"])
def test_the_previous_desk_enrols_pushes_uploads_and_pulls(central, recorded):
    """v1: a desk from before the version header; v2: the last desk of protocol 2, which knows
    nothing of digitised papers (protocol 3)."""
    server, code = central
    answers = replay(server, code, recorded)
    models = [m for m, _ in answers]
    assert {"EnrolResponse", "LoginAnswer", "PushResponse", "UploadDone", "PullResponse"} <= set(
        models
    )
    with server.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 3
        assert s.scalar(select(func.count()).select_from(Attachment)) == 3
    # What it could not read was left out, not the rest: agencies and the days off still came.
    pulled = [c for m, a in answers if m == "PullResponse" for c in a["changes"]]
    kinds = {c["kind"] for c in pulled}
    assert {"agency.upsert", "calendar.day"} <= kinds
    assert ("calendar.year" in kinds) == (recorded != "v1")  # a change kind of protocol 2


def test_this_desk_gets_what_the_previous_one_is_spared(central):
    """The same central gives the current desk (which says its version) the new parts."""
    server, code = central
    with httpx.Client(
        base_url=server.base_url + p.API,
        timeout=30,
        headers={p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION)},
    ) as http:
        r = http.post("/enrol", json={"code": code, "device_name": "PC", "key": "k" * 43})
        assert r.status_code == 200, r.text
        assert r.json()["centre"]["level"] == "commune"
        pull = http.get(
            "/sync/pull",
            params={"cursor": 0, "limit": 500},
            headers={"Authorization": f"Bearer {r.json()['device_token']}"},
        )
    assert "calendar.year" in {c["kind"] for c in pull.json()["changes"]}


@pytest.mark.parametrize("version", ["0", "99", "two"])
def test_a_version_central_does_not_serve_is_told_plainly(central, version):
    server, code = central
    with httpx.Client(base_url=server.base_url + p.API, timeout=30) as http:
        r = http.post(
            "/enrol",
            json={"code": code, "device_name": "PC", "key": "k" * 43},
            headers={p.PROTOCOL_HEADER: version},
        )
    assert r.status_code == 426
    body = r.json()
    assert body["supported"] == [p.OLDEST_SERVED, p.PROTOCOL_VERSION]
    assert "cập nhật" in body["detail"] or "update" in body["detail"]
