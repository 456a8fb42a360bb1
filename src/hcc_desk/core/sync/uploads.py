"""Attachment upload, verified by SHA-256 end to end.

A file that fits in one chunk (a scanned page: ~100 KB) goes in one request, POST
/uploads/single, which central stores only if size and SHA-256 match; a break means sending
that one chunk again. A larger file is chunked and resumable: each run asks central how much
it already holds and continues from there; the offset reached is saved after every chunk.
An attachment is uploaded only once its dossier's state (which lists it) has been pushed. A
file over central's limits is parked before a byte is sent. Files done are marked in the
database a batch at a time (a crash in between only means sending those again: central
answers the same).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update

from hcc_core.wire import protocol as p
from hcc_desk.core import sealed_files
from hcc_desk.core.store.models import Attachment, Dossier
from hcc_desk.core.store.store import Sessions

from .client import (
    CentralClient,
    ChecksumMismatch,
    OffsetMismatch,
    Refused,
    SingleUnsupported,
    TooLarge,
    Transient,
)
from .outbox import entities_pending

Progress = Callable[[str | None, str, int, int], None]  # (attachment uuid, filename, sent, total)
MIN_CHUNK = 16 * 1024
MAX_OFFSET_RETRIES = 5
MAX_ROUNDS = 4
DONE_BATCH = 50  # files marked done per write transaction
PARALLEL = 4  # single-request uploads in flight at once
_CHUNKS = "send in chunks"  # _whole's answer when central wants chunks (compared by identity)


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


def _changed(t: Todo) -> str:
    return f"{t.filename}: tệp trên đĩa đã bị thay đổi / file changed on disk since saved"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


class Uploader:
    def __init__(
        self,
        store: Sessions,
        client: CentralClient,
        attachments_dir: Path,
        progress: Progress | None = None,
    ) -> None:
        self._store, self._client, self._dir = store, client, attachments_dir
        self._progress = progress or (lambda *_: None)
        self.sent = 0  # bytes central acknowledged this pass (kept even if the pass fails)
        self._single = True  # until central says it has no single-request upload
        self._done: list[int] = []  # uploaded, not yet marked in the database
        self._parked = 0
        self._problems: list[str] = []

    def todo(self) -> list[Todo]:
        with self._store.session() as s:
            totals = dict(
                s.execute(
                    select(Attachment.dossier_id, func.sum(Attachment.size)).group_by(
                        Attachment.dossier_id
                    )
                )
                .tuples()
                .all()
            )
            rows = s.execute(
                select(Attachment, Dossier.uuid)
                .join(Dossier)
                .where(Attachment.upload_state.in_(("pending", "uploading")))
                .order_by(Attachment.id)
            )
            items = [
                Todo(
                    a.id,
                    a.uuid,
                    du,
                    totals.get(a.dossier_id, 0),
                    a.filename,
                    a.content_type,
                    a.size,
                    a.sha256,
                    a.path,
                    a.upload_id is None,
                )
                for a, du in rows
            ]
            waiting = entities_pending(s, [t.dossier_uuid for t in items])
        return [t for t in items if t.dossier_uuid not in waiting]

    def run(self, limits: p.Limits) -> tuple[int, list[str]]:
        """Upload what is due: (attachments parked, problems); bytes sent in ``self.sent``."""
        self._parked, self._problems = 0, []
        try:
            due = [t for t in self.todo() if not self._park_if(t, self._precheck(t, limits))]
            whole = [t for t in due if t.size <= limits.chunk_bytes]
            chunked = [t for t in due if t.size > limits.chunk_bytes]
            chunked += self._send_whole(whole)  # those central wants in chunks after all
            chunk = max(MIN_CHUNK, limits.chunk_bytes)
            for t in chunked:
                try:
                    problem = self._hash_check(t)
                    if problem is None:
                        self._upload(t, chunk)
                except (Refused, TooLarge, ChecksumMismatch) as exc:
                    problem = f"{t.filename}: central refused the upload ({exc.message})"
                self._park_if(t, problem)
        finally:
            self._flush_done()
        return self._parked, self._problems

    def _park_if(self, t: Todo, problem: str | None) -> bool:
        if problem is None:
            return False
        self._set(t.id, upload_state="parked", last_error=problem)
        self._parked += 1
        self._problems.append(problem)
        return True

    # --- small files: one request each, a few in flight ---------------------------------------
    def _send_whole(self, items: list[Todo]) -> list[Todo]:
        """Upload files that fit in one chunk, ``PARALLEL`` requests in flight (the network
        and central's disk work overlap). The database is written only from this thread.
        Returns the files central wants in chunks (an older central: 404/405)."""
        later: list[Todo] = []
        pending = iter(items)
        error: BaseException | None = None
        with ThreadPoolExecutor(PARALLEL, thread_name_prefix="hcc-upload") as pool:
            running: dict[Future[str | None], Todo] = {}

            def submit_next() -> None:
                t = next(pending, None)
                if t is not None:
                    running[pool.submit(self._whole, t)] = t

            for _ in range(PARALLEL):
                submit_next()
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    t = running.pop(future)
                    try:
                        outcome = future.result()
                    except (Refused, TooLarge, ChecksumMismatch) as exc:
                        outcome = f"{t.filename}: central refused the upload ({exc.message})"
                    except Exception as exc:  # noqa: BLE001 — network, auth, disk: raised
                        error = error or exc  # once the requests in flight have finished
                        continue
                    if outcome is _CHUNKS:
                        later.append(t)
                    elif outcome is None:
                        self.sent += t.size
                        self._finished(t)
                    else:
                        self._park_if(t, outcome)
                    if error is None:
                        submit_next()
        if error is not None:
            raise error
        return later + list(pending)

    def _whole(self, t: Todo) -> str | None:
        """(Worker thread.) Send one file in one request: None once central holds it, a
        problem to park it with, or ``_CHUNKS``. A mismatch (bytes damaged on the way: central
        stored nothing) is sent again once, then the file is parked."""
        if not self._single:
            return _CHUNKS
        data = self._local_bytes(t)
        if hashlib.sha256(data).hexdigest() != t.sha256:
            return _changed(t)
        start = _start_of(t)
        for attempt in range(2):
            try:
                digest = self._client.upload_single(start, data)
            except SingleUnsupported:
                self._single = False
                return _CHUNKS
            except ChecksumMismatch as exc:
                if attempt:
                    raise ChecksumMismatch(
                        "checksum differs twice after a full upload", 422
                    ) from exc
                continue
            if digest == t.sha256:
                return None
            break
        raise ChecksumMismatch("central stored other content than sent", 422)

    def _finished(self, t: Todo) -> None:
        self._progress(None, t.filename, t.size, t.size)
        self._done.append(t.id)
        if len(self._done) >= DONE_BATCH:
            self._flush_done()

    def _flush_done(self) -> None:
        if not self._done:
            return
        with self._store.write() as s:
            s.execute(
                update(Attachment)
                .where(Attachment.id.in_(self._done))
                .values(upload_state="done", uploaded_offset=Attachment.size, last_error=None)
            )
        self._done = []

    # --- larger files: chunked, resumable -----------------------------------------------------
    def _hash_check(self, t: Todo) -> str | None:
        if t.fresh and hashlib.sha256(self._local_bytes(t)).hexdigest() != t.sha256:
            return _changed(t)
        return None

    def _precheck(self, t: Todo, limits: p.Limits) -> str | None:
        if t.size > limits.max_attachment_bytes:
            return (
                f"Tệp {t.filename} ({_mb(t.size)}) vượt giới hạn {_mb(limits.max_attachment_bytes)}"
                f" của máy chủ / file is over central's per-file limit"
            )
        if t.dossier_bytes > limits.max_dossier_bytes:
            return (
                f"Tệp đính kèm của hồ sơ ({_mb(t.dossier_bytes)}) vượt giới hạn "
                f"{_mb(limits.max_dossier_bytes)} / the dossier's files are over central's limit"
            )
        path = self._dir / t.path
        if not path.is_file():
            return f"{t.filename}: tệp không còn trên đĩa / file missing at {path}"
        return None

    def _upload(self, t: Todo, chunk: int) -> None:
        """Send the file. Each round asks central where it stands and goes on from there; a
        checksum mismatch restarts from zero once, a second one parks the file."""
        mismatches = 0
        for _ in range(MAX_ROUNDS):
            state = self._client.upload_start(_start_of(t))
            self._set(
                t.id,
                upload_state="uploading",
                upload_id=state.upload_id,
                uploaded_offset=state.offset,
            )
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
            self._finished(t)
            return
        raise Transient(f"upload of {t.filename} did not settle; will retry")

    def _transfer(self, t: Todo, upload_id: str, offset: int, chunk: int) -> None:
        mismatches = 0
        # Decrypted in memory (attachments are a few MB at most: central's per-file limit).
        with io.BytesIO(self._local_bytes(t)) as f:
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

    def _local_bytes(self, t: Todo) -> bytes:
        """The file's plain bytes; a sealed file that no longer decrypts (damaged, swapped)
        reads as empty, so the hash check parks it as changed on disk."""
        try:
            return sealed_files.read(self._dir, t.path)
        except sealed_files.SealedFileError:
            return b""

    def _set(self, att_id: int, **values: object) -> None:
        with self._store.write() as s:
            row = s.get(Attachment, att_id)
            if row is not None:
                for k, v in values.items():
                    setattr(row, k, v)


def _start_of(t: Todo) -> p.UploadStart:
    """What central is told about a file before its bytes: hash, size, owner and name."""
    return p.UploadStart(
        sha256=t.sha256,
        size=t.size,
        dossier_uuid=t.dossier_uuid,
        attachment_uuid=t.uuid,
        filename=t.filename,
        content_type=t.content_type,
    )
