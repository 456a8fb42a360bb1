"""The supervisors' dashboard over real HTTP (SQLite and PostgreSQL): the four lists match the
desk's urgency rule and page by 50, the on-time rates count results released in the period,
another centre's dossiers never show, other roles are refused, and the workbook opens with
openpyxl with formula-looking text kept as text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from hcc_central import dashboard
from hcc_central.calendar import work_calendar
from hcc_central.models import AuditLog
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus
from hcc_core.domain.timing import urgency
from tests.central.browser import Browser, web_officer
from tests.central.helpers import make_doc, new_uuid, op, push
from tests.central.live import LiveServer
from tests.security.sessions_helpers import controlled

NOW = datetime(2026, 12, 2, 9, 0)  # a Wednesday: Thursday and Friday are the next working days
ROW = re.compile(r'href="/co-quan/ho-so/([^"]+)"')
_S = DossierStatus


@pytest.fixture
def clock(central: LiveServer) -> Iterator[Any]:
    with controlled(central) as (_guard, fake):
        fake.now = NOW
        yield fake


@pytest.fixture
def browser(central: LiveServer) -> Iterator[Browser]:
    b = Browser(central.base_url)
    yield b
    b.close()


def supervisor_of(central: LiveServer, browser: Browser, centre_id: int | None, role="supervisor"):
    name, password = web_officer(central, centre_id, role)  # type: ignore[arg-type]
    assert browser.login(name, password).status_code == 303
    return name


def counts_of(html: str) -> dict[str, int]:
    found = re.findall(r'data-count="(\w+)">([\d.]+)<', html)
    return {k: int(v.replace(".", "")) for k, v in found}


def listed(browser: Browser, slug: str, **params: str) -> list[str]:
    r = browser.get("/giam-sat", params={"ds": slug, **params})
    assert r.status_code == 200, r.text[:300]
    return ROW.findall(r.text.split('id="period"')[0])


def due_doc(desk, due: datetime, **over: Any) -> dict[str, Any]:
    return make_doc(desk, due_at=due.isoformat(), **over)


def test_lists_follow_the_desks_urgency_and_never_show_another_centre(
    central: LiveServer, desk_factory, clock, browser: Browser
):
    desk, other = desk_factory(), desk_factory()
    docs = {
        "overdue": due_doc(desk, datetime(2026, 12, 1, 17, 0)),
        "today": due_doc(desk, datetime(2026, 12, 2, 16, 0)),
        "soon": due_doc(desk, datetime(2026, 12, 4, 10, 0)),
        "later": due_doc(desk, datetime(2026, 12, 8, 10, 0)),
        "waiting": due_doc(desk, datetime(2026, 12, 3, 10, 0)),
        "released": due_doc(desk, datetime(2026, 11, 27, 10, 0)),
    }
    push(desk, *(op(d) for d in docs.values()))
    central.write(set_status, docs["waiting"]["code"], _S.WAITING_SUPPLEMENT, actor="demo",
                  at=datetime(2026, 11, 26, 9, 0))  # fmt: skip
    central.write(set_status, docs["released"]["code"], _S.RELEASING, actor="demo",
                  at=datetime(2026, 11, 26, 9, 0))  # fmt: skip
    elsewhere = due_doc(other, datetime(2026, 12, 1, 17, 0))
    push(other, op(elsewhere))
    with central.db.read() as s:  # the lists are the desk's urgency buckets
        calendar = work_calendar(s)
    for kind in ("overdue", "today", "soon", "later"):
        due = datetime.fromisoformat(docs[kind]["due_at"])
        assert urgency(due, NOW, calendar) == kind

    name = supervisor_of(central, browser, desk.centre_id)
    page = browser.get("/giam-sat")
    assert page.status_code == 200, page.text[:300]
    assert counts_of(page.text) == {"overdue": 1, "today": 1, "soon": 1, "waiting": 1}
    for slug, kind in (("qua-han", "overdue"), ("hom-nay", "today"), ("sap-den-han", "soon"),
                       ("cho-bo-sung", "waiting")):  # fmt: skip
        assert listed(browser, slug) == [docs[kind]["code"]]
    everything = "".join(
        browser.get("/giam-sat", params={"ds": s}).text
        for s in ("qua-han", "hom-nay", "sap-den-han", "cho-bo-sung")
    )
    assert elsewhere["code"] not in everything
    assert docs["later"]["code"] not in everything and docs["released"]["code"] not in everything
    assert "Nguyễn Văn An" not in everything  # the applicant is not on the dashboard
    with central.db.read() as s:
        views = s.scalars(
            select(AuditLog.detail).where(
                AuditLog.actor == f"web:{name}", AuditLog.action == "supervision.web_view"
            )
        ).all()
    assert views and all(v["centre"] == desk.centre_id for v in views)
    # Asking for the other centre is refused; the officer's own centre comes from the session.
    assert browser.get("/giam-sat", params={"centre": str(other.centre_id)}).status_code == 403


def test_lists_page_by_fifty(central: LiveServer, desk, clock, browser: Browser):
    late = [due_doc(desk, datetime(2026, 11, 30, 8, 0) + timedelta(minutes=i)) for i in range(51)]
    push(desk, *(op(d) for d in late))
    supervisor_of(central, browser, desk.centre_id)
    first = listed(browser, "qua-han")
    second = listed(browser, "qua-han", trang="2")
    assert first == [d["code"] for d in late[:50]]  # the most overdue first
    assert second == [late[50]["code"]]
    assert listed(browser, "qua-han", trang="99") == second  # past the end: the last page
    assert listed(browser, "qua-han", trang="-1'") == first  # nonsense: the first page


def released(desk, due: datetime, at: datetime, **over: Any) -> dict[str, Any]:
    """A dossier whose result was released at ``at`` and handed back an hour later."""
    doc = make_doc(desk, due_at=due.isoformat(), **over)
    start = datetime.fromisoformat(doc["received_at"])
    doc["events"] = [
        {"uuid": new_uuid(), "status": 2, "at": start.isoformat(), "actor": "demo", "note": None},
        {"uuid": new_uuid(), "status": 9, "at": at.isoformat(), "actor": "demo", "note": None},
        {"uuid": new_uuid(), "status": 10, "at": (at + timedelta(hours=1)).isoformat(),
         "actor": "demo", "note": None},
    ]  # fmt: skip
    doc["status"] = 10
    return doc


def test_on_time_rates_count_results_released_in_the_period(
    central: LiveServer, desk_factory, clock, browser: Browser
):
    desk, other = desk_factory(), desk_factory()
    due = datetime(2026, 11, 27, 17, 0)
    early = released(desk, due, datetime(2026, 11, 26, 10, 0))
    on_time = released(desk, due, datetime(2026, 11, 27, 16, 0))
    late = released(desk, due, datetime(2026, 11, 28, 9, 0), procedure_name="Đăng ký kết hôn")
    next_month = released(desk, datetime(2026, 12, 1, 17, 0), datetime(2026, 12, 1, 9, 0))
    unfinished = due_doc(desk, due)
    push(desk, *(op(d) for d in (early, on_time, late, next_month, unfinished)))
    push(other, op(released(other, due, datetime(2026, 11, 29, 9, 0))))
    with central.db.read() as s:
        rates = dashboard.on_time_rates(
            s, desk.centre_id, datetime(2026, 11, 1).date(), datetime(2026, 11, 30).date()
        )
    total = rates.total
    assert (total.early + total.on_time, total.late, total.total) == (2, 1, 3)
    by_procedure = {r.key: (r.early + r.on_time, r.late) for r in rates.by["procedure"]}
    assert by_procedure["Đăng ký kết hôn"] == (0, 1)
    assert by_procedure[early["procedure_name"]] == (2, 0)
    [agency, _total] = rates.by["agency"]
    assert agency.key.startswith("Sở thử") and agency.total == 3
    assert [r.key for r in rates.by["officer"]] == ["Demo (demo)", ""]

    supervisor_of(central, browser, desk.centre_id)
    page = browser.get("/giam-sat", params={"tu": "2026-11-01", "den": "2026-11-30"})
    assert page.status_code == 200
    assert "66,7 %" in page.text  # 2 of 3 on time
    december = browser.get("/giam-sat")  # this month so far (the clock says 2 December)
    assert "100,0 %" in december.text and "66,7 %" not in december.text
    wrong = browser.get("/giam-sat", params={"tu": "2026-13-01", "den": "x"})
    assert wrong.status_code == 200 and "Ngày không hợp lệ" in wrong.text
    far = browser.get("/giam-sat", params={"tu": "9999-12-01", "den": "9999-12-31"})
    assert far.status_code == 200 and "Từ ngày phải trước" in far.text


def test_other_roles_are_refused_and_an_admin_of_every_centre_chooses_one(
    central: LiveServer, desk, clock, browser: Browser
):
    assert browser.get("/giam-sat").status_code == 303  # no session: the login form
    name, password = web_officer(central, desk.centre_id, "agency", unit=desk.unit)
    assert browser.login(name, password).status_code == 303
    assert browser.get("/giam-sat").status_code == 403
    assert browser.get("/giam-sat/xuat.xlsx").status_code == 403

    admin = Browser(central.base_url)
    try:
        supervisor_of(central, admin, None, role="admin")
        chooser = admin.get("/giam-sat")
        assert chooser.status_code == 200 and 'name="centre"' in chooser.text
        assert admin.get("/giam-sat", params={"centre": "999999999"}).status_code == 200
        chosen = admin.get("/giam-sat", params={"centre": str(desk.centre_id)})
        assert chosen.status_code == 200 and "data-count" in chosen.text
    finally:
        admin.close()


def test_the_workbook_has_the_lists_and_rates_and_keeps_formulas_as_text(
    central: LiveServer, desk, clock, browser: Browser
):
    hostile = '=HYPERLINK("http://evil.example","x")'
    overdue = due_doc(desk, datetime(2026, 11, 30, 17, 0), procedure_name=hostile)
    done = released(desk, datetime(2026, 12, 1, 17, 0), datetime(2026, 12, 1, 9, 0),
                    procedure_name="@SUM(A1)")  # fmt: skip
    push(desk, op(overdue), op(done))
    supervisor_of(central, browser, desk.centre_id)
    r = browser.get("/giam-sat/xuat.xlsx")
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    assert book.sheetnames == [
        "Quá hạn",
        "Đến hạn hôm nay",
        "Sắp đến hạn",
        "Chờ bổ sung",
        "Tỷ lệ đúng hạn",
        "Đánh giá",
    ]
    rows = [[c.value for c in row] for row in book["Quá hạn"].iter_rows(min_row=3)]
    assert [row[0] for row in rows] == [overdue["code"]]
    cell = book["Quá hạn"].cell(row=3, column=2)
    assert cell.value == "'" + hostile and cell.data_type == "s"
    rates = [[c.value for c in row] for row in book["Tỷ lệ đúng hạn"].iter_rows()]
    assert ["'@SUM(A1)", 1, 1, 0, 0, 100.0] in rates or ["'@SUM(A1)", 1, 0, 1, 0, 100.0] in rates
    for sheet in book.worksheets:  # values only, never a formula
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)
