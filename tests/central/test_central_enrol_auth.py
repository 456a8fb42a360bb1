"""Enrolment (single use, expiry, one device per slot), bearer tokens, officer login."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from sqlalchemy import select, update

from hcc_central import admin
from hcc_central.models import Base, Device, EnrolmentCode
from tests.central.helpers import new_uuid
from tests.central.live import LiveServer, make_centre, new_key
from tests.support.waits import wait_until


def _enrol(central: LiveServer, code: str, name: str = "PC", key: str | None = None):
    with central.client() as http:
        body = {"code": code, "device_name": name, "key": key or new_key()}
        return http.post("/enrol", json=body)


def test_enrol_returns_token_centre_and_limits_and_code_is_single_use(central: LiveServer):
    centre_id, unit = make_centre(central, code_slots=20)
    code, _ = central.write(admin.enrol_counter, centre_id, name="Quầy 03", slot=3)
    first = _enrol(central, code.lower())  # typed by hand: case does not matter
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["counter"] == {"name": "Quầy 03", "slot": 3}
    assert body["centre"]["code_slots"] == 20
    assert [a["unit_code"] for a in body["agencies"]] == [unit]
    assert body["limits"]["chunk_bytes"] == central.settings.chunk_bytes
    assert len(body["device_token"]) == 43  # 32 bytes, base64url without padding
    again = _enrol(central, code)  # another desk (another key): refused
    assert again.status_code == 409 and "already used" in again.json()["detail"]


def test_unknown_and_expired_codes_are_refused(central: LiveServer):
    centre_id, _ = make_centre(central)
    assert _enrol(central, "NOSUCHCODE").status_code == 401
    code, _ = central.write(admin.enrol_counter, centre_id, name="Quầy 1", slot=1)

    def expire(s):
        s.execute(update(EnrolmentCode).values(expires_at=datetime.now() - timedelta(minutes=1)))

    central.write(expire)
    r = _enrol(central, code)
    assert r.status_code == 410 and "expired" in r.json()["detail"]


def test_a_slot_holds_one_device_until_revoked(central: LiveServer):
    centre_id, _ = make_centre(central)
    first, _ = central.write(admin.enrol_counter, centre_id, name="Quầy 1", slot=1)
    second, _ = central.write(admin.enrol_counter, centre_id, name="Quầy 1", slot=1)
    device = _enrol(central, first).json()["device_id"]
    assert _enrol(central, second).status_code == 409  # would print the same codes
    central.write(admin.revoke_device, device)
    assert _enrol(central, second).status_code == 200


def test_wrong_missing_or_revoked_token_is_401(central: LiveServer, desk):
    with central.client("not-a-token") as bad, central.client() as anonymous:
        for http in (bad, anonymous):
            assert http.get("/limits").status_code == 401
            assert http.get("/sync/pull").status_code == 401
            assert http.post("/sync/push", json={"ops": []}).status_code == 401
    assert desk.http.get("/limits").status_code == 200  # and now in the device cache
    central.write(admin.revoke_device, desk.device_id)

    def refused() -> httpx.Response | None:
        r = desk.http.get("/limits")
        return r if r.status_code != 200 else None

    # Refused within the cache's time bound (1 s here), by every device route.
    timeout = central.settings.auth_cache_seconds + 0.5
    r = wait_until(refused, timeout, "the revoked token to be refused", interval=0.05)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert desk.http.post("/sync/push", json={"ops": []}).status_code == 401
    assert desk.http.get("/sync/pull").status_code == 401
    start = {"sha256": "0" * 64, "size": 1, "dossier_uuid": new_uuid(),
             "attachment_uuid": new_uuid(), "filename": "a.pdf", "content_type": "application/pdf"}  # fmt: skip
    assert desk.http.post("/uploads", json=start).status_code == 401


def test_tokens_and_codes_are_stored_only_hashed(central: LiveServer, desk):
    """No table holds the device token (or an enrolment code) in plain text."""
    code, _ = central.write(admin.enrol_counter, desk.centre_id, name="Quầy 2", slot=2)
    token2 = _enrol(central, code).json()["device_token"]
    with central.db.read() as s:
        dump = repr([s.execute(select(t)).all() for t in Base.metadata.sorted_tables])
        hashes = set(s.scalars(select(Device.token_sha256)))
    for secret in (desk.token, token2, code):
        assert secret not in dump
    import hashlib

    assert hashlib.sha256(desk.token.encode()).hexdigest() in hashes


def test_officer_login(central: LiveServer, desk_factory):
    desk = desk_factory()
    other = desk_factory()
    central.write(
        admin.create_officer,
        username=f"an{desk.centre_id}",
        full_name="Lê Thị An",
        role="supervisor",
        password="đúng-mật-khẩu",
    )
    central.write(
        admin.create_officer,
        username=f"local{desk.centre_id}",
        full_name="B",
        role="officer",
        password="mật-khẩu-khác",
        centre_id=other.centre_id,
    )
    ok = desk.http.post(
        "/officers/login", json={"username": f"an{desk.centre_id}", "password": "đúng-mật-khẩu"}
    )
    assert ok.status_code == 200
    answer = ok.json()
    assert len(answer.pop("session")) >= 32 and answer.pop("session_expires_at")
    assert answer == {
        "username": f"an{desk.centre_id}",
        "full_name": "Lê Thị An",
        "role": "supervisor",
    }
    for username, password in (
        (f"an{desk.centre_id}", "sai"),
        (f"nobody{desk.centre_id}", "x"),
        (f"local{desk.centre_id}", "mật-khẩu-khác"),
    ):  # officer of another centre
        r = desk.http.post("/officers/login", json={"username": username, "password": password})
        assert r.status_code == 401, username
    assert (
        other.http.post(
            "/officers/login",
            json={"username": f"local{desk.centre_id}", "password": "mật-khẩu-khác"},
        ).status_code
        == 200
    )
