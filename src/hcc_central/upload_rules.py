"""What a device may upload, and how much (docs/security.md, "What a device may do").

- **Whose**: an upload is for an attachment that a pushed dossier names, with the same size and
  SHA-256, of the caller's centre, pushed by the caller's counter (its slot: a replaced PC keeps
  its counter's dossiers) — or, once officer sessions exist, by an officer of that centre
  (``officer_centre``). A dossier that does not exist and one of another centre get the same
  404: nothing tells a device what other centres hold.
- **How much**: bytes in flight (started, not completed) per device and per centre → 429 (the
  desk retries later); bytes stored per device and per centre → 507. Settings, 0: no limit.
- **How long**: an upload not completed within ``upload_expiry_hours`` is dropped and its
  partial file deleted, by a sweep at every upload start.
- **Already stored?**: only content this centre has stored counts, never another centre's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from fastapi import HTTPException
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from hcc_core.wire.protocol import UploadStart

from .auth import DeviceCtx
from .changes import audit
from .db import Database, rows_changed
from .models import Attachment, Centre, Device, Dossier, Upload
from .settings import Settings
from .store import FileStore

# Central's wall clock for the expiry sweep and stored_at; tests move it (no sleeping).
clock: Callable[[], datetime] = datetime.now


class Refused(HTTPException):
    """A refusal of what a device may do: answered with its 4xx/507 and audited."""

    def __init__(self, status: int, detail: str, **facts: object) -> None:
        super().__init__(status, detail)
        self.facts = facts


def audit_refusal(db: Database, dev: DeviceCtx, what: str, err: Refused) -> None:
    """In its own transaction: the refused one was rolled back."""
    with db.write() as s:
        audit(
            s, f"device:{dev.device_id}", "upload.refused", route=what, status=err.status_code,
            reason=err.detail, centre_id=dev.centre_id, **err.facts,
        )  # fmt: skip


def check_target(
    s: Session,
    dev: DeviceCtx,
    body: UploadStart,
    *,
    lock: bool = True,
    officer_centre: int | None = None,
) -> Attachment:
    """The pushed attachment this upload is for (locked unless ``lock`` is false), or a Refused.
    ``officer_centre``: the centre of an authenticated officer at this device (the officer
    sessions' hook): such an officer may attach to any dossier of that centre."""
    facts = {"dossier_uuid": body.dossier_uuid, "attachment_uuid": body.attachment_uuid}
    row = s.execute(
        select(Dossier.centre_id, Dossier.counter_slot).where(Dossier.uuid == body.dossier_uuid)
    ).first()
    if row is None or row.centre_id != dev.centre_id:  # one answer: reveals nothing
        raise Refused(404, "no dossier with this uuid at this centre: push it first", **facts)
    if row.counter_slot != dev.slot and officer_centre != dev.centre_id:
        raise Refused(
            403, f"this dossier belongs to counter slot {row.counter_slot}, not this one", **facts
        )
    att = s.get(Attachment, body.attachment_uuid, with_for_update=lock)
    if att is None or att.centre_id != dev.centre_id:
        raise Refused(404, "the dossier names no such attachment: push it first", **facts)
    if att.dossier_uuid != body.dossier_uuid:
        raise Refused(409, "this attachment uuid belongs to another dossier", **facts)
    if (att.size, att.sha256) != (body.size, body.sha256):
        raise Refused(409, "size or sha256 differs from the attachment the dossier names", **facts)
    return att


def sweep_expired(s: Session, store: FileStore, now: datetime, hours: int) -> int:
    """Drop uploads started more than ``hours`` ago and delete their partial files."""
    cutoff = now - timedelta(hours=hours)
    stale = s.execute(
        select(Upload.upload_id, Upload.temp_path).where(Upload.created_at < cutoff)
    ).all()
    if not stale:
        return 0
    s.execute(delete(Upload).where(Upload.upload_id.in_([u.upload_id for u in stale])))
    for u in stale:
        store.discard(Path(u.temp_path))
    return len(stale)


def check_inflight(s: Session, settings: Settings, dev: DeviceCtx, size: int) -> None:
    """429 if this upload would take the device's or the centre's unfinished bytes over quota."""
    for who, column, key, quota in (
        ("this device", Upload.device_id, dev.device_id, settings.device_inflight_bytes),
        ("this centre", Upload.centre_id, dev.centre_id, settings.centre_inflight_bytes),
    ):
        if not quota:
            continue
        held = s.scalar(select(func.coalesce(func.sum(Upload.size), 0)).where(column == key)) or 0
        if held + size > quota:
            raise Refused(
                429,
                f"{who} has {held} bytes of uploads in progress; the limit is {quota}: "
                "finish those first (unfinished ones expire)",
                quota="inflight", held=int(held), size=size,
            )  # fmt: skip


def check_stored(s: Session, settings: Settings, dev: DeviceCtx, size: int) -> None:
    """507 before a byte is received if storing ``size`` more would pass a stored-bytes quota."""
    device_used = s.scalar(select(Device.stored_bytes).where(Device.id == dev.device_id)) or 0
    centre_used = s.scalar(select(Centre.stored_bytes).where(Centre.id == dev.centre_id)) or 0
    for who, used, quota in (
        ("this device", device_used, settings.device_stored_bytes),
        ("this centre", centre_used, settings.centre_stored_bytes),
    ):
        if quota and used + size > quota:
            raise Refused(
                507,
                f"{who} has stored {used} bytes of attachments; the limit is {quota}: "
                "ask the administrator to raise it",
                quota="stored", used=int(used), size=size,
            )  # fmt: skip


def already_stored(s: Session, dev: DeviceCtx, sha256: str, store: FileStore) -> bool:
    """This centre stored these bytes before (and they are still there)."""
    mine = s.scalar(
        select(Attachment.uuid)
        .where(
            Attachment.centre_id == dev.centre_id,
            Attachment.sha256 == sha256,
            Attachment.stored_at.is_not(None),
        )
        .limit(1)
    )
    return mine is not None and store.has(sha256)


def mark_stored(s: Session, settings: Settings, dev: DeviceCtx, att: Attachment) -> None:
    """The attachment's bytes are in the store: count them once against both quotas, atomically
    (two requests at once cannot both slip under a quota)."""
    if att.stored_at is not None:
        return
    for model, key, quota in (
        (Device, dev.device_id, settings.device_stored_bytes),
        (Centre, dev.centre_id, settings.centre_stored_bytes),
    ):
        stmt = update(model).where(model.id == key).execution_options(synchronize_session=False)
        if quota:
            stmt = stmt.where(model.stored_bytes + att.size <= quota)
        if rows_changed(s.execute(stmt.values(stored_bytes=model.stored_bytes + att.size))) != 1:
            raise Refused(507, "the attachment quota was reached meanwhile", quota="stored")
    att.stored_at = clock()


def copy_signer(s: Session, dev: DeviceCtx, att: Attachment) -> None:
    """Bytes this centre stored before, named again by another attachment (a reused copy):
    the signer central verified when they came goes with them."""
    if att.signer is not None:
        return
    found = s.execute(
        select(Attachment.signer, Attachment.signed_at)
        .where(
            Attachment.centre_id == dev.centre_id,
            Attachment.sha256 == att.sha256,
            Attachment.signer.is_not(None),
        )
        .limit(1)
    ).first()
    if found is not None:
        att.signer, att.signed_at = found.signer, found.signed_at
