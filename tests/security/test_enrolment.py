"""Enrolment exactly once, against a live central on SQLite and PostgreSQL.

The desk sends a key of its own choosing with the one-time code. A retry with the same code and
key (its first answer was lost) gets the same device and token; anyone else with the code, and
any retry once the device was revoked or the window closed, is refused with a clear 4xx and an
audit row. Central keeps only SHA-256 of the key and the token sealed under it.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
from datetime import datetime, timedelta

import httpx
from sqlalchemy import func, select, update

from hcc_central import admin
from hcc_central.enrolment import RETRY_GRACE
from hcc_central.models import AuditLog, Device, EnrolmentCode
from tests.central.live import LiveServer, make_centre, new_key


def _enrol(central: LiveServer, code: str, key: str, name: str = "PC") -> httpx.Response:
    with central.client() as http:
        return http.post("/enrol", json={"code": code, "device_name": name, "key": key})


def _fresh_code(central: LiveServer, slot: int = 1) -> tuple[str, int]:
    centre_id, _ = make_centre(central)
    code, counter = central.write(admin.enrol_counter, centre_id, name=f"Quầy {slot}", slot=slot)
    return code, counter.id


def _devices(central: LiveServer, counter_id: int) -> list[Device]:
    with central.db.read() as s:
        return list(s.scalars(select(Device).where(Device.counter_id == counter_id)))


def _code_row(central: LiveServer, code: str) -> EnrolmentCode:
    digest = hashlib.sha256(code.encode()).hexdigest()
    with central.db.read() as s:
        return s.get_one(EnrolmentCode, digest)


def _refusals(central: LiveServer, code: str) -> list[dict]:
    """device.enrol_refused rows naming this code (by the prefix of its hash)."""
    prefix = hashlib.sha256(code.encode()).hexdigest()[:16]
    with central.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "device.enrol_refused"))
        return [
            {"actor": r.actor, **r.detail} for r in rows if r.detail.get("code_sha256") == prefix
        ]


def _works(central: LiveServer, token: str) -> bool:
    with central.client(token) as http:
        return http.get("/limits").status_code == 200


def test_a_retry_after_a_lost_answer_gets_the_same_device_and_token(central: LiveServer):
    code, counter_id = _fresh_code(central)
    key = new_key()
    lost = _enrol(central, code, key)  # central created the device; the desk never saw this
    assert lost.status_code == 200, lost.text
    again = _enrol(central, code.lower(), key)  # the desk retries, code typed by hand
    assert again.status_code == 200, again.text
    assert again.json() == lost.json()  # same device, same token, same identity
    [device] = _devices(central, counter_id)  # one device row holds the slot
    assert device.id == again.json()["device_id"] and not device.revoked
    assert _works(central, again.json()["device_token"])
    with central.db.read() as s:
        retries = s.scalar(
            select(func.count())
            .select_from(AuditLog)
            .where(AuditLog.action == "device.enrol_retry", AuditLog.actor == f"device:{device.id}")
        )
    assert retries == 1


def test_a_used_code_with_another_key_is_refused_and_audited(central: LiveServer):
    code, counter_id = _fresh_code(central)
    mine = _enrol(central, code, new_key()).json()
    thief = _enrol(central, code, new_key())  # a stolen code, after the real desk enrolled
    assert thief.status_code == 409, thief.text
    assert "already used" in thief.json()["detail"] and "device_token" not in thief.text
    assert [d.id for d in _devices(central, counter_id)] == [mine["device_id"]]
    assert _works(central, mine["device_token"])  # the real desk is not disturbed
    [refusal] = _refusals(central, code)
    assert refusal["reason"] == "code used, other key"
    assert refusal["device_id"] == mine["device_id"] and refusal["actor"].startswith("enrol:")


def test_guessing_keys_is_pointless_and_central_keeps_no_usable_secret(central: LiveServer):
    code, counter_id = _fresh_code(central)
    key = new_key()
    mine = _enrol(central, code, key).json()
    row = _code_row(central, code)
    # What a reader of central's database sees: a hash of the key, the token sealed.
    assert row.key_sha256 == hashlib.sha256(key.encode()).hexdigest()
    assert key not in row.token_sealed and mine["device_token"] not in row.token_sealed
    # Neither replaying what is stored nor keys one character away get anything.
    near = key[:-1] + ("A" if key[-1] != "A" else "B")
    for guess in (row.key_sha256[:43], row.token_sealed[:43], near, mine["device_token"]):
        r = _enrol(central, code, guess)
        assert r.status_code == 409 and "device_token" not in r.text, guess
    assert len(_refusals(central, code)) == 4
    assert len(_devices(central, counter_id)) == 1


def test_two_desks_racing_with_one_code_get_one_device(central: LiveServer):
    code, counter_id = _fresh_code(central)
    keys = [new_key() for _ in range(4)]
    with concurrent.futures.ThreadPoolExecutor(len(keys)) as pool:
        answers = list(pool.map(lambda k: _enrol(central, code, k), keys))
    assert sorted(r.status_code for r in answers) == [200, 409, 409, 409]
    [device] = _devices(central, counter_id)
    [won] = [r.json() for r in answers if r.status_code == 200]
    assert won["device_id"] == device.id and _works(central, won["device_token"])


def test_a_retry_is_refused_once_the_device_is_revoked(central: LiveServer):
    code, counter_id = _fresh_code(central)
    key = new_key()
    device_id = _enrol(central, code, key).json()["device_id"]
    central.write(admin.revoke_device, device_id)
    r = _enrol(central, code, key)
    assert r.status_code == 410 and "revoked" in r.json()["detail"]
    assert [x["reason"] for x in _refusals(central, code)] == ["device revoked"]
    assert len(_devices(central, counter_id)) == 1


def test_a_retry_after_its_window_is_refused_and_the_sealed_token_dropped(central: LiveServer):
    code, _ = _fresh_code(central)
    key = new_key()
    assert _enrol(central, code, key).status_code == 200
    digest = hashlib.sha256(code.encode()).hexdigest()
    long_ago = datetime.now() - RETRY_GRACE - timedelta(minutes=1)

    def age(s):  # used and expired longer ago than the grace window
        s.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code_sha256 == digest)
            .values(used_at=long_ago, expires_at=long_ago)
        )

    central.write(age)
    r = _enrol(central, code, key)
    assert r.status_code == 410 and "retry window" in r.json()["detail"]
    assert _code_row(central, code).token_sealed is None
    assert [x["reason"] for x in _refusals(central, code)] == ["retry too late"]


def test_unknown_expired_and_held_slot_refusals_are_audited(central: LiveServer):
    assert _enrol(central, "NOSUCHCODE99", new_key()).status_code == 401
    assert [x["reason"] for x in _refusals(central, "NOSUCHCODE99")] == ["unknown code"]
    centre_id, _ = make_centre(central)
    first, _ = central.write(admin.enrol_counter, centre_id, name="Quầy 1", slot=1)
    second, _ = central.write(admin.enrol_counter, centre_id, name="Quầy 1", slot=1)
    assert _enrol(central, first, new_key()).status_code == 200
    held = _enrol(central, second, new_key())
    assert held.status_code == 409 and "held by device" in held.json()["detail"]
    assert [x["reason"] for x in _refusals(central, second)] == ["slot held"]
    code, _ = _fresh_code(central)

    def expire(s):
        s.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code_sha256 == hashlib.sha256(code.encode()).hexdigest())
            .values(expires_at=datetime.now() - timedelta(minutes=1))
        )

    central.write(expire)
    assert _enrol(central, code, new_key()).status_code == 410
    assert [x["reason"] for x in _refusals(central, code)] == ["expired"]
