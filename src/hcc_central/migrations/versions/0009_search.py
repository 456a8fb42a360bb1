"""Centre-wide search and agency queues at millions of dossiers (issue 13, queries.py).

Revision ID: 0009
Revises: 0008

- ``dossier.applicant_name``: the owner's name (else the submitter's) for lists;
- ``dossier_key``: the ID numbers, phones and accent-free names of each dossier's submitter and
  owner (search_keys.py), byte-ordered ("C" collation on PostgreSQL), filled from the stored
  documents in batches;
- ``ix_dossier_queue``: an agency's open dossiers in due order (partial index).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from hcc_central.ingest_rows import applicant_name
from hcc_central.search_keys import doc_keys

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SearchKey = sa.String(210).with_variant(sa.String(210, collation="C"), "postgresql")
OPEN_DOSSIER = sa.text("status NOT IN (3, 7, 10)")
BATCH = 2000

_dossier = sa.table(
    "dossier",
    sa.column("uuid", sa.String),
    sa.column("centre_id", BigId),
    sa.column("received_at", sa.DateTime),
    sa.column("doc", sa.JSON),
    sa.column("applicant_name", sa.String),
)
_key = sa.table(
    "dossier_key",
    sa.column("dossier_uuid", sa.String),
    sa.column("key", sa.String),
    sa.column("centre_id", BigId),
    sa.column("received_at", sa.DateTime),
)


def upgrade() -> None:
    op.add_column("dossier", sa.Column("applicant_name", sa.String(200), nullable=True))
    op.create_table(
        "dossier_key",
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("key", SearchKey, nullable=False),
        sa.Column("centre_id", BigId, nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_uuid"], ["dossier.uuid"],
                                name=op.f("fk_dossier_key_dossier_uuid_dossier")),
        sa.ForeignKeyConstraint(["centre_id"], ["centre.id"],
                                name=op.f("fk_dossier_key_centre_id_centre")),
        sa.PrimaryKeyConstraint("dossier_uuid", "key", name=op.f("pk_dossier_key")),
    )  # fmt: skip
    _backfill(op.get_bind())
    # Indexes after the backfill: one sort each instead of row-by-row maintenance.
    op.create_index(
        "ix_dossier_key_search", "dossier_key", ["centre_id", "key", "received_at", "dossier_uuid"]
    )
    op.create_index("ix_dossier_queue", "dossier",
                    ["centre_id", "agency_unit_code", "due_at", "received_at", "uuid"],
                    postgresql_where=OPEN_DOSSIER, sqlite_where=OPEN_DOSSIER)  # fmt: skip


def _backfill(conn: sa.Connection) -> None:
    """Names and keys from every stored document, BATCH dossiers per round trip."""
    last = ""
    while True:
        rows = conn.execute(
            sa.select(_dossier.c.uuid, _dossier.c.centre_id, _dossier.c.received_at,
                      _dossier.c.doc)
            .where(_dossier.c.uuid > last)
            .order_by(_dossier.c.uuid)
            .limit(BATCH)
        ).all()  # fmt: skip
        if not rows:
            return
        names: list[dict[str, Any]] = []
        keys: list[dict[str, Any]] = []
        for uuid, centre_id, received_at, doc in rows:
            names.append({"u": uuid, "name": applicant_name(doc)})
            keys.extend(
                {"dossier_uuid": uuid, "key": k, "centre_id": centre_id,
                 "received_at": received_at}
                for k in sorted(doc_keys(doc))
            )  # fmt: skip
        conn.execute(
            _dossier.update()
            .where(_dossier.c.uuid == sa.bindparam("u"))
            .values(applicant_name=sa.bindparam("name")),
            names,
        )
        if keys:
            conn.execute(_key.insert(), keys)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_dossier_queue", table_name="dossier")
    op.drop_index("ix_dossier_key_search", table_name="dossier_key")
    op.drop_table("dossier_key")
    op.drop_column("dossier", "applicant_name")
