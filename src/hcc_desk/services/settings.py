"""Per-desk settings kept in the database, with defaults in one place."""

from __future__ import annotations

from typing import Any

from hcc_desk.core.store.repositories import get_setting, set_setting
from hcc_desk.core.store.store import Sessions

DEFAULTS: dict[str, Any] = {
    "idle_lock_minutes": 10,
    "language": "vi",
    "paper": "A4",
    "printer": None,
    # Working-time calendar (docs/domain.md): configurable office hours, weekend days (Mon=0).
    "office_hours": [["07:00", "11:30"], ["13:30", "17:00"]],
    "weekend": [5, 6],
    "use_public_holidays": True,
    # Official forms (docs/forms.md, services/paper_facts.py): "auto" follows the legal basis
    # in force on the day each dossier was received (2025 set from forms.basis_2025_from);
    # "2018" / "2025" force one; per-centre overrides where the 2025 wording is not settled.
    "forms.legal_basis": "auto",
    "forms.basis_2025_from": "2025-09-15",
    "forms.templates": {},
    "forms.qr_system_name": "HCC Desk",
}


class SettingsService:
    def __init__(self, store: Sessions):
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        with self._store.session() as s:
            value = get_setting(s, key, None)
        if value is None:
            return DEFAULTS.get(key, default) if default is None else default
        return value

    def set(self, key: str, value: Any) -> None:
        with self._store.write() as s:
            set_setting(s, key, value)
