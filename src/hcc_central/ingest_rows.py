"""Pure helpers of the push ingest: merging a pushed doc into the stored one, table rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T")
IN_CHUNK = 500  # bound on bind parameters per IN (…) list
# Parts of the stored doc that only central writes (an agency's notices, steps.py): a desk
# never sends them, so a later push must not wipe them.
CENTRAL_KEYS = ("notices",)


def merge(
    old: dict[str, Any] | None, doc: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The desk's latest fields + the union of events (by uuid, time-ordered) and attachments.

    Status follows the latest event; if that event came from central (an agency), central's
    due date stands too: the desk had not seen it when it sent this state.
    Returns (merged doc, events new to central).
    """
    old_events = old["events"] if old else []
    known = {e["uuid"] for e in old_events}
    added = [e for e in doc["events"] if e["uuid"] not in known]
    events = sorted(old_events + added, key=lambda e: e["at"])  # one ISO format: sortable
    old_atts = old["attachments"] if old else []
    have = {a["uuid"] for a in old_atts}
    merged = {
        **doc,
        **{k: old[k] for k in CENTRAL_KEYS if old and k in old},
        "events": events,
        "attachments": old_atts + [a for a in doc["attachments"] if a["uuid"] not in have],
    }
    if events:
        merged["status"] = events[-1]["status"]
        if old and events[-1]["uuid"] not in {e["uuid"] for e in doc["events"]}:
            merged["due_at"] = old["due_at"]
    return merged, added


def dossier_row(doc: dict[str, Any], centre_id: int, now: datetime) -> dict[str, Any]:
    return {
        "uuid": doc["uuid"],
        "code": doc["code"],
        "centre_id": centre_id,
        "unit_code": doc["unit_code"],
        "counter_slot": doc["counter_slot"],
        "lookup_pin": doc["lookup_pin"],
        "status": doc["status"],
        "received_at": datetime.fromisoformat(doc["received_at"]),
        "due_at": datetime.fromisoformat(doc["due_at"]) if doc["due_at"] else None,
        "procedure_name": doc["procedure_name"][:255],
        "applicant_name": applicant_name(doc),
        "doc": doc,
        "updated_at": now,
    }


def applicant_name(doc: dict[str, Any]) -> str:
    """The owner's name, else the submitter's (dossier.applicant_name, for lists)."""
    return str((doc.get("owner") or doc["submitter"])["full_name"])[:200]


def event_row(dossier_uuid: str, e: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": e["uuid"],
        "dossier_uuid": dossier_uuid,
        "status": e["status"],
        "at": datetime.fromisoformat(e["at"]),
        "actor": e["actor"],
        "note": e["note"],
        "origin": "desk",
    }


def att_row(a: dict[str, Any], dossier_uuid: str, centre_id: int) -> dict[str, Any]:
    keys = ("uuid", "sha256", "size", "filename", "content_type")
    return {**{k: a[k] for k in keys}, "dossier_uuid": dossier_uuid, "centre_id": centre_id}


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]
