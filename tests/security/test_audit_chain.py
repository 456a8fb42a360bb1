"""Tamper evidence: the attacker with the database file (desk) or database login (central) edits,
deletes, forges and reorders audit rows, with the append-only triggers dropped first; ``audit
verify`` names the first broken link every time. Central on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from hcc_central.changes import audit, emit
from hcc_central.cli import main as central_main
from hcc_central.db import Database
from hcc_central.migrate import upgrade as central_upgrade
from hcc_core.audit_chain import Anchor, Verdict, chain_hash
from hcc_desk.cli import main as desk_main
from hcc_desk.core.store import Store, migrate, open_store
from hcc_desk.core.store.audit_chain import CHAINED as DESK_CHAINED
from hcc_desk.core.store.audit_chain import verify_audit_chain as verify_desk
from hcc_desk.core.store.engine import make_engine
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.profile import Profile
from tests.central import pg
from tests.support.threads import run_together

ROWS = 6

# --- the attacks, as SQL both databases understand (row 3 is the victim) -------------------------

EDIT_DETAIL = ['UPDATE audit_log SET detail = \'{"code": "forged"}\' WHERE seq = 3']
EDIT_ACTOR = ["UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3"]
DELETE = ["DELETE FROM audit_log WHERE seq = 3"]
FORGE_APPEND = [
    (  # links to the real head, but its hash is made up
        f"INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, row_hash UUID_COL) "
        f"SELECT {ROWS + 1}, at, 'intruder', 'dossier.view', detail, row_hash, '{'f' * 64}' UUID_VAL "
        f"FROM audit_log WHERE seq = {ROWS}"
    )
]
REORDER = [  # rows 2 and 3 swap places
    "UPDATE audit_log SET seq = -2 WHERE seq = 2",
    "UPDATE audit_log SET seq = 2 WHERE seq = 3",
    "UPDATE audit_log SET seq = 3 WHERE seq = -2",
]
ATTACKS = {
    "edit-detail": (EDIT_DETAIL, 3, "content changed"),
    "edit-actor": (EDIT_ACTOR, 3, "content changed"),
    "delete": (DELETE, 4, "seq 3 missing"),
    "forge-append": (FORGE_APPEND, ROWS + 1, "content changed"),
    "reorder": (REORDER, 2, "does not follow"),
}


def _assert_broken(verdict: Verdict, seq: int | None, words: str) -> None:
    assert verdict.broken is not None, "tampering went unnoticed"
    assert verdict.broken.seq == seq, verdict.broken.describe()
    assert words in verdict.broken.problem


def _rechain_from(rows: list[dict], start_seq: int, chained: tuple[str, ...]) -> list[dict]:
    """What a well-informed attacker does: recompute every hash from ``start_seq`` on."""
    prev = rows[start_seq - 2]["row_hash"] if start_seq > 1 else "0" * 64
    for row in rows[start_seq - 1 :]:
        row["prev_hash"] = prev
        row["row_hash"] = prev = chain_hash([row[n] for n in chained], prev)
    return rows


# --- desk: a real SQLite file, changed with the sqlite3 module ------------------------------------


@pytest.fixture
def desk_db(tmp_path: Path) -> Path:
    path = tmp_path / "profile" / "hcc-desk.db"
    store = open_store(path)
    try:
        for i in range(1, ROWS + 1):
            with store.write() as s:
                add_audit(s, "lan", "dossier.view", "dossier", f"uuid-{i}", {"code": f"C{i}"})
    finally:
        store.close()
    return path


def _connect(path: Path):
    """The file as the attacker opens it; once the desk app has opened a profile it is encrypted,
    and this attacker also holds the key (same OS user)."""
    from hcc_desk.core.db_cipher import connect, is_plain_sqlite
    from hcc_desk.core.keystore import profile_key

    if is_plain_sqlite(path):
        return sqlite3.connect(path)
    return connect(path, profile_key(path.parent, create=False))


def _desk_sql(path: Path, *statements: str, drop_triggers: bool = True) -> None:
    con = _connect(path)
    try:
        if drop_triggers:
            for name in ("no_update", "no_delete", "chain_append"):
                con.execute(f"DROP TRIGGER IF EXISTS audit_log_{name}")
        for sql in statements:
            con.execute(sql.replace("UUID_COL", ", uuid").replace("UUID_VAL", ", 'forged'"))
        con.commit()
    finally:
        con.close()


def _desk_verdict(path: Path, anchor: Anchor | None = None) -> Verdict:
    store = open_store(path)
    try:
        with store.session() as s:
            return verify_desk(s, anchor)
    finally:
        store.close()


def test_desk_chain_is_intact_after_normal_use(desk_db: Path) -> None:
    verdict = _desk_verdict(desk_db)
    assert verdict.intact and verdict.rows == ROWS and verdict.head.seq == ROWS


@pytest.mark.parametrize("attack", ATTACKS)
def test_desk_verify_names_first_broken_link(desk_db: Path, attack: str) -> None:
    statements, seq, words = ATTACKS[attack]
    _desk_sql(desk_db, *statements)
    _assert_broken(_desk_verdict(desk_db), seq, words)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET row_hash = prev_hash WHERE seq = 3",
        "UPDATE audit_log SET detail = NULL WHERE seq = 3",
        "DELETE FROM audit_log WHERE seq = 3",
        (
            f"INSERT INTO audit_log (uuid, at, actor, action, seq, prev_hash, row_hash) "
            f"VALUES ('x', '2026-01-01 00:00:00', 'x', 'x', {ROWS + 1}, '{'0' * 64}', '{'1' * 64}')"
        ),
    ],
)
def test_desk_triggers_still_refuse_without_being_dropped(desk_db: Path, sql: str) -> None:
    with pytest.raises(sqlite3.IntegrityError, match=r"append-only|extend the hash chain"):
        _desk_sql(desk_db, sql, drop_triggers=False)
    assert _desk_verdict(desk_db).intact


def _desk_rows(path: Path) -> list[dict]:
    store = open_store(path)
    try:
        with store.session() as s:
            from hcc_desk.core.store.audit_chain import stored_rows

            return [
                dict(zip(DESK_CHAINED, r.fields, strict=True))
                | {"id": r.id, "prev_hash": r.prev_hash, "row_hash": r.row_hash}
                for r in stored_rows(s)
            ]
    finally:
        store.close()


def _desk_rewrite(path: Path, rows: list[dict]) -> None:
    con = sqlite3.connect(path)
    try:
        for name in ("no_update", "no_delete", "chain_append"):
            con.execute(f"DROP TRIGGER IF EXISTS audit_log_{name}")
        for r in rows:
            con.execute(
                "UPDATE audit_log SET actor = ?, prev_hash = ?, row_hash = ? WHERE id = ?",
                (r["actor"], r["prev_hash"], r["row_hash"], r["id"]),
            )
        con.commit()
    finally:
        con.close()


def test_desk_edit_relinked_to_the_next_row_breaks_there(desk_db: Path) -> None:
    """The attacker fixes the edited row's own hash and the next row's prev_hash: the next row's
    hash covers its prev_hash, so the change still shows, one row later."""
    rows = _desk_rows(desk_db)
    rows[2]["actor"] = "someone-else"
    prev = rows[1]["row_hash"]
    rows[2]["row_hash"] = chain_hash([rows[2][n] for n in DESK_CHAINED], prev)
    rows[3]["prev_hash"] = rows[2]["row_hash"]
    _desk_rewrite(desk_db, rows)
    _assert_broken(_desk_verdict(desk_db), 4, "content changed")


def test_desk_full_rewrite_and_truncation_caught_by_an_anchor(desk_db: Path) -> None:
    anchor = _desk_verdict(desk_db).head
    rows = _rechain_from(_desk_rows(desk_db), 3, DESK_CHAINED)
    rows[2]["actor"] = "someone-else"
    _desk_rewrite(desk_db, _rechain_from(rows, 3, DESK_CHAINED))
    assert _desk_verdict(desk_db).intact  # a recomputed chain alone proves nothing…
    _assert_broken(_desk_verdict(desk_db, anchor), ROWS, "log rewritten")  # …against a noted head

    _desk_sql(desk_db, f"DELETE FROM audit_log WHERE seq >= {ROWS - 1}")
    assert _desk_verdict(desk_db).intact
    _assert_broken(_desk_verdict(desk_db, anchor), None, "deleted from the end")


def test_desk_row_edited_into_nonsense_is_named(desk_db: Path) -> None:
    _desk_sql(desk_db, "UPDATE audit_log SET at = 'not a time', detail = '{broken' WHERE seq = 2")
    _assert_broken(_desk_verdict(desk_db), 2, "content changed")


def test_desk_concurrent_writers_keep_one_chain(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.db")
    threads, each = 8, 25

    def writer(n: int) -> Callable[[threading.Barrier], None]:
        def run(gate: threading.Barrier) -> None:
            gate.wait()
            for i in range(each):
                with store.write() as s:
                    add_audit(s, f"officer-{n}", "dossier.view", "dossier", None, {"i": i})
                    if i % 5 == 0:  # two rows in one transaction chain as well
                        add_audit(s, f"officer-{n}", "dossier.search", None, None, {"i": i})

        return run

    try:
        run_together([writer(n) for n in range(threads)], timeout=120)
        with store.session() as s:
            verdict = verify_desk(s)
    finally:
        store.close()
    assert verdict.intact and verdict.rows == threads * (each + each // 5)


def test_desk_migration_chains_existing_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    engine = make_engine(db, foreign_keys=False)
    migrate.upgrade(engine, "0004")
    with engine.begin() as c:
        for i in (1, 2, 3):
            c.execute(
                text(
                    "INSERT INTO audit_log (uuid, at, actor, action, detail) VALUES "
                    "(:u, :at, 'lan', 'dossier.view', :d)"
                ),
                {"u": f"u{i}", "at": datetime(2026, 1, i, 9, 30), "d": f'{{"n": {i}}}'},
            )
    engine.dispose()
    store: Store = open_store(db)
    try:
        with store.write() as s:
            add_audit(s, "lan", "dossier.view", detail={"n": 4})
    finally:
        store.close()
    verdict = _desk_verdict(db)
    assert verdict.intact and verdict.rows == 4
    _desk_sql(db, "UPDATE audit_log SET detail = '{\"n\": 9}' WHERE uuid = 'u2'")
    _assert_broken(_desk_verdict(db), 2, "content changed")


def test_desk_cli_reports_first_broken_link(desk_db: Path, capsys) -> None:
    profile = Profile(desk_db.parent)
    assert desk_main(["audit", "verify", "--profile", str(profile.root)]) == 0
    out = capsys.readouterr().out
    assert f"intact: {ROWS} rows" in out
    anchor = out.rsplit("head ", 1)[1].strip()

    _desk_sql(profile.db_path, *DELETE)
    assert desk_main(["audit", "verify", "--profile", str(profile.root)]) == 1
    err = capsys.readouterr().err
    assert "seq 4" in err and "seq 3 missing" in err and "Traceback" not in err

    _desk_sql(profile.db_path, "DELETE FROM audit_log WHERE seq > 3")
    assert desk_main(["audit", "verify", "--profile", str(profile.root), "--anchor", anchor]) == 1
    assert "deleted from the end" in capsys.readouterr().err


# --- central: SQLite and PostgreSQL, changed through the database login -------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def central_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, str]]:
    def ready(url: str) -> Database:
        db = Database(url, pool_size=10)
        central_upgrade(db.engine)
        for i in range(1, ROWS + 1):
            with db.write() as s:
                audit(s, "admin", "officer.create", username=f"u{i}")
        return db

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
        db = ready(url)
        yield db, url
        db.dispose()
        return
    with pg.fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        db = ready(url)
        yield db, url
        db.dispose()


def _central_sql(db: Database, *statements: str, drop_triggers: bool = True) -> None:
    with db.engine.begin() as c:
        if drop_triggers:
            if c.dialect.name == "postgresql":
                c.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            else:
                for verb in ("update", "delete"):
                    c.execute(text(f"DROP TRIGGER IF EXISTS audit_log_no_{verb}"))
        for sql in statements:
            c.execute(text(sql.replace("UUID_COL", "").replace("UUID_VAL", "")))


def _central_verdict(db: Database, anchor: Anchor | None = None) -> Verdict:
    from hcc_central.audit_chain import verify_audit_chain

    with db.read() as s:
        return verify_audit_chain(s, anchor)


@pytest.mark.parametrize("attack", ATTACKS)
def test_central_verify_names_first_broken_link(central_db, attack: str) -> None:
    db, _ = central_db
    assert _central_verdict(db).intact
    statements, seq, words = ATTACKS[attack]
    _central_sql(db, *statements)
    _assert_broken(_central_verdict(db), seq, words)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET row_hash = prev_hash WHERE seq = 3",
        "DELETE FROM audit_log WHERE seq = 3",
    ],
)
def test_central_audit_log_is_append_only(central_db, sql: str) -> None:
    db, _ = central_db
    with pytest.raises(Exception, match="append-only"):
        _central_sql(db, sql, drop_triggers=False)
    if db.engine.dialect.name == "postgresql":
        with pytest.raises(Exception, match="append-only"):
            _central_sql(db, "TRUNCATE audit_log", drop_triggers=False)
    assert _central_verdict(db).intact


def test_central_full_rewrite_caught_by_an_anchor(central_db) -> None:
    from hcc_central.audit_chain import CHAINED, stored_rows

    db, _ = central_db
    anchor = _central_verdict(db).head
    with db.read() as s:
        rows = [
            dict(zip(CHAINED, r.fields, strict=True)) | {"id": r.id, "row_hash": r.row_hash}
            for r in stored_rows(s)
        ]
    rows[2]["actor"] = "someone-else"
    with db.engine.begin() as c:
        if c.dialect.name == "postgresql":
            c.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        else:
            c.execute(text("DROP TRIGGER audit_log_no_update"))
        for r in _rechain_from(rows, 3, CHAINED)[2:]:
            c.execute(
                text(
                    "UPDATE audit_log SET actor = :a, prev_hash = :p, row_hash = :h WHERE id = :id"
                ),
                {"a": r["actor"], "p": r["prev_hash"], "h": r["row_hash"], "id": r["id"]},
            )
    assert _central_verdict(db).intact
    _assert_broken(_central_verdict(db, anchor), ROWS, "log rewritten")


def test_central_concurrent_writers_keep_one_chain(central_db) -> None:
    """API processes audit at once; some transactions emit changes before auditing, some after
    (one lock order: no deadlock)."""
    db, _ = central_db
    threads, each = 8, 15

    def writer(n: int) -> Callable[[threading.Barrier], None]:
        def run(gate: threading.Barrier) -> None:
            gate.wait()
            for i in range(each):
                with db.write() as s:
                    if n % 2 and i % 3 == 0:
                        audit(s, f"device:{n}", "officer.login", i=i)
                        emit(s, None, "calendar.day", f"d{n}-{i}", {"i": i})
                    elif i % 3 == 0:
                        emit(s, None, "calendar.day", f"d{n}-{i}", {"i": i})
                        audit(s, f"device:{n}", "officer.login", i=i)
                    else:
                        audit(s, f"device:{n}", "officer.login", i=i)

        return run

    run_together([writer(n) for n in range(threads)], timeout=120)
    verdict = _central_verdict(db)
    assert verdict.intact and verdict.rows == ROWS + threads * each


def test_central_cli_reports_first_broken_link(central_db, capsys) -> None:
    db, url = central_db
    assert central_main(["audit", "verify", "--db", url]) == 0
    assert f"intact: {ROWS} rows" in capsys.readouterr().out
    _central_sql(db, *EDIT_DETAIL)
    assert central_main(["audit", "verify", "--db", url]) == 1
    err = capsys.readouterr().err
    assert "seq 3" in err and "content changed" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        central_main(["audit", "verify", "--db", url, "--anchor", "3:nonsense"])
    assert usage.value.code == 2 and "SEQ:HASH" in capsys.readouterr().err


def test_live_central_chain_intact_after_api_traffic(central, desk) -> None:
    for password in ("wrong", "also wrong"):
        desk.http.post("/officers/login", json={"username": "nobody", "password": password})
    verdict = _central_verdict(central.db)
    assert verdict.intact and verdict.rows >= 3
