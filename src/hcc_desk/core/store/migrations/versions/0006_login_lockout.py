"""Offline login backoff and lockout per officer, and headless-command sessions.

Revision ID: 0006
Revises: 0005

The officer columns are added with a plain ALTER TABLE (nullable, or with a server default), so
the table is not rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officer", recreate="never") as batch:
        batch.add_column(sa.Column("locked_until", sa.DateTime()))
        batch.add_column(sa.Column("lockouts", sa.Integer(), nullable=False,
                                   server_default=sa.text("0")))
    op.create_table(
        "officer_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("officer", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_officer_session"),
        sa.UniqueConstraint("token_sha256", name="uq_officer_session_token_sha256"),
    )


def downgrade() -> None:
    op.drop_table("officer_session")
    with op.batch_alter_table("officer", recreate="never") as batch:
        batch.drop_column("lockouts")
        batch.drop_column("locked_until")
