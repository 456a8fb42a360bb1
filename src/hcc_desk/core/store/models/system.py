"""Audit trail, settings, drafts, day sequences and the working-day calendar table."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, now, uuid_column


class AuditLog(Base):
    """Append-only: UPDATE and DELETE are refused by triggers (migration 0001), and each row is
    hash-chained to the one before it (migration 0005, core/store/audit_chain.py)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    at: Mapped[datetime] = mapped_column(default=now, index=True)
    actor: Mapped[str]
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[dict[str, Any] | None]
    seq: Mapped[int] = mapped_column(unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[Any] = mapped_column(nullable=True)


class Draft(Base):
    """Autosaved intake form, so typed-in work survives a crash (added in 0002)."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    officer: Mapped[str] = mapped_column(index=True)
    # Full precision: drafts saved within one second must still sort newest first.
    updated_at: Mapped[datetime] = mapped_column(default=datetime.now)
    payload: Mapped[dict[str, Any]]


class DaySequence(Base):
    """Last sequence number k handed out for a unit on a day (this device only)."""

    __tablename__ = "day_sequence"

    unit_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    last_k: Mapped[int] = mapped_column(default=0)


class CalendarDay(Base):
    """Exceptions to the weekly pattern: extra days off, and Saturdays worked in a swap."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None]

    __table_args__ = (CheckConstraint("kind IN ('off', 'work')", name="kind_known"),)


class CalendarYear(Base):
    """A year of the official calendar loaded on this desk (from central or a decision file):
    its days are the ``calendar_day`` rows of that year, not the bundled file's (added in 0008).
    """

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    revision: Mapped[str | None] = mapped_column(String(40))
    origin: Mapped[str] = mapped_column(String(8))  # "central" | "import"
    sources: Mapped[list[Any]]  # [{id, title, date, says}] as in the calendar file
    loaded_at: Mapped[datetime] = mapped_column(default=now)
