"""The back office's session in a real Chromium over plain http://127.0.0.1 (a secure context,
as on a centre's intranet behind TLS): the ``__Host-`` cookie is kept with its strict flags and
scripts cannot read it; a logged-out browser is sent back to the login page; every page of the
centre renders without anything refused by its Content-Security-Policy."""

from __future__ import annotations

import pytest

pytest.importorskip("hcc_central.app")
pytest.importorskip("selenium")  # a failure in CI (tests/conftest.py fails every skip there)

from hcc_central.web.session import COOKIE
from tests.web.centre import central_settings, log_in, open_centre, page_errors


@pytest.fixture
def centre(tmp_path):
    c = open_centre(central_settings(tmp_path / "central", None))
    yield c
    c.server.stop()


def test_chromium_keeps_the_strict_session_cookie_out_of_scripts(centre, chrome):
    log_in(chrome, centre.url, *centre.officers["agency"])
    assert chrome.current_url == centre.url + "/co-quan"
    [cookie] = [c for c in chrome.get_cookies() if c["name"] == COOKIE]
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/" and cookie.get("domain") in ("127.0.0.1", None)
    assert COOKIE not in chrome.execute_script("return document.cookie")
    for path in ("/co-quan", "/tim-kiem"):
        chrome.get(centre.url + path)
        assert chrome.current_url == centre.url + path
    assert page_errors(chrome) == []

    chrome.delete_all_cookies()
    chrome.get(centre.url + "/co-quan")
    assert chrome.current_url.startswith(centre.url + "/dang-nhap")


def test_the_supervisor_and_citizen_pages_keep_to_the_csp(centre, chrome):
    log_in(chrome, centre.url, *centre.officers["supervisor"])
    assert chrome.current_url == centre.url + "/giam-sat"
    for path in (
        "/giam-sat",
        "/tim-kiem",
        "/tra-cuu",
        "/tra-cuu?ma=000.00.61.H57-261204-0001&pin=1234",
    ):
        chrome.get(centre.url + path)
        assert page_errors(chrome) == [], path
