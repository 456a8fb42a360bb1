"""Finding dossiers: today's list and search. Every search is audited (personal data)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from hcc_desk.core.store.records import DossierDetail, DossierSummary
from hcc_desk.core.store.repositories import (
    add_audit,
    dossiers_received_on,
    get_dossier_detail,
    search_dossiers,
)
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.errors import NotFound


class DossierQueries:
    def __init__(self, store: Sessions, clock: Callable[[], datetime] = datetime.now):
        self._store = store
        self._clock = clock

    def today(self, officer_username: str, day: date | None = None) -> list[DossierSummary]:
        with self._store.session() as s:
            return dossiers_received_on(s, day or self._clock().date())

    def search(self, query: str, officer_username: str, limit: int = 50) -> list[DossierSummary]:
        if not query.strip():
            return self.today(officer_username)
        with self._store.write() as s:
            rows = search_dossiers(s, query, limit=limit)
            add_audit(
                s,
                officer_username,
                "dossier.search",
                "dossier",
                None,
                {"query": query[:100], "results": len(rows)},
            )
        return rows

    def detail(self, code_or_uuid: str, officer_username: str) -> DossierDetail:
        with self._store.write() as s:
            found = get_dossier_detail(s, code_or_uuid.strip())
            if found is None:
                raise NotFound("dossiers.dossier", code_or_uuid=repr(code_or_uuid))
            add_audit(
                s, officer_username, "dossier.view", "dossier", found.uuid, {"code": found.code}
            )
        return found
