"""Officer sessions on the wire, shared by hcc-central and the desk (docs/security.md).

``POST /api/v1/officers/login`` (device token + the officer's password) answers the officer and
a short-lived session token; calls made on an officer's behalf beyond the device's own sync
(the supervision feed) send it in the ``X-Officer-Session`` header. ``POST /officers/logout``
ends it. A locked name answers 423 with ``Retry-After``.
"""

from __future__ import annotations

from pydantic import Field

from hcc_core.wire.protocol import LocalDateTime, OfficerWire

SESSION_HEADER = "X-Officer-Session"


class LoginAnswer(OfficerWire):
    session: str = Field(min_length=16, max_length=128)
    session_expires_at: LocalDateTime
