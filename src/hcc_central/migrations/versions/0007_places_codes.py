"""Two-level government (issue 10, item 6): a centre is provincial or commune-level.

Revision ID: 0007
Revises: 0006

``centre.level`` ("province" / "commune"), with a server default so existing centres stay
provincial; the desk offers the procedures of its centre's level.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("centre", sa.Column("level", sa.String(16), nullable=False,
                                      server_default=sa.text("'province'")))


def downgrade() -> None:
    op.drop_column("centre", "level")
