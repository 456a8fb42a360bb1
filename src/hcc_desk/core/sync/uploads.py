"""Attachment upload: chunked, resumable from the byte central last stored, verified by SHA-256.

An attachment is uploaded only once its dossier's state (which lists it) has been pushed. Each
run asks central how much it already holds and continues from there; the offset reached is
saved after every chunk. A file over central's limits is parked before a byte is sent.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from hcc_desk.core.store.models import Attachment, Dossier

from . import protocol as p
from .client import CentralClient, ChecksumMismatch, OffsetMismatch, Refused, TooLarge, Transient
from .outbox import entities_pending

Progress = Callable[[str | None, str, int, int], None]  # (attachment uuid, filename, sent, total)
MIN_CHUNK = 16 * 1024
MAX_OFFSET_RETRIES = 5
MAX_ROUNDS = 4


@dataclass(frozen=True)
class Todo:
    id: int
    uuid: str
    dossier_uuid: str
    dossier_bytes: int
    filename: str
    content_type: str
    size: int
    sha256: str
    path: str
    fresh: bool  # never started: check the local file before the first byte goes out


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


class Uploader:
    def __init__(self, store, client: CentralClient, attachments_dir: Path,
                 progress: Progress | None = None):
        self._store, self._client, self._dir = store, client, attachments_dir
        self._progress = progress or (lambda *_: None)
        self.sent = 0  # bytes central acknowledged this pass (kept even if the pass fails)

    def todo(self) -> list[Todo]:
        with self._store.session() as s:
            totals = dict(s.execute(select(Attachment.dossier_id, func.sum(Attachment.size))
                                    .group_by(Attachment.dossier_id)).tuples().all())
            rows = s.execute(select(Attachment, Dossier.uuid).join(Dossier).where(
                Attachment.upload_state.in_(("pending", "uploading"))).order_by(Attachment.id))
            items = [Todo(a.id, a.uuid, du, totals.get(a.dossier_id, 0), a.filename,
                          a.content_type, a.size, a.sha256, a.path, a.upload_id is None)
                     for a, du in rows]
            waiting = entities_pending(s, [t.dossier_uuid for t in items])
        return [t for t in items if t.dossier_uuid not in waiting]

    def run(self, limits: p.Limits) -> tuple[int, list[str]]:
        """Upload what is due: (attachments parked, problems); bytes sent in ``self.sent``."""
        parked = 0
        problems: list[str] = []
        for t in self.todo():
            problem = self._precheck(t, limits)
            if problem is None:
                try:
                    self._upload(t, max(MIN_CHUNK, limits.chunk_bytes))
                except (Refused, TooLarge, ChecksumMismatch) as exc:
                    problem = f"{t.filename}: central refused the upload ({exc.message})"
            if problem is not None:
                self._set(t.id, upload_state="parked", last_error=problem)
                parked += 1
                problems.append(problem)
        return parked, problems

    def _precheck(self, t: Todo, limits: p.Limits) -> str | None:
        if t.size > limits.max_attachment_bytes:
            return (f"Tệp {t.filename} ({_mb(t.size)}) vượt giới hạn {_mb(limits.max_attachment_bytes)}"
                    f" của máy chủ / file is over central's per-file limit")
        if t.dossier_bytes > limits.max_dossier_bytes:
            return (f"Tệp đính kèm của hồ sơ ({_mb(t.dossier_bytes)}) vượt giới hạn "
                    f"{_mb(limits.max_dossier_bytes)} / the dossier's files are over central's limit")
        path = self._dir / t.path
        if not path.is_file():
            return f"{t.filename}: tệp không còn trên đĩa / file missing at {path}"
        if t.fresh and file_sha256(path) != t.sha256:
            return f"{t.filename}: tệp trên đĩa đã bị thay đổi / file changed on disk since saved"
        return None

    def _upload(self, t: Todo, chunk: int) -> None:
        """Send the file. Each round asks central where it stands and goes on from there; a
        checksum mismatch restarts from zero once, a second one parks the file."""
        mismatches = 0
        for _ in range(MAX_ROUNDS):
            state = self._client.upload_start(p.UploadStart(
                sha256=t.sha256, size=t.size, dossier_uuid=t.dossier_uuid,
                attachment_uuid=t.uuid, filename=t.filename, content_type=t.content_type))
            self._set(t.id, upload_state="uploading", upload_id=state.upload_id,
                      uploaded_offset=state.offset)
            if not state.complete:
                try:
                    self._transfer(t, state.upload_id, state.offset, chunk)
                    digest = self._client.upload_complete(state.upload_id)
                except OffsetMismatch:
                    continue  # central holds less than we thought: the next round resumes
                except Refused as exc:
                    if exc.status != 404:
                        raise
                    continue  # central dropped this upload: the next round starts a new one
                except ChecksumMismatch:
                    digest = None
                if digest != t.sha256:  # central discarded its copy: start over from zero
                    self._set(t.id, upload_state="pending", upload_id=None, uploaded_offset=0)
                    mismatches += 1
                    if mismatches >= 2:
                        raise ChecksumMismatch("checksum differs twice after a full upload", 422)
                    continue
            self._set(t.id, upload_state="done", uploaded_offset=t.size, last_error=None)
            self._progress(None, t.filename, t.size, t.size)
            return
        raise Transient(f"upload of {t.filename} did not settle; will retry")

    def _transfer(self, t: Todo, upload_id: str, offset: int, chunk: int) -> None:
        mismatches = 0
        with (self._dir / t.path).open("rb") as f:
            while offset < t.size:
                f.seek(offset)
                data = f.read(chunk)
                if not data:
                    raise Refused(f"{t.filename} is shorter on disk than recorded", 409)
                self._progress(t.uuid, t.filename, offset, t.size)
                try:
                    new = self._client.upload_put(upload_id, offset, data)
                except OffsetMismatch as exc:
                    new = exc.offset  # central holds a different amount: resume from there
                except TooLarge:
                    if chunk // 2 < MIN_CHUNK:
                        raise
                    chunk //= 2
                    continue
                else:
                    self.sent += len(data)
                if new <= offset or new > t.size:
                    mismatches += 1
                    if mismatches > MAX_OFFSET_RETRIES:
                        raise Transient(f"upload of {t.filename} makes no progress at {offset}")
                else:
                    mismatches = 0
                offset = max(0, min(new, t.size))
                self._set(t.id, uploaded_offset=offset)
        self._progress(t.uuid, t.filename, offset, t.size)

    def _set(self, att_id: int, **values) -> None:
        with self._store.write() as s:
            row = s.get(Attachment, att_id)
            if row is not None:
                for k, v in values.items():
                    setattr(row, k, v)
