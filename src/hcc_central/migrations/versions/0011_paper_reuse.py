"""Reusing signed digitised papers (issue 14, api/papers.py).

Revision ID: 0011
Revises: 0010

- ``attachment.signer`` / ``signed_at``: who signed a PDF whose signature central verified at
  upload (the certificate's common name) and when;
- ``digitised_paper``: the digitised copies pushed dossiers describe (protocol 3), with the
  owner's ID number, folded name and date of birth for the lookup (its index);
- ``reuse_grant``: the papers a device was listed, whose files it may fetch for a while.

Nothing to backfill: desks push digitised papers from protocol 3 on, which this release brings.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("attachment", sa.Column("signer", sa.String(200), nullable=True))
    op.add_column("attachment", sa.Column("signed_at", sa.DateTime(), nullable=True))
    op.create_table(
        "digitised_paper",
        sa.Column("paper_uuid", sa.String(36), nullable=False),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("centre_id", BigId, nullable=False),
        sa.Column("kind", sa.String(500), nullable=False),
        sa.Column("number", sa.String(64), nullable=True),
        sa.Column("issuer", sa.String(300), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("owner_id_number", sa.String(12), nullable=True),
        sa.Column("owner_name_folded", sa.String(200), nullable=True),
        sa.Column("owner_birth", sa.Date(), nullable=True),
        sa.Column("reused_from", sa.String(36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_uuid"], ["dossier.uuid"],
                                name=op.f("fk_digitised_paper_dossier_uuid_dossier")),
        sa.ForeignKeyConstraint(["centre_id"], ["centre.id"],
                                name=op.f("fk_digitised_paper_centre_id_centre")),
        sa.PrimaryKeyConstraint("paper_uuid", name=op.f("pk_digitised_paper")),
    )  # fmt: skip
    op.create_index(op.f("ix_digitised_paper_dossier_uuid"), "digitised_paper", ["dossier_uuid"])
    op.create_index("ix_digitised_paper_owner", "digitised_paper",
                    ["owner_id_number", "owner_name_folded", "owner_birth"])  # fmt: skip
    op.create_table(
        "reuse_grant",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("paper_uuid", sa.String(36), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["device.id"],
                                name=op.f("fk_reuse_grant_device_id_device")),
        sa.PrimaryKeyConstraint("device_id", "paper_uuid", name=op.f("pk_reuse_grant")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("reuse_grant")
    op.drop_index("ix_digitised_paper_owner", "digitised_paper")
    op.drop_index(op.f("ix_digitised_paper_dossier_uuid"), "digitised_paper")
    op.drop_table("digitised_paper")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("signed_at")
        batch.drop_column("signer")
