"""When things happened to a dossier, read from the events of its stored doc (ISO text, sorted
by time by the ingest merge): the supervision feed for desks and the dashboard both ask."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hcc_core.domain.status import DossierStatus


def last_at(events: list[dict[str, Any]], status: int) -> datetime | None:
    """The latest event of ``status``."""
    found = [str(e["at"]) for e in events if e.get("status") == status and e.get("at")]
    return datetime.fromisoformat(max(found)) if found else None


def waiting_since(events: list[dict[str, Any]]) -> datetime | None:
    """Start of the trailing run of "waiting for a supplement" events."""
    start = None
    for e in sorted(events, key=lambda e: str(e.get("at") or ""), reverse=True):
        if e.get("status") != DossierStatus.WAITING_SUPPLEMENT:
            break
        start = e.get("at")
    return datetime.fromisoformat(start) if start else None
