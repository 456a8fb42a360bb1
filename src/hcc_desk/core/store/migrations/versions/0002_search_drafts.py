"""Search index and drafts: FTS5 over folded names, owner ID key, code-tail index, draft table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# External-content FTS5 table: the text lives once, in dossier.search_name (already folded by
# the app, so đ→d is handled; remove_diacritics only guards against unfolded input).
# Prefix indexes for lengths 1-7 cover every folded Vietnamese syllable ("nghieng" is the
# longest), so a word-prefix query reads one doclist newest-first and stops early, instead of
# merging every term's doclist: "nguyen*" on 1M rows drops from ~14 ms to ~0.3 ms for +30 % FTS
# size (measured with benchmarks/bench_search.py).
FTS_DDL = (
    "CREATE VIRTUAL TABLE dossier_fts USING fts5(search_name, content='dossier', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6 7')"
)
TRIGGERS = {
    "dossier_fts_ai": "AFTER INSERT ON dossier BEGIN "
    "INSERT INTO dossier_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
    "dossier_fts_ad": "AFTER DELETE ON dossier BEGIN "
    "INSERT INTO dossier_fts(dossier_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); END",
    "dossier_fts_au": "AFTER UPDATE OF search_name ON dossier BEGIN "
    "INSERT INTO dossier_fts(dossier_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO dossier_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
}


def upgrade() -> None:
    # Owners are looked up by their ID as often as submitters (an agent files for a citizen).
    op.add_column("dossier", sa.Column("owner_id_number", sa.String(12)))
    op.execute(
        "UPDATE dossier SET owner_id_number = (SELECT coalesce(a.id_number, a.old_id_number) "
        "FROM applicant a WHERE a.id = dossier.owner_id) WHERE owner_id IS NOT NULL"
    )
    op.create_index(
        "ix_dossier_owner_id_number_received", "dossier", ["owner_id_number", "received_at"]
    )
    # Officers often type only the "YYMMDD-NNNN" tail; the unit code prefix is 13 chars + "-".
    op.execute("CREATE INDEX ix_dossier_code_tail ON dossier (substr(code, 15))")

    op.execute(FTS_DDL)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')")

    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("officer", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_draft"),
        sa.UniqueConstraint("uuid", name="uq_draft_uuid"),
    )
    op.create_index("ix_draft_officer", "draft", ["officer"])


def downgrade() -> None:
    op.drop_index("ix_draft_officer", "draft")
    op.drop_table("draft")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE dossier_fts")
    op.execute("DROP INDEX ix_dossier_code_tail")
    op.drop_index("ix_dossier_owner_id_number_received", "dossier")
    with op.batch_alter_table("dossier") as batch:
        batch.drop_column("owner_id_number")
