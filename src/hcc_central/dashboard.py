"""What the supervisors' dashboard shows of one centre (Qt-free queries; web/supervisor.py draws).

Lists of unfinished dossiers against the appointment in force, the same buckets as the desk's
supervision view (``hcc_core.domain.timing.urgency``): overdue, due later today, due within the
next two working days, waiting for a supplement (clock stopped). The buckets become ranges of
``Dossier.due_at`` so that counting and paging use the indexed columns (``centre_id``,
``status``, ``due_at``), never a scan of the documents.

On-time rates: a dossier counts in the period its result was released (the last RELEASING event,
else the hand-back), early or on time when released at or before its appointment
(``timing.classify``, the desk's rule). Ratings: the citizens' levels and latest comments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from hcc_core.domain.calendar import WorkCalendar
from hcc_core.domain.status import FINISHED, DossierStatus
from hcc_core.domain.timing import SOON_WORKING_DAYS, classify, nth_working_day_after

from .event_times import last_at, waiting_since
from .models import Agency, Centre, Dossier, Officer, Rating, StatusEvent

_S = DossierStatus
_RUNNING = sorted(int(s) for s in _S if s not in FINISHED and s != _S.WAITING_SUPPLEMENT)
_RELEASED = (int(_S.RELEASING), int(_S.DONE))

ListKind = Literal["overdue", "today", "soon", "waiting"]
LIST_KINDS: tuple[ListKind, ...] = ("overdue", "today", "soon", "waiting")
GroupBy = Literal["agency", "procedure", "officer"]
GROUPS: tuple[GroupBy, ...] = ("agency", "procedure", "officer")
PER_PAGE = 50
LEVELS = {3: "Rất hài lòng", 2: "Hài lòng", 1: "Không hài lòng"}  # Rating.level


# --- lists ------------------------------------------------------------------------------------


def list_condition(
    kind: ListKind, centre_id: int, now: datetime, calendar: WorkCalendar
) -> ColumnElement[bool]:
    """The rows of one list, as a condition on indexed columns."""
    mine = Dossier.centre_id == centre_id
    if kind == "waiting":
        return and_(mine, Dossier.status == int(_S.WAITING_SUPPLEMENT))
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time.min)
    soon_end = datetime.combine(
        nth_working_day_after(now.date(), SOON_WORKING_DAYS, calendar) + timedelta(days=1),
        time.min,
    )
    due = {
        "overdue": Dossier.due_at < now,
        "today": and_(Dossier.due_at >= now, Dossier.due_at < tomorrow),
        "soon": and_(Dossier.due_at >= tomorrow, Dossier.due_at < soon_end),
    }[kind]
    return and_(mine, Dossier.status.in_(_RUNNING), due)


def list_counts(
    s: Session, centre_id: int, now: datetime, calendar: WorkCalendar
) -> dict[ListKind, int]:
    return {
        kind: int(
            s.scalar(
                select(func.count())
                .select_from(Dossier)
                .where(list_condition(kind, centre_id, now, calendar))
            )
            or 0
        )
        for kind in LIST_KINDS
    }


@dataclass(frozen=True)
class ListRow:
    code: str
    procedure_name: str
    agency: str
    officer: str
    status: str
    received_at: datetime
    due_at: datetime | None
    waiting_since: datetime | None


@dataclass(frozen=True)
class ListPage:
    rows: list[ListRow]
    total: int
    page: int
    pages: int


def list_page(
    s: Session,
    centre_id: int,
    kind: ListKind,
    now: datetime,
    calendar: WorkCalendar,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> ListPage:
    """One page of a list: the most urgent first (waiting: the oldest first)."""
    where = list_condition(kind, centre_id, now, calendar)
    total = int(s.scalar(select(func.count()).select_from(Dossier).where(where)) or 0)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    order = (
        (Dossier.received_at, Dossier.code) if kind == "waiting" else (Dossier.due_at, Dossier.code)
    )
    found = s.execute(
        select(
            Dossier.code,
            Dossier.unit_code,
            Dossier.agency_unit_code,
            Dossier.procedure_name,
            Dossier.status,
            Dossier.received_at,
            Dossier.due_at,
            Dossier.doc,
        )
        .where(where)
        .order_by(*order)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    agencies = agency_names(s, centre_id)
    names = officer_names(s, {str((r.doc or {}).get("officer") or "") for r in found})
    rows = [
        ListRow(
            code=r.code,
            procedure_name=str((r.doc or {}).get("procedure_name") or r.procedure_name),
            agency=_agency(r.agency_unit_code or r.unit_code, agencies),
            officer=_officer(str((r.doc or {}).get("officer") or ""), names),
            status=DossierStatus(r.status).text("vi"),
            received_at=r.received_at,
            due_at=r.due_at,
            waiting_since=waiting_since((r.doc or {}).get("events") or [])
            if kind == "waiting"
            else None,
        )
        for r in found
    ]
    return ListPage(rows, total, page, pages)


# --- names ------------------------------------------------------------------------------------


def agency_names(s: Session, centre_id: int) -> dict[str, str]:
    rows = s.execute(select(Agency.unit_code, Agency.name).where(Agency.centre_id == centre_id))
    return dict(rows.tuples().all())


def officer_names(s: Session, usernames: Iterable[str]) -> dict[str, str]:
    wanted = sorted({u for u in usernames if u})
    if not wanted:
        return {}
    rows = s.execute(
        select(Officer.username, Officer.full_name).where(Officer.username.in_(wanted))
    )
    return dict(rows.tuples().all())


def _agency(unit_code: str, agencies: dict[str, str]) -> str:
    return agencies.get(unit_code) or unit_code


def _officer(username: str, names: dict[str, str]) -> str:
    full = names.get(username)
    return f"{full} ({username})" if full else username or "—"


def centres(s: Session) -> list[tuple[int, str]]:
    return [(i, n) for i, n in s.execute(select(Centre.id, Centre.name).order_by(Centre.id))]


# --- on-time rates ----------------------------------------------------------------------------


@dataclass
class Rate:
    key: str  # "" for the total row
    early: int = 0
    on_time: int = 0
    late: int = 0

    @property
    def total(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def share(self) -> float | None:
        """Early or on time, of all released (0..1); None when nothing was released."""
        return (self.early + self.on_time) / self.total if self.total else None


@dataclass
class Rates:
    by: dict[GroupBy, list[Rate]] = field(default_factory=dict)  # each: groups, then the total

    @property
    def total(self) -> Rate:
        return self.by["agency"][-1]


def released_at(events: list[dict[str, Any]], status: int) -> datetime | None:
    """When the result was released: the last RELEASING event (a reopened result is released
    again), else the hand-back; None when neither happened (as the desk reads central's rows)."""

    if status not in _RELEASED:
        return None
    return last_at(events, _S.RELEASING) or (
        last_at(events, _S.DONE) if status == _S.DONE else None
    )


def on_time_rates(s: Session, centre_id: int, first: date, last: date) -> Rates:
    """Rates of the results released from ``first`` to ``last`` (whole days), by agency,
    procedure and receiving officer. Only dossiers with a release event in the period are read
    (their events, not every dossier of the centre)."""
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    released_in_period = (
        select(StatusEvent.dossier_uuid)
        .where(StatusEvent.status.in_(_RELEASED), StatusEvent.at >= start, StatusEvent.at < end)
        .scalar_subquery()
    )
    found = s.execute(
        select(
            Dossier.unit_code,
            Dossier.agency_unit_code,
            Dossier.procedure_name,
            Dossier.status,
            Dossier.due_at,
            Dossier.doc,
        ).where(
            Dossier.centre_id == centre_id,
            Dossier.status.in_(_RELEASED),
            Dossier.uuid.in_(released_in_period),
        )
    ).all()
    agencies = agency_names(s, centre_id)
    names = officer_names(s, {str((r.doc or {}).get("officer") or "") for r in found})
    groups: dict[GroupBy, dict[str, Rate]] = {by: {} for by in GROUPS}
    total = Rate("")
    for r in found:
        doc = r.doc or {}
        at = released_at(doc.get("events") or [], r.status)
        if at is None or not start <= at < end:
            continue
        timing = classify(at, r.due_at)
        keys: dict[GroupBy, str] = {
            "agency": _agency(r.agency_unit_code or r.unit_code, agencies),
            "procedure": str(doc.get("procedure_name") or r.procedure_name),
            "officer": _officer(str(doc.get("officer") or ""), names),
        }
        for by, key in keys.items():
            rate = groups[by].setdefault(key, Rate(key))
            setattr(rate, timing, getattr(rate, timing) + 1)
        setattr(total, timing, getattr(total, timing) + 1)
    out = Rates()
    for by in GROUPS:
        ordered = sorted(groups[by].values(), key=lambda r: (-r.total, r.key))
        out.by[by] = [*ordered, total]
    return out


# --- ratings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingComment:
    code: str
    level: int
    comment: str
    at: datetime

    @property
    def level_text(self) -> str:
        return LEVELS.get(self.level, str(self.level))


@dataclass(frozen=True)
class Ratings:
    counts: dict[int, int]  # level → number, every level present
    comments: list[RatingComment]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def ratings(s: Session, centre_id: int, first: date, last: date, latest: int = 20) -> Ratings:
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    in_period = and_(Rating.centre_id == centre_id, Rating.at >= start, Rating.at < end)
    counts = dict.fromkeys(LEVELS, 0)
    for level, n in s.execute(
        select(Rating.level, func.count()).where(in_period).group_by(Rating.level)
    ).tuples():
        counts[int(level)] = int(n)
    rows = s.execute(
        select(Dossier.code, Rating.level, Rating.comment, Rating.at)
        .join(Dossier, Dossier.uuid == Rating.dossier_uuid)
        .where(in_period, Rating.comment.is_not(None), Rating.comment != "")
        .order_by(Rating.at.desc(), Dossier.code)
        .limit(latest)
    ).all()
    comments = [RatingComment(r.code, r.level, r.comment or "", r.at) for r in rows]
    return Ratings(counts, comments)
