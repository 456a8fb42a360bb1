"""Catalogue (issue 10): where each time limit comes from, structured fees, level as a code.

Revision ID: 0007
Revises: 0006

New nullable columns (plain ALTER TABLE, the table is not rebuilt): ``time_source``,
``time_quote``, ``start_rule``, ``cutoff_source``; ``fees`` is a JSON list (empty = unknown).
``level`` keeps its column but now holds "province" / "commune": the published wording of rows
already stored is mapped here ("Cấp xã" alone → commune, any "tỉnh" → province, else NULL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = ("time_source", "time_quote", "start_rule", "cutoff_source")


def upgrade() -> None:
    with op.batch_alter_table("procedure", recreate="never") as batch:
        for name in _TEXT_COLUMNS:
            batch.add_column(sa.Column(name, sa.String()))
        batch.add_column(
            sa.Column("fees", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
    # SQLite's lower() folds ASCII only: match the Vietnamese words as published.
    op.execute(
        "UPDATE procedure SET level = CASE"
        " WHEN level IN ('province', 'commune') THEN level"
        " WHEN level LIKE '%tỉnh%' OR level LIKE '%Tỉnh%' THEN 'province'"
        " WHEN level LIKE '%xã%' OR level LIKE '%Xã%' THEN 'commune'"
        " ELSE NULL END"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE procedure SET level = CASE level WHEN 'province' THEN 'Cấp tỉnh'"
        " WHEN 'commune' THEN 'Cấp xã' ELSE level END"
    )
    with op.batch_alter_table("procedure", recreate="never") as batch:
        batch.drop_column("fees")
        for name in reversed(_TEXT_COLUMNS):
            batch.drop_column(name)
