"""Supervision across every counter, against a real hcc-central (uvicorn on 127.0.0.1).

Two enrolled counters take dossiers; a supervisor on counter 1 fetches the centre's summaries
and sees counter 2's dossiers too, with an agency's status change made on central; the view
keeps working offline from the cache, and a dossier becomes overdue the moment the local clock
passes its appointment. Officers and other centres' devices are refused.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

pytest.importorskip("hcc_central.app")

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus as S
from hcc_core.wire.officer import SESSION_HEADER
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.core.store.models import CentreDossier
from hcc_desk.services import supervision_feed
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.errors import AuthError
from hcc_desk.services.return_desk import Recipient, ReturnDeskService
from hcc_desk.services.supervision import SupervisionService
from tests.central.live import LiveServer, desk_for
from tests.services.after_intake_helpers import Clock, intake
from tests.support.realparts import unavailable

UNIT = "000.00.61.H57"
PASSWORD = "mat-khau-123"
RECEIVED = datetime(2026, 11, 25, 9, 0)
DUE = datetime(2026, 12, 7, 9, 0)


def _serve(url: str, store: Path):
    db = Database(url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    live = LiveServer(Settings(db_url=url, store_dir=store)).start()
    yield live
    live.stop()


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "central"
    root.mkdir()
    yield from _serve(f"sqlite:///{root / 'central.db'}", root / "store")


@pytest.fixture
def pg_server(tmp_path):
    from tests.central import pg

    try:
        with pg.server() as admin_url, pg.fresh_database(admin_url) as url:
            yield from _serve(url, tmp_path / "store")
    except pg.Unavailable as why:
        unavailable(f"PostgreSQL unavailable: {why}")


def _centre(server: LiveServer) -> tuple[int, list[str]]:
    def create(s):
        centre = admin.create_centre(
            s,
            name="TRUNG TÂM PVHCC THỬ",
            governing_body="UBND THỬ",
            place_name="Huế",
            code_slots=20,
        )
        admin.add_agency(s, centre.id, name="Công an cấp tỉnh", short_name="CA", unit_code=UNIT)
        for user, role in (("lan", "officer"), ("mai", "officer"), ("giamsat", "supervisor")):
            admin.create_officer(
                s,
                username=user,
                full_name=f"Cán bộ {user}",
                role=role,
                password=PASSWORD,
                centre_id=centre.id,
            )
        codes = [admin.enrol_counter(s, centre.id, name=f"Quầy 0{n}", slot=n)[0] for n in (1, 2)]
        return centre.id, codes

    return server.write(create)


def _desk(server: LiveServer, code: str, profile: Path, users: tuple[str, ...]):
    assert (
        cli.main(
            [
                "enrol",
                "--profile",
                str(profile),
                "--central",
                server.base_url,
                "--code",
                code,
                "--name",
                profile.name,
            ]
        )
        == cli.EXIT_OK
    )
    ctx = open_context(profile)
    for user in users:
        ctx.auth.login(user, PASSWORD)  # online: caches the account (role included)
    return ctx


def _sync(ctx) -> None:
    ok, _ = ctx.sync.run_until_idle(60)
    assert ok


def test_supervisor_sees_every_counter_online_and_offline(server, tmp_path):
    _, (code1, code2) = _centre(server)
    one = _desk(server, code1, tmp_path / "quay1", ("lan", "giamsat"))
    two = _desk(server, code2, tmp_path / "quay2", ("mai",))
    clock = Clock(datetime(2026, 12, 4, 10, 0))
    try:
        mine = intake(one, RECEIVED, "lan")
        theirs = [intake(two, RECEIVED, "mai") for _ in range(3)]
        steps2 = AgencyStepsService(two.store, two.calendars, Clock(datetime(2026, 11, 26, 8)))
        steps2.transfer(theirs[0], "Phòng QLXNC", "mai")
        steps2.request_supplement(theirs[1], "mai", missing_papers=["Ảnh 4x6"], reason="mờ")
        steps2.transfer(theirs[2], "Phòng QLXNC", "mai")
        steps2.result_ready(theirs[2], "mai")
        _sync(one)
        _sync(two)

        sup = SupervisionService(one.store, one.calendars, one.credentials, clock)
        before = sup.overview("giamsat")
        assert before.last_fetch is None  # never fetched: this counter's dossiers only
        assert [r.code for r in before.lists.due_soon] == [mine]
        assert not before.lists.waiting

        refreshed = sup.refresh("giamsat")
        assert refreshed.complete and refreshed.rows == 4
        view = sup.overview("giamsat")
        # Fri 04/12 10:00: Mon 07/12 09:00 is within the next two working days.
        assert {r.code for r in view.lists.due_soon} == {mine, theirs[0]}
        assert [r.code for r in view.lists.waiting] == [theirs[1]]
        assert view.lists.waiting[0].waiting_since == datetime(2026, 11, 26, 8, 0)
        row = next(r for r in view.lists.due_soon if r.code == theirs[0])
        assert (row.source, row.counter_slot, row.agency) == ("central", 2, "Công an cấp tỉnh")
        assert row.officer == "Cán bộ mai (mai)"  # full name from central

        # An agency reports the result on central; the next refresh shows it.
        server.write(
            set_status, theirs[0], S.RELEASING, actor="ca_tinh", at=datetime(2026, 12, 4, 9, 30)
        )
        assert sup.refresh("giamsat").rows >= 1
        rates = sup.rates("giamsat", date(2026, 11, 1), date(2026, 12, 31), "officer")
        total = rates[-1]
        assert (total.early, total.on_time, total.late) == (2, 0, 0)
        assert {r.key for r in rates[:-1]} == {"Cán bộ mai (mai)"}

        # Offline: the cache still answers, and time passing makes dossiers overdue.
        server.stop()
        offline = sup.refresh("giamsat")
        assert offline.rows == 0 and "Không kết nối" in offline.message
        clock.set(DUE)
        assert [r.code for r in sup.overview("giamsat").lists.due_today] == [mine]
        clock.set(datetime(2026, 12, 7, 9, 0, 1))
        late = sup.overview("giamsat").lists
        assert [r.code for r in late.overdue] == [mine] and not late.due_today
        assert [r.code for r in late.waiting] == [theirs[1]]  # the clock is stopped for it

        # Handed back on this desk: it leaves the lists at once, offline too.
        steps1 = AgencyStepsService(one.store, one.calendars, clock)
        steps1.result_ready(mine, "lan")
        ReturnDeskService(one.store, clock).hand_back(
            mine, Recipient("owner", "", "046185012345"), "lan"
        )
        assert not sup.overview("giamsat").lists.overdue
    finally:
        one.close()
        two.close()


def test_officers_may_not_read_supervision(server, tmp_path):
    _, (code1, _) = _centre(server)
    ctx = _desk(server, code1, tmp_path / "quay1", ("lan", "giamsat"))
    try:
        sup = SupervisionService(ctx.store, ctx.calendars, ctx.credentials)
        assert not sup.allowed("lan") and sup.allowed("giamsat")
        with pytest.raises(AuthError, match="Chỉ cán bộ giám sát"):
            sup.overview("lan")
        with pytest.raises(AuthError, match="Chỉ cán bộ giám sát"):
            sup.refresh("lan")
        # The endpoint itself takes the officer from a session opened by a password check at
        # this device, never from a name: an officer's session is refused, a supervisor's
        # read; a named supervisor without a session is nobody.
        cred = ctx.credentials.load()
        sessions = ctx.auth.sessions
        lan, giamsat = (
            sessions.get(cred.device_token, u, datetime.now()) for u in ("lan", "giamsat")
        )
        with httpx.Client(
            base_url=server.base_url + "/api/v1",
            headers={"Authorization": f"Bearer {cred.device_token}"},
        ) as http:
            assert (
                http.get("/supervision/dossiers", headers={SESSION_HEADER: lan}).status_code == 403
            )
            assert (
                http.get("/supervision/dossiers", headers={SESSION_HEADER: giamsat}).status_code
                == 200
            )
            assert (
                http.get("/supervision/dossiers", params={"officer": "giamsat"}).status_code == 401
            )
        assert (
            httpx.get(
                server.base_url + "/api/v1/supervision/dossiers", headers={SESSION_HEADER: giamsat}
            ).status_code
            == 401
        )
        intake(ctx, RECEIVED, "lan")
        _sync(ctx)
        other = desk_for(server)  # a device of another centre
        server.write(
            admin.create_officer,
            username="sup2",
            full_name="Giám sát 2",
            role="supervisor",
            password=PASSWORD,
            centre_id=other.centre_id,
        )
        r = other.http.post("/officers/login", json={"username": "sup2", "password": PASSWORD})
        r = other.http.get("/supervision/dossiers", headers={SESSION_HEADER: r.json()["session"]})
        assert r.status_code == 200 and r.json()["items"] == []
        r = other.http.get("/supervision/dossiers", headers={SESSION_HEADER: giamsat})
        assert r.status_code == 401  # another device's (and centre's) session
        r = other.http.post("/officers/login", json={"username": "giamsat", "password": PASSWORD})
        assert r.status_code == 401  # a supervisor of another centre cannot log in there
        other.http.close()

        # The session ends (logout here, or expiry): the view says to log in again and keeps
        # showing what it has.
        ctx.auth.logout("giamsat")
        again = sup.refresh("giamsat")
        assert again.rows == 0 and "đăng nhập lại" in again.message
        ctx.auth.login("giamsat", PASSWORD)
        assert sup.refresh("giamsat").complete
    finally:
        ctx.close()


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_paging_and_cursor_fetch_every_row_once(db, request, tmp_path):
    server = request.getfixturevalue("server" if db == "sqlite" else "pg_server")
    _, (code1, code2) = _centre(server)
    one = _desk(server, code1, tmp_path / "quay1", ("giamsat",))
    two = _desk(server, code2, tmp_path / "quay2", ("mai",))
    try:
        codes = {intake(two, RECEIVED, "mai") for _ in range(7)}
        _sync(two)
        cred = one.credentials.load()
        session = one.auth.sessions.get(cred.device_token, "giamsat", datetime.now())
        client = supervision_feed.SupervisionClient(cred.central_url, cred.device_token)
        seen: list[str] = []
        page = client.centre_dossiers(session, None, "", limit=3)
        seen += [i.code for i in page.items]
        while page.more:
            page = client.centre_dossiers(session, page.next_since, page.next_after, limit=3)
            seen += [i.code for i in page.items]
        client.close()
        assert sorted(seen) == sorted(codes)  # each once, over three pages
        client = supervision_feed.SupervisionClient(cred.central_url, cred.device_token)
        try:
            assert supervision_feed.fetch(one.store, client, session).rows == 7
            # The next fetch rewinds a little (rows committed late) and upserts: no duplicates.
            again = supervision_feed.fetch(one.store, client, session)
        finally:
            client.close()
        assert again.complete and again.rows == 7
        # Result and hand-back times come from the status history an agency wrote centrally.
        code = min(codes)
        server.write(set_status, code, S.PROCESSING, at=datetime(2026, 11, 26, 8, 0))
        server.write(set_status, code, S.WAITING_SUPPLEMENT, at=datetime(2026, 11, 27, 8, 0))
        client = supervision_feed.SupervisionClient(cred.central_url, cred.device_token)
        try:
            page = client.centre_dossiers(session, None, "", limit=100)
            (row,) = [i for i in page.items if i.code == code]
            assert row.waiting_since == datetime(2026, 11, 27, 8, 0) and row.status == 5
            server.write(set_status, code, S.PROCESSING, at=datetime(2026, 11, 30, 8, 0))
            server.write(set_status, code, S.RELEASING, at=datetime(2026, 12, 1, 8, 0))
            server.write(set_status, code, S.DONE, at=datetime(2026, 12, 2, 8, 0))
            page = client.centre_dossiers(session, page.next_since, page.next_after)
        finally:
            client.close()
        (row,) = page.items  # only what changed since the cursor
        assert (row.code, row.status, row.waiting_since) == (code, 10, None)
        assert row.result_ready_at == datetime(2026, 12, 1, 8, 0)
        assert row.returned_at == datetime(2026, 12, 2, 8, 0)
        assert row.officer_name == "Cán bộ mai" and row.agency_name == "Công an cấp tỉnh"
        with one.store.session() as s:
            assert s.scalar(select(func.count()).select_from(CentreDossier)) == 7
    finally:
        one.close()
        two.close()
