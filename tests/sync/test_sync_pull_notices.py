"""A step an agency records on central reaches the desk with its paper: a pulled supplement
request is the desk's notice, and the counter prints Mẫu 02 from it as from its own step; a
stop notice prints as the stop notice; a transfer names the new agency; a result document is
noted. Hostile extras skip the change (logged), never the pull; a page pulled twice adds nothing.

The end-to-end run with a real central and its back office in Chromium is tests/web."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hcc_core.domain.status import DossierStatus
from hcc_desk.core.printing.forms.data import StopData
from hcc_desk.core.store.models import Dossier, DossierNotice, Handover, SyncState
from hcc_desk.services.dossier_steps import last_agency
from tests.support.printed import pdf_text

E1 = "e0000000-0000-4000-8000-0000000000a1"
E2 = "e0000000-0000-4000-8000-0000000000a2"
AGENCY = "Sở Tư pháp"
PAPERS = ["Bản sao giấy khai sinh có chứng thực", "Tờ khai bổ sung (mẫu TP/HT-2026)"]
REASON = "Tờ khai thiếu chữ ký của người yêu cầu"


def _change(uuid: str, status: int, event: str = E1, **extra) -> dict:
    at = (datetime.now() + timedelta(hours=1)).replace(microsecond=0)
    return {
        "dossier_uuid": uuid,
        "due_at": None if status == DossierStatus.WAITING_SUPPLEMENT else "2026-12-10T16:30:00",
        "event": {
            "uuid": event,
            "status": status,
            "at": at.isoformat(),
            "actor": "cb_tuphap",
            "note": "Yêu cầu bổ sung",
        },
        **extra,
    }


def _supplement(uuid: str, **notice) -> dict:
    body = {"kind": "supplement", "agency": AGENCY, "reason": REASON, "missing_papers": PAPERS}
    return _change(uuid, DossierStatus.WAITING_SUPPLEMENT, notice={**body, **notice})


def _pushed_dossier(desk) -> tuple[str, str]:
    [uuid] = desk.intake()
    desk.engine().run_once()  # pushed: nothing pending, so pulled statuses apply at once
    with desk.ctx.store.session() as s:
        return uuid, s.scalar(select(Dossier.code).where(Dossier.uuid == uuid))


def _notices(store, uuid: str) -> list[DossierNotice]:
    with store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        rows = list(s.scalars(select(DossierNotice).where(DossierNotice.dossier_id == d.id)))
        s.expunge_all()
        return rows


def test_a_pulled_supplement_request_prints_as_the_counters_mau_02(desk, tmp_path):
    uuid, code = _pushed_dossier(desk)
    desk.central.add_change("dossier.status", uuid, _supplement(uuid))
    report = desk.engine().run_once()
    assert report.errors == [] and report.pulled == 1
    [notice] = _notices(desk.ctx.store, uuid)
    assert (notice.kind, notice.agency_name, notice.reason) == ("supplement", AGENCY, REASON)
    assert notice.missing_papers == PAPERS and notice.status_event_uuid == E1
    assert notice.actor == "cb_tuphap"
    detail = desk.ctx.dossiers.detail(code, "demo")
    assert detail.status == DossierStatus.WAITING_SUPPLEMENT

    pdf = desk.ctx.forms.render("supplement", code, tmp_path / "mau02.pdf", "demo")
    text = pdf_text(pdf)
    for expected in (*PAPERS, REASON, code, AGENCY):
        assert " ".join(expected.split()) in text, expected

    # The same page again (a retried pull): neither a second event nor a second notice.
    with desk.ctx.store.write() as s:
        s.get(SyncState, 1).cursor = 0
    desk.engine().run_once()
    assert len(_notices(desk.ctx.store, uuid)) == 1
    assert len(desk.ctx.dossiers.detail(code, "demo").events) == 2


def test_a_pulled_stop_prints_the_stop_notice_with_its_reasons(desk, tmp_path):
    uuid, code = _pushed_dossier(desk)
    desk.central.add_change("dossier.status", uuid, _change(uuid, DossierStatus.PROCESSING))
    reasons = "Hồ sơ không thuộc thẩm quyền giải quyết của Sở"
    stop = _change(
        uuid,
        DossierStatus.UNRESOLVED,
        event=E2,
        notice={"kind": "stop", "agency": AGENCY, "reason": reasons},
    )
    desk.central.add_change("dossier.status", uuid, stop)
    assert desk.engine().run_once().errors == []
    [notice] = _notices(desk.ctx.store, uuid)
    assert notice.kind == "refusal" and notice.missing_papers is None
    assert isinstance(desk.ctx.forms.form_data("refusal", code), StopData)
    pdf = desk.ctx.forms.render("refusal", code, tmp_path / "stop.pdf", "demo")
    assert reasons in pdf_text(pdf)


def test_a_transfer_on_central_names_the_new_agency_at_the_counter(desk):
    uuid, code = _pushed_dossier(desk)
    unit = "000.00.99.H57"
    desk.central.add_change(
        "agency.upsert", "a1", {"name": "Sở Thử nghiệm", "short_name": "STN", "unit_code": unit}
    )
    desk.central.add_change(
        "dossier.status",
        uuid,
        _change(uuid, DossierStatus.INTEROPERATING, agency_unit_code=unit),
    )
    assert desk.engine().run_once().errors == []
    with desk.ctx.store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        [hop] = s.scalars(select(Handover).where(Handover.dossier_id == d.id)).all()
        assert (hop.from_party, hop.to_party) == (d.agency.name, "Sở Thử nghiệm")
        assert last_agency(s, d) == "Sở Thử nghiệm"
    # The return desk offers the new agency as the one handing the result back.
    assert desk.ctx.return_desk.open(code, "demo").agency_hint == "Sở Thử nghiệm"


def test_a_result_document_on_central_is_accepted(desk):
    uuid, code = _pushed_dossier(desk)
    result = {
        "attachment_uuid": "a0000000-0000-4000-8000-000000000001",
        "filename": "ket-qua.pdf",
        "sha256": "ab" * 32,
        "size": 12345,
    }
    desk.central.add_change(
        "dossier.status", uuid, _change(uuid, DossierStatus.RELEASING, result=result)
    )
    assert desk.engine().run_once().errors == []
    assert desk.ctx.dossiers.detail(code, "demo").status == DossierStatus.RELEASING


@pytest.mark.expect_log_warnings  # each skipped change is logged for support
@pytest.mark.parametrize(
    "notice",
    [
        {"kind": "supplement", "agency": AGENCY, "missing_papers": PAPERS},  # no reason
        {"kind": "warning", "agency": AGENCY, "reason": REASON},  # unknown kind
        {"kind": "supplement", "agency": AGENCY, "reason": "x" * 2001},  # too long
        {"kind": "supplement", "agency": AGENCY, "reason": REASON, "missing_papers": "Tờ khai"},
        {"kind": "supplement", "agency": AGENCY, "reason": REASON, "missing_papers": [7]},
        {"kind": "supplement", "agency": ["Sở"], "reason": REASON},
        {"kind": "supplement", "reason": REASON, "missing_papers": ["p"] * 101},
        "Yêu cầu bổ sung",
    ],
    ids=[
        "no-reason",
        "unknown-kind",
        "long-reason",
        "papers-not-a-list",
        "paper-not-text",
        "agency-not-text",
        "too-many-papers",
        "notice-not-an-object",
    ],
)
def test_a_hostile_notice_skips_its_change_and_not_the_pull(desk, notice, caplog):
    uuid, code = _pushed_dossier(desk)
    bad = _change(uuid, DossierStatus.WAITING_SUPPLEMENT, notice=notice)
    desk.central.add_change("dossier.status", uuid, bad)
    desk.central.add_change("calendar.day", "d", {"day": "2026-12-30", "kind": "off"})
    report = desk.engine().run_once()
    assert report.pulled == 1 and len(report.errors) == 1, report.errors
    assert "dossier.status" in report.errors[0]
    assert any("not applied" in r.getMessage() for r in caplog.records)
    assert _notices(desk.ctx.store, uuid) == []
    assert desk.ctx.dossiers.detail(code, "demo").status == DossierStatus.NEW
    with desk.ctx.store.session() as s:
        assert s.get(SyncState, 1).cursor == 2  # the cursor moved past it


@pytest.mark.expect_log_warnings
@pytest.mark.parametrize(
    "extra",
    [
        {"agency_unit_code": 7},
        {"agency_unit_code": "x" * 41},
        {"result": {"attachment_uuid": "not-a-uuid", "filename": "a.pdf", "sha256": "ab" * 32}},
        {"result": {"attachment_uuid": E1, "filename": "a.pdf", "sha256": "zz", "size": 1}},
    ],
    ids=["unit-not-text", "unit-too-long", "result-bad-uuid", "result-bad-digest"],
)
def test_hostile_transfer_or_result_keys_skip_the_change(desk, extra):
    uuid, code = _pushed_dossier(desk)
    desk.central.add_change(
        "dossier.status", uuid, _change(uuid, DossierStatus.PROCESSING, **extra)
    )
    report = desk.engine().run_once()
    assert report.pulled == 0 and len(report.errors) == 1
    assert desk.ctx.dossiers.detail(code, "demo").status == DossierStatus.NEW


def test_a_pulled_apology_keeps_the_appointment_it_replaces(desk, tmp_path):
    uuid, code = _pushed_dossier(desk)
    with desk.ctx.store.session() as s:
        before = s.scalar(select(Dossier.due_at).where(Dossier.uuid == uuid))
    later = (before + timedelta(days=7)).replace(hour=10, minute=0)
    apology = _change(
        uuid,
        DossierStatus.NEW,  # an apology moves the appointment, not the status
        notice={"kind": "apology", "agency": AGENCY, "reason": "Chờ xác minh của cơ quan khác"},
    )
    apology["due_at"] = later.isoformat()
    desk.central.add_change("dossier.status", uuid, apology)
    assert desk.engine().run_once().errors == []
    [notice] = _notices(desk.ctx.store, uuid)
    assert (notice.kind, notice.new_due_at, notice.previous_due_at) == ("apology", later, before)
    pdf = desk.ctx.forms.render("apology", code, tmp_path / "mau04.pdf", "demo")
    assert "Chờ xác minh của cơ quan khác" in pdf_text(pdf)


def test_steps_recorded_on_a_real_central_reach_the_desk_with_their_papers(tmp_path):
    """Central's own payloads (hcc_central.steps, as its back office records them) over real
    HTTP: a transfer to another agency, which then stops processing."""
    from hcc_central import admin, steps
    from hcc_central.models import Agency as CentralAgency
    from hcc_desk import cli
    from hcc_desk.app import open_context
    from hcc_desk.services.intake_request import request_from_json_text
    from tests.sync.conftest import EXAMPLE
    from tests.web.centre import PASSWORD, UNIT, central_settings, open_centre

    centre = open_centre(central_settings(tmp_path / "central", None))
    other = ("000.00.62.H57", "Sở Ngoại vụ")
    centre.server.write(
        lambda s: admin.add_agency(
            s, centre.centre_id, name=other[1], short_name="SNV", unit_code=other[0]
        )
    )
    profile = tmp_path / "desk"
    enrol = ["enrol", "--profile", str(profile), "--central", centre.url]
    assert cli.main([*enrol, "--code", centre.enrol_code, "--name", "PC quầy 01"]) == 0
    ctx = open_context(profile)
    try:
        ctx.auth.login("lan", PASSWORD)
        saved = ctx.intake.submit(request_from_json_text(EXAMPLE.read_text("utf-8")), "lan")
        ctx.sync.sync_now()

        def agency(s, unit):
            return s.scalar(select(CentralAgency).where(CentralAgency.unit_code == unit))

        with centre.server.db.write() as s:
            steps.processing(s, saved.code, agency(s, UNIT), "web:ca")
        with centre.server.db.write() as s:
            steps.transfer(s, saved.code, agency(s, UNIT), "web:ca", other[0], "Xác minh")
        with centre.server.db.write() as s:
            steps.processing(s, saved.code, agency(s, other[0]), "web:snv")
        with centre.server.db.write() as s:
            steps.refuse(s, saved.code, agency(s, other[0]), "web:snv", "Không đủ điều kiện")
        for _ in range(2):  # twice: the second pass adds nothing
            report = ctx.sync.sync_now()
            assert report.errors == [], report.errors
        assert ctx.dossiers.detail(saved.code, "lan").status == DossierStatus.UNRESOLVED
        assert ctx.return_desk.open(saved.code, "lan").agency_hint == other[1]
        data = ctx.forms.form_data("refusal", saved.code)
        assert isinstance(data, StopData)
        assert (data.reasons, data.agency_name) == ("Không đủ điều kiện", other[1])
        [notice] = _notices(ctx.store, saved.uuid)
        assert notice.kind == "refusal"
        with ctx.store.session() as s:
            d = s.scalar(select(Dossier).where(Dossier.uuid == saved.uuid))
            hops = s.scalars(select(Handover).where(Handover.dossier_id == d.id)).all()
            assert [(h.from_party, h.to_party) for h in hops] == [(d.agency.name, other[1])]
    finally:
        ctx.close()
        centre.server.stop()


def test_the_pull_names_the_counter_as_the_services_do():
    """core/sync cannot import the services (layers): its copy of the counter's name must agree."""
    from hcc_desk.core.sync import pull
    from hcc_desk.services.dossier_steps import COUNTER_PARTY

    assert pull._COUNTER_PARTY == COUNTER_PARTY


def test_a_pulled_notice_is_printed_with_the_agency_officers_full_name(desk, tmp_path):
    """Central's officer is no officer of this desk: the notice brings the name to print."""
    uuid, code = _pushed_dossier(desk)
    officer = "Trần Thị Bích Ngọc"
    desk.central.add_change("dossier.status", uuid, _supplement(uuid, officer=officer))
    assert desk.engine().run_once().errors == []
    [notice] = _notices(desk.ctx.store, uuid)
    assert notice.actor == officer
    pdf = desk.ctx.forms.render("supplement", code, tmp_path / "mau02.pdf", "demo")
    assert officer in pdf_text(pdf)
