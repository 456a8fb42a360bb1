"""Base schema: centre, agencies, counters, officers, catalogue, dossiers, audit, settings.

Revision ID: 0001
Revises:
Create Date: 2026-01-05

Self-contained on purpose: migrations never import the current models, which will drift.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UNIT_CODE_GLOB = "[0-9][0-9][0-9].[0-9][0-9].[0-9][0-9].[A-Z][0-9][0-9]"


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _uuid() -> sa.Column[str]:
    return sa.Column("uuid", sa.String(36), nullable=False)


def upgrade() -> None:
    op.create_table(
        "centre",
        _id(),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("governing_body", sa.String(), nullable=False),
        sa.Column("place_name", sa.String(), nullable=False),
        sa.Column("hotline", sa.String()),
        sa.Column("lookup_url_base", sa.String()),
        sa.Column("code_slots", sa.Integer(), nullable=False),
        sa.CheckConstraint("code_slots >= 1", name="ck_centre_code_slots_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_centre"),
    )
    op.create_table(
        "agency",
        _id(),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("short_name", sa.String()),
        sa.Column("unit_code", sa.String(13), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(f"unit_code GLOB '{UNIT_CODE_GLOB}'", name="ck_agency_unit_code_format"),
        sa.PrimaryKeyConstraint("id", name="pk_agency"),
        sa.UniqueConstraint("name", name="uq_agency_name"),
        sa.UniqueConstraint("unit_code", name="uq_agency_unit_code"),
    )
    op.create_table(
        "counter",
        _id(),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("is_this_device", sa.Boolean(), nullable=False),
        sa.Column(
            "agency_id",
            sa.Integer(),
            sa.ForeignKey("agency.id", name="fk_counter_agency_id_agency"),
        ),
        sa.CheckConstraint("slot >= 1", name="ck_counter_slot_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_counter"),
        sa.UniqueConstraint("slot", name="uq_counter_slot"),
    )
    op.create_table(
        "officer",
        _id(),
        _uuid(),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'supervisor', 'officer')", name="ck_officer_role_known"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_officer"),
        sa.UniqueConstraint("uuid", name="uq_officer_uuid"),
        sa.UniqueConstraint("username", name="uq_officer_username"),
    )
    _create_catalogue()
    _create_dossiers()
    _create_system()


def _create_catalogue() -> None:
    op.create_table(
        "procedure",
        _id(),
        sa.Column("code", sa.String()),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_folded", sa.String(), nullable=False),
        sa.Column(
            "agency_id",
            sa.Integer(),
            sa.ForeignKey("agency.id", name="fk_procedure_agency_id_agency"),
            nullable=False,
        ),
        sa.Column("field", sa.String()),
        sa.Column("level", sa.String()),
        sa.Column("duration_hours", sa.Float(), nullable=False),
        sa.Column("duration_kind", sa.String(16), nullable=False),
        sa.Column("duration_unit", sa.String(8), nullable=False),
        sa.Column("day_kind_assumed", sa.Boolean(), nullable=False),
        sa.Column("cutoff", sa.String(5)),
        sa.Column("processing_time_text", sa.String()),
        sa.Column("fees_text", sa.String()),
        sa.Column("legal_basis", sa.JSON(), nullable=False),
        sa.Column("source", sa.String()),
        sa.Column("origin_url", sa.String()),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "duration_kind IN ('working', 'calendar')", name="ck_procedure_duration_kind_known"
        ),
        sa.CheckConstraint("duration_hours >= 0", name="ck_procedure_duration_non_negative"),
        sa.CheckConstraint(
            "duration_unit IN ('day', 'hour')", name="ck_procedure_duration_unit_known"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_procedure"),
        sa.UniqueConstraint("code", name="uq_procedure_code"),
    )
    op.create_index("ix_procedure_name_folded", "procedure", ["name_folded"])
    op.create_index(
        "uq_procedure_name_agency_uncoded",
        "procedure",
        ["name", "agency_id"],
        unique=True,
        sqlite_where=sa.text("code IS NULL"),
    )
    op.create_table(
        "procedure_paper",
        _id(),
        sa.Column(
            "procedure_id",
            sa.Integer(),
            sa.ForeignKey(
                "procedure.id", ondelete="CASCADE", name="fk_procedure_paper_procedure_id_procedure"
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=False),
        sa.Column("certified_copies", sa.Integer(), nullable=False),
        sa.Column("photocopies", sa.Integer(), nullable=False),
        sa.Column("note", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_procedure_paper"),
    )
    op.create_index("ix_procedure_paper_procedure_id", "procedure_paper", ["procedure_id"])


def _create_dossiers() -> None:
    op.create_table(
        "applicant",
        _id(),
        _uuid(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("name_folded", sa.String(), nullable=False),
        sa.Column("id_number", sa.String(12)),
        sa.Column("old_id_number", sa.String(12)),
        sa.Column("tax_code", sa.String(14)),
        sa.Column("date_of_birth", sa.Date()),
        sa.Column("sex", sa.String(8)),
        sa.Column("address", sa.String()),
        sa.Column("phone", sa.String(16)),
        sa.Column("email", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('individual', 'organisation')", name="ck_applicant_kind_known"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_applicant"),
        sa.UniqueConstraint("uuid", name="uq_applicant_uuid"),
    )
    for col in ("name_folded", "id_number", "old_id_number"):
        op.create_index(f"ix_applicant_{col}", "applicant", [col])

    def fk(col: str, table: str) -> sa.ForeignKey:
        return sa.ForeignKey(f"{table}.id", name=f"fk_dossier_{col}_{table}")

    op.create_table(
        "dossier",
        _id(),
        _uuid(),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("lookup_pin", sa.String(8)),
        sa.Column("procedure_id", sa.Integer(), fk("procedure_id", "procedure"), nullable=False),
        sa.Column("agency_id", sa.Integer(), fk("agency_id", "agency"), nullable=False),
        sa.Column("counter_id", sa.Integer(), fk("counter_id", "counter")),
        sa.Column("officer_id", sa.Integer(), fk("officer_id", "officer"), nullable=False),
        sa.Column("submitter_id", sa.Integer(), fk("submitter_id", "applicant"), nullable=False),
        sa.Column("owner_id", sa.Integer(), fk("owner_id", "applicant")),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("delivery_method", sa.String(8), nullable=False),
        sa.Column("delivery_address", sa.String()),
        sa.Column("notes", sa.String()),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime()),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("ledger_book", sa.String()),
        sa.Column("ledger_number", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("search_name", sa.String(), nullable=False),
        sa.Column("id_number", sa.String(12)),
        sa.Column("phone", sa.String(16)),
        sa.CheckConstraint("status BETWEEN 0 AND 10", name="ck_dossier_status_known"),
        sa.CheckConstraint(
            "delivery_method IN ('counter', 'post')", name="ck_dossier_delivery_known"
        ),
        sa.CheckConstraint("sets >= 1", name="ck_dossier_sets_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_dossier"),
        sa.UniqueConstraint("uuid", name="uq_dossier_uuid"),
        sa.UniqueConstraint("code", name="uq_dossier_code"),
    )
    for col in ("procedure_id", "submitter_id", "owner_id", "received_at"):
        op.create_index(f"ix_dossier_{col}", "dossier", [col])
    op.create_index("ix_dossier_id_number_received", "dossier", ["id_number", "received_at"])
    op.create_index("ix_dossier_phone_received", "dossier", ["phone", "received_at"])

    for table in ("dossier_paper", "status_event"):
        extra: list[sa.Column[Any]] = (
            [
                sa.Column("position", sa.Integer(), nullable=False),
                sa.Column("name", sa.String(), nullable=False),
                sa.Column("originals", sa.Integer(), nullable=False),
                sa.Column("certified_copies", sa.Integer(), nullable=False),
                sa.Column("photocopies", sa.Integer(), nullable=False),
            ]
            if table == "dossier_paper"
            else [
                sa.Column("status", sa.Integer(), nullable=False),
                sa.Column("at", sa.DateTime(), nullable=False),
                sa.Column("actor", sa.String(), nullable=False),
                sa.Column("note", sa.String()),
            ]
        )
        op.create_table(
            table,
            _id(),
            _uuid(),
            sa.Column(
                "dossier_id",
                sa.Integer(),
                sa.ForeignKey(
                    "dossier.id", ondelete="CASCADE", name=f"fk_{table}_dossier_id_dossier"
                ),
                nullable=False,
            ),
            *extra,
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        )
        op.create_index(f"ix_{table}_dossier_id", table, ["dossier_id"])


def _create_system() -> None:
    op.create_table(
        "audit_log",
        _id(),
        _uuid(),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32)),
        sa.Column("entity_uuid", sa.String(36)),
        sa.Column("detail", sa.JSON()),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sa.UniqueConstraint("uuid", name="uq_audit_log_uuid"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_entity_uuid", "audit_log", ["entity_uuid"])
    # The audit trail is evidence: the database itself refuses edits and deletions.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON()),
        sa.PrimaryKeyConstraint("key", name="pk_setting"),
    )
    op.create_table(
        "day_sequence",
        sa.Column("unit_code", sa.String(13), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_k", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "day", name="pk_day_sequence"),
    )
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("note", sa.String()),
        sa.CheckConstraint("kind IN ('off', 'work')", name="ck_calendar_day_kind_known"),
        sa.PrimaryKeyConstraint("day", name="pk_calendar_day"),
    )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{verb}")
    for table in (
        "calendar_day",
        "day_sequence",
        "setting",
        "audit_log",
        "status_event",
        "dossier_paper",
        "dossier",
        "applicant",
        "procedure_paper",
        "procedure",
        "officer",
        "counter",
        "agency",
        "centre",
    ):
        op.drop_table(table)
