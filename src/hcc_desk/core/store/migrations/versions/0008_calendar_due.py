"""Official calendar (issue 10): which years of it this desk has loaded, from central or a file.

Revision ID: 0008
Revises: 0007

A year listed here takes its days from the ``calendar_day`` rows of that year instead of the
calendar file bundled with the app; a year in neither falls back to the ``holidays`` package.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("revision", sa.String(40)),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year", name="pk_calendar_year"),
    )


def downgrade() -> None:
    op.drop_table("calendar_year")
