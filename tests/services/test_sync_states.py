"""The sync states today's list shows, read for a list longer than one query's parameters, and
a parked dossier put back in the queue."""

from datetime import datetime

from sqlalchemy import update

from hcc_desk.core.store.models import OutboxOp
from hcc_desk.services.intake_request import IntakeRequest, PersonInput

QR = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Huế|15082021"


def test_states_of_a_long_list_and_a_parked_dossier_retried(demo_ctx):
    done = demo_ctx.intake.submit(
        IntakeRequest(
            procedure_code="1.001456",
            citizen_qr=QR,
            submitter=PersonInput(phone="0912345678"),
            received_at=datetime(2026, 11, 25, 9, 0),
        ),
        "demo",
    )
    with demo_ctx.store.write() as s:
        s.execute(update(OutboxOp).where(OutboxOp.entity_uuid == done.uuid).values(state="parked"))
    # 1,200 uuids: the saved dossier sits in the third chunk of SQLite parameters.
    uuids = [f"unknown-{i}" for i in range(1200)]
    uuids[1100] = done.uuid
    states = demo_ctx.sync.dossier_sync_states(uuids)
    assert states[done.uuid] == "parked"
    assert states["unknown-0"] == "pending"  # nothing queued yet reads as pending
    assert len(states) == 1200

    assert demo_ctx.sync.retry_parked() == 1
    assert demo_ctx.sync.dossier_sync_states([done.uuid]) == {done.uuid: "pending"}
