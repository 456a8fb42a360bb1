"""Sync: outbox, sync state, deferred pulled changes, dossier attachments.

Revision ID: 0003
Revises: 0002
Create Date: 2026-02-02

Existing dossiers get no outbox ops here (building a DossierDoc needs the app's code, and
migrations never import it): enrolment enqueues every dossier that has none (backfill).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("entity_uuid", sa.String(36), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime()),
        sa.Column("last_error", sa.String()),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("parked_reason", sa.String()),
        sa.Column("parked_code", sa.Integer()),
        sa.CheckConstraint(
            "state IN ('pending', 'parked', 'done')", name="ck_outbox_state_known"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("op_id", name="uq_outbox_op_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_entity_uuid", "outbox", ["entity_uuid"])
    op.create_index("ix_outbox_state_id", "outbox", ["state", "id"])

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("central_url", sa.String()),
        sa.Column("device_id", sa.String(36)),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("limits", sa.JSON()),
        sa.Column("last_success_at", sa.DateTime()),
        sa.Column("last_error", sa.String()),
        sa.Column("last_attempt_at", sa.DateTime()),
        sa.CheckConstraint("id = 1", name="ck_sync_state_single_row"),
        sa.PrimaryKeyConstraint("id", name="pk_sync_state"),
    )

    op.create_table(
        "deferred_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("entity_uuid", sa.String(36), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_deferred_change"),
        sa.UniqueConstraint("seq", name="uq_deferred_change_seq"),
    )
    op.create_index("ix_deferred_change_entity_uuid", "deferred_change", ["entity_uuid"])

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column(
            "dossier_id",
            sa.Integer(),
            sa.ForeignKey(
                "dossier.id", name="fk_attachment_dossier_id_dossier", ondelete="CASCADE"
            ),
            nullable=False,
        ),
        sa.Column("paper_position", sa.Integer()),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("upload_state", sa.String(10), nullable=False),
        sa.Column("uploaded_offset", sa.Integer(), nullable=False),
        sa.Column("upload_id", sa.String()),
        sa.Column("last_error", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "upload_state IN ('pending', 'uploading', 'done', 'parked')",
            name="ck_attachment_upload_state_known",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attachment"),
        sa.UniqueConstraint("uuid", name="uq_attachment_uuid"),
    )
    op.create_index("ix_attachment_dossier_id", "attachment", ["dossier_id"])
    op.create_index("ix_attachment_upload_state", "attachment", ["upload_state"])


def downgrade() -> None:
    for table in ("attachment", "deferred_change", "sync_state", "outbox"):
        op.drop_table(table)
