"""Hash-chained audit log on the desk: seq, prev_hash, row_hash (core/store/audit_chain.py).

Revision ID: 0005
Revises: 0004

Existing rows are chained in id order at upgrade. The append-only triggers are dropped while the
new columns are filled and the table is rebuilt (SQLite cannot make a column NOT NULL in place),
then recreated, with one more: an INSERT must extend the chain (next seq, previous row's hash).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hcc_core.audit_chain import GENESIS, chain_hash

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen copy of core/store/audit_chain.CHAINED at this revision.
_CHAINED = ("seq", "uuid", "at", "actor", "action", "entity", "entity_uuid", "detail")
_ABORT = "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
_APPEND_CHECK = (
    "CREATE TRIGGER audit_log_chain_append BEFORE INSERT ON audit_log "
    "WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log) "
    "OR NEW.prev_hash IS NOT coalesce("
    f"(SELECT row_hash FROM audit_log ORDER BY seq DESC LIMIT 1), '{GENESIS}') "
    "OR length(NEW.row_hash) IS NOT 64 "
    "BEGIN SELECT RAISE(ABORT, 'audit_log: a new row must extend the hash chain'); END"
)


def _drop_triggers() -> None:
    for name in ("no_update", "no_delete", "chain_append"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_{name}")


def _append_only() -> None:
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log {_ABORT}")


def upgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("audit_log", recreate="never") as batch:
        batch.add_column(sa.Column("seq", sa.Integer()))
        batch.add_column(sa.Column("prev_hash", sa.String(64)))
        batch.add_column(sa.Column("row_hash", sa.String(64)))
    _chain_existing_rows()
    with op.batch_alter_table("audit_log", recreate="always") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("row_hash", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint("uq_audit_log_seq", ["seq"])
    _append_only()
    op.execute(_APPEND_CHECK)


def _chain_existing_rows() -> None:
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("uuid", sa.String()),
        sa.column("at", sa.DateTime()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_uuid", sa.String()),
        sa.column("detail", sa.JSON()),
        sa.column("seq", sa.Integer()),
        sa.column("prev_hash", sa.String()),
        sa.column("row_hash", sa.String()),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    prev, updates = GENESIS, []
    for seq, row in enumerate(rows, start=1):
        values = {**row, "seq": seq}
        digest = chain_hash([values[name] for name in _CHAINED], prev)
        updates.append({"row_id": row["id"], "s": seq, "p": prev, "h": digest})
        prev = digest
    if updates:
        conn.execute(
            log.update().where(log.c.id == sa.bindparam("row_id"))
            .values(seq=sa.bindparam("s"), prev_hash=sa.bindparam("p"),
                    row_hash=sa.bindparam("h")),
            updates,
        )


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("audit_log", recreate="always") as batch:
        batch.drop_constraint("uq_audit_log_seq", type_="unique")
        batch.drop_column("row_hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
    _append_only()
