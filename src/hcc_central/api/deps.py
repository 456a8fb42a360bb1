"""What every route needs: the process's database, file store and settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials

from ..auth import DeviceCache, DeviceCtx, device_of
from ..db import Database
from ..ingest import Ingest
from ..settings import Settings
from ..store import FileStore

BIG = 2**62  # upper bound for integer query parameters (fits a PostgreSQL bigint)


@dataclass(frozen=True)
class Central:
    settings: Settings
    db: Database
    store: FileStore
    devices: DeviceCache
    ingest: Ingest

    def device(self, credentials: HTTPAuthorizationCredentials | None) -> DeviceCtx:
        """The calling device (401 if none), from the cache when it was looked up less than
        ``settings.auth_cache_seconds`` ago: the hot routes (limits, push, pull, uploads)
        then need no database round trip, nor even a session, to know who calls."""
        return device_of(self.db, credentials, self.devices)


def _central(request: Request) -> Central:
    central: Central = request.app.state.central  # set by create_app
    return central


CentralDep = Annotated[Central, Depends(_central)]
