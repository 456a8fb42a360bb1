"""Central's tables (SQLAlchemy 2). Schema changes go through migrations/ (Alembic)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hcc_core.schema_naming import NAMING

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets 64-bit keys.
BigId = BigInteger().with_variant(Integer(), "sqlite")
UUID_LEN = 36


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Centre(Base):
    __tablename__ = "centre"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    governing_body: Mapped[str] = mapped_column(String(300))
    place_name: Mapped[str] = mapped_column(String(100))
    hotline: Mapped[str | None] = mapped_column(String(50))
    lookup_url_base: Mapped[str | None] = mapped_column(String(300))
    code_slots: Mapped[int] = mapped_column(Integer)
    # Government level (migration 0007): "province" or "commune" (two-level government since
    # 1/7/2025); its desks offer the procedures of that level.
    level: Mapped[str] = mapped_column(String(16), default="province", server_default="province")
    # Bytes of attachments the centre's devices have stored (quota, uploads.py; migration 0002).
    stored_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class Agency(Base):
    __tablename__ = "agency"
    # A unit code names one agency nationwide: two centres with one code would mint the same
    # dossier codes, and a real dossier would be parked as a collision (migration 0002).
    __table_args__ = (UniqueConstraint("unit_code"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_LEN), unique=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(50))
    unit_code: Mapped[str] = mapped_column(String(16))


class Counter(Base):
    """A seat of the hall: its slot owns the sequence numbers NNNN ≡ slot (mod code_slots)."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("centre_id", "slot"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    name: Mapped[str] = mapped_column(String(100))
    slot: Mapped[int] = mapped_column(Integer)


class Device(Base):
    """An enrolled desk PC. Only the SHA-256 of its bearer token is kept."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Bytes of attachments this device has stored (quota, uploads.py; migration 0002).
    stored_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class EnrolmentCode(Base):
    __tablename__ = "enrolment_code"
    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    device_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    # Enrolment exactly once (enrol_seal.py): SHA-256 of the desk's enrolment key, and the
    # device token sealed under that key, so a retry whose answer was lost gets the same one.
    key_sha256: Mapped[str | None] = mapped_column(String(64))
    token_sealed: Mapped[str | None] = mapped_column(String(200))


class Officer(Base):
    __tablename__ = "officer"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"))  # None: every centre
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Role "agency": the one agency whose dossiers this officer processes (web back office).
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"), index=True)
    # Base32 secret of the optional second factor (RFC 6238 TOTP); None: password only.
    totp_secret: Mapped[str | None] = mapped_column(String(64))


class OfficerSession(Base):
    """A proven officer at one device: only the SHA-256 of the session token is kept (guard.py)."""

    __tablename__ = "officer_session"
    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), index=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class WebSession(Base):
    """An officer logged in through the browser (web/session.py): only the SHA-256 of the
    cookie's token is kept; the CSRF token belongs to the session."""

    __tablename__ = "web_session"
    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginThrottle(Base):
    """Failed logins in a row per (normalised) username, known or not: an unknown name is
    throttled exactly like a real one, so the answers do not tell them apart."""

    __tablename__ = "login_throttle"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class Procedure(Base):
    __tablename__ = "procedure"
    __table_args__ = (UniqueConstraint("centre_id", "key"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_LEN), unique=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    key: Mapped[str] = mapped_column(String(80))  # national code, or a hash of unit + name
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    unit_code: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the procedure.upsert payload (+papers)


# Statuses after which a dossier leaves its agency's queue: the terminal ones of
# hcc_core.domain.status (DENIED, CANCELLED, DONE). UNRESOLVED stays open until it is handed back.
# Literal numbers: a partial index's predicate must match the queries' text (queries.py).
FINISHED_STATUSES = (3, 7, 10)
OPEN_DOSSIER = text(f"status NOT IN {FINISHED_STATUSES}")
# Search keys compare byte-wise on PostgreSQL ("C"), so a prefix range and the index order agree
# whatever the database's collation; SQLite compares byte-wise already.
SearchKey = String(210).with_variant(String(210, collation="C"), "postgresql")


class Dossier(Base):
    __tablename__ = "dossier"
    # An agency's queue (queries.agency_queue): its open dossiers in due order, index-only.
    __table_args__ = (
        Index(
            "ix_dossier_queue",
            "centre_id",
            "agency_unit_code",
            "due_at",
            "received_at",
            "uuid",
            postgresql_where=OPEN_DOSSIER,
            sqlite_where=OPEN_DOSSIER,
        ),
        # The supervisors' lists and counts (dashboard.py): a centre's dossiers by status and due.
        Index("ix_dossier_centre_status_due", "centre_id", "status", "due_at"),
    )
    uuid: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    unit_code: Mapped[str] = mapped_column(String(16))
    # The agency deciding it now: the receiving unit's at intake, another after a transfer
    # (liên thông) recorded on central. Set by central only, never by a desk's push.
    agency_unit_code: Mapped[str | None] = mapped_column(String(16), index=True)
    counter_slot: Mapped[int] = mapped_column(Integer)
    lookup_pin: Mapped[str] = mapped_column(String(8), index=True)
    status: Mapped[int] = mapped_column(Integer, index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    # A prefix for listing/search; the full name is in doc (a 1000-char name can pass the
    # 2,704-byte limit of a PostgreSQL btree entry).
    procedure_name: Mapped[str] = mapped_column(String(255), index=True)
    doc: Mapped[dict[str, Any]] = mapped_column(JSON)  # the DossierDoc, events merged
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The owner's name (the submitter's without an owner), for lists (migration 0009).
    applicant_name: Mapped[str | None] = mapped_column(String(200))


class DossierKey(Base):
    """What a centre-wide search finds a dossier by (search_keys.py, migration 0009): the ID
    numbers ("i:…"), phones ("p:…") and accent-free names ("n:…") of its submitter and owner.
    Rewritten with the dossier by every push; received_at orders the results from the index."""

    __tablename__ = "dossier_key"
    __table_args__ = (
        Index("ix_dossier_key_search", "centre_id", "key", "received_at", "dossier_uuid"),
    )
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossier.uuid"), primary_key=True)
    key: Mapped[str] = mapped_column(SearchKey, primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    received_at: Mapped[datetime] = mapped_column(DateTime)


class StatusEvent(Base):
    """Append-only status history; the uuid makes merging desk and agency events idempotent."""

    __tablename__ = "status_event"
    # Releases in a period (dashboard.on_time_rates) without reading the whole history.
    __table_args__ = (Index("ix_status_event_status_at", "status", "at"),)
    uuid: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossier.uuid"), index=True)
    status: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(8))  # "desk" | "central"


class AppliedOp(Base):
    __tablename__ = "applied_op"
    op_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN))
    entity_uuid: Mapped[str] = mapped_column(String(UUID_LEN))
    outcome: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(DateTime)


class ChangeLog(Base):
    """What desks pull. centre_id None: for every centre (the national calendar)."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_centre_seq", "centre_id", "seq"),)
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"))
    kind: Mapped[str] = mapped_column(String(32))
    entity_uuid: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime)


class Attachment(Base):
    """Metadata from the pushed dossier (or from a finished upload that came first)."""

    __tablename__ = "attachment"
    uuid: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    # "paper" (scanned at the counter, pushed by a desk) or "result" (the agency's result
    # document, uploaded in the back office).
    kind: Mapped[str] = mapped_column(String(16), default="paper", server_default="paper")
    # When its bytes were received from this centre (None: named by a push, not uploaded yet).
    # "Already stored" answers only by this: they reveal nothing about other centres' content.
    stored_at: Mapped[datetime | None] = mapped_column(DateTime)
    # A signed PDF whose signature central verified when its bytes came (signatures.py,
    # migration 0011): the signer's common name read from the certificate, and when it signed
    # (the timestamp's time, else the one the signer reported; naive local time).
    signer: Mapped[str | None] = mapped_column(String(200))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)


class DigitisedPaper(Base):
    """A paper's digitised copy as a pushed dossier described it (papers[].digitised, protocol
    3), for reuse by another dossier (papers.py, migration 0011). Rewritten with its dossier by
    every push. The owner's folded name and date of birth are the dossier's person with that ID
    number at ingest; None when no person of the dossier has it (then never listed)."""

    __tablename__ = "digitised_paper"
    __table_args__ = (
        Index("ix_digitised_paper_owner", "owner_id_number", "owner_name_folded", "owner_birth"),
    )
    paper_uuid: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)  # the copy's
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossier.uuid"), index=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    kind: Mapped[str] = mapped_column(String(500))
    number: Mapped[str | None] = mapped_column(String(64))
    issuer: Mapped[str | None] = mapped_column(String(300))
    issued_on: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)  # None: does not expire
    owner_id_number: Mapped[str | None] = mapped_column(String(12))
    owner_name_folded: Mapped[str | None] = mapped_column(String(200))
    owner_birth: Mapped[date | None] = mapped_column(Date)
    reused_from: Mapped[str | None] = mapped_column(String(UUID_LEN))  # central's paper uuid
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ReuseGrant(Base):
    """A paper listed to a device by a lookup: its file may be fetched until ``expires_at``."""

    __tablename__ = "reuse_grant"
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    paper_uuid: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class Upload(Base):
    __tablename__ = "upload"
    __table_args__ = (UniqueConstraint("device_id", "attachment_uuid", "sha256"),)
    upload_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    dossier_uuid: Mapped[str] = mapped_column(String(UUID_LEN))
    attachment_uuid: Mapped[str] = mapped_column(String(UUID_LEN))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    temp_path: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # expiry sweep


class CalendarDay(Base):
    __tablename__ = "calendar_day"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(8))  # "off" | "work"
    note: Mapped[str | None] = mapped_column(String(300))


class CalendarYear(Base):
    """A year of the official calendar imported from its decision (calendar.py): its days are
    the calendar_day rows of that year, not the file bundled with the software."""

    __tablename__ = "calendar_year"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    revision: Mapped[str | None] = mapped_column(String(40))
    sources: Mapped[list[Any]] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Hash chain (audit_chain.py, migration 0004).
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class Rating(Base):
    """The citizen's satisfaction with a dossier handed back: one per dossier, the three official
    levels (1 not satisfied, 2 satisfied, 3 very satisfied) and a comment."""

    __tablename__ = "rating"
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossier.uuid"), primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Notification(Base):
    """One message to an applicant in the durable outbox (notify/): made in the transaction of
    the step that causes it, sent by whichever ``serve`` process claims it first. Unique per
    (status event, channel): a step replayed or pulled twice never makes a second message."""

    __tablename__ = "notification"
    __table_args__ = (UniqueConstraint("event_uuid", "channel"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossier.uuid"), index=True)
    event_uuid: Mapped[str] = mapped_column(String(UUID_LEN))
    kind: Mapped[str] = mapped_column(String(16))  # "supplement" | "result" | "refused"
    channel: Mapped[str] = mapped_column(String(8))  # "email" | "sms"
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), index=True)  # pending|sending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class NotificationTemplate(Base):
    """The words of one kind of message on one channel, edited by the admin (Vietnamese)."""

    __tablename__ = "notification_template"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel: Mapped[str] = mapped_column(String(8), primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
