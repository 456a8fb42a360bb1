"""Logging in to the back office over real HTTP: the cookie's flags, CSRF on every form,
the second factor, lockout after failed logins, security headers, no open redirect, and a
session that ends at logout or when the password changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hcc_central import admin
from hcc_central.models import AuditLog, WebSession
from hcc_central.security import sha256_hex
from hcc_central.web import totp
from hcc_central.web.session import COOKIE
from tests.central.browser import Browser, web_officer
from tests.central.live import LiveServer, make_centre


@pytest.fixture
def browser(central: LiveServer):
    b = Browser(central.base_url)
    yield b
    b.close()


def test_an_agency_officer_logs_in_with_a_strict_cookie(central: LiveServer, browser: Browser):
    centre_id, unit = make_centre(central)
    name, password = web_officer(central, centre_id, "agency", unit=unit)
    r = browser.login(name, password)
    assert r.status_code == 303 and r.headers["location"] == "/"
    [header] = [h for h in browser.set_cookie_headers if h.startswith(COOKIE + "=")]
    flags = {part.strip().lower() for part in header.split(";")[1:]}
    assert {"httponly", "secure", "samesite=strict", "path=/"} <= flags
    assert not any(f.startswith("domain") for f in flags)
    token = browser.cookies[COOKIE]
    with central.db.read() as s:  # only the token's digest is kept
        assert s.get(WebSession, sha256_hex(token)) is not None
        assert s.get(WebSession, token) is None
    home = browser.get("/")
    assert home.status_code == 303 and home.headers["location"] == "/co-quan"


@pytest.mark.expect_log_warnings
def test_a_wrong_password_is_refused_and_repeated_failures_lock_the_name(
    central: LiveServer, browser: Browser
):
    centre_id, _ = make_centre(central)
    name, password = web_officer(central, centre_id, "supervisor")
    for _ in range(central.settings.login_max_failures - 1):
        r = browser.login(name, "not-the-password")
        assert r.status_code == 401 and "không đúng" in r.text
        assert COOKIE not in browser.cookies
    r = browser.login(name, "not-the-password")
    assert r.status_code == 423 and int(r.headers["retry-after"]) > 0
    r = browser.login(name, password)  # the right password while locked: still refused
    assert r.status_code == 423 and COOKIE not in browser.cookies
    with central.db.read() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.actor == f"web:{name}")).all()
    assert "officer.web_login_failed" in actions and "officer.web_login_locked" in actions
    central.write(admin.unlock_officer, name)
    assert browser.login(name, password).status_code == 303


def test_the_second_factor_is_asked_when_the_officer_has_one(central: LiveServer, browser: Browser):
    centre_id, unit = make_centre(central)
    secret = totp.new_secret()
    name, password = web_officer(central, centre_id, "agency", unit=unit, totp_secret=secret)
    assert browser.login(name, password).status_code == 401  # no code
    wrong = str((int(totp.now_code(secret)) + 1) % 1_000_000).zfill(6)
    assert browser.login(name, password, wrong).status_code == 401
    assert browser.login(name, password, totp.now_code(secret)).status_code == 303


def test_forms_without_their_csrf_token_are_refused(central: LiveServer, browser: Browser):
    centre_id, _ = make_centre(central)
    name, password = web_officer(central, centre_id, "supervisor")
    r = browser.post("/dang-nhap", {"username": name, "password": password, "csrf": "forged"})
    assert r.status_code == 403 and COOKIE not in browser.cookies
    assert browser.login(name, password).status_code == 303
    assert browser.post("/dang-xuat", {"csrf": "forged"}).status_code == 403
    assert browser.post("/dang-xuat", {}).status_code == 403
    assert browser.get("/").status_code == 303  # still logged in
    assert browser.get("/").headers["location"] != "/dang-nhap"
    out = browser.submit("/dang-nhap", "/dang-xuat", {})  # the login page has no session token
    assert out.status_code == 403
    page = browser.get("/dang-nhap?next=/giam-sat")
    assert page.status_code == 200


def test_logout_ends_the_session_and_a_new_password_ends_every_session(
    central: LiveServer, browser: Browser
):
    centre_id, unit = make_centre(central)
    name, password = web_officer(central, centre_id, "agency", unit=unit)
    browser.login(name, password)
    with central.db.read() as s:
        csrf = s.scalar(
            select(WebSession.csrf_token).where(
                WebSession.token_sha256 == sha256_hex(browser.cookies[COOKIE])
            )
        )
    token = browser.cookies[COOKIE]
    r = browser.post("/dang-xuat", {"csrf": csrf})
    assert r.status_code == 303 and COOKIE not in browser.cookies
    browser.cookies[COOKIE] = token  # the old cookie, replayed
    assert browser.get("/").headers["location"].startswith("/dang-nhap")

    other = Browser(central.base_url)
    try:
        assert other.login(name, password).status_code == 303
        central.write(admin.set_password, name, "Mat-khau-moi-123456")
        assert other.get("/").headers["location"].startswith("/dang-nhap")
    finally:
        other.close()


def test_counter_officers_and_disabled_accounts_cannot_use_the_back_office(
    central: LiveServer, browser: Browser
):
    centre_id, _ = make_centre(central)
    name, password = web_officer(central, centre_id, "officer")
    assert browser.login(name, password).status_code == 401


def test_pages_carry_the_security_headers_and_never_redirect_elsewhere(
    central: LiveServer, browser: Browser
):
    r = browser.get("/dang-nhap")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "form-action 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    assert "content-security-policy" in browser.get("/healthz").headers
    assert browser.get("/static/web.css").status_code == 200
    centre_id, _ = make_centre(central)
    name, password = web_officer(central, centre_id, "supervisor")
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        form = browser.get("/dang-nhap")  # each login uses up the form's token
        r = browser.post(
            "/dang-nhap",
            {
                "username": name,
                "password": password,
                "csrf": browser.csrf_of(form),
                "next": target,
            },
        )
        assert r.status_code == 303 and r.headers["location"] == "/"
    anonymous = Browser(central.base_url)
    try:
        r = anonymous.get("/giam-sat?q=046090001234")
        assert r.status_code in (303, 404)
        if r.status_code == 303:  # only the path is carried to the login form
            assert "046090001234" not in r.headers["location"]
    finally:
        anonymous.close()


def test_the_admin_turns_the_second_factor_on_and_off(central: LiveServer, browser: Browser):
    centre_id, _ = make_centre(central)
    name, password = web_officer(central, centre_id, "supervisor")
    secret = central.write(admin.set_totp, name, on=True)
    assert secret and totp.provisioning_uri(secret, name).startswith("otpauth://totp/")
    assert browser.login(name, password).status_code == 401
    assert browser.login(name, password, totp.now_code(secret)).status_code == 303
    assert central.write(admin.set_totp, name, on=False) is None
    assert browser.get("/").headers["location"].startswith("/dang-nhap")  # sessions ended
    assert browser.login(name, password).status_code == 303
