"""Hash-chained audit log on central: seq, prev_hash, row_hash (audit_chain.py); append-only.

Revision ID: 0004
Revises: 0003

Existing rows are chained in id order. The database now refuses UPDATE and DELETE on audit_log
(and TRUNCATE on PostgreSQL), as the desk's does: the chain proves tampering, the triggers stop
the careless and the injected statement.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hcc_core.audit_chain import GENESIS, chain_hash

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copy of hcc_central/audit_chain.CHAINED at this revision.
_CHAINED = ("seq", "at", "actor", "action", "detail")
_MESSAGE = "audit_log is append-only"


def upgrade() -> None:
    with op.batch_alter_table("audit_log", recreate="never") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger()))
        batch.add_column(sa.Column("prev_hash", sa.String(64)))
        batch.add_column(sa.Column("row_hash", sa.String(64)))
    _chain_existing_rows()
    with op.batch_alter_table("audit_log") as batch:  # SQLite: rebuilt; PostgreSQL: ALTER
        batch.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("row_hash", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint(op.f("uq_audit_log_seq"), ["seq"])
    _append_only()


def _chain_existing_rows() -> None:
    log = sa.table(
        "audit_log",
        sa.column("id", sa.BigInteger()),
        sa.column("at", sa.DateTime()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("detail", sa.JSON()),
        sa.column("seq", sa.BigInteger()),
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


def _append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{_MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
        )


def _drop_append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in ("no_change", "no_truncate"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_log_{name} ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
        return
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{verb}")


def downgrade() -> None:
    _drop_append_only()
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint(op.f("uq_audit_log_seq"), type_="unique")
        batch.drop_column("row_hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
