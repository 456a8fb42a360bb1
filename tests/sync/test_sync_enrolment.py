"""Enrolment (credential file, identity from central, agreement checks) and online login."""

from __future__ import annotations

import json
import random
import stat
import sys
from datetime import datetime

import httpx
import pytest
from sqlalchemy import delete, func, select

from hcc_core.domain.dossier_code import DEMO_SLOT, parse_code
from hcc_desk.core.store.models import (
    Agency,
    Centre,
    Counter,
    Officer,
    OutboxOp,
    Procedure,
    SyncState,
)
from hcc_desk.core.sync.client import CentralClient
from hcc_desk.core.sync.credentials import CredentialStore, DeviceCredential
from hcc_desk.services.enrolment import EnrolmentService, Retry
from hcc_desk.services.errors import AuthError, InvalidInput, UserError
from hcc_desk.services.intake_request import request_from_json_text
from hcc_desk.services.setup import demo_input
from tests.sync.conftest import CENTRAL_URL, EXAMPLE, make_desk
from tests.sync.fake_central import TOKEN


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_credential_file_is_owner_only_and_round_trips(tmp_path):
    store = CredentialStore(tmp_path / "device.json")
    (tmp_path / "device.json").write_text("{}")
    (tmp_path / "device.json").chmod(0o644)
    store.save(DeviceCredential("https://c.example", "dev-1", "s3cret"))
    assert stat.S_IMODE((tmp_path / "device.json").stat().st_mode) == 0o600
    assert store.load() == DeviceCredential("https://c.example", "dev-1", "s3cret")
    assert not list(tmp_path.glob("*.tmp"))
    store.clear()
    assert store.load() is None


def test_credential_sealed_differently_or_damaged_is_ignored(tmp_path):
    path = tmp_path / "device.json"
    CredentialStore(path).save(DeviceCredential("u", "d", "t"))
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "sealed_with": "dpapi"}))
    assert CredentialStore(path).load() is None  # e.g. a Windows profile copied elsewhere
    path.write_text("{not json")
    assert CredentialStore(path).load() is None


def test_enrolling_a_new_desk_sets_it_up_from_central(tmp_path, central):
    d = make_desk(tmp_path / "fresh", central, datetime.now, db=None, enrol=False)
    try:
        assert not d.ctx.setup.is_set_up()
        result = d.ctx.enrolment.enrol(CENTRAL_URL + "/", " GOODCODE42 ", "Quầy 01 PC")
        assert result.set_up_now and result.counter_slot == 1
        assert d.ctx.setup.is_set_up()
        with d.ctx.store.session() as s:
            assert s.scalar(select(Counter).where(Counter.is_this_device.is_(True))).slot == 1
            assert s.scalar(select(func.count()).select_from(Agency)) == len(central.agencies)
            assert s.scalar(select(func.count()).select_from(Procedure)) > 0
            state = s.get(SyncState, 1)
            assert state.central_url == CENTRAL_URL and state.device_id.startswith("d000")
            assert state.limits["chunk_bytes"] == 65536
        cred = d.ctx.credentials.load()
        assert cred.device_token == TOKEN and cred.central_url == CENTRAL_URL
    finally:
        d.ctx.close()


def test_set_up_desk_that_printed_codes_on_another_slot_is_refused_clearly(tmp_path, central):
    central.slot = 3
    d = make_desk(tmp_path / "desk", central, datetime.now, db=None, enrol=False)
    try:
        data = demo_input()
        data.counter_slot = 1  # set up offline on slot 1, and it printed a code there
        d.ctx.setup._create(data)
        d.intake(1)
        with pytest.raises(UserError) as err:
            d.ctx.enrolment.enrol(CENTRAL_URL, "GOODCODE42", "pc")
        assert "slot 1" in err.value.text("en") and "slot 3" in err.value.text("en")
        assert d.ctx.credentials.load() is None
        with d.ctx.store.session() as s:
            assert s.get(SyncState, 1) is None
    finally:
        d.ctx.close()


def test_enrolment_sets_the_slot_from_central_when_no_code_can_clash(tmp_path, demo_db, central):
    central.slot = 3
    d = make_desk(tmp_path / "desk", central, datetime.now, db=demo_db, enrol=False)
    try:
        assert d.ctx.setup.identity().counter_slot == DEMO_SLOT  # the demo desk
        d.intake(1)  # a demo code: 9900-9999, a block no real counter issues
        assert d.ctx.enrolment.enrol(CENTRAL_URL, "GOODCODE42", "pc").counter_slot == 3
        assert d.ctx.setup.identity().counter_slot == 3
        code = d.ctx.intake.submit(
            request_from_json_text(EXAMPLE.read_text(encoding="utf-8")), "demo"
        ).code
        assert parse_code(code).seq % central_code_slots(d) == 3
    finally:
        d.ctx.close()


def central_code_slots(d) -> int:
    with d.ctx.store.session() as s:
        return s.scalar(select(Centre.code_slots))


def test_bad_code_and_unreachable_central(tmp_path, demo_db, central):
    d = make_desk(tmp_path / "desk", central, datetime.now, db=demo_db, enrol=False)
    try:
        with pytest.raises(InvalidInput):
            d.ctx.enrolment.enrol(CENTRAL_URL, "WRONGCODE1", "pc")
        d.ctx.enrolment.retry = _instant_retry()
        central.down = True
        with pytest.raises(UserError, match="kết nối"):
            d.ctx.enrolment.enrol(CENTRAL_URL, "GOODCODE42", "pc")
        with pytest.raises(InvalidInput):
            d.ctx.enrolment.enrol("central.test", "GOODCODE42", "pc")
    finally:
        d.ctx.close()


def test_dossiers_saved_before_sync_existed_are_queued_at_enrolment(tmp_path, demo_db, central):
    d = make_desk(tmp_path / "desk", central, datetime.now, db=demo_db, enrol=False)
    try:
        uuids = d.intake(2)
        with d.ctx.store.write() as s:
            s.execute(delete(OutboxOp))  # as if saved under schema 0002
        result = d.ctx.enrolment.enrol(CENTRAL_URL, "GOODCODE42", "pc")
        assert result.queued == 2
        d.ctx.sync.sync_now()
        assert sorted(central.applied_log) == sorted(uuids)
    finally:
        d.ctx.close()


def test_online_login_caches_a_hash_for_offline_use(desk):
    desk.central.officers["hoa"] = ("mat-khau-1", "Lê Thị Hoa", "officer")
    officer = desk.ctx.auth.login("hoa", "mat-khau-1")
    assert (officer.username, officer.full_name, officer.role) == ("hoa", "Lê Thị Hoa", "officer")
    with desk.ctx.store.session() as s:
        row = s.scalar(select(Officer).where(Officer.username == "hoa"))
        assert row.password_hash.startswith("$argon2id$") and "mat-khau-1" not in row.password_hash
    desk.central.down = True
    assert desk.ctx.auth.login("hoa", "mat-khau-1").username == "hoa"  # offline: cached hash
    with pytest.raises(AuthError):
        desk.ctx.auth.login("hoa", "wrong-password")


def test_central_decides_when_it_answers(desk):
    desk.central.officers["hoa"] = ("mat-khau-1", "Lê Thị Hoa", "officer")
    desk.ctx.auth.login("hoa", "mat-khau-1")
    desk.central.officers["hoa"] = ("mat-khau-2", "Lê Thị Hoa", "officer")  # changed centrally
    with pytest.raises(AuthError):
        desk.ctx.auth.login("hoa", "mat-khau-1")  # the old cached password no longer opens
    assert desk.ctx.auth.login("hoa", "mat-khau-2").username == "hoa"
    desk.central.down = True
    assert desk.ctx.auth.verify("hoa", "mat-khau-2")


def test_unknown_officer_offline_cannot_log_in(desk):
    desk.central.down = True
    with pytest.raises(AuthError):
        desk.ctx.auth.login("nobody", "whatever1")


def test_desk_only_account_keeps_its_local_check(desk):
    # "demo" was made at this desk's setup; central doesn't know it, online or not.
    assert desk.ctx.auth.login("demo", "demo").username == "demo"
    with pytest.raises(AuthError):
        desk.ctx.auth.login("demo", "not-the-password")
    desk.central.down = True
    assert desk.ctx.auth.login("demo", "demo").username == "demo"


def test_revoked_device_falls_back_to_the_cached_hash(desk):
    desk.central.officers["hoa"] = ("mat-khau-1", "Lê Thị Hoa", "officer")
    desk.ctx.auth.login("hoa", "mat-khau-1")
    desk.central.revoked = True  # every officer would get 401: it's the device, not them
    assert desk.ctx.auth.login("hoa", "mat-khau-1").username == "hoa"
    report = desk.engine().run_once()
    assert report.auth_failed and "re-enrol" in desk.ctx.sync.status().last_error


# --- retrying through network faults, one enrolment key -----------------------------------------


class _Clock:
    """Injected into Retry: sleeping moves time on at once."""

    def __init__(self) -> None:
        self.now, self.slept = 0.0, []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _instant_retry(total_s: float = 60.0, clock: _Clock | None = None) -> Retry:
    c = clock or _Clock()
    return Retry(total_s=total_s, clock=c.clock, sleep=c.sleep, rng=random.Random(3))


def _recording_enrolment(d, central, keys: list[str], retry: Retry) -> EnrolmentService:
    """The desk's enrolment service, noting the key of every enrol request sent."""

    def handle(request: httpx.Request) -> httpx.Response:
        keys.append(json.loads(request.content)["key"])
        return central.handle(request)

    def factory(url: str, token: str | None = None, **kw) -> CentralClient:
        return CentralClient(url, token, transport=httpx.MockTransport(handle))

    return EnrolmentService(d.ctx.store, d.ctx.credentials, factory, retry)


def test_enrolment_retries_through_faults_with_one_key(tmp_path, central):
    d = make_desk(tmp_path / "fresh", central, datetime.now, db=None, enrol=False)
    keys: list[str] = []
    clock = _Clock()
    retry, told = _instant_retry(clock=clock), []
    retry.on_retry = lambda tries, wait, why: told.append((tries, why))
    enrolment = _recording_enrolment(d, central, keys, retry)
    central.faults["enrol"].extend(["timeout", "503", "reset", "lost"])  # "lost": answered, cut
    try:
        result = enrolment.enrol(CENTRAL_URL, "GOODCODE42", "pc")
        assert result.device_id == d.ctx.credentials.load().device_id
        assert len(keys) == 5 and len(set(keys)) == 1  # every try carried the same key
        assert len(clock.slept) == 4 and clock.now < 60
        assert [n for n, _ in told] == [1, 2, 3, 4] and "503" in told[1][1]  # the CLI shows it
        assert not enrolment.keys.path.exists()  # done: the key is forgotten
    finally:
        d.ctx.close()


def test_a_failed_enrolment_keeps_its_key_for_the_next_run(tmp_path, central):
    d = make_desk(tmp_path / "fresh", central, datetime.now, db=None, enrol=False)
    keys: list[str] = []
    clock = _Clock()
    enrolment = _recording_enrolment(d, central, keys, _instant_retry(30.0, clock))
    try:
        central.down = True
        with pytest.raises(UserError) as err:
            enrolment.enrol(CENTRAL_URL, "GOODCODE42", "pc")
        assert "lần thử" in err.value.message and "not lost" in err.value.text("en")
        assert clock.now <= 30 and len(keys) > 2  # bounded, with several tries
        if sys.platform != "win32":
            assert stat.S_IMODE(enrolment.keys.path.stat().st_mode) == 0o600
        central.down = False  # the desk was closed; the officer runs the enrolment again
        again = _recording_enrolment(d, central, keys, _instant_retry())
        # Typed by hand the second time: case, spaces and dashes do not make it another code.
        assert again.keys.key_for(CENTRAL_URL, " good-code-42") == keys[0]
        again.enrol(CENTRAL_URL, "GOODCODE42", "pc")
        assert len(set(keys)) == 1 and d.ctx.credentials.load() is not None
        # A new enrolment (another code) gets a new key.
        assert again.keys.key_for(CENTRAL_URL, "OTHERCODE1") != keys[0]
    finally:
        d.ctx.close()


def test_a_refused_code_is_not_retried(tmp_path, central):
    d = make_desk(tmp_path / "fresh", central, datetime.now, db=None, enrol=False)
    keys: list[str] = []
    enrolment = _recording_enrolment(d, central, keys, _instant_retry())
    try:
        with pytest.raises(InvalidInput):
            enrolment.enrol(CENTRAL_URL, "WRONGCODE1", "pc")
        assert len(keys) == 1
    finally:
        d.ctx.close()


def test_an_unenrolled_demo_desk_never_prints_an_enrolled_desks_code(tmp_path, demo_db, central):
    enrolled = make_desk(tmp_path / "enrolled", central, datetime.now, db=demo_db)  # slot 1
    demo = make_desk(tmp_path / "demo", central, datetime.now, db=demo_db, enrol=False)
    try:
        assert enrolled.ctx.setup.identity().counter_slot == central.slot
        assert demo.ctx.setup.identity().counter_slot == DEMO_SLOT
        text = EXAMPLE.read_text(encoding="utf-8")  # the same unit, the same day
        codes = {
            name: [
                d.ctx.intake.submit(request_from_json_text(text), "demo").code for _ in range(25)
            ]
            for name, d in (("enrolled", enrolled), ("demo", demo))
        }
        assert not set(codes["enrolled"]) & set(codes["demo"])
        assert {parse_code(c).unit_code for c in codes["demo"]} == {
            parse_code(c).unit_code for c in codes["enrolled"]
        }
    finally:
        enrolled.ctx.close(), demo.ctx.close()
