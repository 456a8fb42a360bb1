"""Queries of supervision: this desk's dossiers with their first appointment and open pause, the
summaries central reported of the other counters (and their cache, which supervision_feed fills),
and the names they are shown with.

Both read the same window: the unfinished dossiers, or those finished (result ready, else
returned) within a period.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from ..models import (
    Agency,
    CentreDossier,
    Counter,
    Dossier,
    DossierNotice,
    Officer,
    Procedure,
    StatusEvent,
)

_Q = TypeVar("_Q", bound=Select[Any])


@dataclass(frozen=True)
class Window:
    """``finished``: the statuses of a finished dossier. ``period`` None: the unfinished dossiers;
    else (first, last moment) of the period their result was ready (else they were returned)."""

    finished: Collection[int]
    period: tuple[datetime, datetime] | None = None


class OwnDossierFacts(NamedTuple):
    uuid: str
    code: str
    procedure_code: str | None
    procedure_name: str
    agency_name: str
    counter_slot: int | None
    officer: str  # user name
    received_at: datetime
    due_at: datetime | None
    first_due_at: datetime | None  # the appointment the first apology replaced
    status: int
    last_waiting_at: datetime | None  # the last time it entered the waiting status
    result_ready_at: datetime | None
    returned_at: datetime | None


def _within(
    query: _Q,
    window: Window,
    ready: QueryableAttribute[Any],
    returned: QueryableAttribute[Any],
    status: QueryableAttribute[Any],
) -> _Q:
    if window.period is None:
        return query.where(status.not_in(list(window.finished)))
    start, end = window.period
    return query.where(
        or_(
            and_(ready >= start, ready <= end),
            and_(ready.is_(None), returned >= start, returned <= end),
        )
    )


def officer_names(session: Session) -> dict[str, str]:
    """Full names by user name."""
    rows = session.execute(select(Officer.username, Officer.full_name)).tuples()
    return dict(rows.all())


def agency_names(session: Session) -> dict[str, str]:
    """Agency names by unit code."""
    rows = session.execute(select(Agency.unit_code, Agency.name)).tuples()
    return dict(rows.all())


def own_dossiers(session: Session, window: Window, waiting_status: int) -> list[OwnDossierFacts]:
    """This desk's dossiers in the window, with what the supervision lists show of them."""
    apology = (
        select(DossierNotice.dossier_id, func.min(DossierNotice.previous_due_at).label("first_due"))
        .where(DossierNotice.kind == "apology")
        .group_by(DossierNotice.dossier_id)
        .subquery()
    )
    waiting = (
        select(StatusEvent.dossier_id, func.max(StatusEvent.at).label("since"))
        .where(StatusEvent.status == waiting_status)
        .group_by(StatusEvent.dossier_id)
        .subquery()
    )
    counter = aliased(Counter)
    q = (
        select(
            Dossier.uuid,
            Dossier.code,
            Procedure.code,
            Procedure.name,
            Agency.name,
            counter.slot,
            Officer.username,
            Dossier.received_at,
            Dossier.due_at,
            apology.c.first_due,
            Dossier.status,
            waiting.c.since,
            Dossier.result_ready_at,
            Dossier.returned_at,
        )
        .join(Procedure, Dossier.procedure_id == Procedure.id)
        .join(Agency, Dossier.agency_id == Agency.id)
        .join(Officer, Dossier.officer_id == Officer.id)
        .outerjoin(counter, Dossier.counter_id == counter.id)
        .outerjoin(apology, apology.c.dossier_id == Dossier.id)
        .outerjoin(waiting, waiting.c.dossier_id == Dossier.id)
    )
    q = _within(q, window, Dossier.result_ready_at, Dossier.returned_at, Dossier.status)
    return [OwnDossierFacts(*row) for row in session.execute(q)]


def other_counters_dossiers(session: Session, window: Window) -> list[CentreDossier]:
    """What central last reported of the centre's dossiers in the window, but this desk's own:
    those come from its own tables, whatever central last said of them."""
    c = CentreDossier
    q = select(c).where(c.uuid.not_in(select(Dossier.uuid)))
    q = _within(q, window, c.result_ready_at, c.returned_at, c.status)
    return list(session.scalars(q).all())


def save_centre_dossier(session: Session, values: Mapping[str, Any]) -> None:
    """Insert or replace central's summary of one dossier (by uuid): a page fetched twice
    leaves the cache as once."""
    session.execute(
        insert(CentreDossier)
        .values(**values)
        .on_conflict_do_update(
            index_elements=[CentreDossier.uuid],
            set_={k: v for k, v in values.items() if k != "uuid"},
        )
    )
