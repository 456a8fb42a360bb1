"""What each digitised paper is (issue 14, item 3), through the real service on a desk database:
checking the officer's values (errors name the field), the checked record pushed as the paper's
``digitised`` part with its newest copy, the audit, and suggestions that stay on the desk."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from hcc_core.wire.papers import ReusablePaper
from hcc_desk.core.store.models import (
    Attachment,
    AuditLog,
    Dossier,
    Officer,
    OutboxOp,
    PaperRecord,
)
from hcc_desk.core.sync.attachments import add_attachment
from hcc_desk.core.sync.dossier_doc import build_dossier_doc
from hcc_desk.core.sync.outbox import enqueue_dossier
from hcc_desk.services.errors import AuthError, FieldErrors, NotFound
from hcc_desk.services.paper_records import (
    PaperFields,
    PaperRecordService,
    store_suggestions,
)
from tests.services.after_intake_helpers import OWNER_ID, Clock, add_officer, intake

NOW = datetime(2026, 11, 25, 10, 0)
BIRTH_CERT = PaperFields(
    kind="Giấy khai sinh",
    number="45/TLKS",
    issuer="Ủy ban nhân dân phường Thuận Hóa",
    issued_on=date(2021, 3, 5),
    owner_id_number=OWNER_ID,
)


@pytest.fixture
def desk(demo_ctx):
    code = intake(demo_ctx, datetime(2026, 11, 25, 9, 0))
    with demo_ctx.store.session() as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == code))
        officer_id = s.scalar(select(Officer.id).where(Officer.username == "demo"))
    service = PaperRecordService(demo_ctx.store, clock=Clock(NOW))
    return demo_ctx, service, code, dossier_id, officer_id


def _attach(ctx, dossier_id: int, position: int, body: bytes, name: str = "scan.pdf") -> str:
    with ctx.store.write() as s:
        dossier = s.get(Dossier, dossier_id)
        att = add_attachment(
            s,
            dossier,
            ctx.capture.attachments_dir,
            b"%PDF-1.7\n" + body,
            filename=name,
            content_type="application/pdf",
            paper_position=position,
        )
        s.flush()
        return att.uuid


def _doc(ctx, dossier_id: int):
    with ctx.store.write() as s:
        return build_dossier_doc(s, s.get(Dossier, dossier_id))


def _pushed(ctx, code: str) -> dict:
    """The payload of the dossier's newest queued op (what the sync engine will send)."""
    with ctx.store.session() as s:
        uuid = s.scalar(select(Dossier.uuid).where(Dossier.code == code))
        op = s.scalar(
            select(OutboxOp).where(OutboxOp.entity_uuid == uuid).order_by(OutboxOp.id.desc())
        )
        assert op is not None and op.state == "pending", op and op.parked_reason
        return op.payload


def test_every_paper_has_a_view_and_nothing_is_checked_at_first(desk):
    _, service, code, dossier_id, _ = desk
    views = service.records(dossier_id)
    assert [v.position for v in views] == sorted(v.position for v in views)
    assert len(views) >= 2
    assert all(v.fields is None and not v.checked and v.suggested == {} for v in views)
    assert all(v.attachment_id is None for v in views)
    assert service.records(code) == views  # the screens name the dossier by its code


def test_save_errors_name_each_field_in_both_languages(desk):
    _, service, _, dossier_id, officer_id = desk
    bad = PaperFields(
        kind="  ",
        number="9" * 65,
        issuer="U" * 301,
        issued_on=date(2026, 11, 26),  # tomorrow
        valid_until=date(2026, 1, 1),  # before the issue date
        owner_id_number="099185012345",  # province 099 does not exist
    )
    with pytest.raises(FieldErrors) as caught:
        service.save(dossier_id, 1, bad, officer_id)
    by_field = {e.field: e for e in caught.value.errors}
    assert set(by_field) == {
        "kind",
        "number",
        "issuer",
        "issued_on",
        "valid_until",
        "owner_id_number",
    }
    assert "Loại giấy tờ" in by_field["kind"].text("vi")
    assert "Kind of paper" in by_field["kind"].text("en")
    assert "26/11/2026" in by_field["issued_on"].text("vi")
    assert "after today" in by_field["issued_on"].text("en")
    assert "01/01/2026" in by_field["valid_until"].text("en")
    assert "099" in by_field["owner_id_number"].text("vi")
    # Nothing was recorded or queued by the refused save.
    assert not any(v.checked for v in service.records(dossier_id))


def test_a_valid_id_card_date_today_and_an_old_nine_digit_card_are_accepted(desk):
    _, service, _, dossier_id, officer_id = desk
    view = service.save(
        dossier_id,
        1,
        PaperFields(kind="Giấy khai sinh", issued_on=NOW.date(), owner_id_number="191234567"),
        officer_id,
    )
    assert view.fields is not None and view.fields.owner_id_number == "191234567"
    view = service.save(
        dossier_id,
        1,
        PaperFields(kind=" Giấy  khai sinh ", owner_id_number="0461 8501 2345"),
        "demo",
    )
    assert view.fields == PaperFields(kind="Giấy khai sinh", owner_id_number=OWNER_ID)


def test_save_pushes_the_checked_record_with_the_papers_copy(desk):
    ctx, service, code, dossier_id, officer_id = desk
    scan = _attach(ctx, dossier_id, 1, b"scan of the birth certificate")
    _attach(ctx, dossier_id, 2, b"another paper, never checked")

    view = service.save(dossier_id, 1, BIRTH_CERT, officer_id)

    assert view.checked and view.fields == BIRTH_CERT
    assert view.checked_by_name == "Cán bộ demo" or view.checked_by_name  # the officer's name
    payload = _pushed(ctx, code)
    papers = {p["position"]: p for p in payload["papers"]}
    assert papers[1]["digitised"] == {
        "attachment_uuid": scan,
        "kind": "Giấy khai sinh",
        "number": "45/TLKS",
        "issuer": "Ủy ban nhân dân phường Thuận Hóa",
        "issued_on": "2021-03-05",
        "valid_until": None,
        "owner_id_number": OWNER_ID,
        "reused_from": None,
    }
    assert all("digitised" not in p or p["digitised"] is None for k, p in papers.items() if k != 1)
    doc = _doc(ctx, dossier_id)
    assert doc.papers[0].digitised is not None and doc.papers[0].digitised.attachment_uuid == scan
    assert [p.digitised for p in doc.papers[1:]] == [None] * (len(doc.papers) - 1)


def test_the_newest_version_of_the_copy_is_pushed(desk):
    ctx, service, code, dossier_id, officer_id = desk
    _attach(ctx, dossier_id, 1, b"the scan")
    service.save(dossier_id, 1, BIRTH_CERT, officer_id)
    # A text-layer or signed version made after the check is a newer attachment of the paper.
    version = _attach(ctx, dossier_id, 1, b"the scan with its text layer", "scan-ocr.pdf")

    assert _pushed(ctx, code)["papers"][0]["digitised"]["attachment_uuid"] == version
    assert _doc(ctx, dossier_id).papers[0].digitised.attachment_uuid == version
    with ctx.store.session() as s:
        checked_id = s.scalar(
            select(PaperRecord.attachment_id).where(PaperRecord.dossier_id == dossier_id)
        )
        version_id = s.scalar(select(Attachment.id).where(Attachment.uuid == version))
    assert checked_id != version_id  # the record names the copy checked: the scan
    [first] = [v for v in service.records(dossier_id) if v.position == 1]
    assert first.attachment_id == version_id  # the screen shows the copy that is pushed


def test_a_checked_paper_without_a_copy_is_not_pushed_as_digitised(desk):
    ctx, service, code, dossier_id, officer_id = desk
    view = service.save(dossier_id, 1, BIRTH_CERT, officer_id)
    assert view.checked and view.attachment_id is None
    assert _pushed(ctx, code)["papers"][0].get("digitised") is None
    assert _doc(ctx, dossier_id).papers[0].digitised is None


def test_save_is_audited_with_where_not_what(desk):
    ctx, service, code, dossier_id, officer_id = desk
    _attach(ctx, dossier_id, 1, b"scan")
    service.save(dossier_id, 1, BIRTH_CERT, officer_id)
    with ctx.store.session() as s:
        [row] = s.scalars(select(AuditLog).where(AuditLog.action == "paper_record.check")).all()
    assert row.actor == "demo"
    assert row.detail == {"code": code, "position": 1}
    assert OWNER_ID not in json.dumps(row.detail) and "45/TLKS" not in json.dumps(row.detail)


def test_unchecked_suggestions_are_kept_on_the_desk_and_not_pushed(desk):
    ctx, service, code, dossier_id, officer_id = desk
    _attach(ctx, dossier_id, 1, b"scan")
    text = "ỦY BAN NHÂN DÂN\nPHƯỜNG THUẬN HÓA\nSố: 45/TLKS\nGIẤY KHAI SINH\n"
    with ctx.store.write() as s:
        dossier = s.get(Dossier, dossier_id)
        [att] = _attachments(s, dossier_id)
        store_suggestions(s, dossier, att, text, NOW.date())
    [first] = [v for v in service.records(dossier_id) if v.position == 1]
    assert not first.checked and first.fields is None
    assert first.suggested["number"].value == "45/TLKS"
    assert _doc(ctx, dossier_id).papers[0].digitised is None
    with ctx.store.write() as s:  # what is queued after the suggestion: still nothing pushed
        enqueue_dossier(s, s.get(Dossier, dossier_id))
    assert _pushed(ctx, code)["papers"][0].get("digitised") is None
    # Checking the record keeps the suggestions, and the checked values are the officer's.
    view = service.save(dossier_id, 1, BIRTH_CERT, officer_id)
    assert view.suggested == first.suggested and view.fields == BIRTH_CERT


def _attachments(s, dossier_id: int):
    return s.scalars(select(Attachment).where(Attachment.dossier_id == dossier_id)).all()


def test_a_reused_copy_is_recorded_checked_and_pushed_with_its_origin(desk):
    ctx, service, code, dossier_id, officer_id = desk
    data = b"%PDF-1.7\nsigned copy from central"
    listed = ReusablePaper(
        paper_uuid="0b3c6f0e-4a8e-4f54-9a43-6a9f1d2c7e11",
        kind="Giấy khai sinh",
        number="45/TLKS",
        issuer="UBND phường Thuận Hóa",
        issued_on=date(2021, 3, 5),
        dossier_code="000.00.52.H57-251120-0003",
        centre_name="Trung tâm Phục vụ hành chính công thành phố Huế",
        signer="NGUYỄN VĂN KÝ",
        filename="giay-khai-sinh.pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    with ctx.store.write() as s:
        dossier = s.get(Dossier, dossier_id)
        att = add_attachment(
            s,
            dossier,
            ctx.capture.attachments_dir,
            data,
            filename="giay-khai-sinh.pdf",
            content_type="application/pdf",
            paper_position=1,
        )
        service.record_reuse(s, dossier, 1, att, listed, officer_id)
        enqueue_dossier(s, dossier)  # the caller's save queues it (services/intake.py)
        reused_uuid = att.uuid

    [first] = [v for v in service.records(dossier_id) if v.position == 1]
    assert first.checked and first.reused_from_code == listed.dossier_code
    assert first.reused_signer == "NGUYỄN VĂN KÝ"
    assert first.fields is not None and first.fields.owner_id_number == OWNER_ID
    digitised = _pushed(ctx, code)["papers"][0]["digitised"]
    assert digitised["attachment_uuid"] == reused_uuid
    assert digitised["reused_from"] == {
        "paper_uuid": listed.paper_uuid,
        "dossier_code": listed.dossier_code,
        "sha256": listed.sha256,
    }
    # A later scan of the same paper, and the record checked again: still central's copy.
    _attach(ctx, dossier_id, 1, b"a later scan of the same paper")
    service.save(dossier_id, 1, BIRTH_CERT, officer_id)
    digitised = _pushed(ctx, code)["papers"][0]["digitised"]
    assert digitised["attachment_uuid"] == reused_uuid
    assert digitised["reused_from"]["sha256"] == listed.sha256


def test_unknown_paper_dossier_or_officer_are_clear_errors(desk):
    ctx, service, _, dossier_id, _ = desk
    add_officer(ctx, "old", "officer")
    with ctx.store.write() as s:
        s.scalar(select(Officer).where(Officer.username == "old")).active = False
    with pytest.raises(NotFound) as caught:
        service.save(dossier_id, 99, BIRTH_CERT, "demo")
    assert "99" in caught.value.text("vi")
    with pytest.raises(NotFound):
        service.records(10_000)
    with pytest.raises(AuthError):
        service.save(dossier_id, 1, BIRTH_CERT, "old")
    with pytest.raises(AuthError):
        service.save(dossier_id, 1, BIRTH_CERT, 10_000)


def test_the_desk_context_serves_the_service(demo_ctx):
    assert isinstance(demo_ctx.paper_records, PaperRecordService)


def test_dates_as_a_screen_may_give_them(desk):
    _, service, _, dossier_id, officer_id = desk
    view = service.save(
        dossier_id,
        1,
        PaperFields(kind="Giấy khai sinh", issued_on=datetime(2021, 3, 5, 8, 30)),  # type: ignore[arg-type]
        officer_id,
    )
    assert view.fields is not None and view.fields.issued_on == date(2021, 3, 5)
    with pytest.raises(FieldErrors) as caught:
        service.save(
            dossier_id,
            1,
            PaperFields(
                kind="Giấy khai sinh", issued_on="05/03/2021", valid_until=date(1800, 1, 1)
            ),  # type: ignore[arg-type]
            officer_id,
        )
    assert [(e.field, e.msg_id) for e in caught.value.errors] == [
        ("issued_on", "paper_records.bad_date"),
        ("valid_until", "paper_records.bad_date"),
    ]
    assert "Ngày cấp" in caught.value.errors[0].text("vi")
