"""Who acts: the supervision feed believes only an officer session central issued after a
password check at this very device (issue 9, item 2). Played against a live central on SQLite
and PostgreSQL; every refusal is a 401/403 with a message, and is audited."""

from __future__ import annotations

import io
import sys

from sqlalchemy import select

from hcc_central.cli import main as central_main
from hcc_central.models import Base, Officer
from hcc_desk.core.sync.officer_session import SESSION_HEADER
from tests.security.sessions_helpers import (
    PASSWORD,
    audits,
    controlled,
    feed,
    last_seq,
    login,
    new_officer,
    session_of,
)


def test_login_opens_a_session_the_feed_takes_the_officer_from(central, desk):
    sup = new_officer(central, desk)
    r = login(desk, sup)
    assert r.status_code == 200
    body = r.json()
    assert body["username"] == sup and body["role"] == "supervisor"
    assert len(body["session"]) >= 32 and body["session_expires_at"]
    start = last_seq(central)
    page = feed(desk, body["session"])
    assert page.status_code == 200 and page.json()["items"] == []
    (read,) = audits(central, "supervision.read", start)
    assert read["officer"] == sup and read["actor"] == f"device:{desk.device_id}"


def test_a_named_officer_without_a_session_is_refused(central, desk):
    """The old hole: a device names a supervisor and is believed. Not any more."""
    sup = new_officer(central, desk)
    start = last_seq(central)
    r = feed(desk, None, officer=sup)
    assert r.status_code == 401 and "log in" in r.json()["detail"]
    r = feed(desk, "x" * 43, officer=sup)  # a made-up session
    assert r.status_code == 401 and "unknown officer session" in r.json()["detail"]
    reasons = [a["reason"] for a in audits(central, "supervision.refused", start)]
    assert reasons == ["missing", "unknown"]
    with central.client() as outsider:  # no device token at all
        assert outsider.get("/supervision/dossiers").status_code == 401


def test_a_session_is_bound_to_its_device(central, desk_factory):
    one = desk_factory()
    two = desk_factory(centre=(one.centre_id, one.unit), slot=2)  # same centre, other PC
    sup = new_officer(central, one)
    session = session_of(one, sup)
    start = last_seq(central)
    r = feed(two, session)
    assert r.status_code == 401 and "another device" in r.json()["detail"]
    (refused,) = audits(central, "supervision.refused", start)
    assert refused["reason"] == "other_device" and refused["officer"] == sup
    assert refused["actor"] == f"device:{two.device_id}"
    assert feed(one, session).status_code == 200


def test_only_supervisors_and_admins_of_the_centre(central, desk_factory):
    desk = desk_factory()
    other = desk_factory()
    clerk = new_officer(central, desk, role="officer")
    boss = new_officer(central, desk, role="admin", centre=None)  # of every centre
    foreign = new_officer(central, other)  # a supervisor of another centre
    start = last_seq(central)
    r = feed(desk, session_of(desk, clerk))
    assert r.status_code == 403 and "may not read" in r.json()["detail"]
    assert feed(desk, session_of(desk, boss)).status_code == 200
    assert login(desk, foreign).status_code == 401  # cannot even log in here
    (refused,) = audits(central, "supervision.refused", start)
    assert (refused["reason"], refused["officer"]) == ("role", clerk)


def test_sessions_expire_when_idle_and_after_their_life(central, desk):
    sup = new_officer(central, desk)
    with controlled(central) as (guard, clock):
        idle, life = guard.settings.session_idle_minutes, guard.settings.session_minutes
        session = session_of(desk, sup)
        clock.advance(minutes=idle - 1)
        assert feed(desk, session).status_code == 200  # used: the idle time starts again
        clock.advance(minutes=idle - 1)
        assert feed(desk, session).status_code == 200
        clock.advance(minutes=idle)
        start = last_seq(central)
        r = feed(desk, session)
        assert r.status_code == 401 and "expired" in r.json()["detail"]
        assert audits(central, "supervision.refused", start)[0]["reason"] == "expired"

        session = session_of(desk, sup)  # kept busy, it still ends with its life
        for _ in range(life // (idle - 1)):
            clock.advance(minutes=idle - 1)
            assert feed(desk, session).status_code == 200
        clock.advance(minutes=idle - 1)
        assert feed(desk, session).status_code == 401


def test_logout_and_disabling_end_sessions(central, desk):
    sup = new_officer(central, desk)
    session = session_of(desk, sup)
    r = desk.http.post("/officers/logout", headers={SESSION_HEADER: session})
    assert r.status_code == 204
    r = feed(desk, session)
    assert r.status_code == 401 and "ended" in r.json()["detail"]
    assert desk.http.post("/officers/logout", headers={SESSION_HEADER: session}).status_code == 401
    assert audits(central, "officer.logout")[-1]["username"] == sup
    assert audits(central, "officer.logout_refused")[-1]["reason"] == "revoked"

    session = session_of(desk, sup)

    def disable(s):
        s.scalars(select(Officer).where(Officer.username == sup)).one().active = False

    central.write(disable)
    r = feed(desk, session)
    assert r.status_code == 401 and "disabled" in r.json()["detail"]


def test_sessions_are_stored_only_hashed(central, desk):
    sup = new_officer(central, desk)
    session = session_of(desk, sup)
    with central.db.read() as s:
        dump = repr([s.execute(select(t)).all() for t in Base.metadata.sorted_tables])
    assert session not in dump and PASSWORD not in dump


def test_a_new_password_ends_the_sessions_and_meets_the_policy(central, desk, capsys, monkeypatch):
    sup = new_officer(central, desk)
    session = session_of(desk, sup)
    url = central.settings.db_url
    weak = ["admin", "--db", url, "set-password", sup, "--password", "1234567890"]
    assert central_main(weak) == 2
    assert "most common" in capsys.readouterr().err  # refused, nothing changed
    assert feed(desk, session).status_code == 200
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật-khẩu-mới-dài\n"))
    assert central_main(["admin", "--db", url, "set-password", sup]) == 0
    assert "1 session(s) ended" in capsys.readouterr().out
    r = feed(desk, session)
    assert r.status_code == 401 and "ended" in r.json()["detail"]
    assert login(desk, sup).status_code == 401
    assert login(desk, sup, "mật-khẩu-mới-dài").status_code == 200
    assert audits(central, "officer.password_set")[-1]["username"] == sup
