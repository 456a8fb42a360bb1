"""Day sequences, audit trail, settings and drafts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from hcc_core.audit_chain import json_value

from .. import audit_chain
from ..models import AuditLog, DaySequence, Draft, Setting
from ..models.base import new_uuid, now
from ..records import AuditEntry, DraftInfo


def allocate_day_sequence(session: Session, unit_code: str, day: date) -> int:
    """Next k (1, 2, …) for ``unit_code`` on ``day``, in one atomic upsert statement.

    Call inside ``Store.write()`` and save the dossier in the same transaction, so a crash
    can't hand out a number that no saved dossier carries twice.
    """
    stmt = (
        insert(DaySequence)
        .values(unit_code=unit_code, day=day, last_k=1)
        .on_conflict_do_update(
            index_elements=[DaySequence.unit_code, DaySequence.day],
            set_={"last_k": DaySequence.last_k + 1},
        )
        .returning(DaySequence.last_k)
    )
    return int(session.execute(stmt).scalar_one())


def add_audit(
    session: Session,
    actor: str,
    action: str,
    entity: str | None = None,
    entity_uuid: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> str:
    """Append one audit row (e.g. action "dossier.view"), chained to the last; returns its uuid.

    Call inside ``Store.write()`` (see core/store/audit_chain.py).
    """
    row = AuditLog(
        uuid=new_uuid(),
        at=now(),  # set here, not by the column default: the hash covers it
        actor=actor,
        action=action,
        entity=entity,
        entity_uuid=entity_uuid,
        detail=json_value(None if detail is None else dict(detail)),
    )
    audit_chain.link(session, row)
    session.add(row)
    session.flush()
    return row.uuid


def list_audit(
    session: Session, entity_uuid: str | None = None, limit: int = 200
) -> list[AuditEntry]:
    stmt = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if entity_uuid is not None:
        stmt = stmt.where(AuditLog.entity_uuid == entity_uuid)
    return [
        AuditEntry(a.uuid, a.at, a.actor, a.action, a.entity, a.entity_uuid, a.detail)
        for a in session.scalars(stmt)
    ]


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    """Store any JSON-serialisable value under ``key``."""
    stmt = insert(Setting).values(key=key, value=value)
    session.execute(stmt.on_conflict_do_update(index_elements=[Setting.key], set_={"value": value}))


def save_draft(
    session: Session, officer: str, payload: Mapping[str, Any], uuid: str | None = None
) -> str:
    """Create or overwrite a draft; returns its uuid (keep it to overwrite next time)."""
    draft = None if uuid is None else session.scalar(select(Draft).where(Draft.uuid == uuid))
    if draft is None:
        draft = Draft(officer=officer, payload=dict(payload))
        if uuid is not None:
            draft.uuid = uuid
        session.add(draft)
    else:
        draft.officer, draft.payload = officer, dict(payload)
        draft.updated_at = datetime.now()
    session.flush()
    return draft.uuid


def load_drafts(session: Session, officer: str) -> list[DraftInfo]:
    """This officer's drafts, most recently saved first."""
    stmt = select(Draft).where(Draft.officer == officer).order_by(Draft.updated_at.desc())
    return [DraftInfo(d.uuid, d.officer, d.updated_at, d.payload) for d in session.scalars(stmt)]


def delete_draft(session: Session, uuid: str) -> bool:
    deleted = session.execute(delete(Draft).where(Draft.uuid == uuid).returning(Draft.id))
    return deleted.first() is not None
