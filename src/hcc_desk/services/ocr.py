"""Searchable papers in the background: each scanned paper gets a Vietnamese text layer after
save, and its text is indexed for dossier search (issue 14, item 1).

A capture queues an ``ocr_job`` in the transaction that stores the attachment, so a crash or a
quit only delays it: the worker puts jobs left running back in the queue when it starts. One
thread works the queue one job at a time; OCR itself runs in a separate process at a lower CPU
priority on one core (core/digitise/ocr.py), so typing at the counter stays smooth.

The text layer is a new *version* of the paper, not a replacement: central keeps attachments
by uuid with the size and SHA-256 first listed (an upload whose hash differs is refused), so
rewriting a file in place would break a sync already under way. The new version is a new
attachment of the same checklist paper, queued and uploaded like any other, verified by SHA-256
end to end; the original stays (the scan as captured) and the desk's lists show the new one.
"""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath

from sqlalchemy.orm import Session

from hcc_core.errors import ExpectedError
from hcc_core.owner_only import make_private_dir
from hcc_desk.core import sealed_files
from hcc_desk.core.digitise.ocr import (
    BACKGROUND_NICE,
    OcrFailed,
    OcrResult,
    OcrUnavailable,
    ocr_pdf,
)
from hcc_desk.core.store.models import Attachment, Dossier
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import capture as capture_queries
from hcc_desk.core.store.repositories import ocr as queries
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync import outbox
from hcc_desk.core.sync.attachments import add_attachment
from hcc_desk.services.paper_records import store_suggestions

log = logging.getLogger(__name__)

POLL_SECONDS = 60.0  # a job queued by another process (the CLI) is found within this
FIRST_DELAY = 20.0  # the first pass waits for the desk's start (unless a save nudges it)
STOP_WAIT = 1.0  # seconds a closing desk waits for the worker to end a running OCR
MiB = 1024 * 1024
DEFAULT_MAX_FILE_BYTES = 20 * MiB  # central's defaults until it has told us its own
DEFAULT_MAX_DOSSIER_BYTES = 100 * MiB


@dataclass(frozen=True)
class OcrOutcome:
    attachment_uuid: str
    state: str  # "done" | "failed" | "waiting" (OCR not installed: left queued)
    version_uuid: str | None = None  # the new attachment with the text layer
    error: str | None = None


class OcrService:
    def __init__(
        self,
        store: Sessions,
        profile_root: Path,
        *,
        attachments_dir: Path | None = None,
        jobs: int = 1,
        nice: int = BACKGROUND_NICE,
        poll: float = POLL_SECONDS,
        first_delay: float = FIRST_DELAY,
    ):
        self._store = store
        self.attachments_dir = attachments_dir or Path(profile_root) / "attachments"
        self._work_root = Path(profile_root) / "ocr-work"
        self._jobs, self._nice, self._poll, self._first_delay = jobs, nice, poll, first_delay
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._waker_db: Path | None = None
        self._requeued = False
        self._said_unavailable = False

    # --- the background worker ----------------------------------------------------------------
    def start_background(self) -> None:
        """Start the worker thread (idempotent); it wakes on every save that queues a change."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._waker_db = self._db_path()
        outbox.add_waker(self._waker_db, self.nudge)
        self._thread = threading.Thread(target=self._loop, name="hcc-ocr", daemon=True)
        self._thread.start()

    def stop(self, wait: float = STOP_WAIT) -> None:
        """Stop after the current job; a job cut short by the quit runs again next start."""
        if self._waker_db is not None:
            outbox.remove_waker(self._waker_db, self.nudge)
            self._waker_db = None
        if self._thread is not None:
            self._stop.set()
            self._wake.set()
            self._thread.join(wait)
            self._thread = None

    def nudge(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        self._wake.wait(self._first_delay)
        self._wake.clear()
        while not self._stop.is_set():
            try:
                worked = self.run_until_idle(stop=self._stop)
            except Exception:  # a bug must not end the worker for the rest of the day
                log.exception("OCR worker pass failed")
                worked = 0
            if worked < 0 and not self._stop.is_set() and not self._said_unavailable:
                log.info("OCR is not available on this PC; papers stay queued")
                self._said_unavailable = True  # once per start, not every poll
            self._wake.wait(self._poll)
            self._wake.clear()

    # --- one pass -----------------------------------------------------------------------------
    def run_until_idle(self, stop: threading.Event | None = None) -> int:
        """Work the queue until empty: jobs finished, or -1 when OCR is not installed."""
        if not self._requeued:  # once per start: what a crash or a quit left behind
            with self._store.write() as s:
                queries.requeue_interrupted(s)
            shutil.rmtree(self._work_root, ignore_errors=True)  # plain copies of papers
            self._requeued = True
        done = 0
        while stop is None or not stop.is_set():
            outcome = self.run_one()
            if outcome is None:
                return done
            if outcome.state == "waiting":
                return -1
            done += 1
        return done

    def run_one(self) -> OcrOutcome | None:
        """Claim the oldest queued job and give its paper a text layer; None when none."""
        with self._store.write() as s:
            task = queries.claim_next(s)
        if task is None:
            return None
        # Per attempt: an OCR process orphaned by a crash never writes into a later run's files.
        work = make_private_dir(self._work_root) / f"job-{task.job_id}-{task.attempt}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        try:
            src = work / "in.pdf"
            try:
                src.write_bytes(sealed_files.read(self.attachments_dir, task.path))
                result = ocr_pdf(
                    src, work / "out.pdf", jobs=self._jobs, nice=self._nice, cancel=self._stop
                )
            except (OSError, sealed_files.SealedFileError) as exc:
                return self._failed(task, OcrFailed("ocr.unreadable"), exc)
            except ExpectedError as exc:
                if isinstance(exc, OcrUnavailable) or exc.msg_id == "ocr.cancelled":
                    with self._store.write() as s:  # not installed, or the desk is closing
                        queries.release_job(s, task.job_id)
                    return OcrOutcome(task.attachment_uuid, "waiting")
                return self._failed(task, exc, exc)
            return self._store_result(task, result)
        finally:
            shutil.rmtree(work, ignore_errors=True)  # plain text of a citizen's paper

    def _failed(
        self, task: queries.OcrTask, error: ExpectedError, cause: BaseException
    ) -> OcrOutcome:
        """The paper keeps its scan without text; the officer is not interrupted for it."""
        log.warning(
            "no text layer for attachment %s: %s (%s)",
            task.attachment_uuid,
            error.msg_id,
            type(cause).__name__,
        )
        with self._store.write() as s:
            queries.finish_job(s, task.job_id, "failed", error=error.msg_id)
        return OcrOutcome(task.attachment_uuid, "failed", error=error.msg_id)

    def _store_result(self, task: queries.OcrTask, result: OcrResult) -> OcrOutcome:
        data = result.output.read_bytes() if result.output is not None else None
        with self._store.write() as s:
            att = s.get(Attachment, task.attachment_id)
            dossier = s.get(Dossier, task.dossier_id)
            if att is None or dossier is None:  # removed while OCR ran: nothing to keep
                return OcrOutcome(task.attachment_uuid, "failed", error="gone")
            version = None
            # A copy signed meanwhile stays the paper's newest: its source keeps the text only.
            fresh = not queries.superseded(s, att)
            if data is not None and fresh and self._fits(s, dossier.id, len(data)):
                version = _add_version(s, dossier, att, data, self.attachments_dir)
            target = version or att
            queries.save_text(s, target.id, dossier.id, result.text)
            # What the text says the paper is: suggestions the officer checks (item 3).
            store_suggestions(s, dossier, target, result.text, date.today())
            queries.finish_job(
                s, task.job_id, "done", result_attachment_id=version.id if version else None
            )
            add_audit(
                s,
                "desk",
                "ocr.text_layer",
                "dossier",
                dossier.uuid,
                {
                    "code": dossier.code,
                    "attachment": att.uuid,
                    "version": version.uuid if version else None,
                    "pages": result.pages,
                    "pdfa": result.pdfa,
                    "seconds": result.seconds,
                    "size": len(data) if data is not None else att.size,
                    "sha256": version.sha256 if version else att.sha256,
                },
            )
            return OcrOutcome(task.attachment_uuid, "done", version.uuid if version else None)

    def _fits(self, s: Session, dossier_id: int, size: int) -> bool:
        """The new version stays within central's limits (else the text is kept without it)."""
        limits = capture_queries.central_limits(s) or {}
        try:
            per_file = int(limits.get("max_attachment_bytes", DEFAULT_MAX_FILE_BYTES))
            per_dossier = int(limits.get("max_dossier_bytes", DEFAULT_MAX_DOSSIER_BYTES))
        except (TypeError, ValueError):
            per_file, per_dossier = DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_DOSSIER_BYTES
        before = capture_queries.attached_bytes(s, dossier_id)
        return size <= per_file and before + size <= per_dossier

    # --- for the screens and the CLI ----------------------------------------------------------
    def pending(self) -> int:
        with self._store.session() as s:
            return queries.pending_count(s)

    def _db_path(self) -> Path:
        with self._store.session() as s:
            return Path(str(s.get_bind().engine.url.database))


def _add_version(
    s: Session, dossier: Dossier, att: Attachment, data: bytes, attachments_dir: Path
) -> Attachment:
    name = PurePath(att.filename)
    version = add_attachment(
        s,
        dossier,
        attachments_dir,
        data,
        filename=f"{name.stem}-ocr{name.suffix or '.pdf'}",
        content_type=att.content_type,
        paper_position=att.paper_position,
    )
    s.flush()
    return version
