"""What one device may do: upload ownership, quotas and expiry (filled by the device-limits work).

Revision ID: 0002
Revises: 0001

- ``agency.unit_code`` unique nationwide (was: per centre). An existing database where two
  centres share a unit code cannot be upgraded silently: the upgrade stops and names them.
- ``centre.stored_bytes``, ``device.stored_bytes``: bytes stored, for the quotas.
- ``attachment.stored_at``: when this centre's bytes arrived ("already stored" is per centre).
- ``upload.created_at`` indexed: the expiry sweep of abandoned uploads.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    shared = op.get_bind().execute(
        sa.text(
            "SELECT unit_code FROM agency GROUP BY unit_code HAVING COUNT(DISTINCT centre_id) > 1"
        )
    )
    codes = sorted(r[0] for r in shared)
    if codes:
        raise RuntimeError(
            "unit codes used by more than one centre: "
            + ", ".join(codes)
            + " — give each agency its own code (admin add-agency) before upgrading"
        )
    with op.batch_alter_table("agency") as batch:
        batch.drop_constraint(op.f("uq_agency_centre_id_unit_code"), type_="unique")
        batch.create_unique_constraint(op.f("uq_agency_unit_code"), ["unit_code"])
    for table in ("centre", "device"):
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(
                sa.Column("stored_bytes", sa.BigInteger(), server_default="0", nullable=False)
            )
    with op.batch_alter_table("attachment", recreate="never") as batch:
        batch.add_column(sa.Column("stored_at", sa.DateTime(), nullable=True))
    op.create_index(op.f("ix_upload_created_at"), "upload", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_upload_created_at"), table_name="upload")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("stored_at")
    for table in ("device", "centre"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("stored_bytes")
    with op.batch_alter_table("agency") as batch:
        batch.drop_constraint(op.f("uq_agency_unit_code"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_agency_centre_id_unit_code"), ["centre_id", "unit_code"]
        )
