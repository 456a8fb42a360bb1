"""Before any body is read: is the caller a known device, and is the body within its route's limit?

Pure ASGI, ahead of FastAPI, because FastAPI reads and parses a JSON body before a route's
dependencies run: without this, anyone could make central read and parse megabytes (an outsider
slowing every counter) before being told 401. Cheap on the hot path: a scan of a few headers and
the device cache (no database round trip for a device seen in the last seconds).

- Declared ``Content-Length`` over the route's limit → 413 at once, nothing read.
- A device route (everything under the API but enrolment and the public look-up) without a
  known, unrevoked bearer token → 401, nothing read.
- A chunked body (no length declared) is read here up to the limit → 413 as soon as it passes;
  within the limit it is handed on as it came.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException
from fastapi.security import HTTPAuthorizationCredentials
from starlette.concurrency import run_in_threadpool

from hcc_core.wire.protocol import API

from .api.deps import Central
from .api.openapi import Responses, err
from .auth import DeviceCtx
from .settings import Settings
from .wire_errors import audit_refusal

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# Reachable without a device token; every other API path needs one.
OPEN_PATHS = (f"{API}/enrol", f"{API}/public/")
# Declared for every route (FastAPI(responses=…)): this guard may answer them before routing.
GUARD_RESPONSES: Responses = {413: err("request body too large for this route")}
# The back office's result upload, /co-quan/ho-so/{code}/ket-qua (web/agency.py).
RESULT_UPLOAD = ("/co-quan/ho-so/", "/ket-qua")


class RouteLimits:
    """The largest body each route takes: pushes are big, upload bodies one chunk, the rest
    (enrolment, login, upload start, GETs) small JSON."""

    def __init__(self, settings: Settings) -> None:
        self.push = settings.max_request_bytes
        self.chunk = settings.chunk_bytes
        self.small = settings.max_small_request_bytes
        # The back office's result upload: the PDF in a multipart form (+ room for the fields).
        self.result = settings.max_result_bytes + self.small

    def of(self, method: str, path: str) -> int:
        if path == f"{API}/sync/push":
            return self.push
        if (
            method == "POST"
            and path.startswith(RESULT_UPLOAD[0])
            and path.endswith(RESULT_UPLOAD[1])
        ):
            return self.result
        if path.startswith(f"{API}/uploads/") and method in ("PUT", "POST"):
            if path.endswith("/complete"):
                return self.small
            return self.chunk  # /uploads/single and PUT /uploads/{id}: raw file bytes
        return self.small


class WireGuard:
    def __init__(self, app: Any, central: Central) -> None:
        self.app, self.central = app, central
        self.limits = RouteLimits(central.settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = self.limits.of(scope["method"], path)
        length = auth = None
        chunked = False
        for name, value in scope["headers"]:  # a handful: one pass, no dict
            if name == b"content-length":
                length = value
            elif name == b"authorization":
                auth = value
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
        device: DeviceCtx | None = None
        if path.startswith(API) and not path.startswith(OPEN_PATHS):
            found = await self._device(auth)
            if isinstance(found, str):
                await _reply(send, 401, found, ((b"www-authenticate", b"Bearer"),))
                return
            device = found
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._too_large(send, limit, device, path)
            return
        if length is None and chunked:
            body = await _read_up_to(receive, limit)
            if body is None:
                await self._too_large(send, limit, device, path)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    async def _too_large(self, send: Send, limit: int, device: DeviceCtx | None, path: str) -> None:
        if device is not None:  # a known device: audited (an outsider could only fill the log)
            detail = {"path": path, "status": 413, "limit": limit}
            await run_in_threadpool(audit_refusal, self.central, device.device_id,
                                    "wire.too_large", detail)  # fmt: skip
        if not path.startswith(API):  # a form of the back office: a page a person can read
            size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"
            await _reply_page(send, 413, _TOO_LARGE_PAGE % size)
            return
        hint = ": send files in chunks of at most that" if limit == self.limits.chunk else ""
        await _reply(send, 413, f"request body too large: at most {limit} bytes{hint}")

    async def _device(self, auth: bytes | None) -> DeviceCtx | str:
        """The calling device (then cached for the route), or why it is refused."""
        scheme, _, token = (auth or b"").decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return "missing bearer token"
        creds = HTTPAuthorizationCredentials(scheme="Bearer", credentials=token.strip())
        found = self.central.devices.find(creds)
        if found is not None:
            return found
        try:
            return await run_in_threadpool(self.central.device, creds)
        except HTTPException as exc:
            return str(exc.detail)


async def _read_up_to(receive: Receive, limit: int) -> list[Message] | None:
    """The body's messages, or None as soon as they pass ``limit`` bytes."""
    messages, size = [], 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages  # the client went away: the route sees it as it would have
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = iter(messages)

    async def replay() -> Message:
        return next(pending, None) or await receive()

    return replay


_TOO_LARGE_PAGE = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tệp quá lớn</title>'
    '<link rel="stylesheet" href="/static/web.css"></head><body><main class="narrow">'
    '<h1>Tệp quá lớn</h1><p class="card error">Nội dung gửi lên vượt quá %s. Mời chọn '
    'tệp nhỏ hơn và gửi lại.</p><p><a href="/">Về trang đầu</a></p></main></body></html>'
)


async def _reply_page(send: Send, status: int, html: str) -> None:
    body = html.encode()
    headers = [(b"content-type", b"text/html; charset=utf-8"), (b"cache-control", b"no-store"),
               (b"content-length", b"%d" % len(body)), (b"connection", b"close")]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _reply(
    send: Send, status: int, detail: str, extra: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    body = json.dumps({"detail": detail}).encode()
    # Connection: close — the server then drops the unread body instead of draining it.
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body)),
               (b"connection", b"close"), *extra]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
