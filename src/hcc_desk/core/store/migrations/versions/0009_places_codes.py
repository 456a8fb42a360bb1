"""Two-level government and codes that never collide (issue 10, items 6 and 7).

Revision ID: 0009
Revises: 0008

- ``centre.level``: "province" or "commune" (plain ALTER TABLE with a server default, no rebuild);
- one ledger line per counter, book and number: a unique index on
  ``dossier(counter_id, ledger_book, ledger_number)``. Lines that already clash (none are
  expected: entries were numbered inside the write lock) are moved to the end of their book
  first, oldest kept, so the index can be built on any existing database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("centre", recreate="never") as batch:
        batch.add_column(sa.Column("level", sa.String(16), nullable=False,
                                   server_default=sa.text("'province'")))
    _renumber_clashing_ledger_lines()
    op.create_index("uq_dossier_ledger_entry", "dossier",
                    ["counter_id", "ledger_book", "ledger_number"], unique=True)


def _renumber_clashing_ledger_lines() -> None:
    bind = op.get_bind()
    clashes = bind.execute(sa.text(
        "SELECT d.id, d.counter_id, d.ledger_book FROM dossier d WHERE d.ledger_number IS NOT NULL"
        " AND EXISTS (SELECT 1 FROM dossier o WHERE o.id < d.id"
        " AND o.counter_id IS d.counter_id AND o.ledger_book IS d.ledger_book"
        " AND o.ledger_number = d.ledger_number) ORDER BY d.id")).all()
    for row_id, counter_id, book in clashes:
        last = bind.execute(sa.text(
            "SELECT MAX(ledger_number) FROM dossier WHERE counter_id IS :c AND ledger_book IS :b"),
            {"c": counter_id, "b": book}).scalar()
        bind.execute(sa.text("UPDATE dossier SET ledger_number = :n WHERE id = :id"),
                     {"n": (last or 0) + 1, "id": row_id})


def downgrade() -> None:
    op.drop_index("uq_dossier_ledger_entry", "dossier")
    with op.batch_alter_table("centre", recreate="never") as batch:
        batch.drop_column("level")
