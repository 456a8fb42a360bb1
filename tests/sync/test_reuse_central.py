"""Reusing a signed digitised copy at another desk, against a real hcc-central (uvicorn on
127.0.0.1, real HTTP; docs/digitising.md, "Reuse at another desk").

Desk A saves a dossier whose paper copy is signed on a SoftHSM2 token, checks the paper's
metadata and syncs (push + upload). Desk B, another counter of the same centre, looks the
citizen up (ID number, name, date of birth), fetches the copy and saves a dossier reusing it:
the copy is that paper's attachment (same SHA-256), a checked paper record says where it came
from, the pushed document carries ``reused_from`` and the printed receipt says so. Central
offline, bytes that differ from the listing and a broken signature are each a clear message,
and nothing is attached.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

pytest.importorskip("hcc_central.app")

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.core.store.models import Attachment, Dossier
from hcc_desk.core.sync.attachments import add_attachment
from hcc_desk.core.sync.dossier_doc import build_dossier_doc
from hcc_desk.services.errors import IntakeRejected
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
from hcc_desk.services.paper_records import PaperFields
from hcc_desk.services.reuse import ReuseRefused, choice
from tests.central.live import LiveServer
from tests.digitise.tokens import SIGNER_NAME, signed_pdf, tokens, trust_centre_ca
from tests.services.after_intake_helpers import OWNER_ID, QR
from tests.support.printed import pdf_text
from tests.support.realparts import unavailable

__all__ = ["tokens"]  # the session's SoftHSM2 store (tests/digitise/tokens.py)

UNIT = "000.00.61.H57"
PASSWORD = "mat-khau-123"
PROCEDURE = "1.001456"
NAME, BORN = "Nguyễn Thị Hương", date(1985, 3, 12)  # what the QR says
RECEIVED = datetime(2026, 11, 25, 9, 0)


class Central:
    def __init__(self, root: Path, url: str | None = None):
        root.mkdir()
        url = url or f"sqlite:///{root / 'central.db'}"
        db = Database(url, pool_size=1)
        upgrade(db.engine)
        db.dispose()
        self.store_dir = root / "store"
        self.live = LiveServer(Settings(db_url=url, store_dir=self.store_dir)).start()

    def blob(self, sha256: str) -> Path:
        return self.store_dir / "sha256" / sha256[:2] / sha256


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request, tmp_path):
    if request.param == "sqlite":
        c = Central(tmp_path / "central")
        yield c
        c.live.stop()
        return
    from tests.central import pg

    try:
        with pg.server() as admin_url, pg.fresh_database(admin_url) as url:
            c = Central(tmp_path / "central", url)
            yield c
            c.live.stop()
    except pg.Unavailable as why:
        unavailable(f"PostgreSQL unavailable: {why}")


def _centre(server: LiveServer) -> list[str]:
    def create(s):
        centre = admin.create_centre(
            s, name="TRUNG TÂM PVHCC THỬ", governing_body="UBND THỬ", place_name="Huế",
            code_slots=20,
        )  # fmt: skip
        admin.add_agency(s, centre.id, name="Công an cấp tỉnh", short_name="CA", unit_code=UNIT)
        for user in ("lan", "mai"):
            admin.create_officer(
                s, username=user, full_name=f"Cán bộ {user}", role="officer",
                password=PASSWORD, centre_id=centre.id,
            )  # fmt: skip
        return [admin.enrol_counter(s, centre.id, name=f"Quầy 0{n}", slot=n)[0] for n in (1, 2)]

    return server.write(create)


def _desk(server: LiveServer, code: str, profile: Path, user: str):
    args = ["enrol", "--profile", str(profile), "--central", server.base_url, "--code", code]
    assert cli.main([*args, "--name", profile.name]) == cli.EXIT_OK
    ctx = open_context(profile)
    ctx.auth.login(user, PASSWORD)  # online: keeps central's officer session
    return ctx


def _papers(ctx) -> list[PaperInput]:
    [proc] = [c for c in ctx.catalogue.search("") if c.code == PROCEDURE]
    return [PaperInput(p.name, p.originals, p.certified_copies, p.photocopies) for p in proc.papers]


def _request(papers: list[PaperInput]) -> IntakeRequest:
    return IntakeRequest(
        procedure_code=PROCEDURE,
        citizen_qr=QR,
        submitter=PersonInput(phone="0912345678"),
        received_at=RECEIVED,
        papers=papers,
    )


def _sync(ctx) -> None:
    ok, _ = ctx.sync.run_until_idle(60)
    assert ok


def _digitised_at_a(ctx, data: bytes) -> tuple[str, str]:
    """Desk A: a dossier whose first paper's signed copy is attached and checked, synced.
    Returns (its code, the paper's name)."""
    papers = _papers(ctx)
    code = ctx.intake.submit(_request(papers), "lan").code
    with ctx.store.write() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        add_attachment(
            s, dossier, ctx.profile.attachments, data, filename="giay-to-ky-so.pdf",
            content_type="application/pdf", paper_position=1,
        )  # fmt: skip
    fields = PaperFields(
        kind=papers[0].name,
        number="C1234567",
        issuer="Cục Quản lý xuất nhập cảnh",
        issued_on=date(2021, 8, 15),
        valid_until=None,
        owner_id_number=OWNER_ID,
    )
    ctx.paper_records.save(code, 1, fields, "lan")
    _sync(ctx)
    return code, papers[0].name


@pytest.fixture
def desks(central, tmp_path, tokens):
    code_a, code_b = _centre(central.live)
    a = _desk(central.live, code_a, tmp_path / "quay1", "lan")
    b = _desk(central.live, code_b, tmp_path / "quay2", "mai")
    trust_centre_ca(tmp_path / "quay2", tokens)
    data = signed_pdf(tokens, tmp_path)
    source, kind = _digitised_at_a(a, data)
    yield a, b, data, source, kind
    a.close()
    b.close()


def test_desk_b_reuses_the_copy_desk_a_signed(desks, tmp_path):
    _a, b, data, source, kind = desks
    found = b.reuse.lookup(OWNER_ID, NAME, BORN, officer="mai")
    assert found.problem is None
    [paper] = found.papers
    assert (paper.kind, paper.number, paper.dossier_code) == (kind, "C1234567", source)
    assert paper.sha256 == hashlib.sha256(data).hexdigest() and paper.signer == SIGNER_NAME
    # The name must match too: an ID number with another name lists nothing.
    assert b.reuse.lookup(OWNER_ID, "Nguyễn Văn Khác", BORN, officer="mai").papers == []

    spooled = b.reuse.fetch(paper, officer="mai")
    assert spooled.is_file() and not spooled.read_bytes().startswith(b"%PDF")  # encrypted

    papers = _papers(b)
    papers[0].originals = 0  # handed in as the reused copy only
    papers[0].reused = choice(paper)
    # The choice survives a draft (a crash mid-intake): saved and restored through its JSON.
    b.drafts.save("mai", "draft-1", _request(papers).to_json_dict())
    [draft] = b.drafts.pending("mai")
    from hcc_desk.services.intake_request import request_from_dict

    restored = request_from_dict(draft.payload)
    assert restored.papers is not None and restored.papers[0].reused == choice(paper)

    code = b.intake.submit(restored, "mai").code
    assert not spooled.exists()  # attached now: the spool is emptied
    with b.store.session() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        [att] = s.scalars(select(Attachment).where(Attachment.dossier_id == dossier.id)).all()
        assert (att.paper_position, att.sha256, att.size) == (1, paper.sha256, len(data))
        doc = build_dossier_doc(s, dossier)
    record = b.paper_records.records(code)[0]
    assert record.checked and record.fields is not None
    assert (record.fields.kind, record.fields.number) == (kind, "C1234567")
    assert (record.reused_from_code, record.reused_signer) == (source, SIGNER_NAME)
    digitised = doc.papers[0].digitised
    assert digitised is not None and digitised.attachment_uuid == att.uuid
    assert digitised.reused_from is not None
    assert (digitised.reused_from.paper_uuid, digitised.reused_from.sha256) == (
        paper.paper_uuid,
        paper.sha256,
    )
    _sync(b)  # central takes the reused copy and its origin

    pdf = b.receipts.render_pdf(code, tmp_path / "bien-nhan.pdf", officer_username="mai")
    text = " ".join(pdf_text(pdf).split())
    assert f"Tái sử dụng bản số hoá đã ký số (hồ sơ {source}, ký bởi {SIGNER_NAME})" in text
    # Only the reused paper says so, once in each of the receipt's two copies.
    from hcc_desk.core.printing.receipt import COPY_MARKERS

    assert text.count("Tái sử dụng bản số hoá") == len(COPY_MARKERS) == 2


def test_central_offline_is_a_message(desks, central):
    _a, b, *_ = desks
    central.live.stop()
    started = datetime.now()
    found = b.reuse.lookup(OWNER_ID, NAME, BORN, officer="mai")
    assert found.papers == [] and found.offline
    assert found.problem is not None and found.problem.msg_id == "reuse.offline"
    assert (datetime.now() - started).total_seconds() < 10  # intake never waits long


def test_bytes_unlike_the_listing_are_refused(desks, central):
    _a, b, *_ = desks
    [paper] = b.reuse.lookup(OWNER_ID, NAME, BORN, officer="mai").papers
    blob = central.blob(paper.sha256)
    changed = bytearray(blob.read_bytes())
    changed[len(changed) // 2] ^= 0x01  # same size, another SHA-256
    blob.write_bytes(bytes(changed))
    with pytest.raises(ReuseRefused) as refused:
        b.reuse.fetch(paper, officer="mai")
    assert refused.value.params["reason"].msg_id == "reuse.not_as_listed"
    assert not b.reuse.is_fetched(paper.paper_uuid)
    # Saving a dossier that names it anyway: refused, nothing saved.
    papers = _papers(b)
    papers[0].reused = choice(paper)
    with pytest.raises(IntakeRejected) as rejected:
        b.intake.submit(_request(papers), "mai")
    assert [e.msg_id for e in rejected.value.errors] == ["reuse.fetch_again"]
    with b.store.session() as s:
        assert s.scalars(select(Dossier)).all() == []
        assert s.scalars(select(Attachment)).all() == []


def test_no_officer_session_is_a_message(desks):
    _a, b, *_ = desks
    found = b.reuse.lookup(OWNER_ID, NAME, BORN, officer="nobody")
    assert found.papers == [] and found.problem is not None
    assert found.problem.msg_id == "reuse.no_session"


def test_not_enrolled_is_a_message(tmp_path):
    ctx = open_context(tmp_path / "plain")
    try:
        found = ctx.reuse.lookup(OWNER_ID, NAME, BORN, officer="demo")
        assert found.problem is not None and found.problem.msg_id == "reuse.not_enrolled"
    finally:
        ctx.close()
        shutil.rmtree(tmp_path / "plain", ignore_errors=True)
