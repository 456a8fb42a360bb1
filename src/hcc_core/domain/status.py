"""Dossier status lifecycle — national status codes as synced with DVCQG (docs/domain.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from itertools import pairwise
from typing import Literal

from hcc_core import i18n

from .errors import DomainError


class InvalidTransition(DomainError):
    """A status change the lifecycle does not allow (or a timestamp going backwards)."""


class DossierStatus(IntEnum):
    INTEROPERATING = 0
    RECEIVING = 1
    NEW = 2
    DENIED = 3
    PROCESSING = 4
    WAITING_SUPPLEMENT = 5
    WAITING_PAYMENT = 6
    CANCELLED = 7
    UNRESOLVED = 8
    RELEASING = 9
    DONE = 10

    def text(self, lang: str) -> str:
        """The label in ``lang`` (from the catalogue), so a status can be a message parameter."""
        return i18n.tr(f"status.label.{self.sync_name}", lang)

    @property
    def sync_name(self) -> str:
        return _SYNC_NAMES[self]

    @property
    def is_terminal(self) -> bool:
        return not ALLOWED_TRANSITIONS[self]

    @classmethod
    def from_sync_name(cls, name: str) -> DossierStatus:
        try:
            return _BY_SYNC_NAME[name.strip().lower()]
        except KeyError:
            raise ValueError(f"unknown status sync name {name!r}") from None


_S = DossierStatus
# The DVCQG sync string; the labels are in the catalogue (status.label.<sync string>).
_SYNC_NAMES: dict[DossierStatus, str] = {
    _S.INTEROPERATING: "interoperating",
    _S.RECEIVING: "receiving",
    _S.NEW: "new",
    _S.DENIED: "denied",
    _S.PROCESSING: "processing",
    _S.WAITING_SUPPLEMENT: "waiting",
    _S.WAITING_PAYMENT: "paying",
    _S.CANCELLED: "cancelled",
    _S.UNRESOLVED: "unresolved",
    _S.RELEASING: "releasing",
    _S.DONE: "done",
}
_BY_SYNC_NAME = {name: status for status, name in _SYNC_NAMES.items()}

INITIAL_STATUSES = frozenset({_S.RECEIVING, _S.NEW})  # online submission / counter intake
# Nothing is pending at any agency any more (supervision's lists and rates, desk and central).
FINISHED = frozenset({_S.RELEASING, _S.DONE, _S.DENIED, _S.CANCELLED, _S.UNRESOLVED})

# Why these edges: the counter accepts or refuses online submissions; after acceptance a dossier
# may go to other agencies, wait for documents or fees, be withdrawn or stopped; a supplement
# returns to the stage it came from; a ready result may be reopened for correction.
# DONE, DENIED and CANCELLED are terminal.
ALLOWED_TRANSITIONS: dict[DossierStatus, frozenset[DossierStatus]] = {
    _S.RECEIVING: frozenset({_S.NEW, _S.DENIED, _S.WAITING_SUPPLEMENT, _S.CANCELLED}),
    _S.NEW: frozenset(
        {
            _S.PROCESSING,
            _S.INTEROPERATING,
            _S.WAITING_SUPPLEMENT,
            _S.WAITING_PAYMENT,
            _S.RELEASING,
            _S.UNRESOLVED,
            _S.DENIED,
            _S.CANCELLED,
        }
    ),
    _S.PROCESSING: frozenset(
        {
            _S.INTEROPERATING,
            _S.WAITING_SUPPLEMENT,
            _S.WAITING_PAYMENT,
            _S.RELEASING,
            _S.UNRESOLVED,
            _S.CANCELLED,
            _S.DONE,
        }
    ),
    _S.INTEROPERATING: frozenset(
        {
            _S.PROCESSING,
            _S.WAITING_SUPPLEMENT,
            _S.WAITING_PAYMENT,
            _S.RELEASING,
            _S.UNRESOLVED,
            _S.CANCELLED,
        }
    ),
    _S.WAITING_SUPPLEMENT: frozenset(
        {
            _S.RECEIVING,
            _S.NEW,
            _S.PROCESSING,
            _S.INTEROPERATING,
            _S.DENIED,
            _S.UNRESOLVED,
            _S.CANCELLED,
        }
    ),
    _S.WAITING_PAYMENT: frozenset(
        {_S.PROCESSING, _S.RELEASING, _S.UNRESOLVED, _S.CANCELLED, _S.DONE}
    ),
    _S.UNRESOLVED: frozenset({_S.RELEASING, _S.DONE}),  # hand back the stop notice and papers
    _S.RELEASING: frozenset({_S.DONE, _S.PROCESSING}),
    _S.DONE: frozenset(),
    _S.DENIED: frozenset(),
    _S.CANCELLED: frozenset(),
}


def can_transition(source: DossierStatus | None, target: DossierStatus) -> bool:
    if source is None:
        return target in INITIAL_STATUSES
    return target in ALLOWED_TRANSITIONS[source]


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: DossierStatus
    at: datetime
    actor: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class StatusHistory:
    """Immutable, time-ordered list of status changes; ``apply`` returns a new history."""

    changes: tuple[StatusChange, ...] = ()

    def __post_init__(self) -> None:
        changes = tuple(self.changes)
        object.__setattr__(self, "changes", changes)
        for before, after in pairwise(changes):
            if after.at < before.at:
                raise InvalidTransition(
                    "status.time_backwards", "status", at=after.at, previous=before.at
                )

    @property
    def current(self) -> DossierStatus | None:
        return self.changes[-1].status if self.changes else None

    @property
    def last_change_at(self) -> datetime | None:
        return self.changes[-1].at if self.changes else None

    def first_time(self, status: DossierStatus) -> datetime | None:
        """When the dossier first entered ``status`` (e.g. NEW = accepted at the counter)."""
        return next((c.at for c in self.changes if c.status == status), None)

    def apply(
        self, target: DossierStatus, at: datetime, actor: str, note: str = ""
    ) -> StatusHistory:
        target = DossierStatus(target)
        source = self.current
        if not can_transition(source, target):
            if source is None:
                raise InvalidTransition(
                    "status.initial_invalid",
                    "status",
                    target=target,
                )
            raise InvalidTransition(
                "status.invalid_transition",
                "status",
                source=source,
                target=target,
            )
        previous = self.last_change_at
        if previous is not None and at < previous:
            raise InvalidTransition("status.time_backwards", "status", at=at, previous=previous)
        return StatusHistory((*self.changes, StatusChange(target, at, actor, note)))

    def supplement_pauses(self) -> list[tuple[datetime, datetime | None]]:
        """Periods spent waiting for the applicant; feeds ``calendar.appointment(pauses=...)``.

        The last period has end None while the dossier is still waiting.
        """
        pauses: list[tuple[datetime, datetime | None]] = []
        started: datetime | None = None
        for change in self.changes:
            waiting = change.status == _S.WAITING_SUPPLEMENT
            if waiting and started is None:
                started = change.at
            elif not waiting and started is not None:
                pauses.append((started, change.at))
                started = None
        if started is not None:
            pauses.append((started, None))
        return pauses


Timeliness = Literal["betimes", "ontime", "overtime", "undue", "overdue"]
TIMELINESS_LABELS: dict[str, tuple[str, str]] = {
    "betimes": ("Trước hạn", "Before the due date"),
    "ontime": ("Đúng hạn", "On time"),
    "overtime": ("Quá hạn", "Late"),
    "undue": ("Chưa đến hạn", "Not yet due"),
    "overdue": ("Quá hạn", "Overdue"),
}


def timeliness(
    appointment_at: datetime | None, finished_at: datetime | None, now: datetime
) -> Timeliness:
    """Report category (OpenCPS statistics, docs/domain.md).

    Finished: after the appointment -> "overtime"; on an earlier calendar day -> "betimes";
    on the due day itself, not after the due time -> "ontime".
    Unfinished: past the appointment -> "overdue", else "undue".
    No appointment (clock stopped while waiting for a supplement) counts as on time / not due.
    """
    if finished_at is not None:
        if appointment_at is None:
            return "ontime"
        if finished_at > appointment_at:
            return "overtime"
        return "betimes" if finished_at.date() < appointment_at.date() else "ontime"
    if appointment_at is not None and now > appointment_at:
        return "overdue"
    return "undue"
