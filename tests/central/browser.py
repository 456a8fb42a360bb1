"""A browser for central's web pages in tests, over real HTTP: keeps cookies the way a browser
does on a local address (Secure cookies are sent to 127.0.0.1, which httpx's cookie jar
refuses over plain http), reads the CSRF token out of a page's form, logs an officer in."""

from __future__ import annotations

import re
from http.cookies import SimpleCookie
from typing import Any

import httpx

from hcc_central import admin

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Browser:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30, follow_redirects=False)
        self.cookies: dict[str, str] = {}
        self.set_cookie_headers: list[str] = []

    def close(self) -> None:
        self.http.close()

    def _keep(self, r: httpx.Response) -> httpx.Response:
        for header in r.headers.get_list("set-cookie"):
            self.set_cookie_headers.append(header)
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return r

    def _headers(self) -> dict[str, str]:
        if not self.cookies:
            return {}
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self._keep(self.http.get(path, headers=self._headers(), **kw))

    def post(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> httpx.Response:
        return self._keep(self.http.post(path, data=data, headers=self._headers(), **kw))

    @staticmethod
    def csrf_of(r: httpx.Response) -> str:
        found = CSRF.search(r.text)
        assert found, f"no CSRF field in {r.request.url}: {r.text[:300]}"
        return found.group(1)

    def login(self, username: str, password: str, code: str = "") -> httpx.Response:
        form = self.get("/dang-nhap")
        return self.post(
            "/dang-nhap",
            {
                "username": username,
                "password": password,
                "code": code,
                "csrf": self.csrf_of(form),
            },
        )

    def submit(self, page_path: str, action: str, data: dict[str, Any]) -> httpx.Response:
        """Post a form as the officer would: the CSRF token taken from the page it is on."""
        page = self.get(page_path)
        assert page.status_code == 200, (page.status_code, page.text[:300])
        return self.post(action, {**data, "csrf": self.csrf_of(page)})


def web_officer(
    central: Any, centre_id: int, role: str, *, unit: str | None = None, totp_secret: str = ""
) -> tuple[str, str]:
    """A new officer for the back office; (username, password)."""
    import secrets

    username = f"{role}{secrets.token_hex(4)}"
    password = "Mat-khau-web-" + secrets.token_hex(4)

    def make(s: Any) -> None:
        officer = admin.create_officer(
            s,
            username=username,
            full_name=f"Cán bộ {role}",
            role=role,
            password=password,
            centre_id=centre_id,
            agency_unit_code=unit if role == "agency" else None,
        )
        officer.totp_secret = totp_secret or None

    central.write(make)
    return username, password
