"""HTTP client of hcc-central (docs/sync-protocol.md), mapping every failure to one of a few
kinds the engine acts on: Transient (retry later), AuthFailed (re-enrol), TooLarge (split or
park), Refused (this request is wrong: park what it carried)."""

from __future__ import annotations

import ipaddress
import re
import ssl
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from hcc_core.wire import papers as wp
from hcc_core.wire import protocol as p

from .clock_check import ClockWatch
from .officer_session import SESSION_HEADER, LoginAnswer

TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)
PROBE_TIMEOUT = httpx.Timeout(3.0)
LOGIN_TIMEOUT = httpx.Timeout(connect=3.0, read=8.0, write=8.0, pool=3.0)
# The reusable-papers lookup runs while a citizen stands at the counter: a few seconds or not
# at all (intake goes on without it).
LOOKUP_TIMEOUT = httpx.Timeout(connect=2.0, read=4.0, write=4.0, pool=2.0)
M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message, self.status = message, status


class Transient(SyncError):
    """Network down, timeout, reset, 429 or 5xx: nothing is wrong with the data; retry later."""

    def __init__(
        self,
        message: str,
        status: int | None = None,
        *,
        network: bool = False,
        retry_after: float | None = None,
    ):
        super().__init__(message, status)
        self.network, self.retry_after = network, retry_after


class AuthFailed(SyncError):
    """Central no longer knows this device (401/403 on a whole request): re-enrol."""


class TooLarge(SyncError):
    """413: the request body is over central's limit."""


class Refused(SyncError):
    """Another 4xx: a permanent problem with what this request carried."""


class OffsetMismatch(SyncError):
    def __init__(self, offset: int):
        super().__init__(f"central holds {offset} bytes", 409)
        self.offset = offset


class ChecksumMismatch(SyncError):
    """422 on upload completion: central discarded the partial upload."""


class SingleUnsupported(SyncError):
    """Central has no single-request upload (an older version: 404/405) or wants this file in
    chunks (413): use POST /uploads + PUT."""


class Incompatible(Refused):
    """Central does not serve this desk's protocol version (426), or answered in a shape this
    version cannot read: no retry will help; the software must be updated."""


class OfficerLocked(SyncError):
    """Central locked this user name after failed logins: no local fallback for it."""

    def __init__(self, message: str, status: int, retry_after: float | None = None):
        super().__init__(message, status)
        self.retry_after = retry_after


class Insecure(AuthFailed):
    """Central's URL is plain ``http://`` to another machine: tokens and PINs would cross the
    network readable. Enrol again with ``https://``."""


class Untrusted(Transient):
    """Central's TLS certificate does not verify (against the pinned CA or the system store)."""


def insecure_reason(url: str) -> str | None:
    """Why the desk will not talk to ``url``, or None: ``https://``, or ``http://`` to this very
    machine (loopback: nothing crosses a network)."""
    parsed = httpx.URL(url)
    if parsed.scheme == "https":
        return None
    if parsed.scheme == "http" and _loopback(parsed.host):
        return None
    return (
        f"central must be reached over https:// (not {parsed.scheme}:// to "
        f"{parsed.host or '?'}): only this machine itself may be plain http://"
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_context(ca_pem: str | None = None) -> ssl.SSLContext:
    """Verify central against the centre's own CA when pinned at enrolment, else the system's
    trust store. A bad PEM → ValueError."""
    try:
        if ca_pem:
            return ssl.create_default_context(cadata=ca_pem)
        return ssl.create_default_context()
    except ssl.SSLError as exc:
        raise ValueError(f"not a PEM CA certificate: {exc}") from None


class CentralClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = TIMEOUT,
        ca_pem: str | None = None,
    ):
        headers = {"User-Agent": "hcc-desk", p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = base_url.rstrip("/")
        self._own_transport = transport is None
        # An injected transport (tests, a fake central) reaches no network: nothing to protect.
        self._insecure = insecure_reason(self.base_url) if transport is None else None
        self._verify = tls_context(ca_pem)
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=timeout,
            transport=transport,
            verify=self._verify,
        )
        self.clock = ClockWatch()  # central's Date header vs this PC (clock_check.py)

    def close(self) -> None:
        self._http.close()

    def drop_connections(self) -> None:
        """After a network failure every pooled keep-alive connection is suspect (a proxy or a
        NAT may have broken it without a word): the next request opens a fresh one instead of
        failing again on an old one. Call between passes, not while a request is running."""
        if self._own_transport:
            old = self._http
            self._http = httpx.Client(
                base_url=old.base_url, headers=old.headers, timeout=old.timeout, verify=self._verify
            )
            old.close()

    # --- calls --------------------------------------------------------------------------------
    def enrol(self, code: str, device_name: str, key: str) -> p.EnrolResponse:
        body = p.EnrolRequest(code=code, device_name=device_name, key=key).model_dump()
        return _parse(self._call("POST", "/enrol", json=body, auth=()), p.EnrolResponse)

    def login(self, username: str, password: str) -> LoginAnswer | None:
        """The officer's central account and a session, or None when central says the password
        is wrong; OfficerLocked when central has locked the name (too many failures)."""
        body = p.LoginRequest(username=username, password=password).model_dump()
        r = self._call(
            "POST",
            "/officers/login",
            json=body,
            auth=(403,),
            passthrough=(401, 423),
            timeout=LOGIN_TIMEOUT,
        )
        if r.status_code == 423:
            raise OfficerLocked(_detail(r), 423, retry_after=_retry_after(r))
        if r.status_code == 401:
            self.limits()  # 401 there too: the device itself is refused (raises AuthFailed)
            return None
        return _parse(r, LoginAnswer)

    def logout(self, session: str) -> None:
        """End an officer session on central (401: it had already ended)."""
        # Short: it runs while the window closes, and offline the session simply expires.
        self._call(
            "POST",
            "/officers/logout",
            headers={SESSION_HEADER: session},
            auth=(403,),
            passthrough=(401,),
            timeout=httpx.Timeout(3.0),
        )

    def limits(self, timeout: httpx.Timeout | None = None) -> p.Limits:
        return _parse(self._call("GET", "/limits", timeout=timeout), p.Limits)

    def probe(self) -> bool:
        """Cheap reachability check: any answer below 500 means the network is back."""
        if self._insecure:
            return True  # reachable or not, the next call says why it will not be made
        try:
            return self._http.get(p.API + "/limits", timeout=PROBE_TIMEOUT).status_code < 500
        except httpx.RequestError:
            return False

    def push(self, ops: list[p.PushOp]) -> p.PushResponse:
        body = p.PushRequest(ops=ops).model_dump(mode="json")
        return _parse(self._call("POST", "/sync/push", json=body), p.PushResponse)

    def pull(self, cursor: int, limit: int = 500) -> p.PullResponse:
        r = self._call("GET", "/sync/pull", params={"cursor": cursor, "limit": limit})
        return _parse(r, p.PullResponse)

    def upload_start(self, start: p.UploadStart) -> p.UploadState:
        # 403 here is about this record (not this dossier's centre), not the device.
        r = self._call("POST", "/uploads", json=start.model_dump(), auth=(401,))
        return _parse(r, p.UploadState)

    def upload_single(self, start: p.UploadStart, data: bytes) -> str:
        """A whole small file in one request; central verifies size and SHA-256 first."""
        r = self._call(
            "POST",
            "/uploads/single",
            params=start.model_dump(),
            content=data,
            headers={"Content-Type": "application/octet-stream"},
            auth=(401,),
            passthrough=(404, 405, 413, 422),
        )
        if r.status_code in (404, 405, 413):
            raise SingleUnsupported(_detail(r), r.status_code)
        if r.status_code == 422:  # nothing was stored
            raise ChecksumMismatch(_detail(r), 422)
        return _parse(r, p.UploadDone).sha256

    def upload_put(self, upload_id: str, offset: int, data: bytes) -> int:
        r = self._call(
            "PUT",
            f"/uploads/{upload_id}",
            params={"offset": offset},
            content=data,
            headers={"Content-Type": "application/octet-stream"},
            auth=(401,),
            passthrough=(409,),
        )
        if r.status_code == 409:
            raise OffsetMismatch(_parse(r, p.UploadOffset).offset)
        return _parse(r, p.UploadOffset).offset

    def upload_complete(self, upload_id: str) -> str:
        r = self._call(
            "POST", f"/uploads/{upload_id}/complete", auth=(401,), passthrough=(409, 422)
        )
        if r.status_code == 409:  # central is missing bytes: resume from its offset
            raise OffsetMismatch(_parse(r, p.UploadOffset).offset)
        if r.status_code == 422:
            raise ChecksumMismatch(_detail(r), 422)
        return _parse(r, p.UploadDone).sha256

    def reusable_papers(self, session: str, query: wp.ReusableQuery) -> wp.ReusableList:
        """The signed digitised papers central holds for this applicant (docs/digitising.md),
        on behalf of the officer whose session this is. 401/403 come back as Refused with
        that status once the device itself is known to be accepted (AuthFailed otherwise)."""
        r = self._call(
            "POST",
            wp.LOOKUP_PATH,
            json=query.model_dump(mode="json"),
            headers={SESSION_HEADER: session},
            auth=(),
            passthrough=(401, 403),
            timeout=LOOKUP_TIMEOUT,
        )
        if r.status_code in (401, 403):
            self.limits(timeout=LOOKUP_TIMEOUT)  # the device itself refused: AuthFailed
            raise Refused(_detail(r), r.status_code)
        return _parse(r, wp.ReusableList)

    def paper_file(self, session: str, paper_uuid: str, max_bytes: int) -> bytes:
        """A listed paper's signed copy; refused (TooLarge) as soon as more than ``max_bytes``
        arrive, whatever Content-Length said. 404: not listed to this device lately."""
        if self._insecure:
            raise Insecure(self._insecure)
        if not re.fullmatch(p.UUID_PATTERN, paper_uuid):
            raise Refused(f"not a paper id: {paper_uuid[:40]!r}")
        path = p.API + wp.FILE_PATH.format(paper_uuid=paper_uuid)
        try:
            with self._http.stream("GET", path, headers={SESSION_HEADER: session}) as r:
                self.clock.observe(r.headers.get("date"))
                if r.status_code >= 300:
                    r.read()
                    if r.status_code in (401, 403):
                        self.limits()
                    if r.status_code == 429 or r.status_code >= 500:
                        raise Transient(f"central busy ({r.status_code}): {_detail(r)}")
                    raise Refused(_detail(r), r.status_code)
                got = bytearray()
                for piece in r.iter_bytes():
                    got += piece
                    if len(got) > max_bytes:
                        raise TooLarge(f"the copy is over {max_bytes} bytes", 413)
                return bytes(got)
        except httpx.TimeoutException as exc:
            raise Transient(f"timeout ({type(exc).__name__})", network=True) from exc
        except httpx.RequestError as exc:
            why = _cert_failure(exc)
            raise (Untrusted if why else Transient)(
                f"network: {why or exc or type(exc).__name__}", network=True
            ) from exc

    # --- plumbing -----------------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        *,
        auth: tuple[int, ...] = (401, 403),
        passthrough: tuple[int, ...] = (),
        timeout: httpx.Timeout | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        if self._insecure:
            raise Insecure(self._insecure)
        try:
            r = self._http.request(
                method, p.API + path, timeout=timeout or httpx.USE_CLIENT_DEFAULT, **kwargs
            )
        except httpx.ConnectError as exc:
            if _cert_failure(exc):
                raise Untrusted(
                    f"central's certificate is not trusted ({_cert_failure(exc)}): "
                    "enrol with the centre's CA file (--ca-file), or ask for a "
                    "certificate this PC trusts",
                    network=True,
                ) from exc
            raise Transient(f"network: {exc or type(exc).__name__}", network=True) from exc
        except httpx.TimeoutException as exc:
            raise Transient(f"timeout ({type(exc).__name__})", network=True) from exc
        except httpx.RequestError as exc:  # refused, reset, DNS, broken proxy …
            raise Transient(f"network: {exc or type(exc).__name__}", network=True) from exc
        self.clock.observe(r.headers.get("date"))
        status = r.status_code
        if status < 300 or status in passthrough:
            return r
        if status in auth:
            raise AuthFailed(f"central refused this device ({status}): {_detail(r)}", status)
        if status == 413:
            raise TooLarge(f"too large for central: {_detail(r)}", status)
        if status == 426:
            raise Incompatible(_detail(r), status)
        if status == 429 or status >= 500:
            raise Transient(
                f"central busy ({status}): {_detail(r)}", status, retry_after=_retry_after(r)
            )
        raise Refused(_detail(r), status)


def _cert_failure(exc: BaseException) -> str | None:
    """The certificate verification error somewhere in ``exc``'s causes, if that is what it is."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or "verification failed"
        seen = seen.__cause__ or seen.__context__
    return None


def _parse(r: httpx.Response, model: type[M]) -> M:
    try:
        data = r.json()
    except ValueError as exc:
        # Not JSON: a captive portal or a proxy's error page, not central. Try again later.
        raise Transient(
            f"unexpected answer from {r.url.path} ({r.status_code}): "
            f"{str(exc).splitlines()[0][:200]}",
            r.status_code,
        ) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        # Central's JSON, but not a shape this version reads (new fields alone are ignored):
        # retrying cannot help.
        raise Incompatible(
            f"Máy chủ trung tâm trả lời theo phiên bản giao thức mà máy này không đọc được "
            f"({r.url.path}): cần cập nhật phần mềm. / Central's answer to {r.url.path} does "
            f"not match this desk's protocol version {p.PROTOCOL_VERSION}: update the "
            f"software. ({str(exc).splitlines()[0][:200]})",
            r.status_code,
        ) from exc


def _detail(r: httpx.Response) -> str:
    try:
        detail = r.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    if detail is None:
        return r.text[:300] or r.reason_phrase
    return detail if isinstance(detail, str) else str(detail)[:300]


def _retry_after(r: httpx.Response) -> float | None:
    try:
        return max(0.0, float(r.headers.get("Retry-After", "")))
    except ValueError:
        return None
