"""Chunked, resumable, verified, content-addressed uploads."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import func, select

from hcc_central.models import Attachment, Upload
from tests.central.helpers import make_doc, new_uuid, op, push
from tests.central.live import Desk, LiveServer


def named(desk: Desk, body: dict) -> dict:
    """Without a given dossier: push one naming this attachment first, as the desk does before
    it uploads (central takes uploads only for attachments its pushed dossiers name)."""
    if body.get("dossier_uuid"):
        return body
    keys = ("uuid", "filename", "content_type", "size", "sha256")
    att = {k: body["attachment_uuid" if k == "uuid" else k] for k in keys}
    doc = make_doc(desk, attachments=[{**att, "paper_position": 1}])
    push(desk, op(doc))
    return {**body, "dossier_uuid": doc["uuid"]}


def start(desk: Desk, data: bytes, **over) -> dict:
    body = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "dossier_uuid": None,
        "attachment_uuid": new_uuid(),
        "filename": "giay-to.pdf",
        "content_type": "application/pdf",
        **over,
    }
    body = named(desk, body)
    r = desk.http.post("/uploads", json=body)
    assert r.status_code == 200, r.text
    return r.json() | {"request": body}


def put(desk: Desk, upload_id: str, offset: int, chunk: bytes):
    return desk.http.put(
        f"/uploads/{upload_id}",
        params={"offset": offset},
        content=chunk,
        headers={"Content-Type": "application/octet-stream"},
    )


def send_all(desk: Desk, upload_id: str, data: bytes, offset: int, chunk: int) -> None:
    while offset < len(data):
        r = put(desk, upload_id, offset, data[offset : offset + chunk])
        assert r.status_code == 200, r.text
        offset = r.json()["offset"]


def blob(central: LiveServer, data: bytes) -> Path:
    sha = hashlib.sha256(data).hexdigest()
    return central.settings.store_dir / "sha256" / sha[:2] / sha


def test_chunked_upload_with_resume_and_wrong_offset(central: LiveServer, desk):
    data = os.urandom(40 * 1024 + 7)
    chunk = central.settings.chunk_bytes
    up = start(desk, data)
    assert (up["offset"], up["complete"]) == (0, False)
    assert put(desk, up["upload_id"], 0, data[:chunk]).json() == {"offset": chunk}
    # The link broke; the desk asks again and is told where to resume.
    again = start(desk, data, **{k: up["request"][k] for k in ("dossier_uuid", "attachment_uuid")})
    assert (again["upload_id"], again["offset"]) == (up["upload_id"], chunk)
    wrong = put(desk, up["upload_id"], 0, data[:chunk])
    assert wrong.status_code == 409 and wrong.json() == {"offset": chunk}
    early = desk.http.post(f"/uploads/{up['upload_id']}/complete")
    assert early.status_code == 409 and early.json() == {"offset": chunk}
    send_all(desk, up["upload_id"], data, chunk, chunk)
    done = desk.http.post(f"/uploads/{up['upload_id']}/complete")
    assert done.status_code == 200 and done.json() == {"sha256": up["request"]["sha256"]}
    assert blob(central, data).read_bytes() == data
    assert list((central.settings.store_dir / "tmp").glob(f"{up['upload_id']}*")) == []
    with central.db.read() as s:
        att = s.get(Attachment, up["request"]["attachment_uuid"])
        assert (att.sha256, att.size) == (up["request"]["sha256"], len(data))
        assert s.get(Upload, up["upload_id"]) is None


def test_sha_mismatch_is_422_and_discards_the_upload(central: LiveServer, desk):
    data = os.urandom(1000)
    up = start(desk, data, sha256=hashlib.sha256(b"something else").hexdigest())
    send_all(desk, up["upload_id"], data, 0, 512)
    r = desk.http.post(f"/uploads/{up['upload_id']}/complete")
    assert r.status_code == 422
    assert not blob(central, b"something else").exists()
    assert desk.http.post(f"/uploads/{up['upload_id']}/complete").status_code == 404
    assert list((central.settings.store_dir / "tmp").glob(f"{up['upload_id']}*")) == []


def test_identical_content_is_stored_once(central: LiveServer, desk_factory):
    desk, other = desk_factory(), desk_factory()
    data = os.urandom(3000)
    up = start(desk, data)
    send_all(desk, up["upload_id"], data, 0, 4096)
    assert desk.http.post(f"/uploads/{up['upload_id']}/complete").status_code == 200
    mtime = blob(central, data).stat().st_mtime_ns
    second = start(desk, data)  # another dossier of the centre, same scan
    assert (second["complete"], second["offset"]) == (True, len(data))
    assert blob(central, data).stat().st_mtime_ns == mtime
    # Another centre is not told that central holds these bytes: it sends them (docs/security.md).
    third = start(other, data)
    assert (third["complete"], third["offset"]) == (False, 0)
    with central.db.read() as s:
        n = s.scalar(
            select(func.count())
            .select_from(Attachment)
            .where(Attachment.sha256 == up["request"]["sha256"])
        )
    assert n == 3  # three attachments, one blob


def test_size_limits_are_413_before_any_byte_is_stored(central: LiveServer, desk):
    too_big = central.settings.max_attachment_bytes + 1
    body = {
        "sha256": "0" * 64,
        "size": too_big,
        "dossier_uuid": new_uuid(),
        "attachment_uuid": new_uuid(),
        "filename": "x.pdf",
        "content_type": "application/pdf",
    }
    tmp = central.settings.store_dir / "tmp"
    before = set(tmp.iterdir())
    assert desk.http.post("/uploads", json=body).status_code == 413
    assert set(tmp.iterdir()) == before
    with central.db.read() as s:
        assert (
            s.scalar(select(Upload).where(Upload.attachment_uuid == body["attachment_uuid"]))
            is None
        )
    data = os.urandom(central.settings.chunk_bytes + 1)
    up = start(desk, data)
    assert put(desk, up["upload_id"], 0, data).status_code == 413  # chunk over chunk_bytes
    r = put(desk, up["upload_id"], 0, data[:100])
    assert r.json() == {"offset": 100}  # nothing of the refused chunk was kept


def test_uploads_are_private_to_their_device(central: LiveServer, desk_factory):
    desk, other = desk_factory(), desk_factory()
    data = b"abc"
    up = start(desk, data)
    assert put(other, up["upload_id"], 0, data).status_code == 404
    assert other.http.post(f"/uploads/{up['upload_id']}/complete").status_code == 404
    assert put(desk, "no-such-upload", 0, data).status_code == 404


def test_empty_file(central: LiveServer, desk):
    up = start(desk, b"")
    if not up["complete"]:
        assert desk.http.post(f"/uploads/{up['upload_id']}/complete").status_code == 200
    assert blob(central, b"").read_bytes() == b""


def test_upload_for_another_centres_dossier_is_404_as_for_none(central: LiveServer, desk_factory):
    desk, other = desk_factory(), desk_factory()
    doc = make_doc(desk)
    push(desk, op(doc))
    r = other.http.post(
        "/uploads",
        json={
            "sha256": "1" * 64,
            "size": 3,
            "dossier_uuid": doc["uuid"],
            "attachment_uuid": new_uuid(),
            "filename": "x",
            "content_type": "text/plain",
        },
    )
    assert r.status_code == 404


def single(desk: Desk, data: bytes, **over):
    params = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "dossier_uuid": None,
        "attachment_uuid": new_uuid(),
        "filename": "trang 01 – hồ sơ.pdf",
        "content_type": "application/pdf",
        **over,
    }
    params = named(desk, params)
    r = desk.http.post(
        "/uploads/single",
        params=params,
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )
    return r, params


def test_a_small_file_in_one_request_is_verified_stored_and_recorded(central: LiveServer, desk):
    data = os.urandom(central.settings.chunk_bytes)  # the largest one request may carry
    r, params = single(desk, data)
    assert r.status_code == 200 and r.json() == {"sha256": params["sha256"]}
    assert blob(central, data).read_bytes() == data
    assert list((central.settings.store_dir / "tmp").glob("single-*")) == []
    with central.db.read() as s:
        att = s.get(Attachment, params["attachment_uuid"])
        assert (att.sha256, att.size, att.filename) == (
            params["sha256"], len(data), "trang 01 – hồ sơ.pdf")  # fmt: skip
        assert att.dossier_uuid == params["dossier_uuid"] and att.centre_id == desk.centre_id
    # The answer was lost and the desk sends it again: the same answer, one attachment row.
    again, _ = single(desk, data, **{k: params[k] for k in ("dossier_uuid", "attachment_uuid")})
    assert again.status_code == 200 and again.json() == r.json()
    with central.db.read() as s:
        n = s.scalar(select(func.count()).select_from(Attachment).where(
            Attachment.uuid == params["attachment_uuid"]))  # fmt: skip
    assert n == 1


def test_a_single_upload_that_does_not_match_is_422_and_stores_nothing(central: LiveServer, desk):
    data = os.urandom(2000)
    damaged = data[:-1] + bytes([data[-1] ^ 1])
    r, params = single(desk, data, sha256=hashlib.sha256(damaged).hexdigest())
    assert r.status_code == 422
    r2, _ = single(desk, data, size=len(data) + 1)  # declared size differs from the body
    assert r2.status_code == 422
    assert not blob(central, damaged).exists() and not blob(central, data).exists()
    with central.db.read() as s:  # named by the push, never stored
        assert s.get(Attachment, params["attachment_uuid"]).stored_at is None


def test_a_single_upload_over_one_chunk_is_413_and_other_rules_hold(
    central: LiveServer, desk_factory
):
    desk, other = desk_factory(), desk_factory()
    data = os.urandom(central.settings.chunk_bytes + 1)
    r, _ = single(desk, data)
    assert r.status_code == 413 and "chunks" in r.json()["detail"]
    assert not blob(central, data).exists()
    first, params = single(desk, b"abc")
    assert first.status_code == 200
    mine = {k: params[k] for k in ("dossier_uuid", "attachment_uuid")}
    assert single(other, b"abc", **mine)[0].status_code == 404  # another centre's
    doc = make_doc(desk)
    push(desk, op(doc))
    taken = single(desk, b"abc", dossier_uuid=doc["uuid"], attachment_uuid=mine["attachment_uuid"])
    assert taken[0].status_code == 409  # that attachment uuid is another dossier's
    with central.client("not-a-token") as bad:
        assert bad.post("/uploads/single", params=params, content=b"abc").status_code == 401
