"""The desk's side of protocol versions: it says its version, reads answers with fields it does
not know, skips change kinds it does not know, and tells an incompatible central from a
passing network fault."""

from __future__ import annotations

import json

import httpx
import pytest

from hcc_core.wire import protocol as p
from hcc_desk.core.sync.client import CentralClient, Incompatible, Transient

LIMITS = {"max_attachment_bytes": 1, "max_dossier_bytes": 2, "chunk_bytes": 3}


def client_answering(
    status: int,
    body: bytes,
    seen: list[httpx.Request] | None = None,
    content_type: str = "application/json",
) -> CentralClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    return CentralClient("https://central.example", "token", transport=httpx.MockTransport(handler))


def test_every_request_names_the_desks_protocol_version():
    seen: list[httpx.Request] = []
    client_answering(200, json.dumps(LIMITS).encode(), seen).limits()
    assert seen[0].headers[p.PROTOCOL_HEADER] == str(p.PROTOCOL_VERSION)


def test_fields_a_newer_central_adds_are_ignored():
    answer = {**LIMITS, "max_pages_per_dossier": 500, "new_section": {"x": 1}}
    limits = client_answering(200, json.dumps(answer).encode()).limits()
    assert (limits.max_attachment_bytes, limits.chunk_bytes) == (1, 3)


def test_a_shape_this_version_cannot_read_is_incompatible_not_a_network_fault():
    with pytest.raises(Incompatible) as caught:
        client_answering(200, b'{"max_attachment_bytes": "lots"}').limits()
    assert "cập nhật" in caught.value.message and "update" in caught.value.message
    assert not isinstance(caught.value, Transient)


def test_a_page_that_is_not_json_is_still_a_passing_fault():
    with pytest.raises(Transient):
        client_answering(200, b"<html>Wi-Fi login</html>", content_type="text/html").limits()


def test_central_refusing_the_version_is_incompatible():
    body = json.dumps(
        {
            "detail": "Protocol version '2' is not served here: update the software.",
            "supported": [3, 4],
        }
    ).encode()
    with pytest.raises(Incompatible) as caught:
        client_answering(426, body).limits()
    assert caught.value.status == 426 and "update" in caught.value.message


def test_a_change_kind_from_a_newer_central_parses_and_is_left_to_the_applier():
    page = p.PullResponse.model_validate(
        {
            "changes": [
                {"seq": 1, "kind": "agency.upsert", "entity_uuid": "a", "payload": {}},
                {"seq": 2, "kind": "rating.added", "entity_uuid": "b", "payload": {}},
            ],
            "cursor": 2,
            "more": False,
            "server_time": "2027-01-01T00:00:00",
        }
    )
    assert [c.kind for c in page.changes] == ["agency.upsert", "rating.added"]


def test_central_leaves_out_for_an_older_desk_what_it_cannot_read():
    centre = p.CentreWire(
        name="TT", governing_body="UBND", place_name="Huế", code_slots=5, level="commune"
    )
    page = p.PullResponse(
        changes=[
            p.Change(seq=1, kind="calendar.day", entity_uuid="d", payload={}),
            p.Change(seq=2, kind="calendar.year", entity_uuid="y", payload={}),
        ],
        cursor=2,
        more=False,
    )
    assert "level" not in p.for_version(centre, 1).model_dump(mode="json")
    assert p.for_version(centre, 2).model_dump(mode="json")["level"] == "commune"
    assert [c.kind for c in p.for_version(page, 1).changes] == ["calendar.day"]
    assert p.for_version(page, 1).cursor == 2
    assert [c.kind for c in p.for_version(page, 2).changes] == ["calendar.day", "calendar.year"]
