"""One test per fault the schemathesis run (test_central_schemathesis.py) found, on the live
server (SQLite and PostgreSQL): each fails if its fix is undone."""

from __future__ import annotations

import hashlib
import re

import httpx

from tests.central.helpers import make_doc, new_uuid, op, outcomes, push
from tests.central.live import Desk, LiveServer

NUL = "\x00"


def upload_start(**over) -> dict:
    data = b"giay to"
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "dossier_uuid": new_uuid(),
        "attachment_uuid": new_uuid(),
        "filename": "giay-to.pdf",
        "content_type": "application/pdf",
        **over,
    }


def test_upload_size_must_be_a_json_integer(desk: Desk):
    # Lax coercion took ``true`` as size 1 and ``"7"`` as 7; 7.0 is a JSON integer all the same.
    for size in (True, "7"):
        r = desk.http.post("/uploads", json=upload_start(size=size))
        assert r.status_code == 422, (size, r.text)
    body = upload_start(size=7.0)  # for an attachment a pushed dossier names (docs/security.md)
    att = {k: body[k] for k in ("sha256", "size", "filename", "content_type")}
    doc = make_doc(
        desk, attachments=[{**att, "uuid": body["attachment_uuid"], "paper_position": 1}]
    )
    push(desk, op(doc))
    r = desk.http.post("/uploads", json={**body, "dossier_uuid": doc["uuid"]})
    assert r.status_code == 200, r.text


def test_single_upload_path_is_not_taken_for_an_upload_id(central: LiveServer, desk: Desk):
    # /uploads/single was matched by /uploads/{upload_id} first: 405 advertised PUT, not POST.
    r = desk.http.request("OPTIONS", "/uploads/single")
    assert r.status_code == 405
    assert r.headers["allow"] == "POST"


def test_uploads_authenticate_before_anything_else(central: LiveServer):
    # A too-large single upload told an unknown caller 413 (and its body was read) before 401.
    too_large = upload_start(size=central.settings.max_attachment_bytes + 1)
    with central.client() as anonymous:
        r = anonymous.post("/uploads/single", params=too_large, content=b"x")
        assert r.status_code == 401, r.text
        r = anonymous.put(f"/uploads/{new_uuid()}", params={"offset": 0}, content=b"x")
        assert r.status_code == 401, r.text


def test_text_with_nul_is_refused_per_op_not_with_a_server_error(desk: Desk):
    # PostgreSQL cannot store U+0000: the whole push failed with 500 (and, in a group commit,
    # other desks' pushes with it). Now that op alone is rejected, the others are applied.
    bad = op(make_doc(desk, procedure_name=f"Cấp{NUL}bản sao"))
    good = op(make_doc(desk))
    results = push(desk, bad, good)
    assert outcomes(results) == [("rejected", 422), ("applied", 200)]
    assert "NUL" in results[0]["reason"]


def test_text_with_nul_is_refused_in_every_input(desk: Desk):
    r = desk.http.post("/uploads/single", params=upload_start(filename=f"a{NUL}.pdf"), content=b"x")
    assert r.status_code == 422, r.text
    r = desk.http.post("/uploads", json=upload_start(content_type=f"a{NUL}"))
    assert r.status_code == 422, r.text
    r = desk.http.post("/officers/login", json={"username": f"a{NUL}", "password": "x"})
    assert r.status_code == 422, r.text
    r = desk.http.get("/public/status", params={"code": f"A{NUL}", "pin": "X"})
    assert r.status_code == 422, r.text
    r = desk.http.put("/uploads/a%00", params={"offset": 0}, content=b"x")
    assert r.status_code == 422, r.text


def test_times_are_documented_as_sent_local_without_offset(central: LiveServer, desk: Desk):
    # The document said RFC 3339 "date-time" (an offset required); central sends local time.
    doc = make_doc(desk)
    push(desk, op(doc))
    r = desk.http.get("/public/status", params={"code": doc["code"], "pin": doc["lookup_pin"]})
    assert r.status_code == 200, r.text
    declared = document(central)["components"]["schemas"]["PublicStatus"]["properties"]
    assert "format" not in declared["received_at"]
    assert re.fullmatch(declared["received_at"]["pattern"], r.json()["received_at"])


def test_error_answers_are_documented_with_their_body(central: LiveServer, desk: Desk):
    # An undecodable JSON body got FastAPI's 400, which no operation declared; error answers
    # were declared without a body schema.
    r = desk.http.post("/enrol", content=b'"\xc3"', headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    enrol = document(central)["paths"]["/api/v1/enrol"]["post"]["responses"]
    for status in ("400", "401", "409", "410", "413"):
        schema = enrol[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ApiError"}, status
    assert r.json().keys() == {"detail"}


def document(central: LiveServer) -> dict:
    return httpx.get(f"{central.base_url}/openapi.json", timeout=10).json()
