"""Capture at the counter: scan or import the pages of a checklist paper, review them, and
attach them to the dossier as one PDF that syncs like any other attachment.

Qt-free; the GUI and ``hcc-desk scan`` share it. Pages live in the capture spool until the
attachment is committed, so a crash anywhere before that loses nothing.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcc_desk.core.capture.model import BatchOutcome, DeviceInfo, PageInfo, ScanProfile
from hcc_desk.core.capture.pdf_output import BuiltPdf, write_pdf
from hcc_desk.core.capture.spool import CaptureSession, CaptureSpool
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import capture as queries
from hcc_desk.core.store.repositories.ocr import queue_ocr
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.errors import InvalidInput, NotFound, UserError
from hcc_desk.services.settings import SCAN_DESKEW, SCAN_PDFA, SCAN_PROFILE, SettingsService

if TYPE_CHECKING:
    from hcc_desk.services.sync import SyncService

log = logging.getLogger(__name__)

MiB = 1024 * 1024
# The same defaults central uses (hcc_central/settings.py) until central has told us its own.
DEFAULT_MAX_FILE_BYTES = 20 * MiB
DEFAULT_MAX_DOSSIER_BYTES = 100 * MiB


@dataclass(frozen=True)
class SizeLimits:
    max_file_bytes: int
    max_dossier_bytes: int
    from_central: bool


@dataclass(frozen=True)
class AttachmentSummary:
    uuid: str
    paper_position: int | None
    filename: str
    size: int
    sha256: str
    page_count: int | None
    upload_state: str
    created_at: datetime


class SizeLimitExceeded(InvalidInput):
    """The PDF is over the per-file or per-dossier limit: nothing was saved."""


# A saved dossier's result document (issue 14: the officer digitises and signs the result too):
# scanned in a session keyed ``<dossier key>:result`` with no paper position, stored as
# ``ket-qua-<code>.pdf`` (its text-layer and signed versions keep the prefix).
RESULT_KEY_SUFFIX = ":result"
RESULT_FILE_PREFIX = "ket-qua-"


def result_filename(dossier_code: str) -> str:
    return f"{RESULT_FILE_PREFIX}{dossier_code}.pdf"


def is_result_file(filename: str) -> bool:
    return filename.startswith(RESULT_FILE_PREFIX)


def _mb(n: int) -> str:
    return f"{n / MiB:.1f} MB"


def safe_filename(text: str, limit: int = 60) -> str:
    """ASCII file name part from Vietnamese text ("Căn cước" → "Can-cuoc")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-") or "giay-to"


class CaptureService:
    def __init__(
        self,
        store: Sessions,
        settings: SettingsService,
        profile_root: Path,
        sync_service: SyncService | None = None,
    ):
        self._store = store
        self._settings = settings
        self._sync = sync_service
        self.profile_root = Path(profile_root)
        self.spool = CaptureSpool(self.profile_root / "capture-spool")
        self.attachments_dir = (
            sync_service.attachments_dir
            if sync_service is not None
            else self.profile_root / "attachments"
        )
        self._attach_lock = threading.Lock()

    # -- devices and the counter's profile ---------------------------------------------
    def devices(self, timeout: float = 10) -> list[DeviceInfo]:
        from hcc_desk.core.capture.scanner import list_devices

        return list_devices(timeout)

    def profile(self) -> ScanProfile | None:
        data = self._settings.get(SCAN_PROFILE)
        if not data:
            return None
        try:
            return ScanProfile.from_dict(data)
        except (KeyError, ValueError, TypeError):
            log.warning("ignoring an unreadable scan profile setting: %r", data)
            return None

    def save_profile(self, profile: ScanProfile) -> None:
        self._settings.set(SCAN_PROFILE, profile.to_dict())

    def pdfa_default(self) -> bool:
        return self._settings.get(SCAN_PDFA)

    def deskew_enabled(self) -> bool:
        return self._settings.get(SCAN_DESKEW)

    # -- capture ---------------------------------------------------------------------------
    def recoverable(self) -> list[CaptureSession]:
        return self.spool.recoverable()

    def scan(
        self,
        session: CaptureSession,
        profile: ScanProfile,
        on_page: Callable[[PageInfo], None],
        on_progress: Callable[[float], None] | None = None,
        cancel: threading.Event | None = None,
        *,
        officer_username: str | None = None,
        **scan_options: Any,
    ) -> BatchOutcome:
        """One batch into ``session`` (audited). Faults come back in the outcome, never raised."""
        from hcc_desk.core.capture.scanner import scan_batch

        scan_options.setdefault("deskew", self.deskew_enabled())
        outcome = scan_batch(profile, session, on_page, on_progress, cancel, **scan_options)
        self._audit(
            officer_username or "desk",
            "capture.scan",
            "capture",
            session.id,
            {
                "device": profile.device,
                "source": str(profile.source),
                "mode": str(profile.mode),
                "resolution": profile.resolution,
                "pages": len(outcome.pages),
                "fault": outcome.fault.value if outcome.fault else None,
                "paper_position": session.paper_position,
                "dossier": session.dossier_code,
                "key": session.key,
            },
        )
        return outcome

    # -- output ---------------------------------------------------------------------------
    def limits(self) -> SizeLimits:
        with self._store.session() as s:
            data = queries.central_limits(s)
        try:
            if data:
                return SizeLimits(
                    int(data["max_attachment_bytes"]), int(data["max_dossier_bytes"]), True
                )
        except (KeyError, TypeError, ValueError):
            log.warning("unreadable limits from central: %r", data)
        return SizeLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_DOSSIER_BYTES, False)

    def build_pdf(
        self, session: CaptureSession, pdfa: bool | None = None, out_path: Path | None = None
    ) -> BuiltPdf:
        pages = session.pages()
        if not pages:
            raise InvalidInput(
                "capture.there_pages_yet_scan",
            )
        title = " — ".join(x for x in (session.paper_name, session.dossier_code) if x)
        target = out_path or session.folder / "output.pdf"
        return write_pdf(
            pages, target, title=title, pdfa=self.pdfa_default() if pdfa is None else pdfa
        )

    def check_size(self, size: int, dossier_bytes_before: int) -> None:
        """Raise SizeLimitExceeded (clear message, what to do) if ``size`` cannot be attached."""
        lim = self.limits()
        if size > lim.max_file_bytes:
            raise SizeLimitExceeded(
                "capture.pdf_over_per_file", mb=_mb(size), mb_2=_mb(lim.max_file_bytes)
            )
        if dossier_bytes_before + size > lim.max_dossier_bytes:
            raise SizeLimitExceeded(
                "capture.dossier_s_files_would",
                mb=_mb(dossier_bytes_before + size),
                mb_2=_mb(lim.max_dossier_bytes),
            )

    def attach(
        self,
        session: CaptureSession,
        dossier_code: str,
        officer_username: str,
        *,
        pdfa: bool | None = None,
    ) -> str:
        """Build the PDF, check the limits, store it as the dossier's attachment for the
        session's checklist paper, or as its result document for a ``RESULT_KEY_SUFFIX`` session
        (queued for central in the same transaction), then forget the pages. Returns the
        attachment's uuid."""
        from hcc_desk.core.sync.attachments import add_attachment

        with self._attach_lock:
            dossier_uuid, position = self._check_target(dossier_code, session.paper_position)
            built = self.build_pdf(session, pdfa)
            data = built.path.read_bytes()
            with self._store.write() as s:
                dossier = queries.dossier_by_uuid(s, dossier_uuid)
                if dossier is None:  # deleted between the check and the write: cannot happen today
                    raise NotFound("capture.dossier", dossier_code=dossier_code)
                self.check_size(len(data), queries.attached_bytes(s, dossier.id))
                is_result = position is None and session.key.endswith(RESULT_KEY_SUFFIX)
                if is_result:
                    filename = result_filename(dossier.code)
                elif position is not None:
                    filename = (
                        f"{dossier.code}-{position:02d}-{safe_filename(session.paper_name)}.pdf"
                    )
                else:
                    filename = f"{dossier.code}-{safe_filename(session.paper_name)}.pdf"
                att = add_attachment(
                    s,
                    dossier,
                    self.attachments_dir,
                    data,
                    filename=filename,
                    content_type="application/pdf",
                    paper_position=position,
                )
                queue_ocr(s, att)  # its text layer, in the background (services/ocr.py)
                add_audit(
                    s,
                    officer_username,
                    "capture.attach",
                    "dossier",
                    dossier.uuid,
                    {
                        "code": dossier.code,
                        "attachment": att.uuid,
                        "paper_position": position,
                        "pages": built.page_count,
                        "size": len(data),
                        "sha256": built.sha256,
                        "capture_session": session.id,
                        **({"result": True} if is_result else {}),
                    },
                )
                att_uuid = att.uuid
            if session.dossier_code != dossier_code:
                session.dossier_code = dossier_code
            session.mark_attached()
        if self._sync is not None:
            try:
                self._sync.nudge()
            except Exception as exc:  # noqa: BLE001 - best effort: the outbox has the work
                log.warning("could not nudge sync: %s", exc)
        return att_uuid

    def _check_target(self, dossier_code: str, position: int | None) -> tuple[str, int | None]:
        with self._store.session() as s:
            dossier = queries.dossier_by_code_or_uuid(s, dossier_code)
            if dossier is None:
                raise NotFound("capture.dossier", dossier_code=dossier_code)
            if position is not None and not queries.has_checklist_paper(s, dossier.id, position):
                raise InvalidInput(
                    "capture.dossier_checklist_paper_number",
                    code=dossier.code,
                    position=position,
                )
            return dossier.uuid, position

    def attachments(self, dossier_code: str) -> list[AttachmentSummary]:
        with self._store.session() as s:
            dossier = queries.dossier_by_code_or_uuid(s, dossier_code)
            if dossier is None:
                raise NotFound("capture.dossier", dossier_code=dossier_code)
            rows = queries.attachments_of(s, dossier.id)
            out = [
                (
                    r.uuid,
                    r.paper_position,
                    r.filename,
                    r.size,
                    r.sha256,
                    r.path,
                    r.content_type,
                    r.upload_state,
                    r.created_at,
                )
                for r in rows
            ]
        return [
            AttachmentSummary(
                uuid=u,
                paper_position=pos,
                filename=fn,
                size=size,
                sha256=sha,
                page_count=self._pdf_pages(path) if ctype == "application/pdf" else None,
                upload_state=state,
                created_at=created,
            )
            for u, pos, fn, size, sha, path, ctype, state, created in out
        ]

    def attachment_path(self, attachment_uuid: str) -> Path:
        """Where the attachment is stored (encrypted in a profile: see attachment_bytes)."""
        with self._store.session() as s:
            row = queries.attachment_by_uuid(s, attachment_uuid)
            if row is None:
                raise NotFound("capture.attachment_found")
            return self.attachments_dir / row.path

    def attachment_bytes(self, attachment_uuid: str) -> bytes:
        """The attachment's content, decrypted."""
        path = self.attachment_path(attachment_uuid)
        return self._read_attachment(path.relative_to(self.attachments_dir).as_posix())

    def _pdf_pages(self, rel: str) -> int | None:
        """Pages of a stored PDF; None when missing or damaged (the list still shows the row)."""
        try:
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(self._read_attachment(rel))
            try:
                return len(pdf)
            finally:
                pdf.close()
        except Exception:  # noqa: BLE001 - any unreadable file is just "pages unknown"
            return None

    def _read_attachment(self, rel: str) -> bytes:
        from hcc_desk.core import sealed_files

        return sealed_files.read(self.attachments_dir, rel)

    def discard(self, session: CaptureSession, officer_username: str) -> None:
        """The officer throws scanned pages away (after confirming): audited, then deleted."""
        self._audit(
            officer_username,
            "capture.discard",
            "capture_session",
            session.id,
            {
                "key": session.key,
                "paper_position": session.paper_position,
                "paper_name": session.paper_name,
                "dossier_code": session.dossier_code,
                "pages": len(session.pages()),
            },
        )
        session.discard()

    # -- internals --------------------------------------------------------------------------
    def _audit(
        self, actor: str, action: str, entity: str, entity_uuid: str | None, detail: dict[str, Any]
    ) -> None:
        try:
            with self._store.write() as s:
                add_audit(s, actor, action, entity, entity_uuid, detail)
        except UserError as exc:  # the pages are on disk already; a busy DB must not lose them
            log.warning("could not audit %s: %s", action, exc.text("en"))
