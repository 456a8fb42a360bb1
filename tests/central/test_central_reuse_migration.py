"""Migration 0011 (reusable digitised papers) on a database with data, SQLite and PostgreSQL:
stored attachments keep their rows (no signer: they were checked before signers were kept), the
new tables start empty, and the downgrade returns to 0010 without losing an attachment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from hcc_central.db import Database
from hcc_central.migrate import config, current_revision, upgrade
from tests.central import pg

SHA = "ab" * 32


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        found = Database(f"sqlite:///{tmp_path / 'm.db'}", pool_size=2)
        yield found
        found.dispose()
        return
    with pg.fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        found = Database(url, pool_size=2)
        yield found
        found.dispose()


def _downgrade(db: Database, revision: str) -> None:
    cfg = config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def _columns(db: Database, table: str) -> set[str]:
    with db.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def test_0011_up_and_down_with_data(db: Database):
    upgrade(db.engine, "0010")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO centre (id, name, governing_body, place_name, code_slots, level, "
                "stored_bytes) VALUES (1, 'TT', 'UBND', 'Huế', 10, 'province', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO attachment (uuid, dossier_uuid, centre_id, sha256, size, filename, "
                "content_type, kind) VALUES ('a', 'd', 1, :sha, 5, 'x.pdf', 'application/pdf', "
                "'paper')"
            ),
            {"sha": SHA},
        )
    upgrade(db.engine, "0011")
    assert current_revision(db.engine) == "0011"
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT sha256, signer, signed_at FROM attachment")).one()
        assert tuple(row) == (SHA, None, None)
        for table in ("digitised_paper", "reuse_grant"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
        indexes = {i["name"] for i in inspect(conn).get_indexes("digitised_paper")}
        assert {"ix_digitised_paper_owner", "ix_digitised_paper_dossier_uuid"} <= indexes

    _downgrade(db, "0010")
    assert current_revision(db.engine) == "0010"
    assert not {"signer", "signed_at"} & _columns(db, "attachment")
    with db.engine.connect() as conn:
        assert "digitised_paper" not in inspect(conn).get_table_names()
        assert conn.execute(text("SELECT sha256 FROM attachment")).scalar() == SHA
    upgrade(db.engine, "0011")
    assert {"signer", "signed_at"} <= _columns(db, "attachment")
