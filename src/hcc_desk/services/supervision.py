"""Supervision (role supervisor or admin): the four lists, on-time rates, exports, refresh.

Rows come from two places, merged by dossier uuid: this desk's own dossiers (authoritative for
them, with apologies and hand-backs) and the cached summaries of every counter of the centre
that central reported (``supervision_feed``). A desk that never fetched shows its own dossiers.
Everything is computed on the local clock at read time, so it works offline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from hcc_core.i18n import Msg
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import supervision as queries
from hcc_desk.core.store.repositories.lookups import find_officer
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.supervision.report import (
    FINISHED,
    GROUPS,
    DossierRow,
    GroupBy,
    Lists,
    RateRow,
    lists,
    rates,
)
from hcc_desk.core.sync.client import AuthFailed, SyncError
from hcc_desk.core.sync.credentials import CredentialStore
from hcc_desk.core.sync.officer_session import SESSIONS, SessionKeeper
from hcc_desk.services import supervision_feed
from hcc_desk.services.calendars import CalendarService
from hcc_desk.services.errors import AuthError, UserError

SUPERVISING_ROLES = ("supervisor", "admin")
_FINISHED = [int(s) for s in FINISHED]
_WAITING = 5


@dataclass(frozen=True)
class Overview:
    lists: Lists
    now: datetime
    last_fetch: datetime | None  # None: never fetched from central (this desk's dossiers only)


class RefreshResult(Msg):
    """How a refresh went: rows fetched, whether complete, and a message for the status line."""

    def __init__(self, rows: int, complete: bool, msg_id: str, /, **params: Any) -> None:
        super().__init__(msg_id, params)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "complete", complete)


# No live officer session with central (it expired, or the login was offline): the cache
# still answers; a new login while central answers brings a session.
_LOG_IN_AGAIN = RefreshResult(
    0,
    False,
    "supervision.live_session_with_central",
)


class SupervisionService:
    def __init__(
        self,
        store: Sessions,
        calendars: CalendarService,
        credentials: CredentialStore | None = None,
        clock: Callable[[], datetime] = datetime.now,
        client_factory: Callable[
            ..., supervision_feed.SupervisionClient
        ] = supervision_feed.SupervisionClient,
        sessions: SessionKeeper = SESSIONS,
    ):
        self._sessions = sessions  # what CentralAuth kept at login (central's proof)
        self._store = store
        self._calendars = calendars
        self._credentials = credentials
        self._clock = clock
        self._client_factory = client_factory

    # --- access -------------------------------------------------------------------------------
    def allowed(self, officer: str) -> bool:
        with self._store.session() as s:
            row = find_officer(s, officer)
            return bool(row and row.active and row.role in SUPERVISING_ROLES)

    def _require(self, officer: str) -> None:
        if not self.allowed(officer):
            raise AuthError(
                "supervision.only_supervisors_may_open",
            )

    # --- reading ------------------------------------------------------------------------------
    def overview(self, officer: str) -> Overview:
        self._require(officer)
        now = self._clock().replace(microsecond=0)
        with self._store.write() as s:
            rows = _merged(s, unfinished_only=True, period=None)
            add_audit(s, officer, "supervision.view", None, None, {"rows": len(rows)})
        return Overview(
            lists(rows, now, self._calendars.current()),
            now,
            supervision_feed.last_fetch(self._store),
        )

    def rates(self, officer: str, date_from: date, date_to: date, by: GroupBy) -> list[RateRow]:
        self._require(officer)
        _check_period(date_from, date_to)
        with self._store.session() as s:
            rows = _merged(s, unfinished_only=False, period=(date_from, date_to))
        return rates(rows, date_from, date_to, by)

    def all_rates(self, officer: str, date_from: date, date_to: date) -> dict[str, list[RateRow]]:
        self._require(officer)
        _check_period(date_from, date_to)
        with self._store.session() as s:
            rows = _merged(s, unfinished_only=False, period=(date_from, date_to))
        return {by: rates(rows, date_from, date_to, by) for by in GROUPS}

    # --- central ------------------------------------------------------------------------------
    def refresh(self, officer: str) -> RefreshResult:
        """Fetch the centre's summaries from central; offline is a message, not an error."""
        self._require(officer)
        cred = None if self._credentials is None else self._credentials.load()
        if cred is None:
            return RefreshResult(
                0,
                False,
                "supervision.enrolled_with_central_counter",
            )
        session = self._sessions.get(cred.device_token, officer)  # central judges expiry
        if session is None:
            return _LOG_IN_AGAIN
        client = self._client_factory(cred.central_url, cred.device_token, ca_pem=cred.ca_pem)
        try:
            report = supervision_feed.fetch(self._store, client, session, self._clock)
        except supervision_feed.SessionEnded:
            self._sessions.drop(cred.device_token, officer)
            return _LOG_IN_AGAIN
        except AuthFailed as exc:
            if exc.status == 403:
                raise AuthError(
                    "supervision.central_does_let_account",
                ) from exc
            raise UserError(
                "supervision.central_refused_desk_enrol",
            ) from exc
        except SyncError as exc:
            return RefreshResult(
                0, False, "supervision.central_unreachable_showing_saved", message=exc.message
            )
        finally:
            client.close()
        return RefreshResult(report.rows, report.complete, "supervision.refreshed", n=report.rows)

    # --- export -------------------------------------------------------------------------------
    def export(
        self,
        officer: str,
        date_from: date,
        date_to: date,
        *,
        xlsx: Path | None = None,
        pdf: Path | None = None,
    ) -> list[Path]:
        from hcc_desk.services.supervision_export import SupervisionReport, write_pdf, write_xlsx

        if xlsx is None and pdf is None:
            raise UserError("supervision.choose_xlsx_pdf_file")
        overview = self.overview(officer)
        report = SupervisionReport(
            overview.now,
            date_from,
            date_to,
            overview.lists,
            self.all_rates(officer, date_from, date_to),
            overview.last_fetch,
            self._centre_name(),
        )
        written = []
        if xlsx is not None:
            written.append(write_xlsx(report, Path(xlsx)))
        if pdf is not None:
            written.append(write_pdf(report, Path(pdf)))
        with self._store.write() as s:
            add_audit(
                s,
                officer,
                "supervision.export",
                None,
                None,
                {
                    "from": date_from.isoformat(),
                    "to": date_to.isoformat(),
                    "files": [p.name for p in written],
                },
            )
        return written

    def _centre_name(self) -> str:
        from hcc_desk.core.store.repositories.lookups import the_centre

        with self._store.session() as s:
            centre = the_centre(s)
            return centre.name if centre else ""


def _check_period(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise UserError("supervision.end_date_precedes_start")


# --- rows -------------------------------------------------------------------------------------


def _merged(
    s: Session, *, unfinished_only: bool, period: tuple[date, date] | None
) -> list[DossierRow]:
    window = queries.Window(_FINISHED)
    if not unfinished_only:
        assert period is not None
        first, last = period
        window = queries.Window(
            _FINISHED, (datetime.combine(first, time.min), datetime.combine(last, time.max))
        )
    names = queries.officer_names(s)
    return [*_central_rows(s, names, window), *_local_rows(s, names, window)]


def _officer_label(username: str, names: dict[str, str]) -> str:
    full = names.get(username)
    return f"{full} ({username})" if full else username


def _local_rows(s: Session, names: dict[str, str], window: queries.Window) -> list[DossierRow]:
    return [
        DossierRow(
            f.uuid,
            f.code,
            f.procedure_code,
            f.procedure_name,
            f.agency_name,
            f.counter_slot or 0,
            _officer_label(f.officer, names),
            f.received_at,
            f.due_at,
            f.first_due_at or f.due_at,
            f.status,
            f.last_waiting_at if f.status == _WAITING else None,
            f.result_ready_at,
            f.returned_at,
            "local",
        )
        for f in queries.own_dossiers(s, window, _WAITING)
    ]


def _central_rows(s: Session, names: dict[str, str], window: queries.Window) -> list[DossierRow]:
    agencies = queries.agency_names(s)
    return [
        DossierRow(
            r.uuid,
            r.code,
            r.procedure_code,
            r.procedure_name,
            r.agency_name or agencies.get(r.unit_code) or r.unit_code,
            r.counter_slot,
            _officer_label(r.officer, {r.officer: r.officer_name} if r.officer_name else names),
            r.received_at,
            r.due_at,
            r.due_at,
            r.status,
            r.waiting_since,
            r.result_ready_at,
            r.returned_at,
            "central",
        )
        for r in queries.other_counters_dossiers(s, window)
    ]
