"""What each digitised copy is (issue 14, items 3 and 4): ``paper_record``.

Revision ID: 0011
Revises: 0010

One row per dossier paper that has (or will have) a digitised copy: its kind, number, issuer,
dates of issue and expiry and its owner's ID number, suggested from the copy's OCR text and
checked by an officer, or reused from a copy central holds (``reused_*``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paper_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("paper_position", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("number", sa.String(64), nullable=True),
        sa.Column("issuer", sa.String(300), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("owner_id_number", sa.String(12), nullable=True),
        sa.Column("suggested", sa.JSON(), nullable=False),
        sa.Column("checked_by", sa.Integer(), nullable=True),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("reused_paper_uuid", sa.String(36), nullable=True),
        sa.Column("reused_dossier_code", sa.String(32), nullable=True),
        sa.Column("reused_sha256", sa.String(64), nullable=True),
        sa.Column("reused_signer", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossier.id"],
            name="fk_paper_record_dossier_id_dossier",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name="fk_paper_record_attachment_id_attachment",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["checked_by"], ["officer.id"], name="fk_paper_record_checked_by_officer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_paper_record"),
        sa.UniqueConstraint("uuid", name="uq_paper_record_uuid"),
        sa.UniqueConstraint(
            "dossier_id", "paper_position", name="uq_paper_record_dossier_id_paper_position"
        ),
    )
    op.create_index("ix_paper_record_dossier_id", "paper_record", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_paper_record_dossier_id", "paper_record")
    op.drop_table("paper_record")
