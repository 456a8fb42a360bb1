"""Wire types of central's read-only supervision feed (GET /api/v1/supervision/dossiers), shared
by hcc-central and the desk so the two sides cannot drift apart.

Paging is a keyset on (central's ``updated_at``, ``uuid``): ask with the ``next_since`` /
``next_after`` of the previous page until ``more`` is false. Rows are idempotent summaries, so a
client may rewind the cursor a little to catch a row committed late, and simply upsert again.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from hcc_core.wire.protocol import LocalDateTime

PATH = "/supervision/dossiers"
MAX_LIMIT = 1000


class CentreDossierWire(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    uuid: str = Field(max_length=36)
    code: str = Field(max_length=32)
    procedure_code: str | None = None
    procedure_name: str
    unit_code: str = Field(max_length=16)
    agency_name: str | None = None
    counter_slot: int
    officer: str = Field(max_length=64)  # receiving officer's username
    officer_name: str | None = None
    received_at: LocalDateTime
    due_at: LocalDateTime | None = None
    status: int = Field(ge=0, le=10)
    waiting_since: LocalDateTime | None = None  # start of an open supplement pause
    result_ready_at: LocalDateTime | None = None
    returned_at: LocalDateTime | None = None
    updated_at: LocalDateTime


class CentreDossierPage(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    items: list[CentreDossierWire]
    next_since: LocalDateTime | None  # None: nothing at all yet
    next_after: str = Field(default="", max_length=36)
    more: bool
    server_time: LocalDateTime
