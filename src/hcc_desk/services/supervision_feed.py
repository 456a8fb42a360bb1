"""Fetch the centre's dossier summaries from central into the local ``centre_dossier`` cache.

The cache is what the supervision view reads, so it works offline and an overdue dossier
shows up the moment its appointment passes on the local clock, whenever the last fetch was.
Each fetch starts a few minutes before the stored cursor: a row committed late on central
(its ``updated_at`` older than one already seen) is still picked up; upserts are idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from hcc_core.wire.officer import SESSION_HEADER
from hcc_core.wire.supervision import PATH, CentreDossierPage
from hcc_desk.core.store.repositories import get_setting, set_setting
from hcc_desk.core.store.repositories.supervision import save_centre_dossier
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync.client import AuthFailed, CentralClient, SyncError, _detail, _parse

CURSOR = "supervision.cursor"  # {"since": iso | None, "after": uuid}
LAST_FETCH = "supervision.last_fetch"  # iso time of the last complete fetch
REWIND = timedelta(minutes=5)
PAGE = 500
MAX_PAGES = 200  # 100,000 rows in one refresh; the next refresh goes on from there


class SessionEnded(SyncError):
    """Central refused the officer session (expired, ended, unknown): log in again."""


class SupervisionClient(CentralClient):
    def centre_dossiers(
        self, session: str, since: datetime | None, after: str, limit: int = PAGE
    ) -> CentreDossierPage:
        """One page, on behalf of the officer whose session this is (central takes the
        officer from it). 401 with the device still accepted: the session is over."""
        params: dict[str, str | int] = {"limit": limit, "after": after}
        if since is not None:
            params["since"] = since.isoformat()
        r = self._call(
            "GET",
            PATH,
            params=params,
            headers={SESSION_HEADER: session},
            auth=(),
            passthrough=(401, 403),
        )
        if r.status_code in (401, 403):
            self.limits()  # the device itself refused: AuthFailed (401) from there
            if r.status_code == 401:
                raise SessionEnded(_detail(r), 401)
            raise AuthFailed(f"central refused this officer (403): {_detail(r)}", 403)
        return _parse(r, CentreDossierPage)


@dataclass(frozen=True)
class FetchReport:
    rows: int
    complete: bool
    fetched_at: datetime


def fetch(
    store: Sessions,
    client: SupervisionClient,
    session: str,
    clock: Callable[[], datetime] = datetime.now,
) -> FetchReport:
    """Page through central's feed into the cache, with an officer session (raises the
    client's SyncError kinds; SessionEnded when central no longer accepts the session)."""
    with store.session() as s:
        cursor = get_setting(s, CURSOR, None) or {}
    since = _when(cursor.get("since"))
    after = "" if since is None else str(cursor.get("after") or "")
    if since is not None:
        since, after = since - REWIND, ""
    total, more = 0, True
    for _ in range(MAX_PAGES):
        page = client.centre_dossiers(session, since, after)
        fetched_at = clock().replace(microsecond=0)
        with store.write() as s:
            for item in page.items:
                values = item.model_dump(exclude={"updated_at"})
                values |= {
                    "central_updated_at": item.updated_at,
                    "fetched_at": fetched_at,
                    "agency_name": item.agency_name,
                    "officer": item.officer,
                    "officer_name": item.officer_name,
                }
                save_centre_dossier(s, values)
            since, after = page.next_since, page.next_after
            set_setting(
                s, CURSOR, {"since": None if since is None else since.isoformat(), "after": after}
            )
            if not page.more:
                set_setting(s, LAST_FETCH, fetched_at.isoformat())
        total += len(page.items)
        more = page.more
        if not more:
            break
    return FetchReport(total, not more, clock().replace(microsecond=0))


def last_fetch(store: Sessions) -> datetime | None:
    with store.session() as s:
        return _when(get_setting(s, LAST_FETCH, None))


def _when(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None
