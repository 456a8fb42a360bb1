"""Acceptance test of desk ↔ central sync under faults.

Real processes on 127.0.0.1: ``hcc-central serve`` (through tests/faults/central_gate.py), one
fault proxy per desk, and three simulated desks (``python -m hcc_desk.sim.desk``: enrolment,
officer login, intake, attachments and the background sync thread, all through the real
services). While the desks take dossiers with attachments the proxies add latency, refuse and
drop connections and cut them mid-body, and three processes are SIGKILLed at chosen moments:
- central mid-write: its gate stops a push transaction after its dossier rows are written,
  before COMMIT; central is killed then, and the database must hold none of its rows afterwards;
- a desk mid-push and mid-upload: its proxy lets a push (then an upload) through to central
  and keeps central's answer back; the desk is killed while it waits for that answer, and the
  proxy must see it go away then. Each desk is restarted.
Enrolment goes through the proxies too: the first enrolment answer of two desks is lost (the
proxy holds central's 200 and cuts the connection), the third desk is SIGKILLed while its answer
is held and started again; each retries with the enrolment key it kept, and central must end
with one device per counter, each code used once, the retries audited and nothing refused.
Each kill must have hit a request in flight, or the test fails. Then every fault is healed and,
with no new local write, every queue must drain within 30 s, and central must hold exactly what
the desks saved: no dossier lost or doubled, every file byte-identical, the same status history.

Runs on SQLite and on PostgreSQL (server from tests/central/pg.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

pytest.importorskip("hcc_central.app")

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import AuditLog, Device, EnrolmentCode
from hcc_core.wire.protocol import API
from hcc_desk.core.sync.credentials import CredentialStore
from hcc_desk.services.setup import seed_agencies
from hcc_desk.sim.desk import DeskPlan
from tests.central import pg
from tests.faults.harness import DeskDb, DeskProcess, GatedCentral, Network, blob_sha256
from tests.support.fault_proxy import FaultProxy, Hold
from tests.support.realparts import unavailable
from tests.support.waits import poll

pytestmark = pytest.mark.slow

DESKS, DOSSIERS, PAGES, PAGE_KB = 3, 16, 2, 80
DRAIN_LIMIT_S = 30.0
CATCH_S = 20.0  # to catch a request in flight: the desks push and upload every second or so
PASSWORD = "mat-khau-mo-phong"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.db'}"
        return
    with ExitStack() as stack:
        try:
            server = stack.enter_context(pg.server())
        except pg.Unavailable as why:
            reason = f"PostgreSQL unavailable: {why}"
        else:
            yield stack.enter_context(pg.fresh_database(server))
            return
    unavailable(reason)


def _set_up_centre(db_url: str) -> list[str]:
    """The seed's agencies, an officer, and one enrolment code per desk (as an admin would)."""
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    try:
        with db.write() as s:
            centre = admin.create_centre(
                s,
                name="TRUNG TÂM PVHCC THỬ LỖI",
                governing_body="UBND THÀNH PHỐ HUẾ",
                place_name="Huế",
                code_slots=20,
            )
            for a in seed_agencies():
                admin.add_agency(
                    s, centre.id, name=a.name, short_name=a.short_name, unit_code=a.unit_code
                )
            admin.create_officer(
                s,
                username="lan",
                full_name="Trần Thị Lan",
                role="officer",
                password=PASSWORD,
                centre_id=centre.id,
            )
            return [
                admin.enrol_counter(s, centre.id, name=f"Quầy {i:02d}", slot=i)[0]
                for i in range(1, DESKS + 1)
            ]
    finally:
        db.dispose()


def _until(check, timeout: float, what: str, step: float = 0.1) -> float:
    """Seconds until ``check()`` held; TimeoutError naming ``what`` after ``timeout``."""
    start = time.monotonic()
    if not poll(check, timeout, interval=step):
        raise TimeoutError(f"{what}: not within {timeout} s")
    return time.monotonic() - start


def _kill_central_mid_write(central: GatedCentral) -> dict:
    """SIGKILL central while a push transaction is open with its rows written; report whether
    it was, and whether the database then held none of those rows (rolled back, not half)."""
    central.arm()
    try:
        held = central.wait_held(CATCH_S)
        central.kill()
    finally:
        central.disarm()
    after = central.committed(list(held["tables"])) if held else {}
    central.start()
    return {"held": held, "after": after}


def _kill_desk_mid_request(
    desk: DeskProcess, link: FaultProxy, method: str, path: str, hold: Hold | None = None
) -> dict:
    """SIGKILL ``desk`` while central's answer to its ``method path`` request is held back by
    its proxy (the request reached central, the desk waits); then start it again. ``hold``:
    one armed before the desk started (its first request)."""
    hold = hold or link.hold(method, path)
    try:
        caught = hold.wait_held(CATCH_S)
        killed_at = time.monotonic()
        desk.kill()
        gone = caught and hold.wait_client_gone(10)
    finally:
        link.release(hold)
    desk.start()
    return {
        "kind": f"{method} {path}",
        "request": hold.request,
        "answer": hold.answer,
        "hit": bool(gone) and hold.gone_at >= killed_at,
    }


def _lose_answer(link: FaultProxy, hold: Hold) -> dict:
    """Let the held request reach central, then cut the connection instead of answering: the
    desk lives on and must retry."""
    try:
        caught = hold.wait_held(CATCH_S)
        link.cut_all()
        gone = caught and hold.wait_client_gone(10)
    finally:
        link.release(hold)
    return {"kind": "lost", "request": hold.request, "answer": hold.answer, "hit": bool(gone)}


def _enrolments(db_url: str) -> dict:
    """What central's database says about enrolment: devices, codes, audit rows."""
    db = Database(db_url, pool_size=1)
    try:
        with db.read() as s:
            actions = list(s.scalars(select(AuditLog.action)))
            return {
                "devices": sorted((d.id, d.revoked) for d in s.scalars(select(Device))),
                "codes": sorted(
                    (c.device_id, c.used_at is not None) for c in s.scalars(select(EnrolmentCode))
                ),
                "retries": actions.count("device.enrol_retry"),
                "enrols": actions.count("device.enrol"),
                "refused": actions.count("device.enrol_refused"),
            }
    finally:
        db.dispose()


def _check_enrolment(enrol_faults: list[dict], desks: list[DeskProcess], central: dict) -> None:
    """Every enrolment answer was lost once, yet each counter has one device, its code used
    once by it; every desk holds that device's credential."""
    assert all(f["hit"] and f["answer"].startswith("HTTP/1.1 200") for f in enrol_faults), (
        f"an enrolment answer was not lost in flight: {enrol_faults}"
    )
    mine = sorted(
        CredentialStore(Path(d.plan.profile) / "device.json").load().device_id for d in desks
    )
    assert central["devices"] == [(i, False) for i in mine], central
    assert central["codes"] == [(i, True) for i in mine], central
    assert (central["enrols"], central["retries"], central["refused"]) == (
        len(desks),
        len(desks),
        0,
    ), central


def _check_kills(central_kill: dict, desk_kills: list[dict]) -> None:
    """Every kill landed on a request in flight; central's open transaction was lost whole."""
    held = central_kill["held"]
    assert held is not None and held["tables"]["dossier"]["written"] > 0, (
        f"central was not killed mid-write: no push transaction held open ({central_kill})"
    )
    for table, rows in held["tables"].items():
        assert central_kill["after"][table] == rows["visible"] - rows["written"], (
            f"the killed transaction's {table} rows are not all gone: {central_kill}"
        )
    for kind in (f"POST {API}/sync/push", f"POST {API}/uploads"):
        hits = [k for k in desk_kills if k["kind"] == kind and k["hit"]]
        assert len(hits) >= 1, f"no desk killed while its {kind} was in flight: {desk_kills}"


def test_faults_lose_nothing_and_queues_drain_once_healed(db_url, tmp_path, capsys):
    codes = _set_up_centre(db_url)
    central = GatedCentral(db_url, tmp_path / "store", tmp_path / "central.log", tmp_path / "gate")
    net = Network(central.port, DESKS, seed=7).start()
    desks = [
        DeskProcess(
            DeskPlan(
                profile=str(tmp_path / f"desk-{i + 1:02d}"),
                central=net.links[i].url,
                name=f"desk-{i + 1:02d}",
                officer="lan",
                password=PASSWORD,
                dossiers=DOSSIERS,
                code=codes[i],
                pages=PAGES,
                attachment_kb=PAGE_KB,
                seed=11,
                pace=0.45,
                timeout=90.0,
            )
        )
        for i in range(DESKS)
    ]
    victim = desks[1]
    # The first enrol request of every desk is caught: its answer is lost or its desk killed.
    enrol_holds = [link.hold("POST", API + "/enrol") for link in net.links]
    try:
        central.start()
        for d in desks:
            d.start()
        enrol_faults = [_lose_answer(net.links[i], enrol_holds[i]) for i in (1, 2)]
        enrol_faults.append(
            _kill_desk_mid_request(desks[0], net.links[0], "POST", API + "/enrol", enrol_holds[0])
        )
        for d in desks:
            d.wait_for("ready", 60)  # enrolled, and the officer's first login was online

        # Faults while the desks take dossiers (each phase bounded in time).
        # These sleeps are the phases themselves: the desks keep working for that long under
        # each fault, no condition to wait for.
        net.set(latency=0.02, drop_rate=0.2)
        time.sleep(1.5)
        net.set(reset_after=120 * 1024)  # a second upload on one connection is cut mid-body
        time.sleep(1.5)
        net.cut_all()
        central_kill = _kill_central_mid_write(central)
        link = net.links[desks.index(victim)]
        desk_kills = [
            _kill_desk_mid_request(victim, link, "POST", API + path)
            for path in ("/sync/push", "/uploads")
        ]
        _check_kills(central_kill, desk_kills)
        net.set(down=True)
        time.sleep(1.0)  # an outage lasts a while (the phase, as above)
        net.set(down=False)
        for d in desks:  # the last local writes happen under latency, drops and resets
            d.wait_for("intake_done", 90)

        net.heal()
        dbs = [DeskDb(Path(d.plan.profile)) for d in desks]
        drain_s = _until(
            lambda: all(db.waiting() == 0 for db in dbs),
            DRAIN_LIMIT_S,
            f"every desk's queue drained ({[db.waiting() for db in dbs]} left)",
        )
        results = [d.wait_for("result", 30) for d in desks]
        assert [d.stop() for d in desks] == [0] * DESKS, results
        exported = central.export(tmp_path / "export.jsonl")
        stored = {
            a["sha256"]: blob_sha256(central, a["sha256"])
            for doc in exported
            for a in doc["attachments"]
        }
    finally:
        for d in desks:
            d.kill()
        central.stop()
        net.stop()

    _check_enrolment(enrol_faults, desks, _enrolments(db_url))

    assert all(not db.parked() for db in dbs), [db.parked() for db in dbs]
    saved: dict[str, dict] = {}
    for db in dbs:
        mine = db.dossiers()
        assert len(mine) == DOSSIERS
        saved.update(mine)
    assert len(saved) == DESKS * DOSSIERS

    # Exactly the desks' dossiers, each once, under the code the desk gave it.
    assert len(exported) == len({d["uuid"] for d in exported})
    assert {d["uuid"]: d["code"] for d in exported} == {u: s["code"] for u, s in saved.items()}
    for doc in exported:
        mine = saved[doc["uuid"]]
        assert doc["status"] == mine["status"]
        events = sorted(
            (e["uuid"], e["status"], datetime.fromisoformat(e["at"])) for e in doc["events"]
        )
        assert events == sorted(mine["events"])
        files = {a["uuid"]: (a["sha256"], a["size"]) for a in doc["attachments"]}
        assert files == mine["attachments"]
        assert all(a["stored"] for a in doc["attachments"])
        for sha, size in files.values():  # the bytes on central's disk, hashed again
            assert stored[sha] == (sha, size)

    c = net.counters()
    n_files = sum(len(s["attachments"]) for s in saved.values())
    size = sum(sz for s in saved.values() for _, sz in s["attachments"].values())
    assert c.dropped > 0 and c.resets > 0 and c.refused > 0 and victim.starts == 3
    assert desks[0].starts == 2  # killed once, mid-enrolment
    rolled_back = ", ".join(
        f"{n['written']} {t} rows" for t, n in central_kill["held"]["tables"].items()
    )
    desk_hits = ", ".join(
        f"awaiting {k['answer']!r} to {k['request'].split('?')[0]}" for k in desk_kills
    )
    with capsys.disabled():
        print(
            f"\n[faults/{db_url.split(':')[0]}] proxies: {c.connections} connections, "
            f"{c.dropped} dropped, {c.resets} cut mid-body, {c.refused} refused; central "
            f"SIGKILLed mid-write ({rolled_back} rolled back); desk SIGKILLed "
            f"{desk_hits}; enrolment answers lost 2, desk killed awaiting its enrolment "
            f"1, one device each; drained {drain_s:.2f} s after healing; {len(saved)} dossiers, "
            f"{n_files} files, {size / 1e6:.1f} MB, {c.bytes_up / 1e6:.1f} MB up through "
            "the proxies"
        )
