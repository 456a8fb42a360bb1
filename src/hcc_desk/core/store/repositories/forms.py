"""Queries of the official forms and the ledger: the dossiers received in a period with the facts
their ledger rows print (first hand-over, hand-back, notices), a dossier's latest notice of a kind,
its hand-over hops, and the names printed on a form."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from ..models import Dossier, DossierNotice, HandBack, Handover, Officer, StatusEvent


def _received_between(start: datetime, end: datetime) -> Select[tuple[int]]:
    return select(Dossier.id).where(Dossier.received_at >= start, Dossier.received_at < end)


def dossiers_received_between(session: Session, start: datetime, end: datetime) -> list[Dossier]:
    """The ledger's dossiers (``start`` included, ``end`` not) in received order, with what a
    ledger row reads loaded at once."""
    found = session.scalars(
        select(Dossier)
        .options(
            selectinload(Dossier.events),
            selectinload(Dossier.procedure),
            selectinload(Dossier.agency),
            selectinload(Dossier.submitter),
            selectinload(Dossier.owner),
        )
        .where(Dossier.id.in_(_received_between(start, end)))
        .order_by(Dossier.received_at, Dossier.code)
    )
    return list(found.all())


def first_handover_times(session: Session, start: datetime, end: datetime) -> dict[int, datetime]:
    """When each dossier received in the period first left the counter, by dossier id."""
    first: dict[int, datetime] = {}
    for hop in session.scalars(
        select(Handover)
        .where(Handover.dossier_id.in_(_received_between(start, end)))
        .order_by(Handover.dossier_id, Handover.seq)
    ):
        first.setdefault(hop.dossier_id, hop.at)
    return first


def hand_backs_between(session: Session, start: datetime, end: datetime) -> dict[int, HandBack]:
    """The hand-backs of the dossiers received in the period, by dossier id."""
    rows = session.scalars(
        select(HandBack).where(HandBack.dossier_id.in_(_received_between(start, end)))
    )
    return {hb.dossier_id: hb for hb in rows}


def notices_between(
    session: Session, start: datetime, end: datetime
) -> dict[int, list[DossierNotice]]:
    """The notices of the dossiers received in the period, oldest first, by dossier id."""
    found: dict[int, list[DossierNotice]] = defaultdict(list)
    for n in session.scalars(
        select(DossierNotice)
        .where(DossierNotice.dossier_id.in_(_received_between(start, end)))
        .order_by(DossierNotice.at, DossierNotice.id)
    ):
        found[n.dossier_id].append(n)
    return found


def officer_full_name(session: Session, username: str) -> str | None:
    return session.scalar(select(Officer.full_name).where(Officer.username == username))


def latest_notice(session: Session, dossier_id: int, kind: str) -> DossierNotice | None:
    return session.scalar(
        select(DossierNotice)
        .where(DossierNotice.dossier_id == dossier_id, DossierNotice.kind == kind)
        .order_by(DossierNotice.at.desc(), DossierNotice.id.desc())
        .limit(1)
    )


def status_of_event(session: Session, event_uuid: str) -> int | None:
    """The status a recorded event moved its dossier to (None: not on this desk)."""
    return session.scalar(select(StatusEvent.status).where(StatusEvent.uuid == event_uuid))


def handovers_of(session: Session, dossier_id: int) -> list[Handover]:
    """The dossier's hand-over hops in order."""
    hops = session.scalars(
        select(Handover).where(Handover.dossier_id == dossier_id).order_by(Handover.seq)
    )
    return list(hops.all())
