"""Reusing signed digitised papers on a real central (SQLite and PostgreSQL): a desk pushes a
dossier whose paper carries its checked metadata (protocol 3, ``papers[].digitised``) and uploads
the signed copy (signed on a SoftHSM2 token through the desk's CLI); another counter's officer
looks the applicant up by ID number, name and date of birth, and fetches the copy.

What may be listed, and to whom, is central's rule (hcc_central/reuse.py, docs/central.md):
verified signature read from the bytes, not expired, all three of ID, accent-free name and
date of birth; one listing per content; only to a live officer session; grants expire; lookups
are limited per device and audited without the number or the name."""

from __future__ import annotations

import contextlib
import hashlib
import io
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import (
    Attachment,
    AuditLog,
    DigitisedPaper,
    Officer,
    OfficerSession,
    ReuseGrant,
)
from hcc_central.security import sha256_hex
from hcc_core.wire.officer import SESSION_HEADER
from hcc_core.wire.papers import ReusableList
from hcc_core.wire.protocol import PROTOCOL_HEADER
from hcc_desk.cli import main
from tests.central import pg
from tests.central.conftest import _settings
from tests.central.helpers import attachment, make_doc, new_uuid, op, outcomes, push
from tests.central.live import Desk, LiveServer, desk_for
from tests.central.test_central_uploads import send_all
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.tokens import CENTRE, PIN, SIGNER_NAME, tokens

__all__ = ["tokens"]  # the session's SoftHSM2 store (tests/digitise/tokens.py)

PASSWORD = "mật-khẩu-quầy-01"
NAME = "Nguyễn Văn Đàn"
BORN = date(1990, 5, 17)
V3 = {PROTOCOL_HEADER: "3"}


@pytest.fixture(scope="module")
def signed(tmp_path_factory, tokens) -> bytes:
    """One copy signed on the officer's token through `hcc-desk digitise --sign`."""
    root = tmp_path_factory.mktemp("reuse-sign")
    source = vietnamese_pdf(root / "giay-khai-sinh.pdf")
    out = root / "giay-khai-sinh-ky-so.pdf"
    sys.stdin = io.StringIO(PIN + "\n")
    try:
        code = main(
            [
                "digitise", str(source), "--out", str(out), "--sign",
                "--pkcs11-lib", str(tokens.library), "--slot-label", "officer", "--pin-stdin",
                "--centre", CENTRE, "--profile", str(root / "desk"),
            ]
        )  # fmt: skip
    finally:
        sys.stdin = sys.__stdin__
    assert code == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory) -> bytes:
    return vietnamese_pdf(tmp_path_factory.mktemp("reuse-plain") / "ban-chup.pdf").read_bytes()


def new_id() -> str:
    return f"0{secrets.randbelow(10**11):011d}"


@dataclass
class Counter:
    """An enrolled desk with a logged-in counter officer."""

    desk: Desk
    session: str

    def lookup(self, id_number: str, name: str = NAME, born: date = BORN) -> httpx.Response:
        body = {"id_number": id_number, "full_name": name, "date_of_birth": born.isoformat()}
        return self.desk.http.post(
            "/papers/reusable", json=body, headers={SESSION_HEADER: self.session, **V3}
        )

    def listed(self, id_number: str, name: str = NAME, born: date = BORN) -> list[dict[str, Any]]:
        r = self.lookup(id_number, name, born)
        assert r.status_code == 200, r.text
        ReusableList.model_validate(r.json())  # what the desk reads
        return r.json()["papers"]

    def file(self, paper_uuid: str, session: str | None = None) -> httpx.Response:
        headers = {SESSION_HEADER: self.session if session is None else session, **V3}
        return self.desk.http.get(f"/papers/{paper_uuid}/file", headers=headers)


def login(central: LiveServer, desk: Desk, role: str = "officer") -> str:
    username = f"q{secrets.token_hex(5)}"
    central.write(admin.create_officer, username=username, full_name="Trần Thị Quầy", role=role,
                  password=PASSWORD, centre_id=desk.centre_id)  # fmt: skip
    r = desk.http.post("/officers/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["session"]


def _officer_of(s: Any, session: str) -> int:
    return s.get_one(OfficerSession, sha256_hex(session)).officer_id


@pytest.fixture
def counter(central: LiveServer, desk_factory) -> Counter:
    desk = desk_factory()
    return Counter(desk, login(central, desk))


def person(id_number: str, name: str = NAME, born: date = BORN) -> dict[str, Any]:
    return {"kind": "individual", "full_name": name, "id_number": id_number,
            "date_of_birth": born.isoformat(), "phone": "0905123456"}  # fmt: skip


def digitise(
    desk: Desk,
    data: bytes | None,
    owner_id: str,
    *,
    upload: bool = True,
    submitter: dict[str, Any] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """Push a dossier whose paper 1 is digitised as a copy of ``data`` (None: an attachment
    uuid the dossier does not have), then upload the copy. Returns the digitised entry."""
    att = attachment(data or b"", filename="giay-khai-sinh.pdf")
    entry = {
        "attachment_uuid": att["uuid"] if data is not None else new_uuid(),
        "kind": "Giấy khai sinh",
        "number": "123/2024",
        "issuer": "UBND phường Thuận Hòa",
        "issued_on": "2024-03-01",
        "valid_until": None,
        "owner_id_number": owner_id,
        **fields,
    }
    doc = make_doc(desk, submitter=submitter or person(owner_id),
                   attachments=[att] if data is not None else [])  # fmt: skip
    doc["papers"][0]["digitised"] = entry
    r = desk.http.post("/sync/push", json={"ops": [op(doc)]}, headers=V3)
    assert r.status_code == 200 and r.json()["results"][0]["outcome"] == "applied", r.text
    if data is not None and upload:
        upload_copy(desk, doc["uuid"], att, data)
    return entry | {"dossier_uuid": doc["uuid"], "code": doc["code"], "doc": doc}


def upload_copy(desk: Desk, dossier_uuid: str, att: dict[str, Any], data: bytes) -> None:
    body = {k: att[k] for k in ("sha256", "size", "filename", "content_type")}
    body |= {"dossier_uuid": dossier_uuid, "attachment_uuid": att["uuid"]}
    started = desk.http.post("/uploads", json=body)
    assert started.status_code == 200, started.text
    up = started.json()
    if not up["complete"]:
        send_all(desk, up["upload_id"], data, up["offset"], 16 * 1024)
        done = desk.http.post(f"/uploads/{up['upload_id']}/complete")
        assert done.status_code == 200, done.text


def test_a_signed_copy_is_listed_for_id_name_and_birth_then_fetched(
    central: LiveServer, desk_factory, counter: Counter, signed: bytes
):
    owner = new_id()
    digitiser = desk_factory()
    entry = digitise(digitiser, signed, owner, valid_until=(date.today() + timedelta(days=1))
                     .isoformat())  # fmt: skip
    paper = entry["attachment_uuid"]
    assert counter.file(paper).status_code == 404  # no lookup yet: nothing granted

    # Name compared without accents and case; an ID with the wrong name or birth, or a
    # right name and birth with another ID, lists nothing.
    [listed] = counter.listed(owner, "NGUYEN VAN DAN")
    assert counter.listed(owner, "Nguyễn Văn Đàm") == []
    assert counter.listed(owner, NAME, BORN + timedelta(days=1)) == []
    assert counter.listed(new_id()) == []
    assert counter.listed(owner, "Lê Thị Khác", date(1970, 1, 1)) == []  # the ID number alone

    assert listed["paper_uuid"] == paper
    assert listed["kind"] == "Giấy khai sinh" and listed["number"] == "123/2024"
    assert listed["issuer"] == "UBND phường Thuận Hòa" and listed["issued_on"] == "2024-03-01"
    assert listed["dossier_code"] == entry["code"]
    assert listed["centre_name"] == "Trung tâm PVHCC thử"
    assert listed["signer"] == SIGNER_NAME  # read from the certificate in the bytes
    signed_at = datetime.fromisoformat(listed["signed_at"])
    assert abs(signed_at - datetime.now()) < timedelta(hours=1)  # local time, as central keeps
    assert listed["sha256"] == hashlib.sha256(signed).hexdigest()
    assert (listed["size"], listed["filename"]) == (len(signed), "giay-khai-sinh.pdf")

    got = counter.file(paper)
    assert got.status_code == 200, got.text
    assert got.content == signed and hashlib.sha256(got.content).hexdigest() == listed["sha256"]
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith("attachment")

    # Another device of the same centre was not listed it; an unknown paper answers alike.
    other = Counter(desk_factory(), "")
    other.session = login(central, other.desk)
    assert other.file(paper).status_code == 404
    assert counter.file(new_uuid()).status_code == 404

    # The grant ends after GRANT_MINUTES: moved into the past here.
    with central.db.write() as s:
        s.execute(
            update(ReuseGrant)
            .where(ReuseGrant.paper_uuid == paper)
            .values(expires_at=datetime.now() - timedelta(seconds=1))
        )
    assert counter.file(paper).status_code == 404
    assert counter.listed(owner) != []  # a new lookup grants it again
    assert counter.file(paper).status_code == 200


def test_what_is_never_listed(
    central: LiveServer, desk: Desk, counter: Counter, signed: bytes, unsigned: bytes
):
    owner = new_id()
    digitise(desk, unsigned, owner)  # no signature
    digitise(desk, signed, owner, valid_until=(date.today() - timedelta(days=1)).isoformat())
    not_uploaded = digitise(desk, signed, owner, upload=False)  # bytes not on central (yet)
    foreign = digitise(desk, None, owner)  # an attachment uuid the dossier does not have
    nobody = digitise(desk, signed, new_id(), submitter=person(owner))  # ID of nobody in it
    assert counter.listed(owner) == []

    with central.db.read() as s:
        assert s.get(DigitisedPaper, foreign["attachment_uuid"]) is None  # not even stored
        row = s.get_one(DigitisedPaper, nobody["attachment_uuid"])
        assert (row.owner_name_folded, row.owner_birth) == (None, None)
        kept = s.get_one(DigitisedPaper, not_uploaded["attachment_uuid"])
        assert (kept.owner_name_folded, kept.owner_birth) == ("nguyen van dan", BORN)
        unsigned_att = s.scalars(
            select(Attachment).where(Attachment.sha256 == hashlib.sha256(unsigned).hexdigest())
        ).first()
        assert unsigned_att is not None and unsigned_att.stored_at is not None
        assert unsigned_att.signer is None


def test_a_reused_copy_is_listed_once_and_a_push_rewrites_the_rows(
    central: LiveServer, desk: Desk, counter: Counter, signed: bytes
):
    owner = new_id()
    first = digitise(desk, signed, owner)
    [listed] = counter.listed(owner)
    # A second dossier reuses it: a new attachment with the same bytes, saying where it came
    # from. Central already has these bytes from this centre: nothing is sent, the signer
    # verified when they came goes with them.
    reused = {"paper_uuid": listed["paper_uuid"], "dossier_code": listed["dossier_code"],
              "sha256": listed["sha256"]}  # fmt: skip
    second = digitise(desk, signed, owner, reused_from=reused)
    with central.db.read() as s:
        copy = s.get_one(Attachment, second["attachment_uuid"])
        assert copy.stored_at is not None and copy.signer == SIGNER_NAME
        row = s.get_one(DigitisedPaper, second["attachment_uuid"])
        assert row.reused_from == first["attachment_uuid"]
    assert [p["paper_uuid"] for p in counter.listed(owner)] == [first["attachment_uuid"]]

    # The first dossier pushed again without its digitised paper: its row is dropped, and the
    # reused copy is what remains listed.
    doc = dict(first["doc"])
    doc["papers"] = [{k: v for k, v in p.items() if k != "digitised"} for p in doc["papers"]]
    assert outcomes(push(desk, op(doc))) == [("applied", 200)]
    with central.db.read() as s:
        assert s.get(DigitisedPaper, first["attachment_uuid"]) is None
    assert [p["paper_uuid"] for p in counter.listed(owner)] == [second["attachment_uuid"]]

    # A row still sent is kept as it was first digitised (its created_at orders the listing).
    with central.db.read() as s:
        created = s.get_one(DigitisedPaper, second["attachment_uuid"]).created_at
    again = {**second["doc"], "notes": "Đã bổ sung bản chính"}
    assert outcomes(push(desk, op(again))) == [("applied", 200)]
    with central.db.read() as s:
        row = s.get_one(DigitisedPaper, second["attachment_uuid"])
        assert row.created_at == created and row.updated_at >= created


def test_scope_all_lists_other_centres_scope_centre_does_not(
    central: LiveServer, desk: Desk, counter: Counter, signed: bytes, monkeypatch
):
    owner = new_id()
    digitise(desk, signed, owner)  # `desk` and `counter` are of two centres
    assert central.settings.reuse_scope == "all"  # the default: the province's central
    assert len(counter.listed(owner)) == 1
    state = central.app.state
    monkeypatch.setattr(
        state, "central", replace(state.central, settings=replace(central.settings,
                                                                  reuse_scope="centre"))
    )  # fmt: skip
    assert counter.listed(owner) == []
    here = Counter(desk, login(central, desk))  # the digitising centre still finds it
    assert len(here.listed(owner)) == 1


def test_an_officer_session_of_this_device_is_required(
    central: LiveServer, desk_factory, counter: Counter
):
    owner = new_id()
    for session in (None, "", "khong-phai-phien-that"):
        headers = {SESSION_HEADER: session} if session is not None else {}
        r = counter.desk.http.post(
            "/papers/reusable",
            json={"id_number": owner, "full_name": NAME, "date_of_birth": BORN.isoformat()},
            headers=headers,
        )
        assert r.status_code == 401, r.text
        assert counter.file(new_uuid(), session or "").status_code == 401
    # Another device's session, even of the same centre, is not this device's.
    neighbour = desk_for(central, (counter.desk.centre_id, counter.desk.unit), slot=2)
    stolen = login(central, neighbour)
    assert Counter(counter.desk, stolen).lookup(owner).status_code == 401
    neighbour.http.close()
    # An agency's officer works in the back office: no session at a counter (this was a 500
    # with a session left open), and one whose role became "agency" since may not look up.
    unit = counter.desk.unit
    central.write(admin.create_officer, username=f"ag{unit}", full_name="Cơ Quan", role="agency",
                  password=PASSWORD, centre_id=counter.desk.centre_id, agency_unit_code=unit)  # fmt: skip
    r = counter.desk.http.post(
        "/officers/login", json={"username": f"ag{unit}", "password": PASSWORD}
    )
    assert r.status_code == 401, r.text
    moved = login(central, counter.desk)
    with central.db.write() as s:
        s.execute(update(Officer).where(Officer.id == _officer_of(s, moved)).values(role="agency"))
    assert Counter(counter.desk, moved).lookup(owner).status_code == 403
    # No device token: refused before anything else.
    with central.client() as anonymous:
        r = anonymous.post("/papers/reusable", json={}, headers={SESSION_HEADER: counter.session})
        assert r.status_code == 401


def test_lookups_are_limited_per_device(central: LiveServer, desk_factory, counter: Counter):
    allowed = central.settings.paper_lookups_per_device
    owner = new_id()
    for _ in range(allowed):
        assert counter.lookup(owner).status_code == 200
    refused = counter.lookup(owner)
    assert refused.status_code == 429, refused.text
    assert int(refused.headers["retry-after"]) >= 1
    fresh = desk_factory()  # another device is not held back
    assert Counter(fresh, login(central, fresh)).lookup(owner).status_code == 200


def test_the_audit_log_names_no_number_and_no_name(
    central: LiveServer, desk: Desk, counter: Counter, signed: bytes
):
    owner = new_id()
    entry = digitise(desk, signed, owner)
    [listed] = counter.listed(owner)
    assert counter.listed(owner, "Người Khác") == []
    assert counter.file(listed["paper_uuid"]).status_code == 200
    assert counter.file(new_uuid()).status_code == 404
    with central.db.read() as s:
        rows = s.scalars(
            select(AuditLog)
            .where(AuditLog.actor == f"device:{counter.desk.device_id}")
            .order_by(AuditLog.seq)
        ).all()
    actions = [(r.action, r.detail.get("count"), r.detail.get("reason")) for r in rows
               if r.action.startswith("papers.")]  # fmt: skip
    assert actions == [
        ("papers.lookup", 1, None),
        ("papers.lookup", 0, None),
        ("papers.file", None, None),
        ("papers.refused", None, "not_granted"),
    ]
    lookups = [r.detail for r in rows if r.action == "papers.lookup"]
    assert all(d["officer"] and len(d["id_tag"]) == 6 for d in lookups)
    assert lookups[0]["id_tag"] == lookups[1]["id_tag"]  # the same number: the same tag
    dump = repr([r.detail for r in rows])
    for secret in (owner, NAME, "nguyen van dan", "Người Khác", "nguoi khac", BORN.isoformat()):
        assert secret not in dump
    assert entry["code"] not in dump


def test_a_protocol_2_push_without_digitised_papers_still_works(central: LiveServer, desk: Desk):
    doc = make_doc(desk)
    assert all("digitised" not in p for p in doc["papers"])
    r = desk.http.post("/sync/push", json={"ops": [op(doc)]}, headers={PROTOCOL_HEADER: "2"})
    assert r.status_code == 200, r.text
    assert outcomes(r.json()["results"]) == [("applied", 200)]
    with central.db.read() as s:
        assert (
            s.scalars(
                select(DigitisedPaper).where(DigitisedPaper.dossier_uuid == doc["uuid"])
            ).all()
            == []
        )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def roomy_central(request, tmp_path_factory) -> Iterator[LiveServer]:
    """A central whose single-request uploads take a whole signed copy (256 KiB)."""
    root = tmp_path_factory.mktemp("central-roomy")
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{root / 'central.db'}"
        else:
            url = stack.enter_context(pg.fresh_database(request.getfixturevalue("pg_admin_url")))
        db = Database(url, pool_size=1)
        upgrade(db.engine)
        db.dispose()
        server = LiveServer(replace(_settings(url, root / "store"), chunk_bytes=256 * 1024))
        stack.callback(server.stop)
        yield server.start()


def test_a_copy_sent_in_one_request_records_its_signer(roomy_central: LiveServer, signed: bytes):
    central = roomy_central
    desk, reader = desk_for(central), desk_for(central)
    counter = Counter(reader, login(central, reader))
    owner = new_id()
    entry = digitise(desk, signed, owner, upload=False)
    att = next(a for a in entry["doc"]["attachments"] if a["uuid"] == entry["attachment_uuid"])
    query = {k: att[k] for k in ("sha256", "size", "filename", "content_type")}
    query |= {"dossier_uuid": entry["dossier_uuid"], "attachment_uuid": att["uuid"]}
    r = desk.http.post("/uploads/single", params=query, content=signed)
    assert r.status_code == 200, r.text
    with central.db.read() as s:
        row = s.get_one(Attachment, att["uuid"])
        assert row.signer == SIGNER_NAME and row.signed_at is not None
    [listed] = counter.listed(owner)
    assert listed["paper_uuid"] == att["uuid"] and listed["signer"] == SIGNER_NAME
    for d in (desk, reader):
        d.http.close()


def test_signer_facts_come_from_the_signature_check(signed: bytes, unsigned: bytes):
    from hcc_central.signatures import check_signatures

    verdict = check_signatures(signed)
    assert verdict.problem is None and verdict.signer is not None
    assert verdict.signer.name == SIGNER_NAME
    assert verdict.signer.signed_at is not None and verdict.signer.signed_at.tzinfo is None
    assert check_signatures(unsigned).signer is None
    changed = bytearray(signed)
    changed[changed.index(b"ReportLab")] = ord("X")
    broken = check_signatures(bytes(changed))
    assert broken.problem is not None and broken.signer is None
