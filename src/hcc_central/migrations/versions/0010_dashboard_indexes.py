"""Indexes for the supervisors' dashboard (dashboard.py).

Revision ID: 0010
Revises: 0009

- ``dossier (centre_id, status, due_at)``: the overdue / due today / due soon / waiting lists
  and their counts read one centre's range of the index;
- ``status_event (status, at)``: a period's releases for the on-time rates without a scan of
  every event.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_centre_status_due", "dossier", ["centre_id", "status", "due_at"])
    op.create_index("ix_status_event_status_at", "status_event", ["status", "at"])


def downgrade() -> None:
    op.drop_index("ix_status_event_status_at", "status_event")
    op.drop_index("ix_dossier_centre_status_due", "dossier")
