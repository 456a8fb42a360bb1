"""What every route needs: the process's database, file store and settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from ..db import Database
from ..settings import Settings
from ..store import FileStore

BIG = 2**62  # upper bound for integer query parameters (fits a PostgreSQL bigint)


@dataclass(frozen=True)
class Central:
    settings: Settings
    db: Database
    store: FileStore


def _central(request: Request) -> Central:
    return request.app.state.central


CentralDep = Annotated[Central, Depends(_central)]
