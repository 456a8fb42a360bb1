"""Applicants, dossiers (hồ sơ), their papers and status history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, now, uuid_column
from .catalogue import Procedure
from .org import Agency, Counter, Officer


class Applicant(Base):
    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    kind: Mapped[str] = mapped_column(String(16), default="individual")
    full_name: Mapped[str]
    name_folded: Mapped[str] = mapped_column(default="", index=True)
    id_number: Mapped[str | None] = mapped_column(String(12), index=True)
    old_id_number: Mapped[str | None] = mapped_column(String(12), index=True)
    tax_code: Mapped[str | None] = mapped_column(String(14))
    date_of_birth: Mapped[date | None]
    sex: Mapped[str | None] = mapped_column(String(8))
    address: Mapped[str | None]
    phone: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(default=now)

    __table_args__ = (CheckConstraint("kind IN ('individual', 'organisation')", name="kind_known"),)


class Dossier(Base):
    __tablename__ = "dossier"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    code: Mapped[str] = mapped_column(String(32), unique=True)
    lookup_pin: Mapped[str | None] = mapped_column(String(8))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"))
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    submitter_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"), index=True)
    sets: Mapped[int] = mapped_column(default=1)
    delivery_method: Mapped[str] = mapped_column(String(8), default="counter")
    delivery_address: Mapped[str | None]
    notes: Mapped[str | None]
    received_at: Mapped[datetime] = mapped_column(index=True)
    due_at: Mapped[datetime | None]
    status: Mapped[int] = mapped_column(default=2)  # national code 2 = "Được tiếp nhận"
    ledger_book: Mapped[str | None]
    ledger_number: Mapped[int | None]
    # After intake (0004): when the agency's result reached the counter, when it was handed back.
    result_ready_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)
    # Denormalised search keys, derived from the applicants by refresh_search_keys().
    search_name: Mapped[str] = mapped_column(default="")
    id_number: Mapped[str | None] = mapped_column(String(12))
    owner_id_number: Mapped[str | None] = mapped_column(String(12))
    phone: Mapped[str | None] = mapped_column(String(16))

    procedure: Mapped[Procedure] = relationship()
    agency: Mapped[Agency] = relationship()
    counter: Mapped[Counter | None] = relationship()
    officer: Mapped[Officer] = relationship()
    submitter: Mapped[Applicant] = relationship(foreign_keys=[submitter_id])
    owner: Mapped[Applicant | None] = relationship(foreign_keys=[owner_id])
    papers: Mapped[list[DossierPaper]] = relationship(
        order_by="DossierPaper.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[StatusEvent]] = relationship(
        order_by="StatusEvent.at", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("status BETWEEN 0 AND 10", name="status_known"),
        CheckConstraint("delivery_method IN ('counter', 'post')", name="delivery_known"),
        CheckConstraint("sets >= 1", name="sets_positive"),
        # (key, received_at) so "newest first" for one person is an index walk, not a sort.
        Index("ix_dossier_id_number_received", "id_number", "received_at"),
        Index("ix_dossier_owner_id_number_received", "owner_id_number", "received_at"),
        Index("ix_dossier_phone_received", "phone", "received_at"),
        Index("ix_dossier_status_due", "status", "due_at"),  # supervision lists (0004)
        # One ledger line per counter, book and number (0009): "Quyển số / Số thứ tự".
        Index("uq_dossier_ledger_entry", "counter_id", "ledger_book", "ledger_number", unique=True),
    )


class DossierPaper(Base):
    __tablename__ = "dossier_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    name: Mapped[str]
    originals: Mapped[int] = mapped_column(default=0)
    certified_copies: Mapped[int] = mapped_column(default=0)
    photocopies: Mapped[int] = mapped_column(default=0)


class StatusEvent(Base):
    __tablename__ = "status_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[int]
    at: Mapped[datetime] = mapped_column(default=now)
    actor: Mapped[str]
    note: Mapped[str | None]
