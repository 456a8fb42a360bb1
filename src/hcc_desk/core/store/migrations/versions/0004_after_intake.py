"""After intake: notices (Mẫu 02–04), hand-over hops (Mẫu 05), hand-back, supervision cache.

Revision ID: 0004
Revises: 0003
Create Date: 2026-03-02

The new dossier columns are nullable, so batch mode adds them with a plain ALTER TABLE (no
table rebuild: the FTS triggers and the code-tail expression index on dossier stay as they
are). Existing dossiers get their result/return times from their status history.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_RELEASING, _DONE = 9, 10


def _dossier_fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey("dossier.id", name=f"fk_{table}_dossier_id_dossier", ondelete="CASCADE")


def upgrade() -> None:
    with op.batch_alter_table("dossier", recreate="never") as batch:
        batch.add_column(sa.Column("result_ready_at", sa.DateTime()))
        batch.add_column(sa.Column("returned_at", sa.DateTime()))
    op.create_index("ix_dossier_status_due", "dossier", ["status", "due_at"])
    for column, status in (("result_ready_at", _RELEASING), ("returned_at", _DONE)):
        op.execute(
            f"UPDATE dossier SET {column} = (SELECT max(e.at) FROM status_event e "
            f"WHERE e.dossier_id = dossier.id AND e.status = {status}) "
            f"WHERE status IN ({_RELEASING}, {_DONE})"
        )

    op.create_table(
        "dossier_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), _dossier_fk("dossier_notice"), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("agency_name", sa.String()),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("missing_papers", sa.JSON()),
        sa.Column("new_due_at", sa.DateTime()),
        sa.Column("previous_due_at", sa.DateTime()),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("status_event_uuid", sa.String(36)),
        sa.CheckConstraint(
            "kind IN ('supplement', 'refusal', 'apology')", name="ck_dossier_notice_kind_known"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_notice"),
        sa.UniqueConstraint("uuid", name="uq_dossier_notice_uuid"),
    )
    op.create_index("ix_dossier_notice_dossier_id", "dossier_notice", ["dossier_id"])

    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), _dossier_fk("handover"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("from_party", sa.String(), nullable=False),
        sa.Column("to_party", sa.String(), nullable=False),
        sa.Column("note", sa.String()),
        sa.Column("actor", sa.String(), nullable=False),
        sa.CheckConstraint("seq >= 1", name="ck_handover_seq_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_handover"),
        sa.UniqueConstraint("uuid", name="uq_handover_uuid"),
        sa.UniqueConstraint("dossier_id", "seq", name="uq_handover_dossier_id_seq"),
    )
    op.create_index("ix_handover_dossier_id", "handover", ["dossier_id"])

    op.create_table(
        "hand_back",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), _dossier_fk("hand_back"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recipient_name", sa.String(), nullable=False),
        sa.Column("recipient_id_number", sa.String(12)),
        sa.Column("relation", sa.String(10), nullable=False),
        sa.Column("authorisation_ref", sa.String()),
        sa.Column("result_summary", sa.String()),
        sa.Column("timing", sa.String(8), nullable=False),
        sa.Column("officer", sa.String(), nullable=False),
        sa.CheckConstraint(
            "relation IN ('owner', 'authorised')", name="ck_hand_back_relation_known"
        ),
        sa.CheckConstraint(
            "timing IN ('early', 'on_time', 'late')", name="ck_hand_back_timing_known"
        ),
        sa.CheckConstraint(
            "relation = 'owner' OR authorisation_ref IS NOT NULL",
            name="ck_hand_back_authorised_has_ref",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_hand_back"),
        sa.UniqueConstraint("uuid", name="uq_hand_back_uuid"),
        sa.UniqueConstraint("dossier_id", name="uq_hand_back_dossier_id"),
    )

    op.create_table(
        "centre_dossier",
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("procedure_code", sa.String(40)),
        sa.Column("procedure_name", sa.String(), nullable=False),
        sa.Column("unit_code", sa.String(16), nullable=False),
        sa.Column("agency_name", sa.String()),
        sa.Column("counter_slot", sa.Integer(), nullable=False),
        sa.Column("officer", sa.String(), nullable=False),
        sa.Column("officer_name", sa.String()),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime()),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("waiting_since", sa.DateTime()),
        sa.Column("result_ready_at", sa.DateTime()),
        sa.Column("returned_at", sa.DateTime()),
        sa.Column("central_updated_at", sa.DateTime(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name="pk_centre_dossier"),
    )
    op.create_index("ix_centre_dossier_status_due", "centre_dossier", ["status", "due_at"])


def downgrade() -> None:
    for table in ("centre_dossier", "hand_back", "handover", "dossier_notice"):
        op.drop_table(table)
    op.drop_index("ix_dossier_status_due", "dossier")
    with op.batch_alter_table("dossier", recreate="never") as batch:
        batch.drop_column("returned_at")
        batch.drop_column("result_ready_at")
