"""Queries of the headless commands' sessions (services/cli_session.py): the database knows a
session by its token's SHA-256 only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import OfficerSession


def officer_session_by_digest(session: Session, token_sha256: str) -> OfficerSession | None:
    return session.scalar(select(OfficerSession).where(OfficerSession.token_sha256 == token_sha256))


def delete_expired_officer_sessions(session: Session, now: datetime) -> None:
    session.execute(delete(OfficerSession).where(OfficerSession.expires_at <= now))
