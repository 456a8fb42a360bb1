"""The centre, its agencies (unit codes), counters and officers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from hcc_core.domain.dossier_code import UNIT_CODE_RE

from .base import Base, now, uuid_column

# QCVN 102:2016 agency identifier, e.g. 000.00.00.H57.
UNIT_CODE_GLOB = "[0-9][0-9][0-9].[0-9][0-9].[0-9][0-9].[A-Z][0-9][0-9]"
ROLES = ("admin", "supervisor", "officer")


class Centre(Base):
    __tablename__ = "centre"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    governing_body: Mapped[str]
    place_name: Mapped[str]
    hotline: Mapped[str | None]
    lookup_url_base: Mapped[str | None]
    # Counter slots per unit: the dossier-code scheme interleaves sequences by slot.
    code_slots: Mapped[int] = mapped_column(default=20)
    # Which government level this centre serves (0009): "province" or "commune"; the desk
    # offers the procedures of that level (docs/legal-basis.md, two-level government).
    level: Mapped[str] = mapped_column(
        String(16), default="province", server_default=text("'province'")
    )

    __table_args__ = (CheckConstraint("code_slots >= 1", name="code_slots_positive"),)


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    short_name: Mapped[str | None]
    unit_code: Mapped[str] = mapped_column(String(13), unique=True)
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (
        CheckConstraint(f"unit_code GLOB '{UNIT_CODE_GLOB}'", name="unit_code_format"),
    )

    @validates("unit_code")
    def _check_unit_code(self, _key: str, value: str) -> str:
        if not UNIT_CODE_RE.fullmatch(value):
            raise ValueError(f"unit code {value!r} is not in the form 000.00.00.H57")
        return value


class Counter(Base):
    __tablename__ = "counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    slot: Mapped[int] = mapped_column(unique=True)
    is_this_device: Mapped[bool] = mapped_column(default=False)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))

    agency: Mapped[Agency | None] = relationship()

    __table_args__ = (CheckConstraint("slot >= 1", name="slot_positive"),)


class Officer(Base):
    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    username: Mapped[str] = mapped_column(unique=True)
    full_name: Mapped[str]
    password_hash: Mapped[str]
    role: Mapped[str] = mapped_column(String(16), default="officer")
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=now)
    # Offline login lockout (0006): locked until this time; how many lockouts in a row, so
    # each one lasts longer (services/auth.py).
    locked_until: Mapped[datetime | None]
    lockouts: Mapped[int] = mapped_column(default=0, server_default=text("0"))

    __table_args__ = (
        CheckConstraint("role IN ('admin', 'supervisor', 'officer')", name="role_known"),
    )


class OfficerSession(Base):
    """A headless-command session left by ``hcc-desk login`` (0006). Only the SHA-256 of its
    random token is kept here; the token itself is in an owner-only file of the profile."""

    __tablename__ = "officer_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    officer: Mapped[str]
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
