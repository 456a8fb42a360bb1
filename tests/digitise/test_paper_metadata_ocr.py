"""Suggestions through the real OCR (issue 14, item 3): a birth certificate rendered with the
desk's font is added to a saved dossier as a scan, the desk's OCR job (Tesseract ``vie``) reads
it, and what it suggests lands in the paper's record, unchecked and not pushed, until the
officer checks it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hcc_desk.core.digitise.metadata import PREFILL
from hcc_desk.core.store.models import Attachment, OutboxOp
from hcc_desk.services.paper_records import PaperFields
from tests.support.demo_dossier import save_demo_dossier

from .documents import OWNER_ID, birth_certificate_pdf


def _pushed_papers(ctx, dossier_uuid: str) -> dict[int, dict]:
    with ctx.store.session() as s:
        op = s.scalar(
            select(OutboxOp)
            .where(OutboxOp.entity_uuid == dossier_uuid)
            .order_by(OutboxOp.id.desc())
        )
        return {p["position"]: p for p in op.payload["papers"]}


def test_the_ocr_job_leaves_suggestions_in_the_paper_record(ocr_ready, demo_ctx, tmp_path):
    dossier = save_demo_dossier(demo_ctx)
    [paper] = [p for p in dossier.papers if p.name.lower().startswith("bản sao giấy khai sinh")]
    capture = demo_ctx.capture
    session = capture.spool.open_session(
        "dossier:" + dossier.uuid, paper.position, paper.name, dossier.code
    )
    # Added from a file, the page becomes a scanned image: the text comes from Tesseract.
    session.insert_files([birth_certificate_pdf(tmp_path / "giay-khai-sinh.pdf")])
    capture.attach(session, dossier.code, "demo")

    assert demo_ctx.ocr.run_until_idle() == 1

    [view] = [
        v for v in demo_ctx.paper_records.records(dossier.code) if v.position == paper.position
    ]
    suggested = {k: s.value for k, s in view.suggested.items()}
    assert suggested == {
        "kind": paper.name,
        "number": "45/TLKS",
        "issuer": "ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA",
        "issued_on": "2021-03-05",
        "owner_id_number": OWNER_ID,
    }
    assert all(s.confidence >= PREFILL for s in view.suggested.values())
    assert view.suggested["owner_id_number"].confidence == 0.95  # the dossier's applicant
    # Suggestions only: nothing checked, nothing pushed.
    assert not view.checked and view.fields is None
    assert _pushed_papers(demo_ctx, dossier.uuid)[paper.position].get("digitised") is None
    with demo_ctx.store.session() as s:
        newest = s.scalars(
            select(Attachment)
            .where(Attachment.paper_position == paper.position)
            .order_by(Attachment.id.desc())
        ).first()
    assert newest.filename.endswith("-ocr.pdf") and view.attachment_id == newest.id

    # The officer accepts them: the paper is pushed with its text-layer version.
    fields = PaperFields(
        kind=suggested["kind"],
        number=suggested["number"],
        issuer=suggested["issuer"],
        issued_on=date.fromisoformat(suggested["issued_on"]),
        owner_id_number=suggested["owner_id_number"],
    )
    demo_ctx.paper_records.save(dossier.code, paper.position, fields, "demo")
    digitised = _pushed_papers(demo_ctx, dossier.uuid)[paper.position]["digitised"]
    assert digitised["attachment_uuid"] == newest.uuid
    assert digitised["number"] == "45/TLKS" and digitised["owner_id_number"] == OWNER_ID
