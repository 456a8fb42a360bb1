"""The agency back office over real HTTP: the queue (order, highlights, pages), who may see which
dossier and file, every step through the browser and the change desks pull, the result upload's
checks, CSRF on every form, and a step not allowed now answered with a page, never a 500."""

from __future__ import annotations

import hashlib
import logging
import re
import socket
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from hcc_central import admin
from hcc_central.calendar import work_calendar
from hcc_central.models import Attachment, AuditLog, Dossier
from hcc_core.domain.timing import nth_working_day_after
from tests.central.browser import Browser, web_officer
from tests.central.helpers import attachment, make_doc, new_uuid, op, push
from tests.central.live import Desk, LiveServer, new_unit
from tests.central.test_central_pull import pull_all

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def browser(central: LiveServer) -> Iterator[Browser]:
    b = Browser(central.base_url)
    yield b
    b.close()


def logged_in(central: LiveServer, centre_id: int, role: str, unit: str | None = None) -> Browser:
    b = Browser(central.base_url)
    name, password = web_officer(central, centre_id, role, unit=unit)
    assert b.login(name, password).status_code == 303
    b.actor = f"web:{name}"  # how the audit log names this officer
    return b


def second_agency(central: LiveServer, desk: Desk) -> str:
    unit = new_unit()
    central.write(admin.add_agency, desk.centre_id, name=f"Sở nhận {unit}", unit_code=unit)
    return unit


def rows_of(html: str) -> list[str]:
    return re.findall(r'<a href="/co-quan/ho-so/([^"]+)">', html)


def due(days: int) -> str:
    return (datetime.now().replace(microsecond=0) + timedelta(days=days)).isoformat()


def soon_due(central: LiveServer) -> str:
    with central.db.read() as s:
        calendar = work_calendar(s)
    day = nth_working_day_after(date.today(), 1, calendar)
    return datetime.combine(day, time(16, 0)).isoformat()


def test_the_queue_lists_the_agencys_open_dossiers_by_due_date_in_pages(
    central: LiveServer, desk: Desk
):
    later = make_doc(desk, due_at=due(40))
    overdue = make_doc(desk)  # received 25/11/2026, due three days later: passed
    soon = make_doc(desk, due_at=soon_due(central))
    paused = make_doc(desk, due_at=None)
    done = make_doc(desk, status=3)  # refused at the counter: not the agency's work
    refused_at = datetime.fromisoformat(done["received_at"]) + timedelta(hours=1)
    done["events"].append(
        {**done["events"][0], "uuid": new_uuid(), "status": 3, "at": refused_at.isoformat()}
    )
    filler = [make_doc(desk, due_at=due(60)) for _ in range(47)]
    push(desk, *(op(d) for d in (later, overdue, soon, paused, done, *filler)))
    b = logged_in(central, desk.centre_id, "agency", desk.unit)
    try:
        first = b.get("/co-quan")
        assert first.status_code == 200
        codes = rows_of(first.text)
        assert len(codes) == 50 and done["code"] not in codes
        assert codes[:3] == [overdue["code"], soon["code"], later["code"]]
        assert 'href="/co-quan?trang=2"' in first.text
        # Highlighted by a word, not only by colour.
        row = re.search(rf'<tr class="(\w*)">\s*<td><a href="/co-quan/ho-so/{overdue["code"]}"',
                        first.text)  # fmt: skip
        assert row and row.group(1) == "overdue"
        assert first.text.count('<span class="tag overdue">Quá hạn</span>') == 2  # + the legend
        assert first.text.count('<span class="tag soon">Sắp đến hạn</span>') == 2
        second = b.get("/co-quan?trang=2")
        assert rows_of(second.text) == [paused["code"]]  # no due date: last
        assert "Chờ bổ sung" in second.text and "trang=3" not in second.text
        assert b.get("/co-quan?trang=abc").status_code == 200  # a wrong number: page 1
    finally:
        b.close()


def stored_paper(central: LiveServer, desk: Desk) -> tuple[dict[str, Any], dict[str, Any]]:
    """A pushed dossier with one scanned PDF uploaded as a desk does."""
    data = PDF + b"scan"
    att = attachment(data)
    doc = make_doc(desk, attachments=[att])
    push(desk, op(doc))
    params = {k: att[k] for k in ("sha256", "size", "filename", "content_type")}
    r = desk.http.post(
        "/uploads/single",
        params={**params, "dossier_uuid": doc["uuid"], "attachment_uuid": att["uuid"]},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert r.status_code == 200, r.text
    return doc, att


def test_only_the_deciding_agency_and_the_centres_supervisors_see_a_dossier(
    central: LiveServer, desk_factory
):
    desk, elsewhere = desk_factory(), desk_factory()
    doc, att = stored_paper(central, desk)
    other_unit = second_agency(central, desk)
    page = f"/co-quan/ho-so/{doc['code']}"
    file = f"{page}/tep/{att['uuid']}"
    mine = logged_in(central, desk.centre_id, "agency", desk.unit)
    other_agency = logged_in(central, desk.centre_id, "agency", other_unit)
    other_centre = logged_in(central, elsewhere.centre_id, "agency", elsewhere.unit)
    supervisor = logged_in(central, desk.centre_id, "supervisor")
    other_supervisor = logged_in(central, elsewhere.centre_id, "supervisor")
    try:
        r = mine.get(page)
        assert r.status_code == 200 and "Nguyễn Văn An" in r.text and "046090001234" in r.text
        assert "Tờ khai" in r.text and f"/tep/{att['uuid']}" in r.text
        pdf = mine.get(file)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.headers["content-disposition"].startswith("inline; filename=")
        assert "object-src 'self'" in pdf.headers["content-security-policy"]
        for outsider in (other_agency, other_centre, other_supervisor):
            for path in (page, file):
                r = outsider.get(path)
                assert r.status_code == 404, path
                assert "Nguyễn Văn An" not in r.text and b"%PDF" not in r.content
        seen = supervisor.get(page)
        assert seen.status_code == 200 and "Nguyễn Văn An" in seen.text
        assert 'action="/co-quan/ho-so/' not in seen.text  # read-only: no step forms
        assert supervisor.get(file).content.startswith(b"%PDF-")
        assert supervisor.get("/co-quan").status_code == 403  # the queue is an agency's
        bogus = mine.get(f"{page}/tep/{doc['uuid']}")  # not an attachment of it
        assert bogus.status_code == 404 and b"%PDF" not in bogus.content
        with central.db.read() as s:
            actions = set(s.scalars(select(AuditLog.action).where(AuditLog.actor.like("web:%"))))
        assert {"dossier.view", "attachment.view"} <= actions
    finally:
        for b in (mine, other_agency, other_centre, supervisor, other_supervisor):
            b.close()


def step(b: Browser, code: str, action: str, data: dict[str, Any], **kw: Any) -> Any:
    page = b.get(f"/co-quan/ho-so/{code}")
    assert page.status_code == 200, page.text[:300]
    return b.post(f"/co-quan/ho-so/{code}/{action}", {**data, "csrf": b.csrf_of(page)}, **kw)


def status_changes(desk: Desk, cursor: int) -> tuple[list[dict[str, Any]], int]:
    changes, cursor, _ = pull_all(desk, cursor)
    return [c["payload"] for c in changes if c["kind"] == "dossier.status"], cursor


def only_calendar_fallbacks(caplog: pytest.LogCaptureFixture) -> bool:
    """Due dates past the years the bundled official calendar holds are computed with the
    holidays package, and central says so (a warning): the only warning these tests allow."""
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return all("official calendar has no year" in m for m in warned)


def test_every_step_through_the_browser_reaches_the_desks(
    central: LiveServer, desk: Desk, caplog: pytest.LogCaptureFixture
):
    doc = make_doc(desk, due_at=due(30))
    push(desk, op(doc))
    code = doc["code"]
    other_unit = second_agency(central, desk)
    _, cursor = status_changes(desk, 0)
    a = logged_in(central, desk.centre_id, "agency", desk.unit)
    b = logged_in(central, desk.centre_id, "agency", other_unit)
    try:
        r = step(a, code, "xu-ly", {"note": "phòng chuyên môn"})
        assert r.status_code == 303 and r.headers["location"] == f"/co-quan/ho-so/{code}"
        [p], cursor = status_changes(desk, cursor)
        assert p["event"]["status"] == 4 and p["event"]["actor"].startswith("web:agency")
        assert "notice" not in p and p["dossier_uuid"] == doc["uuid"]

        r = step(a, code, "bo-sung", {"paper": ["Tờ khai", "không có"], "reason": "Ảnh mờ",
                                      "other_papers": "Ảnh 4x6\n\n"})  # fmt: skip
        assert r.status_code == 303
        [p], cursor = status_changes(desk, cursor)
        assert p["event"]["status"] == 5
        assert p["notice"] == {
            "kind": "supplement",
            "agency": f"Sở thử {desk.unit}",
            "reason": "Ảnh mờ",
            "missing_papers": ["Tờ khai", "Ảnh 4x6"],  # a box not on the list is dropped
            "officer": "Cán bộ agency",  # printed on Mẫu 02 at the counter
        }
        with central.db.read() as s:
            [notice] = s.scalar(select(Dossier.doc).where(Dossier.code == code))["notices"]
        assert notice["event_uuid"] == p["event"]["uuid"] and notice["kind"] == "supplement"
        assert notice["missing_papers"] == ["Tờ khai", "Ảnh 4x6"] and notice["at"]
        shown = a.get(f"/co-quan/ho-so/{code}").text  # the history names officers, not logins
        assert "Cán bộ agency" in shown and "web:agency" not in shown

        assert step(a, code, "da-bo-sung", {}).status_code == 303
        [p], cursor = status_changes(desk, cursor)
        assert p["event"]["status"] == 4  # back to processing
        assert p["due_at"] is not None

        r = step(a, code, "chuyen", {"to_unit": other_unit, "note": "liên thông"})
        assert r.status_code == 303
        [p], cursor = status_changes(desk, cursor)
        assert p["event"]["status"] == 0 and p["agency_unit_code"] == other_unit
        assert code not in rows_of(a.get("/co-quan").text)
        assert code in rows_of(b.get("/co-quan").text)
        assert a.get(f"/co-quan/ho-so/{code}").status_code == 404

        assert step(b, code, "xu-ly", {}).status_code == 303
        new_due = datetime.combine(
            nth_working_day_after(date.today() + timedelta(days=40), 1, calendar(central)),
            time(9, 0),
        )
        r = step(b, code, "hen-lai", {"new_due_at": new_due.isoformat(), "reason": "Chờ xác minh"})
        assert r.status_code == 303
        r = step(b, code, "ket-qua", {}, files={"pdf": ("kết quả.pdf", PDF, "application/pdf")})
        assert r.status_code == 303
        payloads, cursor = status_changes(desk, cursor)
        assert [p["event"]["status"] for p in payloads] == [4, 4, 9]
        assert payloads[1]["due_at"] == new_due.isoformat()
        result = payloads[2]["result"]
        assert result["sha256"] == hashlib.sha256(PDF).hexdigest() and result["size"] == len(PDF)
        with central.db.read() as s:
            att = s.get(Attachment, result["attachment_uuid"])
            assert att.kind == "result" and att.dossier_uuid == doc["uuid"]
        assert central.app.state.central.store.has(result["sha256"])
        page = b.get(f"/co-quan/ho-so/{code}")
        assert result["attachment_uuid"] in page.text
        served = b.get(f"/co-quan/ho-so/{code}/tep/{result['attachment_uuid']}")
        assert served.content == PDF
        assert only_calendar_fallbacks(caplog)
    finally:
        a.close()
        b.close()


def calendar(central: LiveServer):
    with central.db.read() as s:
        return work_calendar(s)


def test_refusal_before_and_after_processing_started(central: LiveServer, desk: Desk):
    new, started = make_doc(desk), make_doc(desk)
    push(desk, op(new), op(started))
    _, cursor = status_changes(desk, 0)
    a = logged_in(central, desk.centre_id, "agency", desk.unit)
    try:
        assert step(a, started["code"], "xu-ly", {}).status_code == 303
        assert step(a, new["code"], "tu-choi", {"reasons": "Sai thẩm quyền"}).status_code == 303
        assert (
            step(a, started["code"], "tu-choi", {"reasons": "Không đủ điều kiện"}).status_code
            == 303
        )
        payloads, _ = status_changes(desk, cursor)
        assert [(p["event"]["status"], p.get("notice", {}).get("kind")) for p in payloads] == [
            (4, None),
            (3, "refusal"),
            (8, "stop"),
        ]
        empty = step(a, started["code"], "tu-choi", {"reasons": " "})
        assert empty.status_code == 409  # stopped: no refusal offered any more
    finally:
        a.close()


@pytest.mark.parametrize("action", ["xu-ly", "bo-sung", "da-bo-sung", "tu-choi", "chuyen",
                                    "ket-qua", "hen-lai"])  # fmt: skip
def test_a_step_not_allowed_now_or_without_its_form_token_is_a_page(
    central: LiveServer, desk: Desk, action: str
):
    doc = make_doc(desk)
    push(desk, op(doc))
    a = logged_in(central, desk.centre_id, "agency", desk.unit)
    try:
        path = f"/co-quan/ho-so/{doc['code']}/{action}"
        forged = a.post(path, {"csrf": "forged", "reasons": "x"})
        assert forged.status_code == 403 and "Biểu mẫu đã hết hạn" in forged.text
        assert a.post(path, {"reasons": "x"}).status_code == 403
        with central.db.read() as s:
            assert s.scalar(select(Dossier.status).where(Dossier.code == doc["code"])) == 2
        assert step(a, doc["code"], "tu-choi", {"reasons": "Sai thẩm quyền"}).status_code == 303
        late = step(a, doc["code"], action, {"reasons": "lần nữa", "reason": "x"})
        assert late.status_code == 409 and "Không thể" in late.text  # denied: nothing offered
    finally:
        a.close()


def test_the_result_must_be_a_pdf_within_the_size_limit(central: LiveServer, desk: Desk):
    doc = make_doc(desk)
    push(desk, op(doc))
    a = logged_in(central, desk.centre_id, "agency", desk.unit)
    limit = central.settings.max_result_bytes
    try:
        r = step(
            a, doc["code"], "ket-qua", {}, files={"pdf": ("a.pdf", b"GIF89a", "application/pdf")}
        )
        assert r.status_code == 422 and "phải là tệp PDF" in r.text
        r = step(a, doc["code"], "ket-qua", {}, files={"pdf": ("a.pdf", b"", "application/pdf")})
        assert r.status_code == 422
        big = PDF + b"0" * (limit + 1 - len(PDF))
        r = step(a, doc["code"], "ket-qua", {}, files={"pdf": ("a.pdf", big, "application/pdf")})
        assert r.status_code == 413 and "quá lớn" in r.text
        with central.db.read() as s:
            assert s.scalar(select(Dossier.status).where(Dossier.code == doc["code"])) == 2
            assert not s.scalars(
                select(Attachment).where(Attachment.dossier_uuid == doc["uuid"])
            ).all()
    finally:
        a.close()


def test_an_apology_needs_office_time_later_than_the_old_appointment(
    central: LiveServer, desk: Desk
):
    doc = make_doc(desk, due_at=due(5))
    push(desk, op(doc))
    a = logged_in(central, desk.centre_id, "agency", desk.unit)
    cal = calendar(central)
    sunday = date.today() + timedelta(days=30)
    while sunday.weekday() != 6:
        sunday += timedelta(days=1)
    try:
        for when, words in (
            (datetime.combine(sunday, time(9, 0)), "làm việc"),
            (
                datetime.combine(nth_working_day_after(date.today(), 20, cal), time(3, 0)),
                "làm việc",
            ),
            (datetime.now() - timedelta(days=1), "sau thời điểm hiện tại"),
        ):
            r = step(a, doc["code"], "hen-lai", {"new_due_at": when.isoformat(), "reason": "Trễ"})
            assert r.status_code == 422, when
            assert words in r.text
        r = step(a, doc["code"], "hen-lai", {"new_due_at": "not a date", "reason": "Trễ"})
        assert r.status_code == 422 and "ngày và giờ" in r.text
        with central.db.read() as s:
            assert (
                s.scalar(select(Dossier.due_at).where(Dossier.code == doc["code"])).isoformat()
                == doc["due_at"]
            )
    finally:
        a.close()


def test_search_is_a_post_audited_without_the_query_and_opens_only_ones_own(
    central: LiveServer, desk: Desk
):
    mine = make_doc(desk)
    theirs = make_doc(desk, submitter={**mine["submitter"], "full_name": "Trần Thị Bé",
                                       "id_number": "046090009999", "phone": "0905999888"})  # fmt: skip
    push(desk, op(mine), op(theirs))
    other_unit = second_agency(central, desk)
    a = logged_in(central, desk.centre_id, "agency", desk.unit)
    b = logged_in(central, desk.centre_id, "agency", other_unit)
    sup = logged_in(central, desk.centre_id, "supervisor")
    try:
        assert step(a, theirs["code"], "chuyen", {"to_unit": other_unit}).status_code == 303
        for query in ("tran thi be", "TRẦN THỊ BÉ", "046090009999", "0905 999 888", theirs["code"]):
            r = a.submit("/tim-kiem", "/tim-kiem", {"q": query})
            assert r.status_code == 200 and theirs["code"] in r.text, query
            assert f'href="/co-quan/ho-so/{theirs["code"]}"' not in r.text  # another agency's
            assert "Trần Thị Bé" not in r.text
        r = b.submit("/tim-kiem", "/tim-kiem", {"q": "tran thi be"})
        assert f'href="/co-quan/ho-so/{theirs["code"]}"' in r.text and "Trần Thị Bé" in r.text
        r = sup.submit("/tim-kiem", "/tim-kiem", {"q": "nguyen van an"})
        assert f'href="/co-quan/ho-so/{mine["code"]}"' in r.text
        assert a.submit("/tim-kiem", "/tim-kiem", {"q": ""}).status_code == 200
        assert a.post("/tim-kiem", {"q": "x", "csrf": "forged"}).status_code == 403
        with central.db.read() as s:
            rows = s.scalars(
                select(AuditLog).where(
                    AuditLog.action == "dossier.search",
                    AuditLog.actor.in_([a.actor, b.actor, sup.actor]),
                )
            ).all()
        logged = " ".join(str(r.detail) for r in rows)
        assert rows and "tran" not in logged.lower() and "046090009999" not in logged
        assert {"name", "id_number", "phone", "code"} <= {r.detail["kind"] for r in rows}
    finally:
        for x in (a, b, sup):
            x.close()


def declared_only(central: LiveServer, path: str, length: int) -> bytes:
    """What central answers a POST that only declares its body's length (nothing sent)."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", central.port), timeout=30) as sock:
        sock.sendall(head.encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_a_form_far_over_its_limit_is_refused_with_a_page_before_it_is_read(
    central: LiveServer, desk: Desk
):
    doc = make_doc(desk)
    push(desk, op(doc))
    limits = central.settings
    over = limits.max_result_bytes + limits.max_small_request_bytes + 1
    answer = declared_only(central, f"/co-quan/ho-so/{doc['code']}/ket-qua", over)
    assert answer.startswith(b"HTTP/1.1 413") and b"text/html" in answer
    assert "Tệp quá lớn" in answer.decode() and "20 MB" in answer.decode()
    # Other forms keep the small limit.
    small = declared_only(central, "/tim-kiem", limits.max_small_request_bytes + 1)
    assert small.startswith(b"HTTP/1.1 413") and "64 KB" in small.decode()
    with central.db.read() as s:
        assert s.scalar(select(Dossier.status).where(Dossier.code == doc["code"])) == 2
