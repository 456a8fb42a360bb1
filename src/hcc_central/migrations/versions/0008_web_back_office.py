"""The centre in the browser (issue 13): agency officers, web sessions, ratings, the
notification outbox and its templates, result documents.

Revision ID: 0008
Revises: 0007

- ``officer.agency_id`` (role "agency": the agency whose dossiers the officer processes) and
  ``officer.totp_secret`` (the optional second factor);
- ``web_session``: browser sessions, only the token's SHA-256 kept, with their CSRF token;
- ``dossier.agency_unit_code``: the agency deciding the dossier now (a transfer moves it);
- ``attachment.kind``: "paper" from a desk, "result" uploaded by the agency;
- ``rating``: one satisfaction rating per dossier;
- ``notification`` / ``notification_template``: the durable outbox of e-mails and SMS.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("officer") as batch:
        batch.add_column(sa.Column("agency_id", BigId, nullable=True))
        batch.add_column(sa.Column("totp_secret", sa.String(64), nullable=True))
        batch.create_foreign_key(op.f("fk_officer_agency_id_agency"), "agency",
                                 ["agency_id"], ["id"])
        batch.create_index(op.f("ix_officer_agency_id"), ["agency_id"])
    op.add_column("dossier", sa.Column("agency_unit_code", sa.String(16), nullable=True))
    op.execute("UPDATE dossier SET agency_unit_code = unit_code")
    op.create_index(op.f("ix_dossier_agency_unit_code"), "dossier", ["agency_unit_code"])
    op.add_column("attachment", sa.Column("kind", sa.String(16), nullable=False,
                                          server_default=sa.text("'paper'")))
    op.create_table(
        "web_session",
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("officer_id", BigId, nullable=False),
        sa.Column("centre_id", BigId, nullable=True),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["officer_id"], ["officer.id"],
                                name=op.f("fk_web_session_officer_id_officer")),
        sa.ForeignKeyConstraint(["centre_id"], ["centre.id"],
                                name=op.f("fk_web_session_centre_id_centre")),
        sa.PrimaryKeyConstraint("token_sha256", name=op.f("pk_web_session")),
    )
    for column in ("officer_id", "expires_at"):
        op.create_index(op.f(f"ix_web_session_{column}"), "web_session", [column])
    op.create_table(
        "rating",
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("centre_id", BigId, nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_uuid"], ["dossier.uuid"],
                                name=op.f("fk_rating_dossier_uuid_dossier")),
        sa.ForeignKeyConstraint(["centre_id"], ["centre.id"],
                                name=op.f("fk_rating_centre_id_centre")),
        sa.PrimaryKeyConstraint("dossier_uuid", name=op.f("pk_rating")),
    )
    for column in ("centre_id", "at"):
        op.create_index(op.f(f"ix_rating_{column}"), "rating", [column])
    op.create_table(
        "notification",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("centre_id", BigId, nullable=False),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["centre_id"], ["centre.id"],
                                name=op.f("fk_notification_centre_id_centre")),
        sa.ForeignKeyConstraint(["dossier_uuid"], ["dossier.uuid"],
                                name=op.f("fk_notification_dossier_uuid_dossier")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
        sa.UniqueConstraint("event_uuid", "channel",
                            name=op.f("uq_notification_event_uuid_channel")),
    )
    for column in ("centre_id", "dossier_uuid", "state", "next_attempt_at"):
        op.create_index(op.f(f"ix_notification_{column}"), "notification", [column])
    op.create_table(
        "notification_template",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("kind", "channel", name=op.f("pk_notification_template")),
    )


def downgrade() -> None:
    op.drop_table("notification_template")
    op.drop_table("notification")
    op.drop_table("rating")
    op.drop_table("web_session")
    op.drop_column("attachment", "kind")
    op.drop_index(op.f("ix_dossier_agency_unit_code"), "dossier")
    op.drop_column("dossier", "agency_unit_code")
    with op.batch_alter_table("officer") as batch:
        batch.drop_index(op.f("ix_officer_agency_id"))
        batch.drop_constraint(op.f("fk_officer_agency_id_agency"), type_="foreignkey")
        batch.drop_column("totp_secret")
        batch.drop_column("agency_id")
