"""Issue 10 (catalogue: units, sources, structured fees): no schema change on central.

Central keeps each procedure as its ``procedure.upsert`` payload in the JSON column ``data``; the
new catalogue fields (time_source, time_quote, start_rule, cutoff_source, fees, level as
"province"/"commune") travel inside it.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
