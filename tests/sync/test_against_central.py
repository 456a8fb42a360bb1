"""The desk against a real hcc-central (uvicorn on 127.0.0.1) behind a fault-injecting proxy.

Offline intake, then central comes up and ``hcc-desk sync --until-idle`` delivers every dossier
exactly once (read back with ``hcc-central export``); an agency's status change on central
reaches the desk; on a flaky network (refused connections, connections cut mid-body) dossiers
and attachments still arrive exactly once and intact.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

pytest.importorskip("hcc_central.app")

from hcc_central import admin
from hcc_central.cli import main as central_main
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.services.intake_request import request_from_json_text
from tests.central.live import LiveServer
from tests.support.fault_proxy import FaultProxy
from tests.sync.conftest import EXAMPLE

KiB = 1024
UNIT = "000.00.61.H57"  # the seed's "Công an cấp tỉnh": its procedures include the example's
PASSWORD = "mat-khau-123"


class Central:
    """A central database that can be served, stopped and served again behind one proxy URL."""

    def __init__(self, root: Path):
        root.mkdir()
        self.db_url, self.store = f"sqlite:///{root / 'central.db'}", root / "store"
        db = Database(self.db_url, pool_size=1)
        upgrade(db.engine)
        db.dispose()
        self.settings = Settings(
            db_url=self.db_url,
            store_dir=self.store,
            chunk_bytes=16 * KiB,
            max_attachment_bytes=256 * KiB,
            max_dossier_bytes=2048 * KiB,
        )
        self.proxy = FaultProxy(target_port=_free_port()).start()  # nothing there yet: down
        self.server: LiveServer | None = None

    def start(self) -> LiveServer:
        self.server = LiveServer(self.settings).start()
        self.proxy.target_port = self.server.port
        return self.server

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def export(self, tmp: Path) -> list[dict]:
        out = tmp / "export.jsonl"
        assert (
            central_main(
                ["export", "--db", self.db_url, "--store", str(self.store), "--jsonl", str(out)]
            )
            == 0
        )
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def central(tmp_path):
    c = Central(tmp_path / "central")
    yield c
    c.stop()
    c.proxy.stop()


def _set_up_centre(server: LiveServer) -> str:
    """A centre with the seed's police agency, an officer, and a code for counter slot 1."""

    def create(s):
        centre = admin.create_centre(
            s,
            name="TRUNG TÂM PVHCC TỈNH THỬ",
            governing_body="UBND TỈNH THỬ",
            place_name="Huế",
            code_slots=20,
        )
        admin.add_agency(s, centre.id, name="Công an cấp tỉnh", short_name="CA", unit_code=UNIT)
        admin.create_officer(
            s,
            username="lan",
            full_name="Trần Thị Lan",
            role="officer",
            password=PASSWORD,
            centre_id=centre.id,
        )
        return admin.enrol_counter(s, centre.id, name="Quầy 01", slot=1)[0]

    return server.write(create)


def _enrolled_desk(central: Central, profile: Path) -> None:
    code = _set_up_centre(central.start())
    assert (
        cli.main(
            [
                "enrol",
                "--profile",
                str(profile),
                "--central",
                central.proxy.url,
                "--code",
                code,
                "--name",
                "PC quầy 01",
            ]
        )
        == cli.EXIT_OK
    )
    ctx = open_context(profile)
    try:
        assert ctx.setup.is_set_up()  # set up from central: no manual setup
        ctx.auth.login("lan", PASSWORD)  # online: caches the hash for offline logins
    finally:
        ctx.close()


def _intake(ctx, n: int) -> list:
    text = EXAMPLE.read_text(encoding="utf-8")
    return [ctx.intake.submit(request_from_json_text(text), "lan") for _ in range(n)]


def test_offline_intake_reaches_central_exactly_once_and_status_comes_back(central, tmp_path):
    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    central.stop()  # the network/central is down for the whole working morning

    ctx = open_context(profile)
    try:
        ctx.auth.login("lan", PASSWORD)  # offline login with the cached hash
        saved = _intake(ctx, 20)
        report = ctx.sync.sync_now()
        assert report.offline and ctx.sync.status().pending == 20
    finally:
        ctx.close()

    central.start()
    assert cli.main(["sync", "--profile", str(profile), "--until-idle", "--timeout", "60"]) == 0
    exported = central.export(tmp_path)
    assert sorted((d["uuid"], d["code"]) for d in exported) == sorted(
        (s.uuid, s.code) for s in saved
    )
    assert all(len(d["events"]) == 1 for d in exported)

    # An agency reports progress on central; the desk learns it on its next sync.
    target = saved[3]
    central.server.write(
        set_status,
        target.code,
        DossierStatus.PROCESSING,
        note="Đã chuyển phòng xử lý",
        actor="ca_tinh",
    )
    for _ in range(2):  # twice: the second pass must not duplicate the event
        assert cli.main(["sync", "--profile", str(profile), "--until-idle", "--timeout", "30"]) == 0
    ctx = open_context(profile)
    try:
        detail = ctx.dossiers.detail(target.code, "lan")
        assert detail.status == DossierStatus.PROCESSING
        assert [e.status for e in detail.events] == [2, 4]
        assert ctx.sync.dossier_sync_state(target.uuid) == "synced"
    finally:
        ctx.close()
    assert len(central.export(tmp_path)) == 20


def test_flaky_network_still_delivers_dossiers_and_attachments_exactly_once(central, tmp_path):
    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    ctx = open_context(profile)
    files: dict[str, bytes] = {}
    try:
        central.proxy.set(down=True)
        saved = _intake(ctx, 20)
        for s in saved[:6]:
            data = os.urandom(90 * KiB)
            att = ctx.sync.attach(s.uuid, data, "to-khai.pdf", "application/pdf", 1)
            files[att] = data
    finally:
        ctx.close()
    # Back, but badly: a fifth of connections refused, every connection cut after 100 KiB up.
    central.proxy.set(down=False, drop_rate=0.2, reset_after=100 * KiB)
    assert cli.main(["sync", "--profile", str(profile), "--until-idle", "--timeout", "120"]) == 0
    assert central.proxy.counters.resets > 0 and central.proxy.counters.dropped > 0

    exported = central.export(tmp_path)
    assert sorted(d["uuid"] for d in exported) == sorted(s.uuid for s in saved)
    stored = {a["uuid"]: a for d in exported for a in d["attachments"]}
    assert set(stored) == set(files)
    for att, data in files.items():
        assert stored[att]["stored"] is True
        assert stored[att]["sha256"] == hashlib.sha256(data).hexdigest()
        assert central.store.joinpath("sha256").exists()


def test_cli_login_checks_central_then_works_offline(central, tmp_path, monkeypatch, capsys):
    import io

    profile = tmp_path / "desk"
    code = _set_up_centre(central.start())
    assert (
        cli.main(
            ["enrol", "--profile", str(profile), "--central", central.proxy.url, "--code", code]
        )
        == cli.EXIT_OK
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-password\n"))
    assert (
        cli.main(["login", "--profile", str(profile), "--officer", "lan", "--password-stdin"])
        == cli.EXIT_REFUSED
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        cli.main(["login", "--profile", str(profile), "--officer", "lan", "--password-stdin"])
        == cli.EXIT_OK
    )
    assert capsys.readouterr().out.endswith("lan\tTrần Thị Lan\tofficer\n")
    central.stop()  # offline now: the cached hash answers, and its session serves intake
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        cli.main(["login", "--profile", str(profile), "--officer", "lan", "--password-stdin"])
        == cli.EXIT_OK
    )
    assert (
        cli.main(["intake", "--profile", str(profile), "--officer", "lan", str(EXAMPLE)])
        == cli.EXIT_OK
    )
