"""From scanned sessions to the saved dossier's attachments (plain Python, run in a worker).

Before a dossier is saved its sessions are numbered by the row of the checklist on screen; the
saved dossier numbers only the papers ticked as received. ``plan_for_draft`` maps one to the
other; a session whose number changes is moved ("re-homed") into a session of the dossier with
the right number, page by page and losslessly, because a session's paper cannot be renumbered.
Every session is marked with the dossier code before anything is attached, so if the PC dies
halfway, the next start offers exactly the pages still to attach.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from hcc_core.errors import ExpectedError

log = logging.getLogger(__name__)


def dossier_key(dossier_uuid: str) -> str:
    """Spool key of a saved dossier's sessions (the same as the capture service's CLI uses)."""
    return f"dossier:{dossier_uuid}"


@dataclass
class AttachReport:
    attached: list[tuple[str, int]] = field(default_factory=list)  # (paper name, pages)
    failed: list[tuple[str, Any]] = field(default_factory=list)  # (paper name, error)
    unassigned: list[str] = field(default_factory=list)  # papers not ticked received

    @property
    def pages(self) -> int:
        return sum(n for _name, n in self.attached)


def ticked_positions(ticked: list[bool]) -> dict[int, int]:
    """Row number (1-based, on screen) → position in the saved dossier's checklist."""
    positions, n = {}, 0
    for row, is_ticked in enumerate(ticked, start=1):
        if is_ticked:
            n += 1
            positions[row] = n
    return positions


def plan_for_draft(sessions: list[Any], ticked: list[bool]) -> list[tuple[Any, int | None]]:
    """(session, dossier paper position or None when its paper was not ticked as received)."""
    positions = ticked_positions(ticked)
    return [(s, positions.get(s.paper_position)) for s in sessions if s.pages()]


def rehome(spool: Any, session: Any, key: str, position: int | None, code: str) -> Any:
    """Move ``session``'s pages, in order with their rotation and blank flag, into the session
    (key, position); the old session is discarded only once every page is in the new one."""
    target = spool.open_session(key, position, session.paper_name, dossier_code=code)
    for page in session.pages():
        for added in target.insert_files([page.path]):  # PNG/TIFF re-read losslessly, JPEG as is
            if page.rotation:
                target.rotate(added.id, page.rotation)
            target.set_blank(added.id, page.blank)
    session.discard()
    return target


def attach_sessions(
    capture: Any,
    plan: list[tuple[Any, int | None]],
    dossier_uuid: str,
    code: str,
    officer_username: str,
) -> AttachReport:
    """Attach each planned session to dossier ``code``. A session refused (size limit, a paper
    the dossier lacks) keeps its pages, marked with the dossier, and is reported."""
    report = AttachReport()
    ready = []
    for session, position in plan:
        if position is None:
            report.unassigned.append(session.paper_name)
            # Keyed by its screen row so two such papers stay apart.
            key = f"{dossier_key(dossier_uuid)}:row{session.paper_position}"
            ready.append(rehome(capture.spool, session, key, None, code))
        elif position != session.paper_position:
            ready.append(rehome(capture.spool, session, dossier_key(dossier_uuid), position, code))
        else:
            session.dossier_code = code
            ready.append(session)
    for session in ready:
        pages = len(session.pages())
        try:
            capture.attach(session, code, officer_username)
        except ExpectedError as exc:
            log.info("capture %s not attached to %s: %s", session.id, code, exc)
            report.failed.append((session.paper_name, exc))
        else:
            report.attached.append((session.paper_name, pages))
    return report


def pending_for_dossier(spool: Any, dossier_uuid: str, code: str) -> list[Any]:
    """Sessions holding pages for a saved dossier (scanned for it, or left by a failed attach)."""
    return [
        s
        for s in spool.sessions()
        if (s.key == dossier_key(dossier_uuid) or s.dossier_code == code) and s.pages()
    ]


def attach_recovered(capture: Any, sessions: list[Any], officer_username: str) -> AttachReport:
    """Attach sessions already marked with their dossier (left by a crash or a refused attach)."""
    report = AttachReport()
    for session in sessions:
        pages = len(session.pages())
        try:
            capture.attach(session, session.dossier_code, officer_username)
        except ExpectedError as exc:
            report.failed.append((session.paper_name, exc))
        else:
            report.attached.append((session.paper_name, pages))
    return report
