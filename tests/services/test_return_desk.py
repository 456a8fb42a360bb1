"""Return desk: find by scanned code, check the recipient, record the hand-back and its timing."""

from datetime import datetime

import pytest
from sqlalchemy import select

from hcc_core.domain.errors import DomainError
from hcc_core.domain.status import DossierStatus as S
from hcc_desk.core.store.models import AuditLog, Dossier, HandBack, OutboxOp
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.errors import FieldErrors, NotFound, UserError
from hcc_desk.services.return_desk import Recipient, ReturnDeskService
from tests.services.after_intake_helpers import OWNER_ID, PROXY_QR, Clock, intake

RECEIVED = datetime(2026, 11, 25, 9, 0)
DUE = datetime(2026, 12, 7, 9, 0)
OWNER = Recipient("owner", "Nguyễn Thị Hương", OWNER_ID)


@pytest.fixture
def clock():
    return Clock(RECEIVED)


@pytest.fixture
def desk(demo_ctx, clock):
    return ReturnDeskService(demo_ctx.store, clock)


@pytest.fixture
def steps(demo_ctx, clock):
    return AgencyStepsService(demo_ctx.store, demo_ctx.calendars, clock)


def _ready(demo_ctx, steps, clock, at: datetime) -> str:
    code = intake(demo_ctx, RECEIVED)
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    clock.set(at)
    steps.result_ready(code, "demo")
    return code


def test_open_by_code_in_any_form_shows_the_card_and_audits(demo_ctx, desk):
    code = intake(demo_ctx, RECEIVED)
    for typed in (
        code,
        f"  {code.lower()} \r",
        code[-11:],
        f"https://tracuu.example.vn/hs?ma={code}&pin=ABCD",
    ):
        card = desk.open(typed, "demo")
        assert card.code == code
    assert card.submitter.name == "Nguyễn Thị Hương" and card.submitter.id_number == OWNER_ID
    assert card.due_at == DUE and card.status == S.NEW and not card.ready
    assert card.status_label == "Được tiếp nhận"
    with demo_ctx.store.session() as s:
        views = s.scalars(select(AuditLog).where(AuditLog.action == "dossier.view")).all()
    assert len(views) == 4 and views[0].detail["screen"] == "return_desk"


def test_unknown_and_empty_codes_are_refused_clearly(desk):
    with pytest.raises(NotFound, match=r"Không tìm thấy hồ sơ 000\.00\.61\.H57-261125-9999"):
        desk.open("000.00.61.H57-261125-9999", "demo")
    with pytest.raises(NotFound, match="Hãy quét hoặc nhập mã"):
        desk.open("  ", "demo")


def test_not_ready_is_refused_and_nothing_is_recorded(demo_ctx, desk):
    code = intake(demo_ctx, RECEIVED)
    with pytest.raises(UserError, match=r"chưa có kết quả .*Được tiếp nhận"):
        desk.hand_back(code, OWNER, "demo")
    with demo_ctx.store.session() as s:
        assert s.scalar(select(HandBack)) is None


def test_hand_back_to_the_owner_on_time(demo_ctx, desk, steps, clock):
    code = _ready(demo_ctx, steps, clock, datetime(2026, 12, 7, 8, 30))  # due day, before 9:00
    assert desk.open(code, "demo").timing_if_now == "on_time"
    clock.set(datetime(2026, 12, 9, 14, 0))  # the applicant comes two days later
    done = desk.hand_back(code, Recipient("owner", "", f" {OWNER_ID[:6]} {OWNER_ID[6:]}"), "demo")
    assert (done.timing, done.status, done.recipient_name) == (
        "on_time",
        S.DONE,
        "Nguyễn Thị Hương",
    )
    with demo_ctx.store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        hb = s.scalar(select(HandBack).where(HandBack.dossier_id == d.id))
        op = s.scalar(
            select(OutboxOp).where(OutboxOp.entity_uuid == d.uuid, OutboxOp.state == "pending")
        )
        audit = s.scalar(select(AuditLog).where(AuditLog.action == "dossier.hand_back"))
        last = d.events[-1]
    assert d.status == S.DONE and d.returned_at == datetime(2026, 12, 9, 14, 0)
    assert last.status == S.DONE and "Nguyễn Thị Hương" in last.note
    assert (hb.relation, hb.recipient_id_number, hb.timing, hb.officer) == (
        "owner",
        OWNER_ID,
        "on_time",
        "demo",
    )
    assert op.payload["status"] == S.DONE
    assert audit.detail["timing"] == "on_time" and audit.entity_uuid == d.uuid
    card = desk.open(code, "demo")
    assert card.hand_back is not None and not card.ready
    with pytest.raises(UserError, match="đã trả kết quả cho Nguyễn Thị Hương lúc 14:00 09/12"):
        desk.hand_back(code, OWNER, "demo")


@pytest.mark.parametrize(
    ("ready_at", "timing"),
    [
        (datetime(2026, 12, 4, 16, 0), "early"),
        (DUE, "on_time"),
        (datetime(2026, 12, 7, 9, 1), "late"),
    ],
)
def test_timing_is_of_the_result_against_the_appointment(
    demo_ctx, desk, steps, clock, ready_at, timing
):
    code = _ready(demo_ctx, steps, clock, ready_at)
    assert desk.hand_back(code, OWNER, "demo").timing == timing


def test_an_apology_does_not_make_a_late_result_on_time(demo_ctx, desk, steps, clock):
    code = intake(demo_ctx, RECEIVED)
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    clock.set(datetime(2026, 12, 4, 10, 0))
    steps.apologise(code, "demo", new_due_at=datetime(2026, 12, 10, 16, 0), reason="chậm")
    clock.set(datetime(2026, 12, 9, 10, 0))  # before the new appointment, after the old one
    steps.result_ready(code, "demo")
    assert desk.hand_back(code, OWNER, "demo").timing == "late"


def test_someone_else_needs_an_authorisation_letter(demo_ctx, desk, steps, clock):
    code = _ready(demo_ctx, steps, clock, datetime(2026, 12, 3, 10, 0))
    with pytest.raises(FieldErrors, match="cần giấy ủy quyền"):
        desk.hand_back(code, Recipient("owner", "Nguyễn Văn Ánh", "046190001234"), "demo")
    with pytest.raises(FieldErrors, match="số định danh"):
        desk.hand_back(code, Recipient("owner", "Nguyễn Thị Hương", ""), "demo")
    person = desk.read_qr(PROXY_QR)
    assert (person.name, person.id_number) == ("Nguyễn Văn Ánh", "046190001234")
    with pytest.raises(FieldErrors) as err:
        desk.hand_back(code, Recipient("authorised", person.name, person.id_number), "demo")
    assert [e.field for e in err.value.errors] == ["authorisation_ref"]
    with pytest.raises(FieldErrors) as err:
        desk.hand_back(code, Recipient("authorised", "X", "046190001239x", "GUQ 12"), "demo")
    assert [e.field for e in err.value.errors] == ["id_number"]
    done = desk.hand_back(
        code,
        Recipient(
            "authorised", person.name, person.id_number, "Giấy ủy quyền số 12/2026 ngày 01/12/2026"
        ),
        "demo",
    )
    assert done.relation == "authorised" and done.timing == "early"
    with demo_ctx.store.session() as s:
        hb = s.scalar(select(HandBack))
    assert hb.authorisation_ref == "Giấy ủy quyền số 12/2026 ngày 01/12/2026"
    assert hb.recipient_id_number == "046190001234"


def test_unreadable_qr_is_a_domain_error(desk):
    with pytest.raises(DomainError):
        desk.read_qr("not a chip card")


def test_a_stopped_dossier_hands_back_its_papers(demo_ctx, desk, steps):
    code = intake(demo_ctx, RECEIVED)
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    steps.refuse(code, "demo", reasons="Không đủ điều kiện")
    assert desk.open(code, "demo").ready
    assert desk.hand_back(code, OWNER, "demo").status == S.DONE


def test_a_result_ready_pulled_from_central_is_ready_here(demo_ctx, desk):
    """A status applied by the sync pull fills result_ready_at (core/sync/pull.py hook)."""
    from hcc_core.wire.protocol import Change
    from hcc_desk.core.sync.pull import Applied, apply_changes

    code = intake(demo_ctx, RECEIVED)
    with demo_ctx.store.write() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        s.execute(OutboxOp.__table__.update().values(state="done"))  # pushed already
        payload = {
            "dossier_uuid": d.uuid,
            "due_at": DUE.isoformat(),
            "event": {
                "uuid": "7d1c7e36-2a55-4a43-9a53-7f0bd0000001",
                "status": 9,
                "at": "2026-12-02T10:00:00",
                "actor": "agency",
                "note": None,
            },
        }
        out = Applied()
        apply_changes(
            s, [Change(seq=1, kind="dossier.status", entity_uuid=d.uuid, payload=payload)], out
        )
    assert out.applied == 1
    card = desk.open(code, "demo")
    assert card.ready and card.result_ready_at == datetime(2026, 12, 2, 10, 0)
    assert desk.hand_back(code, OWNER, "demo").timing == "early"
