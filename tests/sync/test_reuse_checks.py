"""What the desk checks in a copy central sends for reuse, whatever central says
(services/reuse.py): the listed size and SHA-256, then the signature, verified on the desk.

Central checks signatures at upload, so a real central never lists a broken one; here the
desk's real HTTP client talks to a transport that answers like central but serves the bytes a
damaged or hostile server could, listed with their own SHA-256 so only the signature can tell.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest

from hcc_desk.app import open_context
from hcc_desk.core.sync.client import CentralClient
from hcc_desk.core.sync.credentials import CredentialStore, DeviceCredential
from hcc_desk.core.sync.officer_session import SessionKeeper
from hcc_desk.services.reuse import ReuseRefused, ReuseService
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.pki import make_ca
from tests.digitise.tokens import signed_pdf, tokens

__all__ = ["tokens"]

URL, TOKEN, SESSION = "https://central.test", "device-token", "officer-session"
PAPER_UUID = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"
ID, NAME, BORN = "046185012345", "Nguyễn Thị Hương", date(1985, 3, 12)


class Served:
    """A central-like answer: one listed paper and the bytes of its file."""

    def __init__(self) -> None:
        self.listed_bytes = b""
        self.file_bytes = b""
        self.file_asked = 0
        self.busy = False
        self.signer = NAME  # the test token's certificate holder

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.busy:
            return httpx.Response(429, headers={"Retry-After": "60"}, json={"detail": "wait"})
        if request.headers.get("X-Officer-Session") != SESSION:
            return httpx.Response(401, json={"detail": "no session"})
        if request.url.path.endswith("/papers/reusable"):
            asked = json.loads(request.content)
            if (asked["id_number"], asked["date_of_birth"]) != (ID, BORN.isoformat()):
                return httpx.Response(200, json={"papers": []})
            return httpx.Response(200, json={"papers": [self._listing()]})
        if request.url.path.endswith(f"/papers/{PAPER_UUID}/file"):
            self.file_asked += 1
            return httpx.Response(200, content=self.file_bytes)
        return httpx.Response(404, json={"detail": "not found"})

    def _listing(self) -> dict:
        return {
            "paper_uuid": PAPER_UUID,
            "kind": "Giấy khai sinh",
            "number": "123/2020",
            "issuer": "UBND phường Thuận Hóa",
            "issued_on": "2020-01-02",
            "valid_until": None,
            "dossier_code": "000.00.61.H57-261125-0001",
            "centre_name": "TRUNG TÂM PVHCC THỬ",
            "signer": self.signer,
            "signed_at": "2026-11-25T09:30:00",
            "filename": "giay-khai-sinh.pdf",
            "size": len(self.listed_bytes),
            "sha256": hashlib.sha256(self.listed_bytes).hexdigest(),
        }


@pytest.fixture(scope="module")
def signed(tokens, tmp_path_factory) -> bytes:
    return signed_pdf(tokens, tmp_path_factory.mktemp("signed"))


@pytest.fixture
def desk(tmp_path, demo_db):
    root = tmp_path / "desk"
    root.mkdir()
    shutil.copy(demo_db, root / "hcc-desk.db")
    shutil.copy(demo_db.with_name("profile-id"), root / "profile-id")
    served = Served()
    creds = CredentialStore(tmp_path / "device.json")
    creds.save(DeviceCredential(URL, "device-1", TOKEN))
    keeper = SessionKeeper()
    keeper.keep(TOKEN, "demo", SESSION, datetime(2099, 1, 1))

    def client(url: str, token: str | None = None, **_kw) -> CentralClient:
        return CentralClient(url, token, transport=httpx.MockTransport(served.handler))

    ctx = open_context(
        root,
        reuse=lambda c: ReuseService(
            c.store,
            root,
            creds,
            lambda: c.paper_records,
            key=lambda: c.key,
            sessions=keeper,
            client_factory=client,
        ),
    )
    yield ctx, served, root
    ctx.close()


def _listed(ctx):
    found = ctx.reuse.lookup(ID, NAME, BORN, officer="demo")
    assert found.problem is None
    [paper] = found.papers
    return paper


def _refusal(ctx, paper) -> str:
    with pytest.raises(ReuseRefused) as refused:
        ctx.reuse.fetch(paper, officer="demo")
    assert refused.value.msg_id == "reuse.copy_refused"
    assert not ctx.reuse.is_fetched(paper.paper_uuid)  # nothing kept
    return refused.value.params["reason"].msg_id


def test_a_broken_signature_is_refused(desk, signed):
    ctx, served, _root = desk
    at = signed.index(b"ReportLab")  # the producer, inside the signed bytes
    broken = signed[:at] + b"ReportLeb" + signed[at + 9 :]
    served.listed_bytes = served.file_bytes = broken  # listed as it is: only the signature tells
    assert _refusal(ctx, _listed(ctx)) in ("verify.modified", "verify.broken", "verify.unreadable")


def test_an_unsigned_copy_is_refused(desk, tmp_path):
    ctx, served, _root = desk
    served.listed_bytes = served.file_bytes = vietnamese_pdf(tmp_path / "plain.pdf").read_bytes()
    assert _refusal(ctx, _listed(ctx)) == "verify.unsigned"


def test_more_bytes_than_listed_are_refused(desk, signed):
    ctx, served, _root = desk
    served.listed_bytes, served.file_bytes = signed, signed + b"%% more\n"
    assert _refusal(ctx, _listed(ctx)) == "reuse.not_as_listed"


def test_a_signer_from_a_ca_the_centre_does_not_trust_is_refused(desk, signed):
    ctx, served, root = desk
    (root / "trusted-ca").mkdir()
    make_ca("Some Other CA").write_cert(root / "trusted-ca" / "other.pem")
    served.listed_bytes = served.file_bytes = signed
    assert _refusal(ctx, _listed(ctx)) in ("digitise.cert_untrusted", "verify.untrusted")


def test_without_trusted_cas_a_sound_signature_passes_as_on_central(desk, signed):
    """With no CA folder the desk checks what central checks without one: intact, matching,
    a certificate valid now. The copy is kept encrypted."""
    ctx, served, root = desk
    served.listed_bytes = served.file_bytes = signed
    path = ctx.reuse.fetch(_listed(ctx), officer="demo")
    assert path.is_file() and path.read_bytes()[:4] == b"HCCF"  # sealed, not the PDF
    assert not (root / "trusted-ca").exists()


def test_a_signer_unlike_the_listing_is_refused(desk, signed):
    """The receipt would print central's name for the signer: the bytes must say the same."""
    ctx, served, _root = desk
    served.listed_bytes = served.file_bytes = signed
    served.signer = "Trần Văn Khác"
    assert _refusal(ctx, _listed(ctx)) == "reuse.signer_not_as_listed"


def test_with_the_centres_ca_it_passes(desk, signed, tokens):
    ctx, served, root = desk
    shutil.copytree(tokens.trust_dir, root / "trusted-ca")
    served.listed_bytes = served.file_bytes = signed
    assert ctx.reuse.fetch(_listed(ctx), officer="demo").is_file()


def test_an_ended_session_is_a_message(desk, signed):
    ctx, served, _root = desk
    served.listed_bytes = served.file_bytes = signed
    found = ctx.reuse.lookup(ID, NAME, BORN, officer="someone-else")
    assert found.problem is not None and found.problem.msg_id == "reuse.no_session"
    assert served.file_asked == 0


def test_missing_identity_asks_nothing(desk):
    ctx, _served, _root = desk
    found = ctx.reuse.lookup(ID, NAME, None, officer="demo")
    assert found.problem is not None and found.problem.msg_id == "reuse.need_identity"


def test_the_spool_is_in_the_profile_and_forgets_abandoned_copies(desk, signed):
    import os
    import time

    ctx, served, root = desk
    (root / "reuse-spool").mkdir()
    abandoned, recent = root / "reuse-spool" / "old.pdf", root / "reuse-spool" / "recent.pdf"
    abandoned.write_bytes(b"x")
    recent.write_bytes(b"y")
    eight_days_ago = time.time() - 8 * 86400
    os.utime(abandoned, (eight_days_ago, eight_days_ago))
    served.listed_bytes = served.file_bytes = signed
    path = ctx.reuse.fetch(_listed(ctx), officer="demo")
    assert Path(path).parent == root / "reuse-spool"
    assert not abandoned.exists() and recent.exists()


def test_a_copy_already_kept_is_not_fetched_again(desk, signed):
    """A restored draft ticks its copy again: the one kept in the profile is used, even
    offline or after central's grant has lapsed."""
    ctx, served, _root = desk
    served.listed_bytes = served.file_bytes = signed
    paper = _listed(ctx)
    first = ctx.reuse.fetch(paper, officer="demo")
    served.file_bytes = b"central is gone"
    assert ctx.reuse.fetch(paper, officer="demo") == first
    assert served.file_asked == 1


def test_too_many_lookups_is_its_own_message(desk):
    ctx, served, _root = desk
    served.busy = True
    found = ctx.reuse.lookup(ID, NAME, BORN, officer="demo")
    assert found.problem is not None and found.problem.msg_id == "reuse.busy"
    assert not found.offline


def test_the_receipt_line_is_escaped(desk, signed, tmp_path):
    """Central's words reach the printed receipt as text, never as markup."""
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
    from hcc_desk.services.reuse import choice
    from tests.support.printed import pdf_text

    ctx, served, _root = desk
    served.listed_bytes = served.file_bytes = signed
    paper = _listed(ctx)
    ctx.reuse.fetch(paper, officer="demo")  # the bytes are checked against the listing here
    paper = paper.model_copy(update={"signer": "<b>Lê</b> & Co"})  # markup reaching the print
    [proc] = [c for c in ctx.catalogue.search("") if c.code == "1.001456"]
    papers = [PaperInput(p.name, 1) for p in proc.papers]
    papers[0] = PaperInput(papers[0].name, reused=choice(paper))
    req = IntakeRequest(
        procedure_code="1.001456",
        citizen_qr=f"{ID}|191234567|{NAME}|12031985|Nữ|12 Lê Lợi, Huế|15082021",
        submitter=PersonInput(phone="0912345678"),
        papers=papers,
    )
    code = ctx.intake.submit(req, "demo").code
    text = " ".join(pdf_text(ctx.receipts.render_pdf(code, tmp_path / "r.pdf")).split())
    assert "(hồ sơ 000.00.61.H57-261125-0001, ký bởi <b>Lê</b> & Co)" in text
