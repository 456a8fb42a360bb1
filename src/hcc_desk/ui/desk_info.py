"""Names shown in the chrome: the centre (login dialog) and this counter (status bar).

The services have no call for these yet (asked of the lead: ``ctx.setup.identity()``); until then
they are read through the services' lookup helpers.  Runs on the database lane.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DeskInfo:
    centre_name: str = ""
    counter_name: str = ""
    counter_slot: int | None = None


def desk_info(ctx: Any) -> DeskInfo:
    identity = getattr(ctx.setup, "identity", None)
    if callable(identity):
        found = identity()
        return DeskInfo(getattr(found, "centre_name", "") or "",
                        getattr(found, "counter_name", "") or "",
                        getattr(found, "counter_slot", None))
    store = getattr(ctx, "store", None)
    if store is not None and hasattr(store, "session"):
        from hcc_desk.services.lookups import the_centre, this_counter

        with store.session() as s:
            centre, counter = the_centre(s), this_counter(s)
            return DeskInfo(centre.name if centre else "", counter.name if counter else "",
                            counter.slot if counter else None)
    settings = ctx.settings
    return DeskInfo(settings.get("centre_name") or "", settings.get("counter_name") or "",
                    settings.get("counter_slot"))
