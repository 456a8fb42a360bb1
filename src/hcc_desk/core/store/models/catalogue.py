"""Administrative procedures (TTHC) and the papers each one asks for."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, now
from .org import Agency


class Procedure(Base):
    __tablename__ = "procedure"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(unique=True)  # national TTHC code
    name: Mapped[str]
    name_folded: Mapped[str] = mapped_column(index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    field: Mapped[str | None]
    level: Mapped[str | None]  # "province" | "commune" (None: not stated)
    duration_hours: Mapped[float]
    duration_kind: Mapped[str] = mapped_column(String(16), default="working")
    # How the source states it ("day" | "hour"), so "08 giờ làm việc" isn't printed as 1 day.
    duration_unit: Mapped[str] = mapped_column(String(8), default="day")
    # True when the unit was not stated by the source and had to be assumed (lint flags it).
    day_kind_assumed: Mapped[bool] = mapped_column(default=False)
    cutoff: Mapped[str | None] = mapped_column(String(5))  # "HH:MM": later → next working day
    processing_time_text: Mapped[str | None]
    # The published document stating the limit, its exact words, the start rule and the words
    # stating the cut-off: a limit or cut-off without them is not sourced.
    time_source: Mapped[str | None]
    time_quote: Mapped[str | None]
    start_rule: Mapped[str | None]
    cutoff_source: Mapped[str | None]
    fees_text: Mapped[str | None]  # raw published text
    # [{"case", "amount_vnd", "text", "basis"}] (hcc_core.catalogue.fees); [] = unknown
    fees: Mapped[list[Any]] = mapped_column(default=list, server_default=text("'[]'"))
    legal_basis: Mapped[list[Any]] = mapped_column(default=list)
    source: Mapped[str | None]
    origin_url: Mapped[str | None]
    notes: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)

    agency: Mapped[Agency] = relationship(lazy="joined")
    papers: Mapped[list[ProcedurePaper]] = relationship(
        order_by="ProcedurePaper.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("duration_kind IN ('working', 'calendar')", name="duration_kind_known"),
        CheckConstraint("duration_hours >= 0", name="duration_non_negative"),
        CheckConstraint("duration_unit IN ('day', 'hour')", name="duration_unit_known"),
        # Procedures without a national code are identified by name within an agency.
        Index(
            "uq_procedure_name_agency_uncoded",
            "name",
            "agency_id",
            unique=True,
            sqlite_where=text("code IS NULL"),
        ),
    )


class ProcedurePaper(Base):
    __tablename__ = "procedure_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("procedure.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    name: Mapped[str]
    originals: Mapped[int] = mapped_column(default=1)
    certified_copies: Mapped[int] = mapped_column(default=0)
    photocopies: Mapped[int] = mapped_column(default=0)
    note: Mapped[str | None]
