from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from hcc_desk.core.store import Store
from hcc_desk.core.store.models import Agency, Applicant, Dossier


@pytest.mark.parametrize("kind", ["session", "write"])
def test_pragmas_on_every_connection(store: Store, kind: str) -> None:
    with getattr(store, kind)() as s:

        def pragma(name: str) -> object:
            return s.execute(text(f"PRAGMA {name}")).scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
        assert pragma("synchronous") == 2  # FULL: a printed receipt survives a power cut


def test_foreign_keys_are_enforced(store: Store) -> None:
    orphan = Dossier(
        code="X",
        procedure_id=999,
        agency_id=999,
        officer_id=999,
        submitter=Applicant(full_name="A"),
        received_at=datetime(2026, 1, 5),
    )
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(orphan)


def test_session_rolls_back_on_error(store: Store) -> None:
    def add_then_fail() -> None:
        with store.session() as s:
            s.add(Agency(name="Sở Y tế", unit_code="000.00.52.H57"))
            s.flush()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        add_then_fail()
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Agency)) == 0


def test_write_takes_the_write_lock_at_begin(store: Store) -> None:
    other = sqlite3.connect(store.path, timeout=0.05, isolation_level=None)
    with store.write() as s:
        s.execute(text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    with store.session() as s:
        s.execute(text("SELECT 1"))
        other.execute("BEGIN IMMEDIATE")  # a read transaction leaves the write lock free
        other.execute("ROLLBACK")
    other.close()


def test_unit_code_format_is_checked(store: Store) -> None:
    with pytest.raises(ValueError, match=r"000\.00\.00\.H57"):
        Agency(name="X", unit_code="H57")
    with pytest.raises(IntegrityError), store.session() as s:
        s.execute(text("INSERT INTO agency (name, unit_code, active) VALUES ('X', 'bad', 1)"))
