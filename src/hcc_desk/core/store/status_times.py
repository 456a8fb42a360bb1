"""Keep a dossier's result/return timestamps in step with its current status.

Called wherever a status is applied — at the counter and when a status recorded elsewhere (an
agency, through central) is pulled — so the return desk and the supervision view read one column
instead of replaying the history.
"""

from __future__ import annotations

from datetime import datetime

from .models import Dossier

RELEASING, DONE = 9, 10  # national codes (core.domain.status.DossierStatus)


def note_status_times(dossier: Dossier, status: int, at: datetime) -> None:
    """``status`` has just become the dossier's current one, at ``at``."""
    if status == RELEASING:
        dossier.result_ready_at = at
    elif status == DONE:
        dossier.returned_at = at
    elif dossier.result_ready_at is not None and dossier.returned_at is None:
        dossier.result_ready_at = None  # reopened (e.g. sent back for correction): not ready
