"""Enrolment exactly once: the client-chosen enrolment key (hashed) and the sealed token.

Revision ID: 0005
Revises: 0004

Codes used before this revision have neither: a retry with them is refused as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("enrolment_code", sa.Column("key_sha256", sa.String(64), nullable=True))
    op.add_column("enrolment_code", sa.Column("token_sealed", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enrolment_code") as batch:
        batch.drop_column("token_sealed")
        batch.drop_column("key_sha256")
