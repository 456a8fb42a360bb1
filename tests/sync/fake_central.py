"""An in-memory stand-in for hcc-central behind httpx.MockTransport, with fault injection.

It follows docs/sync-protocol.md closely enough to exercise the desk: push dedupes by op_id,
pull serves a change list, uploads keep offsets and check the SHA-256 on completion.
Faults are queued per route: ``central.faults["push"].append("lost")`` etc.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import httpx

from hcc_core.wire import protocol as p

TOKEN = "tok-" + "x" * 40


@dataclass
class FakeCentral:
    agencies: list[dict[str, Any]] = field(default_factory=list)
    slot: int = 1
    code_slots: int = 20
    limits: dict[str, int] = field(
        default_factory=lambda: {
            "max_attachment_bytes": 1_000_000,
            "max_dossier_bytes": 5_000_000,
            "chunk_bytes": 64 * 1024,
        }
    )
    down: bool = False  # every request fails with a connection error
    max_push_ops: int | None = None  # larger pushes get 413
    reject: dict[str, tuple[int, str]] = field(default_factory=dict)  # entity uuid → code, reason
    officers: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # user → pw, name, role
    invalid: set[str] = field(default_factory=set)  # entity uuids that fail the whole request
    retry_after: str | None = None  # Retry-After header on injected error statuses
    revoked: bool = False  # the device token no longer works
    single_upload: bool = True  # False: an older central without POST /uploads/single (405)

    def __post_init__(self) -> None:
        self.faults: dict[str, deque[str]] = defaultdict(deque)
        self.seen_ops: set[str] = set()
        self.dossiers: dict[str, dict[str, Any]] = {}
        self.applied_log: list[str] = []  # entity uuids in the order central stored them
        self.push_sizes: list[int] = []
        self.changes: list[dict[str, Any]] = []
        self.uploads: dict[str, dict[str, Any]] = {}
        self.blobs: dict[str, bytes] = {}
        self.requests: list[str] = []
        self.corrupt_next_complete = 0

    # --- helpers for tests -----------------------------------------------------------------
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def add_change(self, kind: str, entity_uuid: str, payload: dict[str, Any]) -> int:
        seq = len(self.changes) + 1
        self.changes.append(
            {"seq": seq, "kind": kind, "entity_uuid": entity_uuid, "payload": payload}
        )
        return seq

    # --- HTTP ------------------------------------------------------------------------------
    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(p.API)
        route = (
            path.strip("/").split("/")[0]
            if not path.startswith("/sync/")
            else path.removeprefix("/sync/")
        )
        self.requests.append(f"{request.method} {path}")
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        fault = self.faults[route].popleft() if self.faults[route] else None
        if fault == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if fault == "reset":
            raise httpx.RemoteProtocolError("peer closed connection", request=request)
        if fault and fault.isdigit():
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            return httpx.Response(int(fault), headers=headers, json={"detail": f"injected {fault}"})
        if fault == "portal":  # a captive portal's login page instead of central
            return httpx.Response(200, text="<html>Wi-Fi login</html>")
        if route != "enrol" and (
            self.revoked or request.headers.get("Authorization") != f"Bearer {TOKEN}"
        ):
            return httpx.Response(401, json={"detail": "unknown device"})
        body = (
            json.loads(request.content)
            if request.headers.get("content-type", "").startswith("application/json")
            and request.content
            else None
        )
        handler = getattr(self, f"_{request.method.lower()}_{route}")
        response = handler(request, path, body)
        if fault == "lost":  # stored, but the answer never reaches the desk
            raise httpx.ReadError("connection reset while reading the response", request=request)
        return response

    def _post_enrol(self, _r, _path, body):
        if body["code"] != "GOODCODE42":
            return httpx.Response(404, json={"detail": "unknown or used code"})
        return httpx.Response(
            200,
            json={
                "device_id": "d0000000-0000-4000-8000-000000000001",
                "device_token": TOKEN,
                "centre": {
                    "name": "TRUNG TÂM PVHCC TEST",
                    "governing_body": "UBND TEST",
                    "place_name": "Huế",
                    "hotline": None,
                    "lookup_url_base": None,
                    "code_slots": self.code_slots,
                },
                "counter": {"name": "Quầy 01", "slot": self.slot},
                "agencies": self.agencies,
                "limits": self.limits,
            },
        )

    def _post_officers(self, _r, _path, body):
        entry = self.officers.get(body["username"])
        if entry is None or entry[0] != body["password"]:
            return httpx.Response(401, json={"detail": "wrong user or password"})
        return httpx.Response(
            200,
            json={
                "username": body["username"],
                "full_name": entry[1],
                "role": entry[2],
                "session": "s" * 43,
                "session_expires_at": "2026-12-04T18:00:00",
            },
        )

    def _get_limits(self, *_):
        return httpx.Response(200, json=self.limits)

    def _post_push(self, _r, _path, body):
        ops = p.PushRequest.model_validate(body).ops
        if self.max_push_ops is not None and len(ops) > self.max_push_ops:
            return httpx.Response(413, json={"detail": "request too large"})
        if any(op.entity_uuid in self.invalid for op in ops):
            return httpx.Response(422, json={"detail": "ops[..].payload: invalid field"})
        self.push_sizes.append(len(ops))
        results = []
        for op in ops:
            if op.entity_uuid in self.reject:
                code, reason = self.reject[op.entity_uuid]
                results.append(
                    {"op_id": op.op_id, "outcome": "rejected", "reason": reason, "code": code}
                )
                continue
            if op.op_id in self.seen_ops:
                results.append({"op_id": op.op_id, "outcome": "duplicate", "code": 200})
                continue
            self.seen_ops.add(op.op_id)
            self.dossiers[op.entity_uuid] = op.payload.model_dump(mode="json")
            self.applied_log.append(op.entity_uuid)
            results.append({"op_id": op.op_id, "outcome": "applied", "code": 200})
        return httpx.Response(200, json={"results": results})

    def _get_pull(self, request, _path, _body):
        cursor = int(request.url.params.get("cursor", 0))
        limit = int(request.url.params.get("limit", 500))
        page = [c for c in self.changes if c["seq"] > cursor][:limit]
        new_cursor = page[-1]["seq"] if page else cursor
        more = any(c["seq"] > new_cursor for c in self.changes)
        return httpx.Response(200, json={"changes": page, "cursor": new_cursor, "more": more})

    def _post_uploads(self, request, path, body):
        parts = path.strip("/").split("/")
        if parts[1:] == ["single"]:
            return self._single(request)
        if len(parts) == 3 and parts[2] == "complete":
            up = self.uploads[parts[1]]
            data = bytes(up["data"])
            if self.corrupt_next_complete:
                self.corrupt_next_complete -= 1
                data += b"!"
            if hashlib.sha256(data).hexdigest() != up["sha256"]:
                up["data"] = bytearray()
                return httpx.Response(422, json={"detail": "sha256 mismatch"})
            self.blobs[up["sha256"]] = data
            return httpx.Response(200, json={"sha256": up["sha256"]})
        start = p.UploadStart.model_validate(body)
        if start.size > self.limits["max_attachment_bytes"]:
            return httpx.Response(413, json={"detail": "too large"})
        if start.sha256 in self.blobs:
            return httpx.Response(
                200, json={"upload_id": "done", "offset": start.size, "complete": True}
            )
        upload_id = "u-" + start.attachment_uuid
        up = self.uploads.setdefault(upload_id, {"sha256": start.sha256, "data": bytearray()})
        return httpx.Response(
            200, json={"upload_id": upload_id, "offset": len(up["data"]), "complete": False}
        )

    def _single(self, request: httpx.Request) -> httpx.Response:
        if not self.single_upload:
            return httpx.Response(405, json={"detail": "Method Not Allowed"})
        start = p.UploadStart.model_validate(dict(request.url.params))
        if start.size > self.limits["chunk_bytes"]:
            return httpx.Response(413, json={"detail": "send it in chunks"})
        if self.faults["chunk"] and self.faults["chunk"].popleft() == "partial":
            raise httpx.ReadError("connection reset during upload", request=request)
        data = request.content
        if self.corrupt_next_complete:  # damaged on the way: central stores nothing
            self.corrupt_next_complete -= 1
            data += b"!"
        if len(data) != start.size or hashlib.sha256(data).hexdigest() != start.sha256:
            return httpx.Response(422, json={"detail": "content does not match sha256"})
        self.blobs[start.sha256] = data
        return httpx.Response(200, json={"sha256": start.sha256})

    def _put_uploads(self, request, path, _body):
        up = self.uploads[path.strip("/").split("/")[1]]
        offset = int(request.url.params["offset"])
        if offset != len(up["data"]):
            return httpx.Response(409, json={"offset": len(up["data"])})
        if self.faults["chunk"] and self.faults["chunk"].popleft() == "partial":
            up["data"] += request.content[: len(request.content) // 2]  # the link broke mid-body
            raise httpx.ReadError("connection reset during upload", request=request)
        up["data"] += request.content
        return httpx.Response(200, json={"offset": len(up["data"])})
