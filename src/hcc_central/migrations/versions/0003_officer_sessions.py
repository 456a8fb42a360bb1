"""Officer sessions and login lockout on central (guard.py).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "officer_session",
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("officer_id", BigId, nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("centre_id", BigId, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["officer_id"], ["officer.id"],
                                name=op.f("fk_officer_session_officer_id_officer")),
        sa.ForeignKeyConstraint(["device_id"], ["device.id"],
                                name=op.f("fk_officer_session_device_id_device")),
        sa.ForeignKeyConstraint(["centre_id"], ["centre.id"],
                                name=op.f("fk_officer_session_centre_id_centre")),
        sa.PrimaryKeyConstraint("token_sha256", name=op.f("pk_officer_session")),
    )
    for column in ("officer_id", "device_id", "expires_at"):
        op.create_index(op.f(f"ix_officer_session_{column}"), "officer_session", [column])
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_login_throttle")),
    )
    op.create_index(op.f("ix_login_throttle_last_failed_at"), "login_throttle",
                    ["last_failed_at"])


def downgrade() -> None:
    op.drop_table("login_throttle")
    op.drop_table("officer_session")
