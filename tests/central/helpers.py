"""Building realistic dossiers and push ops the way a desk does."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from hcc_core.domain.dossier_code import CodeScheme
from hcc_core.wire.protocol import DossierDoc
from tests.central.live import Desk

DAY = date(2026, 11, 25)


def new_uuid() -> str:
    return str(uuid.uuid4())


def make_doc(
    desk: Desk, *, k: int | None = None, day: date | None = None, **over: Any
) -> dict[str, Any]:
    """A DossierDoc (JSON form) with the desk's next code (the next day once a day is full)."""
    scheme = CodeScheme(desk.unit, desk.slot, desk.code_slots)
    if k is None:
        n = desk.k["n"] = desk.k.get("n", -1) + 1
        day = DAY + timedelta(days=n // scheme.capacity_per_day)
        k = n % scheme.capacity_per_day + 1
    day = day or DAY
    code = scheme.code(day, k)
    received = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=k % 500)
    doc: dict[str, Any] = {
        "uuid": new_uuid(),
        "code": code,
        "lookup_pin": "AB23CD",
        "procedure_code": "1.001234",
        "procedure_name": "Cấp bản sao trích lục hộ tịch",
        "unit_code": desk.unit,
        "counter_slot": desk.slot,
        "officer": "demo",
        "applicant_kind": "individual",
        "submitter": {
            "kind": "individual",
            "full_name": "Nguyễn Văn An",
            "id_number": "046090001234",
            "phone": "0905123456",
            "address": "12 Lê Lợi, Huế",
        },
        "owner": None,
        "papers": [
            {
                "position": 1,
                "name": "Tờ khai",
                "originals": 1,
                "certified_copies": 0,
                "photocopies": 0,
            }
        ],
        "sets": 1,
        "delivery_method": "counter",
        "delivery_address": None,
        "notes": None,
        "received_at": received.isoformat(),
        "due_at": (received + timedelta(days=3)).isoformat(),
        "status": 2,
        "events": [
            {
                "uuid": new_uuid(),
                "status": 2,
                "at": received.isoformat(),
                "actor": "demo",
                "note": None,
            }
        ],
        "attachments": [],
    }
    doc.update(over)
    return doc


def normalised(doc: dict[str, Any]) -> dict[str, Any]:
    """The doc as central stores it: the wire model's JSON form (defaults filled in)."""
    return DossierDoc.model_validate(doc).model_dump(mode="json")


def op(doc: dict[str, Any], op_id: str | None = None) -> dict[str, Any]:
    return {
        "op_id": op_id or new_uuid(),
        "kind": "dossier.upsert",
        "entity_uuid": doc["uuid"],
        "payload": doc,
    }


def attachment(data: bytes, **over: Any) -> dict[str, Any]:
    return {
        "uuid": new_uuid(),
        "paper_position": 1,
        "filename": "to-khai.pdf",
        "content_type": "application/pdf",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        **over,
    }


def push(desk: Desk, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    r = desk.http.post("/sync/push", json={"ops": list(ops)})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def outcomes(results: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(r["outcome"], r["code"]) for r in results]
