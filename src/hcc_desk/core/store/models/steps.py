"""What happens to a dossier after intake (added in 0004): notices, hand-over hops, hand-back,
and the cached summaries of the whole centre that the supervision view reads.

Read by the forms (Mẫu 02–05) and the ledger; docs/after-intake.md describes them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, now, uuid_column

NOTICE_KINDS = ("supplement", "refusal", "apology")
RELATIONS = ("owner", "authorised")
TIMINGS = ("early", "on_time", "late")


class DossierNotice(Base):
    """A paper the centre gives the applicant: Mẫu 02 (supplement), 03 (refusal), 04 (apology)."""

    __tablename__ = "dossier_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(default=now)
    agency_name: Mapped[str | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    missing_papers: Mapped[list[Any] | None]  # supplement only: names of the papers to bring
    new_due_at: Mapped[datetime | None]  # apology only: the new appointment
    # Apology only: the appointment it replaced (Mẫu 04 prints both; on-time statistics keep
    # counting against the earlier one — an apology does not make a late dossier on time).
    previous_due_at: Mapped[datetime | None]
    actor: Mapped[str]
    status_event_uuid: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        CheckConstraint("kind IN ('supplement', 'refusal', 'apology')", name="kind_known"),
    )


class Handover(Base):
    """One hop of the control slip (Mẫu 05): papers given by one party to another."""

    __tablename__ = "handover"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int]  # 1..n in the order the hops happened
    at: Mapped[datetime] = mapped_column(default=now)
    from_party: Mapped[str]
    to_party: Mapped[str]
    note: Mapped[str | None]
    actor: Mapped[str]

    __table_args__ = (
        UniqueConstraint("dossier_id", "seq"),
        CheckConstraint("seq >= 1", name="seq_positive"),
    )


class HandBack(Base):
    """The result given back to the applicant (or a person they authorised), once."""

    __tablename__ = "hand_back"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), unique=True
    )
    at: Mapped[datetime] = mapped_column(default=now)
    recipient_name: Mapped[str]
    recipient_id_number: Mapped[str | None] = mapped_column(String(12))
    relation: Mapped[str] = mapped_column(String(10))
    authorisation_ref: Mapped[str | None]
    result_summary: Mapped[str | None]
    timing: Mapped[str] = mapped_column(String(8))
    officer: Mapped[str]

    __table_args__ = (
        CheckConstraint("relation IN ('owner', 'authorised')", name="relation_known"),
        CheckConstraint("timing IN ('early', 'on_time', 'late')", name="timing_known"),
        CheckConstraint(
            "relation = 'owner' OR authorisation_ref IS NOT NULL", name="authorised_has_ref"
        ),
    )


class CentreDossier(Base):
    """A dossier of any counter of the centre, as central last reported it (supervision cache).

    Kept so the supervision view works offline and overdue dossiers appear as time passes,
    without asking central again.
    """

    __tablename__ = "centre_dossier"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    procedure_code: Mapped[str | None] = mapped_column(String(40))
    procedure_name: Mapped[str]
    unit_code: Mapped[str] = mapped_column(String(16))
    agency_name: Mapped[str | None]
    counter_slot: Mapped[int]
    officer: Mapped[str]
    officer_name: Mapped[str | None]
    received_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    status: Mapped[int]
    waiting_since: Mapped[datetime | None]  # start of an open supplement pause
    result_ready_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    central_updated_at: Mapped[datetime]
    fetched_at: Mapped[datetime] = mapped_column(default=now)

    __table_args__ = (Index("ix_centre_dossier_status_due", "status", "due_at"),)
