"""Issue 14 end to end, with real parts only: a page scanned from SANE's test device and a
rendered Vietnamese birth certificate are added to a dossier at desk A; the desk's OCR job gives
them a Vietnamese text layer (pdftotext finds the words with their marks) and suggests the birth
certificate's details; the officer checks them and signs both copies with her SoftHSM2 token
through the desk's signing service; the signed copies verify (and fail once a byte changes);
desk A syncs to a real hcc-central on PostgreSQL, which verifies the signatures at upload and
keeps the details; desk B, another counter, reads the same citizen's ID card, finds the signed
birth certificate, reuses it instead of scanning it again, and prints the receipt saying so.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

pytest.importorskip("hcc_central.app")

from hcc_central.models import Attachment as CentralAttachment
from hcc_central.models import DigitisedPaper
from hcc_desk.core import sealed_files
from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.digitise.trust import load_trust_roots
from hcc_desk.core.digitise.verify import verify_bytes
from hcc_desk.core.store.models import Attachment, Dossier
from hcc_desk.services.paper_records import PaperFields
from hcc_desk.services.reuse import choice
from tests.digitise.documents import birth_certificate_pdf
from tests.digitise.ocr_fixtures import pdftotext
from tests.digitise.tokens import PIN, SIGNER_NAME, configure_signing, tokens, trust_centre_ca
from tests.services.after_intake_helpers import OWNER_ID
from tests.support.printed import pdf_text
from tests.support.realparts import unavailable
from tests.sync.test_reuse_central import (
    BORN,
    NAME,
    Central,
    _centre,
    _desk,
    _papers,
    _request,
)

__all__ = ["tokens"]  # the session's SoftHSM2 store (tests/digitise/tokens.py)

BIRTH = "Bản sao giấy khai sinh"  # the procedure's paper the rendered page is
TOKEN_PIN = PIN


@pytest.fixture
def central(tmp_path):
    """Central in production mode: PostgreSQL."""
    from tests.central import pg

    try:
        with pg.server() as admin_url, pg.fresh_database(admin_url) as url:
            c = Central(tmp_path / "central", url)
            yield c
            c.live.stop()
    except pg.Unavailable as why:
        unavailable(f"PostgreSQL unavailable: {why}")


def _newest(ctx, code: str, position: int) -> Attachment:
    with ctx.store.session() as s:
        row = s.scalars(
            select(Attachment)
            .join(Dossier, Dossier.id == Attachment.dossier_id)
            .where(Dossier.code == code, Attachment.paper_position == position)
            .order_by(Attachment.id.desc())
        ).first()
        assert row is not None
        s.expunge(row)
        return row


def _bytes(ctx, att: Attachment) -> bytes:
    return sealed_files.read(ctx.profile.attachments, att.path)


def test_digitised_signed_uploaded_and_reused_at_another_desk(
    central, tmp_path, tokens, sane_test_device, ocr_ready
):
    code_a, code_b = _centre(central.live)
    a = _desk(central.live, code_a, tmp_path / "quay1", "lan")
    b = _desk(central.live, code_b, tmp_path / "quay2", "mai")
    try:
        trusted = configure_signing(a, tokens)
        trust_centre_ca(b.profile.root, tokens)

        # --- desk A: intake, a SANE page and a rendered birth certificate ---------------------
        code = a.intake.submit(_request(_papers(a)), "lan").code
        detail = a.dossiers.detail(code, "lan")
        form, birth = detail.papers[1], next(p for p in detail.papers if p.name.startswith(BIRTH))
        scan = a.capture.spool.open_session(
            "dossier:" + detail.uuid, form.position, form.name, code
        )
        outcome = a.capture.scan(
            scan,
            ScanProfile(sane_test_device, Source.FLATBED, 150, ColourMode.GRAY),
            on_page=lambda _p: None,
            officer_username="lan",
        )
        assert outcome.fault is None and len(outcome.pages) == 1
        a.capture.attach(scan, code, "lan")
        page = a.capture.spool.open_session(
            "dossier:" + detail.uuid, birth.position, birth.name, code
        )
        page.insert_files([birth_certificate_pdf(tmp_path / "giay-khai-sinh.pdf")])
        a.capture.attach(page, code, "lan")

        # --- OCR in the background worker: Vietnamese text with its marks ---------------------
        assert a.ocr.run_until_idle() == 2
        text_copy = _newest(a, code, birth.position)
        assert text_copy.filename.endswith("-ocr.pdf")
        (tmp_path / "ocr.pdf").write_bytes(_bytes(a, text_copy))
        words = pdftotext(tmp_path / "ocr.pdf")
        assert "GIẤY KHAI SINH" in words and "Quảng Trị" in words
        assert _newest(a, code, form.position).filename.endswith("-ocr.pdf")  # SANE page too

        # --- the details, suggested from the text, checked by the officer ---------------------
        [view] = [v for v in a.paper_records.records(code) if v.position == birth.position]
        suggested = {k: s.value for k, s in view.suggested.items()}
        assert suggested["number"] == "45/TLKS" and suggested["owner_id_number"] == OWNER_ID
        fields = PaperFields(
            kind=birth.name,
            number=suggested["number"],
            issuer=suggested["issuer"],
            issued_on=date.fromisoformat(suggested["issued_on"]),
            owner_id_number=suggested["owner_id_number"],
        )
        a.paper_records.save(code, birth.position, fields, "lan")

        # --- signed with the officer's token, one PIN for the dossier --------------------------
        report = a.signing.sign_all(code, bytearray(TOKEN_PIN.encode()), "lan")
        assert report.signer == SIGNER_NAME and len(report.signed) == 2
        signed = _newest(a, code, birth.position)
        data = _bytes(a, signed)
        roots = load_trust_roots([trusted])
        assert verify_bytes(data, roots).valid
        (tmp_path / "signed.pdf").write_bytes(data)
        assert "GIẤY KHAI SINH" in pdftotext(tmp_path / "signed.pdf")  # the text layer stays
        changed = bytearray(data)
        changed[len(changed) // 3] ^= 0x01
        assert not verify_bytes(bytes(changed), roots).valid

        # --- central verifies at upload and keeps the details --------------------------------
        ok, _ = a.sync.run_until_idle(120)
        assert ok
        with central.live.db.read() as s:
            stored = s.get(CentralAttachment, signed.uuid)
            assert stored is not None and stored.stored_at is not None
            assert stored.signer == SIGNER_NAME
            row = s.get(DigitisedPaper, signed.uuid)
            assert row is not None
            assert (row.number, row.owner_id_number) == ("45/TLKS", OWNER_ID)

        # --- desk B: the same citizen's ID card, the signed copy reused ------------------------
        found = b.reuse.lookup(OWNER_ID, NAME, BORN, officer="mai")
        assert found.problem is None
        [paper] = found.papers
        assert (paper.paper_uuid, paper.dossier_code, paper.signer) == (
            signed.uuid,
            code,
            SIGNER_NAME,
        )
        assert paper.sha256 == hashlib.sha256(data).hexdigest()
        b.reuse.fetch(paper, officer="mai")
        papers = _papers(b)
        [i] = [n for n, p in enumerate(papers) if p.name == birth.name]
        papers[i].originals = papers[i].certified_copies = papers[i].photocopies = 0
        papers[i].reused = choice(paper)
        reused_code = b.intake.submit(_request(papers), "mai").code
        copy = _newest(b, reused_code, birth.position)
        assert copy.sha256 == paper.sha256
        assert verify_bytes(_bytes(b, copy), roots).valid
        ok, _ = b.sync.run_until_idle(120)
        assert ok
        with central.live.db.read() as s:
            again = s.get(DigitisedPaper, copy.uuid)
            assert again is not None and again.reused_from == signed.uuid
        # Listed once still: the reused copy is the same paper.
        assert [
            p.paper_uuid for p in b.reuse.lookup(OWNER_ID, NAME, BORN, officer="mai").papers
        ] == [signed.uuid]

        receipt = b.receipts.render_pdf(
            reused_code, tmp_path / "bien-nhan.pdf", officer_username="mai"
        )
        printed = " ".join(pdf_text(receipt).split())
        assert f"Tái sử dụng bản số hoá đã ký số (hồ sơ {code}, ký bởi {SIGNER_NAME})" in printed
    finally:
        a.close()
        b.close()
