"""Names shown in the chrome: the centre and this counter (status bar). Runs on the db lane."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hcc_desk.app import AppContext


@dataclass(frozen=True)
class DeskInfo:
    centre_name: str = ""
    counter_name: str = ""
    counter_slot: int | None = None


def desk_info(ctx: AppContext) -> DeskInfo:
    found = ctx.setup.identity()
    return DeskInfo(found.centre_name, found.counter_name, found.counter_slot)
