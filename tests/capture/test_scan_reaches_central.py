"""Scanned papers sync through the attachment path: a feeder batch from SANE's test device,
attached to a dossier on an enrolled desk, arrives at a real hcc-central (uvicorn on loopback)
with the same SHA-256 and size, stored in central's content-addressed file store."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

pytest.importorskip("hcc_central.app")

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import Attachment as CentralAttachment
from hcc_central.settings import Settings
from hcc_central.store import FileStore
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.core import sealed_files
from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.store.models import Attachment
from tests.central.live import LiveServer
from tests.services.after_intake_helpers import intake

UNIT = "000.00.61.H57"
PASSWORD = "mat-khau-123"


@pytest.fixture
def central(tmp_path):
    root = tmp_path / "central"
    root.mkdir()
    url = f"sqlite:///{root / 'central.db'}"
    db = Database(url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    live = LiveServer(Settings(db_url=url, store_dir=root / "store")).start()
    yield live, root / "store"
    live.stop()


def _enrolled_desk(live: LiveServer, profile: Path):
    def create(s):
        centre = admin.create_centre(
            s,
            name="TRUNG TÂM PVHCC THỬ",
            governing_body="UBND THỬ",
            place_name="Huế",
            code_slots=10,
        )
        admin.add_agency(s, centre.id, name="Công an cấp tỉnh", short_name="CA", unit_code=UNIT)
        admin.create_officer(
            s,
            username="lan",
            full_name="Cán bộ Lan",
            role="officer",
            password=PASSWORD,
            centre_id=centre.id,
        )
        return admin.enrol_counter(s, centre.id, name="Quầy 01", slot=1)[0]

    code = live.write(create)
    assert (
        cli.main(["enrol", "--profile", str(profile), "--central", live.base_url, "--code", code])
        == cli.EXIT_OK
    )
    ctx = open_context(profile)
    ctx.auth.login("lan", PASSWORD)
    return ctx


def test_scanned_paper_arrives_at_central_byte_identical(central, tmp_path, sane_test_device):
    live, store_dir = central
    ctx = _enrolled_desk(live, tmp_path / "quay1")
    try:
        code = intake(ctx, datetime(2026, 11, 25, 9, 0), "lan")
        detail = ctx.dossiers.detail(code, "lan")
        session = ctx.capture.spool.open_session(
            "dossier:" + detail.uuid, 1, detail.papers[0].name, code
        )
        outcome = ctx.capture.scan(
            session,
            ScanProfile(sane_test_device, Source.ADF, 150, ColourMode.GRAY),
            on_page=lambda _p: None,
            officer_username="lan",
        )
        assert outcome.fault is None and len(outcome.pages) == 10
        att_uuid = ctx.capture.attach(session, code, "lan")

        ok, _ = ctx.sync.run_until_idle(60)
        assert ok

        with ctx.store.session() as s:
            att = s.scalar(select(Attachment).where(Attachment.uuid == att_uuid))
            local = sealed_files.read(ctx.capture.attachments_dir, att.path)
            assert att.upload_state == "done"
        with live.db.read() as s:
            row = s.get(CentralAttachment, att_uuid)
        assert row is not None and row.dossier_uuid == detail.uuid
        assert (row.size, row.sha256) == (len(local), hashlib.sha256(local).hexdigest())
        blob = FileStore(store_dir).blob_path(row.sha256)
        assert blob.read_bytes() == local
    finally:
        ctx.close()
