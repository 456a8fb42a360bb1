"""Queries of searchable papers: the OCR queue, the papers' text, and finding words in it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, Select, and_, literal_column, select, text, update
from sqlalchemy.orm import Session

from hcc_core.domain.text import fold

from ..models import Attachment, Dossier, DossierPaper, OcrJob, PaperText
from ..models.base import now

MAX_ATTEMPTS = 3  # runs started; a file that crashed the worker this often is given up on
# The newest papers holding the words that a search considers: papers are read in the order
# dossiers are saved, so four pages of results' worth keeps the newest matches.
PAPER_CANDIDATE_CAP = 200


@dataclass(frozen=True, slots=True)
class OcrTask:
    """What the worker needs to OCR one attachment, as plain values."""

    job_id: int
    attempt: int
    attachment_id: int
    attachment_uuid: str
    dossier_id: int
    dossier_uuid: str
    filename: str
    path: str
    paper_position: int | None


def queue_ocr(session: Session, attachment: Attachment) -> None:
    """Queue a PDF attachment for its text layer (in the transaction that stores it)."""
    if attachment.content_type == "application/pdf":
        if attachment.id is None:
            session.flush()  # the new attachment's id
        session.add(OcrJob(attachment_id=attachment.id))


def requeue_interrupted(session: Session) -> int:
    """Jobs left running by a crash or a quit go back to the queue (the worker's start)."""
    result = session.execute(update(OcrJob).where(OcrJob.state == "running").values(state="queued"))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def claim_next(session: Session) -> OcrTask | None:
    """The oldest queued job, marked running (one more attempt); a job out of attempts fails."""
    while True:
        row = session.execute(
            select(OcrJob, Attachment, Dossier.uuid)
            .join(Attachment, Attachment.id == OcrJob.attachment_id)
            .join(Dossier, Dossier.id == Attachment.dossier_id)
            .where(OcrJob.state == "queued")
            .order_by(OcrJob.id)
            .limit(1)
        ).first()
        if row is None:
            return None
        job, att, dossier_uuid = row
        if job.attempts >= MAX_ATTEMPTS:
            job.state, job.finished_at = "failed", now()
            job.last_error = job.last_error or "interrupted too often"
            continue
        job.state, job.attempts = "running", job.attempts + 1
        return OcrTask(
            job.id,
            job.attempts,
            att.id,
            att.uuid,
            att.dossier_id,
            dossier_uuid,
            att.filename,
            att.path,
            att.paper_position,
        )


def finish_job(
    session: Session,
    job_id: int,
    state: str,
    *,
    error: str | None = None,
    result_attachment_id: int | None = None,
) -> None:
    job = session.get(OcrJob, job_id)
    if job is not None:
        job.state, job.last_error, job.finished_at = state, error, now()
        job.result_attachment_id = result_attachment_id


def release_job(session: Session, job_id: int) -> None:
    """Back to the queue without counting the attempt (OCR is not installed on this PC)."""
    job = session.get(OcrJob, job_id)
    if job is not None:
        job.state, job.attempts = "queued", max(0, job.attempts - 1)


def pending_count(session: Session) -> int:
    return len(
        session.scalars(select(OcrJob.id).where(OcrJob.state.in_(("queued", "running")))).all()
    )


def superseded(session: Session, attachment: Attachment) -> bool:
    """Whether the paper already has a newer copy (a signed one, made while this one's OCR ran):
    a text-layer version must not then become the paper's newest, unsigned copy."""
    if attachment.paper_position is None:
        return False
    newer = select(Attachment.id).where(
        Attachment.dossier_id == attachment.dossier_id,
        Attachment.paper_position == attachment.paper_position,
        Attachment.id > attachment.id,
    )
    return session.scalar(newer.limit(1)) is not None


def save_text(session: Session, attachment_id: int, dossier_id: int, body: str) -> None:
    """Store (or replace) a paper's text; the triggers of 0010 keep the full-text index."""
    folded = fold(body)
    row = session.scalar(select(PaperText).where(PaperText.attachment_id == attachment_id))
    if row is None:
        session.add(
            PaperText(
                attachment_id=attachment_id, dossier_id=dossier_id, text=body, text_folded=folded
            )
        )
    else:
        row.text, row.text_folded = body, folded


def _fts_query(words: list[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)


def paper_hits(
    session: Session, words: list[str], cap: int = PAPER_CANDIDATE_CAP
) -> dict[int, int]:
    """Papers holding every word (each a word prefix), the newest ``cap`` texts: paper id →
    dossier id. One walk of the full-text index from its newest end."""
    if not words:
        return {}
    fts: Select[tuple[int]] = (
        select(literal_column("rowid", Integer))
        .select_from(text("dossier_fts_paper"))
        .where(
            text("dossier_fts_paper MATCH :paper_query").bindparams(paper_query=_fts_query(words))
        )
        .order_by(literal_column("rowid").desc())
        .limit(cap)
    )
    rows = session.execute(
        select(PaperText.id, PaperText.dossier_id).where(PaperText.id.in_(fts.scalar_subquery()))
    )
    return dict(rows.tuples().all())


def paper_names(session: Session, paper_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """Dossier id → the names of these papers (checklist name, else the file name)."""
    if not paper_ids:
        return {}
    rows = session.execute(
        select(PaperText.dossier_id, Attachment.filename, DossierPaper.name)
        .select_from(PaperText)
        .join(Attachment, Attachment.id == PaperText.attachment_id)
        .outerjoin(
            DossierPaper,
            and_(
                DossierPaper.dossier_id == Attachment.dossier_id,
                DossierPaper.position == Attachment.paper_position,
            ),
        )
        .where(PaperText.id.in_(paper_ids))
        .order_by(Attachment.paper_position, Attachment.id)
    )
    found: dict[int, list[str]] = {}
    for dossier_id, filename, paper_name in rows.tuples():
        names = found.setdefault(dossier_id, [])
        name = paper_name or filename
        if name not in names:
            names.append(name)
    return {k: tuple(v) for k, v in found.items()}
