"""The working-time calendar in force: settings + the editable table of exception days."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hcc_desk.core.domain.calendar import OfficeHours, WorkCalendar
from hcc_desk.core.store.models import CalendarDay


class CalendarService:
    def __init__(self, store, settings):
        self._store = store
        self._settings = settings
        self._cached: WorkCalendar | None = None

    def current(self) -> WorkCalendar:
        # Built once per process and rebuilt after an edit: intake asks for it on every keystroke
        # of the live appointment, and holiday tables are not free to compute.
        if self._cached is None:
            with self._store.session() as s:
                rows = list(s.scalars(select(CalendarDay)))
            self._cached = WorkCalendar(
                office_hours=OfficeHours.from_config(self._settings.get("office_hours")),
                weekend=frozenset(self._settings.get("weekend")),
                extra_days_off=frozenset(r.day for r in rows if r.kind == "off"),
                worked_days=frozenset(r.day for r in rows if r.kind == "work"),
                use_public_holidays=bool(self._settings.get("use_public_holidays")),
            )
        return self._cached

    def set_day(self, day: date, kind: str | None, note: str = "") -> None:
        """Mark ``day`` as an extra day off ("off"), a worked day ("work"), or clear it (None)."""
        with self._store.write() as s:
            row = s.get(CalendarDay, day)
            if kind is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(CalendarDay(day=day, kind=kind, note=note or None))
            else:
                row.kind, row.note = kind, note or None
        self._cached = None
