"""Searchable papers (issue 14, item 1): the OCR queue and the papers' text, full-text indexed.

Revision ID: 0010
Revises: 0009

- ``ocr_job``: one row per attachment waiting for its Vietnamese text layer (state, attempts,
  the new version it produced);
- ``paper_text``: each paper's text and its folded form, indexed by the external-content FTS5
  table ``dossier_fts_paper`` (kept in step by triggers, like ``dossier_fts`` of 0002).
  Prefix indexes 2-5 keep "every word is a prefix" queries on one doclist for the usual
  lengths at a fraction of the size seven would cost on whole pages of text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FTS_DDL = (
    "CREATE VIRTUAL TABLE dossier_fts_paper USING fts5(text_folded, content='paper_text', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5')"
)
TRIGGERS = {
    "dossier_fts_paper_ai": "AFTER INSERT ON paper_text BEGIN "
    "INSERT INTO dossier_fts_paper(rowid, text_folded) VALUES (new.id, new.text_folded); END",
    "dossier_fts_paper_ad": "AFTER DELETE ON paper_text BEGIN "
    "INSERT INTO dossier_fts_paper(dossier_fts_paper, rowid, text_folded) "
    "VALUES ('delete', old.id, old.text_folded); END",
    "dossier_fts_paper_au": "AFTER UPDATE OF text_folded ON paper_text BEGIN "
    "INSERT INTO dossier_fts_paper(dossier_fts_paper, rowid, text_folded) "
    "VALUES ('delete', old.id, old.text_folded); "
    "INSERT INTO dossier_fts_paper(rowid, text_folded) VALUES (new.id, new.text_folded); END",
}


def upgrade() -> None:
    op.create_table(
        "ocr_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.Column("result_attachment_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed')", name="ck_ocr_job_ocr_state_known"
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name="fk_ocr_job_attachment_id_attachment",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["result_attachment_id"],
            ["attachment.id"],
            name="fk_ocr_job_result_attachment_id_attachment",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ocr_job"),
        sa.UniqueConstraint("attachment_id", name="uq_ocr_job_attachment_id"),
    )
    op.create_index("ix_ocr_job_state_id", "ocr_job", ["state", "id"])
    op.create_table(
        "paper_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_folded", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name="fk_paper_text_attachment_id_attachment",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossier.id"],
            name="fk_paper_text_dossier_id_dossier",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_paper_text"),
        sa.UniqueConstraint("attachment_id", name="uq_paper_text_attachment_id"),
    )
    op.create_index("ix_paper_text_dossier_id", "paper_text", ["dossier_id"])
    op.execute(FTS_DDL)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE dossier_fts_paper")
    op.drop_index("ix_paper_text_dossier_id", "paper_text")
    op.drop_table("paper_text")
    op.drop_index("ix_ocr_job_state_id", "ocr_job")
    op.drop_table("ocr_job")
