"""The hostile enrolled device against a live central (SQLite and PostgreSQL): what it may upload
and push (docs/security.md, "What a device may do").

Every refusal is a clear 4xx (or 507) and leaves an audit row naming the device; a refused
upload writes nothing to the store. Quotas run on a second live server over the same database
and store with small quotas (as another API process with other settings would).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from hcc_central import admin, upload_rules
from hcc_central.cli import main as central_cli
from hcc_central.models import Agency, Attachment, AuditLog, Dossier, Upload
from tests.central.helpers import attachment, make_doc, new_uuid, op, push
from tests.central.live import Desk, LiveServer, desk_for

KiB = 1024


# --- helpers -------------------------------------------------------------------------------


def store_files(central: LiveServer) -> set[tuple[str, int]]:
    root = central.settings.store_dir
    return {(str(p.relative_to(root)), p.stat().st_size) for p in root.rglob("*") if p.is_file()}


def audits(central: LiveServer, desk: Desk, action: str) -> list[dict[str, Any]]:
    with central.db.read() as s:
        rows = s.scalars(
            select(AuditLog.detail)
            .where(AuditLog.actor == f"device:{desk.device_id}", AuditLog.action == action)
            .order_by(AuditLog.seq)
        )
        return list(rows)


def pushed_with(desk: Desk, data: bytes, **over: Any) -> tuple[dict, dict]:
    """A dossier naming one attachment of ``data``, pushed by ``desk``."""
    att = attachment(data, **over)
    doc = make_doc(desk, attachments=[att])
    assert push(desk, op(doc))[0]["outcome"] == "applied"
    return doc, att


def start_body(doc: dict, att: dict, **over: Any) -> dict:
    keys = ("sha256", "size", "filename", "content_type")
    return {**{k: att[k] for k in keys}, "dossier_uuid": doc["uuid"],
            "attachment_uuid": att["uuid"], **over}  # fmt: skip


def single(desk: Desk, body: dict, data: bytes):
    return desk.http.post(
        "/uploads/single",
        params=body,
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def refused_everywhere(central: LiveServer, desk: Desk, body: dict, data: bytes) -> list[int]:
    """The same upload by both routes; the store must not change."""
    before = store_files(central)
    codes = [
        desk.http.post("/uploads", json=body).status_code,
        single(desk, body, data).status_code,
    ]
    assert store_files(central) == before
    return codes


# --- whose dossier -------------------------------------------------------------------------


def test_an_upload_for_no_dossier_or_another_centres_is_one_404_audited(central, desk_factory):
    desk, other = desk_factory(), desk_factory()
    data = os.urandom(2 * KiB)
    theirs, att = pushed_with(other, data)
    nobody = start_body(theirs, att, dossier_uuid=new_uuid(), attachment_uuid=new_uuid())
    foreign = start_body(theirs, att)
    assert refused_everywhere(central, desk, nobody, data) == [404, 404]
    assert refused_everywhere(central, desk, foreign, data) == [404, 404]
    # The same words for both: a device learns nothing of what other centres hold.
    a = desk.http.post("/uploads", json=nobody).json()
    b = desk.http.post("/uploads", json=foreign).json()
    assert a == b == {"detail": "no dossier with this uuid at this centre: push it first"}
    logged = audits(central, desk, "upload.refused")
    assert len(logged) == 6 and {d["status"] for d in logged} == {404}
    assert {d["route"] for d in logged} == {"start_upload", "single_upload"}
    assert logged[2]["dossier_uuid"] == theirs["uuid"]
    with central.db.read() as s:
        assert s.get(Attachment, att["uuid"]).stored_at is None


def test_another_counters_dossier_is_403_audited(central, desk_factory):
    first = desk_factory()
    second = desk_factory(centre=(first.centre_id, first.unit), slot=2)
    data = os.urandom(KiB)
    doc, att = pushed_with(first, data)
    assert refused_everywhere(central, second, start_body(doc, att), data) == [403, 403]
    r = second.http.post("/uploads", json=start_body(doc, att))
    assert "counter slot 1" in r.json()["detail"]
    assert [d["status"] for d in audits(central, second, "upload.refused")] == [403] * 3
    assert single(first, start_body(doc, att), data).status_code == 200  # its own counter may


def test_only_the_attachment_the_dossier_names_with_its_size_and_hash(central, desk_factory):
    desk = desk_factory()
    data = os.urandom(KiB)
    doc, att = pushed_with(desk, data)
    other = os.urandom(KiB)
    unnamed = start_body(doc, att, attachment_uuid=new_uuid())
    swapped = start_body(doc, att, sha256=hashlib.sha256(other).hexdigest())
    assert refused_everywhere(central, desk, unnamed, data) == [404, 404]
    assert refused_everywhere(central, desk, swapped, other) == [409, 409]
    assert [d["status"] for d in audits(central, desk, "upload.refused")] == [404, 404, 409, 409]


def test_another_devices_upload_is_404_and_audited(central, desk_factory):
    desk, other = desk_factory(), desk_factory()
    data = os.urandom(20 * KiB)
    doc, att = pushed_with(desk, data)
    up = desk.http.post("/uploads", json=start_body(doc, att)).json()
    before = store_files(central)
    r = other.http.put(
        f"/uploads/{up['upload_id']}", params={"offset": 0}, content=data[:KiB],
        headers={"Content-Type": "application/octet-stream"},
    )  # fmt: skip
    assert r.status_code == 404
    assert other.http.post(f"/uploads/{up['upload_id']}/complete").status_code == 404
    assert store_files(central) == before
    logged = audits(central, other, "upload.refused")
    assert [(d["route"], d["upload_id"]) for d in logged] == [
        ("put_chunk", up["upload_id"]), ("complete_upload", up["upload_id"])]  # fmt: skip


# --- "is it stored already?" ---------------------------------------------------------------


def test_already_stored_answers_only_for_the_centres_own_content(central, desk_factory):
    desk, other = desk_factory(), desk_factory()
    data = os.urandom(3 * KiB)
    doc, att = pushed_with(desk, data)
    assert single(desk, start_body(doc, att), data).status_code == 200
    again, att2 = pushed_with(desk, data)  # the same scan in another dossier of the centre
    mine = desk.http.post("/uploads", json=start_body(again, att2)).json()
    assert (mine["complete"], mine["offset"]) == (True, len(data))
    theirs, att3 = pushed_with(other, data)  # another centre guesses the content
    answer = other.http.post("/uploads", json=start_body(theirs, att3)).json()
    assert (answer["complete"], answer["offset"]) == (False, 0)  # as for unknown content
    with central.db.read() as s:
        assert s.get(Attachment, att3["uuid"]).stored_at is None


# --- quotas and expiry ---------------------------------------------------------------------


@pytest.fixture
def limited(central: LiveServer) -> Iterator[LiveServer]:
    """Another API process over the same database and store, with small quotas."""
    settings = replace(
        central.settings,
        device_inflight_bytes=60 * KiB,
        centre_inflight_bytes=100 * KiB,
        device_stored_bytes=40 * KiB,
        centre_stored_bytes=55 * KiB,
        upload_expiry_hours=24,
    )
    server = LiveServer(settings).start()
    yield server
    server.stop()


@pytest.fixture
def limited_desks(limited: LiveServer) -> Iterator[tuple[Desk, Desk]]:
    """Two counters (slots 1 and 2) of one centre on the limited server."""
    first = desk_for(limited)
    second = desk_for(limited, centre=(first.centre_id, first.unit), slot=2)
    yield first, second
    for d in (first, second):
        d.http.close()


def test_bytes_in_flight_per_device_and_centre_are_429_and_expire(
    limited, limited_desks, monkeypatch
):
    first, second = limited_desks
    big = [os.urandom(30 * KiB) for _ in range(4)]
    started = []
    for desk, data in ((first, big[0]), (first, big[1]), (second, big[2])):
        doc, att = pushed_with(desk, data)
        r = desk.http.post("/uploads", json=start_body(doc, att))
        assert r.status_code == 200, r.text
        started.append(r.json()["upload_id"])
    tmp = limited.settings.store_dir / "tmp"
    for uid in started:  # a first chunk of each: partial files on disk
        desk = second if uid == started[2] else first
        r = desk.http.put(f"/uploads/{uid}", params={"offset": 0}, content=b"x" * KiB,
                          headers={"Content-Type": "application/octet-stream"})  # fmt: skip
        assert r.status_code == 200
    doc, att = pushed_with(first, big[3])
    before = store_files(limited)
    over_device = first.http.post("/uploads", json=start_body(doc, att))  # 60 KiB + 30 KiB
    assert over_device.status_code == 429 and "this device" in over_device.json()["detail"]
    doc2, att2 = pushed_with(second, big[3])
    over_centre = second.http.post("/uploads", json=start_body(doc2, att2))  # 90 + 30 KiB
    assert over_centre.status_code == 429 and "this centre" in over_centre.json()["detail"]
    assert store_files(limited) == before
    assert audits(limited, first, "upload.refused")[-1]["quota"] == "inflight"
    assert audits(limited, second, "upload.refused")[-1]["quota"] == "inflight"
    # A day later the abandoned uploads are gone, their partial files deleted, room made.
    later = datetime.now() + timedelta(hours=25)
    monkeypatch.setattr(upload_rules, "clock", lambda: later)
    assert first.http.post("/uploads", json=start_body(doc, att)).status_code == 200
    with limited.db.read() as s:
        assert s.scalars(select(Upload).where(Upload.upload_id.in_(started))).all() == []
    assert [p for p in tmp.iterdir() if any(uid in p.name for uid in started)] == []
    assert (
        first.http.put(
            f"/uploads/{started[0]}",
            params={"offset": KiB},
            content=b"x",
            headers={"Content-Type": "application/octet-stream"},
        ).status_code
        == 404
    )


def test_bytes_stored_per_device_and_centre_are_507(limited, limited_desks):
    first, second = limited_desks
    files = [os.urandom(15 * KiB) for _ in range(5)]

    def send(desk: Desk, data: bytes) -> int:
        doc, att = pushed_with(desk, data)
        return single(desk, start_body(doc, att), data).status_code

    assert [send(first, files[0]), send(first, files[1])] == [200, 200]  # 30 of 40 KiB
    before = store_files(limited)
    assert send(first, files[2]) == 507  # device: 45 > 40 KiB
    assert [send(second, files[3]), send(second, files[4])] == [200, 507]  # centre: 60 > 55 KiB
    assert not (limited.settings.store_dir / "sha256" / hashlib.sha256(files[2]).hexdigest()[:2]
                / hashlib.sha256(files[2]).hexdigest()).exists()  # fmt: skip
    assert store_files(limited) - before == {
        (f"sha256/{h[:2]}/{h}", 15 * KiB) for h in [hashlib.sha256(files[3]).hexdigest()]
    }
    doc, att = pushed_with(first, files[2])  # the chunked route says so before a byte is sent
    r = first.http.post("/uploads", json=start_body(doc, att))
    assert r.status_code == 507 and "ask the administrator" in r.json()["detail"]
    assert [d["quota"] for d in audits(limited, first, "upload.refused")] == ["stored"] * 2
    assert [d["quota"] for d in audits(limited, second, "upload.refused")] == ["stored"]


# --- pushed events -------------------------------------------------------------------------


def rejected(desk: Desk, doc: dict) -> dict:
    [result] = push(desk, op(doc))
    assert result["outcome"] == "rejected", result
    return result


def stored(central: LiveServer, doc: dict) -> Dossier | None:
    with central.db.read() as s:
        return s.get(Dossier, doc["uuid"])


def test_event_times_past_central_clock_and_skew_are_refused(central, desk):
    now = datetime.now().replace(microsecond=0)
    doc = make_doc(desk)
    doc["events"][0]["at"] = "2099-01-01T08:00:00"
    r = rejected(desk, doc)
    assert r["code"] == 422 and "clock" in r["reason"] and "2099-01-01T08:00:00" in r["reason"]
    assert stored(central, doc) is None
    late = make_doc(desk, received_at=(now + timedelta(hours=1)).isoformat())
    assert rejected(desk, late)["code"] == 422
    within = now + timedelta(seconds=central.settings.clock_skew_seconds - 60)
    ok = make_doc(desk)
    ok["events"][0]["at"] = within.isoformat()
    assert push(desk, op(ok))[0]["outcome"] == "applied"
    [logged, logged2] = audits(central, desk, "push.rejected")
    assert logged["count"] == 1 and "clock" in logged["ops"][0]["reason"]
    assert logged2["ops"][0]["code"] == 422


def test_event_actors_must_be_officers_of_the_centre(central, desk_factory):
    desk, other = desk_factory(), desk_factory()
    central.write(admin.create_officer, username=f"lan-{desk.centre_id}", full_name="Lan",
                  role="officer", password="mat-khau-dai-01", centre_id=desk.centre_id)  # fmt: skip
    central.write(admin.create_officer, username=f"binh-{other.centre_id}", full_name="Bình",
                  role="officer", password="mat-khau-dai-02", centre_id=other.centre_id)  # fmt: skip
    for actor, outcome in [
        ("Sở Tư pháp", "rejected"),  # an "agency" name: no such officer
        (f"binh-{other.centre_id}", "rejected"),  # an officer of another centre
        (f"lan-{desk.centre_id}", "applied"),
    ]:
        doc = make_doc(desk)
        doc["events"][0]["actor"] = actor
        [result] = push(desk, op(doc))
        assert result["outcome"] == outcome, (actor, result)
        if outcome == "rejected":
            assert result["code"] == 403 and "not an officer of this centre" in result["reason"]
            assert stored(central, doc) is None
    assert [d["ops"][0]["code"] for d in audits(central, desk, "push.rejected")] == [403, 403]


def test_status_history_follows_the_desks_status_machine(central, desk):
    jump = make_doc(desk)  # received, then done at once: not a step the desk allows
    done = dict(jump["events"][0], uuid=new_uuid(), status=10, at=jump["received_at"])
    jump["events"].append(done)
    r = rejected(desk, jump)
    assert r["code"] == 422 and "new → done" in r["reason"]
    bare = make_doc(desk, status=10, events=[])  # a status with no history
    assert rejected(desk, bare)["code"] == 422
    # Stored and then closed by the agency at central: a pushed step after it is refused, and
    # so is one slipped in before the agency's step.
    doc = make_doc(desk)
    assert push(desk, op(doc))[0]["outcome"] == "applied"
    start = datetime.fromisoformat(doc["received_at"])
    from hcc_central.status_change import set_status
    from hcc_core.domain.status import DossierStatus

    central.write(set_status, doc["code"], DossierStatus.PROCESSING, at=start + timedelta(hours=2))
    central.write(set_status, doc["code"], DossierStatus.DONE, at=start + timedelta(hours=3))
    reopen = dict(
        doc,
        events=[
            *doc["events"],
            dict(
                doc["events"][0],
                uuid=new_uuid(),
                status=4,
                at=(start + timedelta(hours=4)).isoformat(),
            ),
        ],
    )
    assert rejected(desk, reopen)["code"] == 422
    slipped = dict(
        doc,
        events=[
            *doc["events"],
            dict(
                doc["events"][0],
                uuid=new_uuid(),
                status=7,
                at=(start + timedelta(hours=1)).isoformat(),
            ),
        ],
    )
    r = rejected(desk, slipped)  # cancelled, then processing by the agency: not allowed
    assert "cancelled → processing" in r["reason"]
    assert stored(central, doc).status == 10
    assert len(audits(central, desk, "push.rejected")) == 4


# --- unit codes ----------------------------------------------------------------------------


def test_a_unit_code_names_one_centre(central, desk, capsys):
    other_centre, _ = _centre(central)
    with pytest.raises(admin.AdminError, match="already used by centre"):
        central.write(admin.add_agency, other_centre, name="Sở giả", unit_code=desk.unit)
    args = ["admin", "--db", central.settings.db_url, "add-agency", "--centre",
            str(other_centre), "--name", "Sở giả", "--unit-code", desk.unit]  # fmt: skip
    assert central_cli(args) != 0
    assert f"unit code {desk.unit} is already used by centre {desk.centre_id}" in (
        capsys.readouterr().err
    )
    with pytest.raises(IntegrityError), central.db.write() as s:  # the database says so too
        s.execute(insert(Agency).values(uuid=new_uuid(), centre_id=other_centre, name="X",
                                        unit_code=desk.unit))  # fmt: skip
    with central.db.read() as s:
        assert s.scalars(select(Agency.centre_id).where(Agency.unit_code == desk.unit)).all() == [
            desk.centre_id
        ]


def _centre(central: LiveServer) -> tuple[int, Path]:
    centre = central.write(
        lambda s: admin.create_centre(s, name="Trung tâm khác", governing_body="UBND",
                                      place_name="Huế", code_slots=10).id
    )  # fmt: skip
    return centre, central.settings.store_dir


# --- the desk's clock ----------------------------------------------------------------------


def test_the_desk_sees_its_clock_is_wrong_by_centrals_date_header(central, desk):
    from datetime import UTC

    from hcc_desk.core.sync.client import CentralClient
    from hcc_desk.core.sync.clock_check import ClockWatch

    client = CentralClient(central.base_url, desk.token)
    try:
        client.limits()
        assert client.clock.warning() is None  # same host, same clock
        ahead = ClockWatch(now=lambda: datetime.now(UTC) + timedelta(minutes=10))
        client.clock = ahead
        client.limits()
        warning = ahead.warning()
        assert warning is not None
        assert "10 min ahead of central" in warning.text("en")
        assert "nhanh 10 phút" in warning.text("vi")
        behind = ClockWatch(now=lambda: datetime.now(UTC) - timedelta(minutes=7))
        client.clock = behind
        client.limits()
        late = behind.warning()
        assert late is not None and "7 min behind" in late.text("en")
    finally:
        client.close()
