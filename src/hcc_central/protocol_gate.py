"""Which protocol version the caller speaks (docs/sync-protocol.md, "Versions").

Read from the ``X-HCC-Protocol`` header (none: version 1, the desks from before it). A version
this central does not serve gets 426 with the range it serves, before any route runs, so an
outdated desk hears "update" instead of retrying a request it can never get right. Routes
shape their answers for the version with ``protocol.for_version``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel
from starlette.types import Receive, Scope, Send

from hcc_core.wire.protocol import OLDEST_SERVED, PROTOCOL_HEADER, PROTOCOL_VERSION

_HEADER = PROTOCOL_HEADER.lower().encode()
SUPPORTED = [OLDEST_SERVED, PROTOCOL_VERSION]


class VersionRefused(BaseModel):
    detail: str
    supported: list[int]


PROTOCOL_RESPONSES: dict[int | str, dict[str, Any]] = {
    426: {
        "model": VersionRefused,
        "description": f"the {PROTOCOL_HEADER} header names a version this central does not serve",
    },
}


def _version(raw: bytes | None) -> int | None:
    if raw is None:
        return 1
    text = raw.decode("latin-1").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        return None
    version = int(text)
    return version if OLDEST_SERVED <= version <= PROTOCOL_VERSION else None


class ProtocolGate:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = next((v for k, v in scope["headers"] if k == _HEADER), None)
        version = _version(raw)
        if version is None:
            shown = raw.decode("latin-1")[:20] if raw is not None else ""
            body = json.dumps(
                {
                    "detail": (
                        f"Phiên bản giao thức {shown!r} không được máy chủ này hỗ trợ "
                        f"(hỗ trợ {OLDEST_SERVED}–{PROTOCOL_VERSION}): cần cập nhật phần mềm. "
                        f"/ Protocol version {shown!r} is not served here (served: "
                        f"{OLDEST_SERVED}–{PROTOCOL_VERSION}): update the software."
                    ),
                    "supported": SUPPORTED,
                },
                ensure_ascii=False,
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 426,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        scope.setdefault("state", {})["protocol"] = version
        await self.app(scope, receive, send)


def client_protocol(request: Request) -> int:
    return int(getattr(request.state, "protocol", 1))


ClientProtocol = Annotated[int, Depends(client_protocol)]
