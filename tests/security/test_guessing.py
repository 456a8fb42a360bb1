"""Guessing (issue 9, item 5), played against a live central on SQLite and PostgreSQL: login
lockout with growing delay and admin unlock, unknown names answered alike, usernames and
passwords held to rules, argon2 concurrency bounded, public lookups rate limited. Every refusal
is a clear 4xx (or a 503 for a flood) and the refusals of a person are audited."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta

import httpx
import pytest

from hcc_central import admin
from hcc_central.cli import main as central_main
from hcc_central.models import LoginThrottle
from hcc_central.ratelimit import Buckets
from hcc_central.security import HashGate
from tests.central.helpers import make_doc, op, outcomes, push
from tests.security.sessions_helpers import (
    PASSWORD,
    audits,
    controlled,
    last_seq,
    login,
    new_officer,
)

WRONG = "sai-mật-khẩu-rồi"


def _fail(desk, name: str, times: int) -> list[int]:
    return [login(desk, name, WRONG).status_code for _ in range(times)]


@pytest.mark.expect_log_warnings  # central logs each lockout as a WARNING
def test_lockout_grows_and_holds_even_against_the_right_password(central, desk):
    sup = new_officer(central, desk)
    with controlled(central) as (guard, clock):
        n, first = guard.settings.login_max_failures, guard.settings.login_lock_seconds
        start = last_seq(central)
        assert _fail(desk, sup, n) == [401] * (n - 1) + [423]
        r = login(desk, sup)  # the right password: still locked
        assert r.status_code == 423 and "locked" in r.json()["detail"]
        assert int(r.headers["Retry-After"]) == first
        failed = audits(central, "officer.login_failed", start)
        assert len(failed) == n and failed[-1]["locked_seconds"] == first
        assert audits(central, "officer.login_locked", start)[0]["username"] == sup

        clock.advance(seconds=first)
        assert login(desk, sup, WRONG).status_code == 423  # one more failure: twice as long
        assert int(login(desk, sup).headers["Retry-After"]) == 2 * first
        clock.advance(seconds=2 * first)
        for _ in range(12):  # the delay stops growing at its cap
            login(desk, sup, WRONG)
            clock.advance(seconds=guard.settings.login_lock_max_seconds)
        login(desk, sup, WRONG)
        wait = int(login(desk, sup).headers["Retry-After"])
        assert wait == guard.settings.login_lock_max_seconds

        clock.advance(seconds=wait)
        assert login(desk, sup).status_code == 200  # a success resets the count
        assert _fail(desk, sup, n - 1) == [401] * (n - 1)
        assert login(desk, sup).status_code == 200


@pytest.mark.expect_log_warnings  # central logs each lockout as a WARNING
def test_failures_a_day_old_no_longer_count(central, desk):
    sup = new_officer(central, desk)
    with controlled(central) as (guard, clock):
        n = guard.settings.login_max_failures
        assert _fail(desk, sup, n - 1) == [401] * (n - 1)
        clock.advance(hours=23, minutes=30)
        _fail(desk, f"khac.{desk.centre_id}", 1)  # old rows dropped now: not yet this one
        clock.advance(minutes=30, seconds=1)
        assert _fail(desk, sup, n - 1) == [401] * (n - 1)  # a new run: not locked yet
        assert _fail(desk, sup, 1) == [423]


def test_a_right_guess_racing_the_lock_is_refused_too(central, desk):
    """Parallel guesses all pass the lock check before any is counted: the one with the right
    password, finishing after the others locked the name, must not get a session."""
    sup = new_officer(central, desk)
    with controlled(central) as (guard, clock):

        class LockedMeanwhile(HashGate):
            @contextmanager
            def slot(self):
                central.write(
                    lambda s: s.merge(
                        LoginThrottle(
                            username=sup,
                            failures=5,
                            last_failed_at=clock.now,
                            locked_until=clock.now + timedelta(seconds=60),
                        )
                    )
                )
                yield

        guard.hashing = LockedMeanwhile(2, 16)
        r = login(desk, sup)
        assert r.status_code == 423 and "session" not in r.json()
        assert audits(central, "officer.login_locked")[-1]["username"] == sup


@pytest.mark.expect_log_warnings  # central logs each lockout as a WARNING
def test_admin_unlocks_an_officer(central, desk):
    sup = new_officer(central, desk)
    with controlled(central) as (guard, _clock):
        _fail(desk, sup, guard.settings.login_max_failures)
        assert login(desk, sup).status_code == 423
        url = central.settings.db_url
        assert central_main(["admin", "--db", url, "unlock-officer", sup.upper()]) == 0
        assert login(desk, sup).status_code == 200
        assert central_main(["admin", "--db", url, "unlock-officer", sup]) == 0  # not locked
    unlocks = audits(central, "officer.unlock")
    assert [u["was_locked"] for u in unlocks[-2:]] == [True, False]


@pytest.mark.expect_log_warnings  # central logs each lockout as a WARNING
def test_unknown_names_answer_like_known_ones(central, desk):
    """Same statuses, bodies and Retry-After for a real name and a made-up one: the answers
    do not tell which names exist (and both pay one argon2 verification)."""
    sup = new_officer(central, desk)
    ghost = f"khongco.{desk.centre_id}"
    with controlled(central) as (guard, _clock):
        runs = []
        for name in (sup, ghost):
            answers = [login(desk, name, WRONG) for _ in range(guard.settings.login_max_failures)]
            answers.append(login(desk, name, PASSWORD))
            runs.append([(r.status_code, r.json(), r.headers.get("Retry-After")) for r in answers])
        assert runs[0] == runs[1]
        assert runs[0][-1][0] == 423


def test_usernames_are_normalised_and_look_alikes_refused(central, desk):
    sup = new_officer(central, desk)
    assert login(desk, f"  {sup.upper()} ").json()["username"] == sup
    wide = "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else ch for ch in sup)  # fullwidth
    assert login(desk, wide).status_code == 200
    cyrillic = sup.replace("s", "ѕ", 1)  # U+0455: looks like 's', is not
    assert login(desk, cyrillic).status_code == 401
    with pytest.raises(admin.AdminError, match="look-alike"):
        central.write(
            admin.create_officer,
            username="giаmsat",
            full_name="X",  # Cyrillic а
            role="supervisor",
            password=PASSWORD,
        )
    with pytest.raises(admin.AdminError, match="already exists"):
        central.write(
            admin.create_officer,
            username=f" {sup.upper()}",
            full_name="X",
            role="supervisor",
            password=PASSWORD,
        )


@pytest.mark.parametrize(
    ("role", "password", "why"),
    [
        ("officer", "ngắn-quá", "at least 10"),
        ("admin", "mười-một-ký", "at least 12"),
        ("officer", "1234567890", "most common"),
        ("officer", "QwertyUiop", "most common"),
        ("supervisor", "{name}", "user name"),
        ("supervisor", "{name}123", "user name"),
    ],
)
def test_password_policy(central, desk, role, password, why):
    name = f"pw{desk.centre_id}.nguoidung"
    with pytest.raises(admin.AdminError, match=why):
        central.write(
            admin.create_officer,
            username=name,
            full_name="X",
            role=role,
            password=password.format(name=name),
            centre_id=desk.centre_id,
        )


def test_a_login_flood_never_runs_more_hashes_than_the_bound(central, desk):
    """Many logins at once: argon2 runs at most ``hash_concurrency`` at a time (counted by the
    gate); past the queue bound the rest get 503 with Retry-After, not a server that swaps."""
    with controlled(central) as (guard, _clock):
        guard.hashing = HashGate(2, 64)
        go = threading.Barrier(16)

        def attempt(i: int) -> int:
            with httpx.Client(
                base_url=desk.http.base_url, headers=desk.http.headers, timeout=60
            ) as http:
                go.wait()
                body = {"username": f"flood{i}.{desk.centre_id}", "password": WRONG}
                return http.post("/officers/login", json=body).status_code

        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(attempt, range(16)))
        assert statuses == [401] * 16
        assert guard.hashing.peak == 2  # reached, never passed

        guard.hashing = HashGate(1, 0)  # no queue: only one check at a time, the rest refused
        go = threading.Barrier(16)
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(attempt, range(16, 32)))
        assert guard.hashing.peak == 1 and 401 in statuses and 503 in statuses
        assert set(statuses) == {401, 503}


def test_public_lookup_is_rate_limited_per_address_and_per_code(central, desk):
    doc = make_doc(desk)
    assert outcomes(push(desk, op(doc))) == [("applied", 200)]
    code, pin = doc["code"], doc["lookup_pin"]
    wrong = "ZZZZZZ" if pin != "ZZZZZZ" else "YYYYYY"
    with controlled(central) as (guard, clock), central.client() as citizen:
        guard.lookup_ip = Buckets(4, clock=guard.monotonic)
        guard.lookup_code = Buckets(1_000_000, clock=guard.monotonic)
        start = last_seq(central)
        # One address guessing across many codes: the fifth lookup waits, whatever the code.
        answers = [
            citizen.get("/public/status", params={"code": f"{code[:-4]}{k:04d}", "pin": wrong})
            for k in range(6)
        ]
        assert [r.status_code for r in answers] == [404] * 4 + [429] * 2
        assert answers[-1].headers["Retry-After"] == "15" and "try again" in answers[-1].text
        page = httpx.get(f"{central.base_url}/status", params={"code": code, "pin": pin})
        assert page.status_code == 429 and "thử lại sau" in page.text
        refused = audits(central, "lookup.rate_limited", start)
        assert len(refused) == 1 and refused[0]["by"] == "address"  # a run: one row
        clock.advance(seconds=15)
        assert citizen.get("/public/status", params={"code": code, "pin": pin}).status_code == 200

        # One code under attack (from anywhere): its wrong PINs run out, then even the right
        # one waits; right PINs spend nothing of the code's bucket.
        guard.lookup_ip = Buckets(1_000_000, clock=guard.monotonic)
        guard.lookup_code = Buckets(2, clock=guard.monotonic)
        right = {"code": code, "pin": pin}
        assert [citizen.get("/public/status", params=right).status_code for _ in range(4)] == [
            200
        ] * 4
        statuses = [
            citizen.get("/public/status", params={"code": code, "pin": wrong}).status_code
            for _ in range(3)
        ]
        assert statuses == [404, 404, 429]
        assert citizen.get("/public/status", params=right).status_code == 429
        other = {"code": f"{code[:-4]}9999", "pin": wrong}
        assert citizen.get("/public/status", params=other).status_code == 404  # others go on
        assert audits(central, "lookup.rate_limited", start)[-1]["by"] == "code"
        clock.advance(seconds=30)
        assert citizen.get("/public/status", params=right).status_code == 200


@pytest.mark.expect_log_warnings  # central logs each lockout as a WARNING
def test_a_desk_does_not_get_round_a_central_lock_with_its_cached_hash(central, desk, tmp_path):
    from hcc_desk import cli
    from hcc_desk.app import open_context
    from hcc_desk.services.errors import AuthError

    sup = new_officer(central, desk)
    code, _ = central.write(admin.enrol_counter, desk.centre_id, name="Quầy 02", slot=2)
    profile = tmp_path / "quay2"
    assert (
        cli.main(
            [
                "enrol",
                "--profile",
                str(profile),
                "--central",
                central.base_url,
                "--code",
                code,
                "--name",
                "PC 2",
            ]
        )
        == cli.EXIT_OK
    )
    ctx = open_context(profile)
    try:
        assert ctx.auth.login(sup, PASSWORD).username == sup  # online: the hash is cached
        with controlled(central) as (guard, _clock):
            _fail(desk, sup, guard.settings.login_max_failures)  # guessed at another counter
            with pytest.raises(AuthError, match="khoá"):
                ctx.auth.login(sup, PASSWORD)
    finally:
        ctx.close()
