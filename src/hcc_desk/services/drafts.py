"""Autosaved intake forms: typed work survives a crash or a power cut."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hcc_desk.core.store.repositories import delete_draft, load_drafts, save_draft
from hcc_desk.core.store.store import Sessions


@dataclass(frozen=True)
class Draft:
    draft_id: str
    updated_at: datetime
    payload: dict[str, Any]


class DraftService:
    def __init__(self, store: Sessions):
        self._store = store

    def save(self, officer_username: str, draft_id: str, payload: dict[str, Any]) -> None:
        with self._store.write() as s:
            save_draft(s, officer_username, payload, uuid=draft_id)

    def pending(self, officer_username: str) -> list[Draft]:
        """This officer's unfinished forms, newest first."""
        with self._store.session() as s:
            return [
                Draft(d.uuid, d.updated_at, dict(d.payload))
                for d in load_drafts(s, officer_username)
            ]

    def discard(self, draft_id: str) -> None:
        with self._store.write() as s:
            delete_draft(s, draft_id)
