"""The citizen's status page and satisfaction rating over real HTTP (SQLite and PostgreSQL):
the steps so far and what to bring, nothing personal; a rating only once the result is handed
back, with the right PIN and the form's token, once per dossier, spending the lookup's rate
limit, audited without its words, never leaving the PIN in an address; shown to supervisors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import select

from hcc_central.models import AuditLog, Dossier, Rating
from hcc_central.ratelimit import Buckets
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus
from tests.central.browser import Browser, web_officer
from tests.central.helpers import make_doc, op, push
from tests.central.live import LiveServer
from tests.security.sessions_helpers import controlled

PERSONAL = ("Nguyễn Văn An", "046090001234", "0905123456", "Lê Lợi")
_S = DossierStatus
COMMENT = "Cán bộ hướng dẫn tận tình, nhanh chóng"


@pytest.fixture
def browser(central: LiveServer) -> Iterator[Browser]:
    b = Browser(central.base_url)
    yield b
    b.close()


def handed_back(central: LiveServer, desk, pin: str) -> dict:
    doc = make_doc(desk, lookup_pin=pin)
    push(desk, op(doc))
    for status, hour in ((_S.PROCESSING, 9), (_S.RELEASING, 10), (_S.DONE, 11)):
        central.write(
            set_status, doc["code"], status, actor="demo", at=datetime(2026, 11, 26, hour, 0)
        )
    return doc


def status_page(browser: Browser, code: str, pin: str):
    r = browser.get("/tra-cuu", params={"ma": code, "pin": pin})
    assert r.status_code == 200, r.text[:300]
    return r


def rate(browser: Browser, code: str, pin: str, page=None, **over: str):
    token = Browser.csrf_of(page) if page is not None else "none"
    form = {"ma": code, "pin": pin, "level": "3", "comment": COMMENT, "csrf": token, **over}
    return browser.post("/tra-cuu/danh-gia", form)


def ratings_of(central: LiveServer, code: str) -> list[Rating]:
    with central.db.read() as s:
        uuid = s.scalar(select(Dossier.uuid).where(Dossier.code == code))
        return list(s.scalars(select(Rating).where(Rating.dossier_uuid == uuid)))


def test_the_page_shows_the_steps_and_what_to_bring_and_nothing_personal(
    central: LiveServer, desk, browser: Browser
):
    doc = make_doc(desk, lookup_pin="ST12EP")
    push(desk, op(doc))
    central.write(
        set_status, doc["code"], _S.WAITING_SUPPLEMENT, actor="demo",
        at=datetime(2026, 11, 26, 9, 30), note="Nguyễn Văn An thiếu giấy",
    )  # fmt: skip

    def add_notice(s):  # what the agency's supplement step keeps for this page
        d = s.scalar(select(Dossier).where(Dossier.code == doc["code"]))
        notice = {"kind": "supplement", "agency": "Sở Tư pháp", "reason": "Thiếu bản chính",
                  "missing_papers": ["Giấy khai sinh <bản chính>"], "at": "2026-11-26T09:30:00",
                  "event_uuid": d.doc["events"][-1]["uuid"]}  # fmt: skip
        d.doc = {**d.doc, "notices": [notice]}

    central.write(add_notice)
    page = status_page(browser, doc["code"], "ST12EP")
    assert "Các bước đã qua" in page.text and "09:30 26/11/2026" in page.text
    assert "Cần bổ sung" in page.text and "Thiếu bản chính" in page.text
    assert "Giấy khai sinh &lt;bản chính&gt;" in page.text
    assert "Trung tâm PVHCC thử" in page.text  # where to collect the result
    assert "Gửi đánh giá" not in page.text  # not handed back: nothing to rate yet
    assert "<style" not in page.text and 'href="/static/web.css"' in page.text
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    for secret in (*PERSONAL, "thiếu giấy"):  # nor the officers' notes
        assert secret not in page.text


def test_a_handed_back_dossier_is_rated_once_with_its_pin_and_token(
    central: LiveServer, desk, browser: Browser
):
    doc = handed_back(central, desk, "RA78TE")
    code = doc["code"]
    page = status_page(browser, code, "RA78TE")
    assert "Rất hài lòng" in page.text and "Không hài lòng" in page.text
    for secret in PERSONAL:
        assert secret not in page.text

    assert rate(browser, code, "RA78TE", page=None).status_code == 403  # a forged token
    wrong = rate(browser, code, "RA78TX", page=page)
    assert wrong.status_code == 200 and "Không tìm thấy" in wrong.text
    too_long = rate(browser, code, "RA78TE", page=page, comment="x" * 1001)
    assert too_long.status_code == 422 and "1000 ký tự" in too_long.text
    no_level = rate(browser, code, "RA78TE", page=page, level="7")
    assert no_level.status_code == 422
    assert ratings_of(central, code) == []

    done = rate(browser, code, "RA78TE", page=page)
    assert done.status_code == 200 and "Cảm ơn" in done.text
    assert "RA78TE" not in done.text and "location" not in done.headers
    [stored] = ratings_of(central, code)
    assert (stored.level, stored.comment, stored.centre_id) == (3, COMMENT, desk.centre_id)

    again = rate(browser, code, "RA78TE", page=page, level="1")
    assert again.status_code == 409 and "đã được đánh giá" in again.text
    assert [r.level for r in ratings_of(central, code)] == [3]
    assert "Gửi đánh giá" not in status_page(browser, code, "RA78TE").text

    with central.db.read() as s:
        audited = s.scalars(select(AuditLog.detail).where(AuditLog.action == "rating.create")).all()
        refused = s.scalars(
            select(AuditLog.detail).where(AuditLog.action == "rating.refused")
        ).all()
    mine = [d for d in audited if d["code"] == code]
    assert mine == [{"code": code, "level": 3, "comment": True}]
    assert {"code": code, "reason": "already"} in refused


def test_only_a_handed_back_dossier_can_be_rated(central: LiveServer, desk, browser: Browser):
    done = handed_back(central, desk, "DO11NE")
    page = status_page(browser, done["code"], "DO11NE")  # gives the form's token
    waiting = make_doc(desk, lookup_pin="WA22IT")
    push(desk, op(waiting))
    r = rate(browser, waiting["code"], "WA22IT", page=page)
    assert r.status_code == 409 and "sau khi anh/chị đã nhận kết quả" in r.text
    assert ratings_of(central, waiting["code"]) == []


def test_rating_spends_the_lookups_rate_limit(central: LiveServer, desk, browser: Browser):
    doc = handed_back(central, desk, "LI33MT")
    with controlled(central) as (guard, _clock):
        guard.lookup_ip = Buckets(2, clock=guard.monotonic)
        guard.lookup_code = Buckets(1_000_000, clock=guard.monotonic)
        page = status_page(browser, doc["code"], "LI33MT")
        assert rate(browser, doc["code"], "LI33MX", page=page).status_code == 200  # a miss
        limited = rate(browser, doc["code"], "LI33MT", page=page)
        assert limited.status_code == 429 and limited.headers["retry-after"]
        assert "LI33MT" not in limited.text
    assert ratings_of(central, doc["code"]) == []


def test_supervisors_see_the_ratings_on_the_dashboard(central: LiveServer, desk, browser: Browser):
    doc = handed_back(central, desk, "SH44OW")
    page = status_page(browser, doc["code"], "SH44OW")
    assert rate(browser, doc["code"], "SH44OW", page=page, level="1").status_code == 200
    supervisor = Browser(central.base_url)
    try:
        name, password = web_officer(central, desk.centre_id, "supervisor")
        assert supervisor.login(name, password).status_code == 303
        board = supervisor.get("/giam-sat")
        assert board.status_code == 200
        assert re.search(r'data-level="1">1<', board.text)
        assert COMMENT in board.text and doc["code"] in board.text
    finally:
        supervisor.close()
