"""The supervision lists and on-time rates, computed from plain dossier rows (no database).

Lists (unfinished dossiers, against the appointment in force, on the local clock):
due today, due within the next two working days, overdue, waiting for a supplement (clock
stopped, so never overdue meanwhile). Rates (finished results in a period, against the
appointment before any apology): early / on time / late by agency, procedure or officer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from hcc_core.domain.calendar import WorkCalendar
from hcc_core.domain.status import FINISHED as FINISHED  # re-exported: the shared rule
from hcc_core.domain.status import DossierStatus
from hcc_core.domain.timing import SOON_WORKING_DAYS, classify, urgency

_S = DossierStatus
GroupBy = Literal["agency", "procedure", "officer"]
GROUPS: tuple[GroupBy, ...] = ("agency", "procedure", "officer")


@dataclass(frozen=True)
class DossierRow:
    uuid: str
    code: str
    procedure_code: str | None
    procedure_name: str
    agency: str
    counter_slot: int
    officer: str  # receiving officer: "Full Name (username)" when known
    received_at: datetime
    due_at: datetime | None  # the appointment in force (moved by pauses and apologies)
    statutory_due_at: datetime | None  # the appointment before any apology
    status: int
    waiting_since: datetime | None
    result_ready_at: datetime | None
    returned_at: datetime | None
    source: str  # "local" (this desk) or "central" (another counter, as central reported)

    @property
    def finished_at(self) -> datetime | None:
        return self.result_ready_at or self.returned_at

    @property
    def timing(self) -> str | None:
        finished = self.finished_at
        return None if finished is None else classify(finished, self.statutory_due_at)

    @property
    def apologised(self) -> bool:
        return self.due_at != self.statutory_due_at

    @property
    def in_progress(self) -> bool:
        return DossierStatus(self.status) not in FINISHED


@dataclass(frozen=True)
class Lists:
    due_today: list[DossierRow]
    due_soon: list[DossierRow]
    overdue: list[DossierRow]
    waiting: list[DossierRow]

    def counts(self) -> dict[str, int]:
        return {
            "due_today": len(self.due_today),
            "due_soon": len(self.due_soon),
            "overdue": len(self.overdue),
            "waiting": len(self.waiting),
        }


def lists(
    rows: Iterable[DossierRow],
    now: datetime,
    calendar: WorkCalendar,
    soon_days: int = SOON_WORKING_DAYS,
) -> Lists:
    out: dict[str, list[DossierRow]] = {"today": [], "soon": [], "overdue": [], "waiting": []}
    for row in rows:
        if not row.in_progress:
            continue
        if row.status == _S.WAITING_SUPPLEMENT:
            out["waiting"].append(row)
            continue
        kind = urgency(row.due_at, now, calendar, soon_days)
        if kind in out:
            out[kind].append(row)
    key = _by_due
    return Lists(
        sorted(out["today"], key=key),
        sorted(out["soon"], key=key),
        sorted(out["overdue"], key=key),
        sorted(out["waiting"], key=lambda r: (r.waiting_since or r.received_at, r.code)),
    )


def _by_due(row: DossierRow) -> tuple[datetime, str]:
    return (row.due_at or datetime.max, row.code)


@dataclass
class RateRow:
    key: str
    early: int = 0
    on_time: int = 0
    late: int = 0
    codes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def on_time_share(self) -> float:
        """Early or on time, of all finished (0..1); 0 when nothing finished."""
        return (self.early + self.on_time) / self.total if self.total else 0.0


def in_period(row: DossierRow, date_from: date, date_to: date) -> bool:
    finished = row.finished_at
    return finished is not None and date_from <= finished.date() <= date_to


def rates(rows: Iterable[DossierRow], date_from: date, date_to: date, by: GroupBy) -> list[RateRow]:
    """One row per agency / procedure / officer, with a total row last (key "")."""
    if by not in GROUPS:
        raise ValueError(f"group by one of {GROUPS}, not {by!r}")
    groups: dict[str, RateRow] = {}
    total = RateRow("")
    for row in rows:
        if not in_period(row, date_from, date_to):
            continue
        timing = row.timing
        assert timing is not None  # in_period: the dossier is finished
        key = {"agency": row.agency, "procedure": row.procedure_name, "officer": row.officer}[by]
        for target in (groups.setdefault(key, RateRow(key)), total):
            setattr(target, timing, getattr(target, timing) + 1)
            target.codes.append(row.code)
    ordered = sorted(groups.values(), key=lambda r: (-r.total, r.key))
    return [*ordered, total]
