"""A full disk while saving: a clear message, nothing half-written, the next save works.

The disk fills through SQLite's own ``max_page_count`` (past it SQLite answers "database or disk
is full", what a full disk gives). The cap is raised a few pages at a time, so saves that succeed
and saves that fail interleave; then the database is reopened from disk and must hold exactly the
saves that reported success — dossier, applicant, papers, status event, outbox op, audit row,
code and ledger number — and not one row of those that failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import selectinload

from hcc_core.domain.dossier_code import CodeScheme
from hcc_desk.app import open_context
from hcc_desk.core.store.models import (
    Applicant,
    AuditLog,
    DaySequence,
    Dossier,
    DossierPaper,
    OutboxOp,
    StatusEvent,
)
from hcc_desk.core.store.repositories.lookups import find_procedure, the_centre, this_counter
from hcc_desk.services.errors import UserError
from hcc_desk.services.intake import SubmittedDossier
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

RECEIVED = datetime(2026, 3, 2, 9, 0)  # fixed, so every code falls on one day's sequence
PROCEDURE = "1.001456"
ROUNDS, PAGES_PER_ROUND, MAX_TRIES = 5, 6, 40


def _request(i: int) -> IntakeRequest:
    return IntakeRequest(
        procedure_code=PROCEDURE,
        notes=f"{i}:" + "x" * 1500,
        received_at=RECEIVED,
        submitter=PersonInput(
            full_name=f"Người nộp {i}", id_number=f"046185{i:06d}", address=f"{i} " + "y" * 400
        ),
        papers=[PaperInput(f"Tờ khai {i}", 1, 0, 0), PaperInput("Ảnh 4x6 cm", 0, 0, 2)],
    )


class DiskCap:
    """Applies ``PRAGMA max_page_count`` on every checkout, so the cap can move between saves."""

    def __init__(self, engine: Engine):
        self.engine, self.pages = engine, 0
        engine.dispose()
        event.listen(engine, "checkout", self._apply)

    def _apply(self, dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {self.pages}")

    def remove(self) -> None:
        event.remove(self.engine, "checkout", self._apply)
        self.engine.dispose()  # fresh connections get SQLite's default cap back


@dataclass(frozen=True)
class Attempt:
    request: IntakeRequest
    saved: SubmittedDossier | None  # None: the save reported an error


def _page_count(ctx) -> int:
    with ctx.store.session() as s:
        return s.connection().exec_driver_sql("PRAGMA page_count").scalar()


def _save_until_full(ctx, cap: DiskCap, attempts: list[Attempt]) -> None:
    """One round: a few pages more room, then saves until one reports a full disk."""
    cap.pages = _page_count(ctx) + PAGES_PER_ROUND
    for _ in range(MAX_TRIES):
        req = _request(len(attempts))
        try:
            attempts.append(Attempt(req, ctx.intake.submit(req, "demo")))
        except UserError as err:  # the save that no longer fits ends the round
            assert "đầy" in err.message and "full" in err.text("en")  # noqa: PT017
            attempts.append(Attempt(req, None))
            return
    pytest.fail(f"{MAX_TRIES} saves fitted in {PAGES_PER_ROUND} pages: the cap does not bite")


def _expected_codes(s, count: int) -> list[str]:
    """The first ``count`` codes of this counter on RECEIVED's day: no number skipped."""
    unit = find_procedure(s, PROCEDURE).agency.unit_code
    scheme = CodeScheme(unit, this_counter(s).slot, the_centre(s).code_slots)
    return [scheme.code(RECEIVED.date(), k) for k in range(1, count + 1)]


def _assert_store_holds_exactly(ctx, saved: list[Attempt], failed: list[Attempt]) -> None:
    with ctx.store.session() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        rows = s.scalars(
            select(Dossier)
            .options(
                selectinload(Dossier.submitter),
                selectinload(Dossier.papers),
                selectinload(Dossier.events),
            )
            .order_by(Dossier.id)
        ).all()
        _assert_dossiers_are(s, rows, saved)
        _assert_nothing_else(s, rows, saved, failed)


def _assert_dossiers_are(s, rows: list[Dossier], saved: list[Attempt]) -> None:
    """The saves reported done, in order, field by field, each with its own bookkeeping."""
    assert [d.uuid for d in rows] == [a.saved.uuid for a in saved]
    for d, a in zip(rows, saved, strict=True):
        assert (d.code, d.lookup_pin, d.received_at, d.due_at) == (
            a.saved.code,
            a.saved.lookup_pin,
            a.saved.received_at,
            a.saved.due_at,
        )
        assert (d.notes, d.submitter.full_name, d.submitter.id_number, d.submitter.address) == (
            a.request.notes,
            a.request.submitter.full_name,
            a.request.submitter.id_number,
            a.request.submitter.address,
        )
        assert d.papers and [p.position for p in d.papers] == list(range(1, len(d.papers) + 1))
        assert [e.status for e in d.events] == [d.status]
    assert [d.code for d in rows] == _expected_codes(s, len(saved))
    assert s.scalar(select(DaySequence.last_k)) == len(saved)  # failed saves took no number
    assert [d.ledger_number for d in rows] == list(range(1, len(saved) + 1))
    ops = s.scalars(select(OutboxOp).order_by(OutboxOp.id)).all()
    assert [(o.entity_uuid, o.state, o.payload["code"]) for o in ops] == [
        (a.saved.uuid, "pending", a.saved.code) for a in saved
    ]
    audit = s.execute(
        select(AuditLog.entity_uuid, AuditLog.detail)
        .where(AuditLog.action == "dossier.create")
        .order_by(AuditLog.id)
    ).all()
    assert [(u, detail["code"]) for u, detail in audit] == [
        (a.saved.uuid, a.saved.code) for a in saved
    ]


def _assert_nothing_else(
    s, rows: list[Dossier], saved: list[Attempt], failed: list[Attempt]
) -> None:
    """No trace of a failed save: no applicant of its own, no orphan paper or event."""
    failed_ids = [a.request.submitter.id_number for a in failed]
    assert s.scalars(select(Applicant.id).where(Applicant.id_number.in_(failed_ids))).all() == []
    assert s.scalar(select(func.count()).select_from(Applicant)) == len(saved)
    papers = sum(len(d.papers) for d in rows)
    assert s.scalar(select(func.count()).select_from(DossierPaper)) == papers
    assert s.scalar(select(func.count()).select_from(StatusEvent)) == len(saved)


@pytest.mark.expect_log_warnings  # each refused save is logged as an ERROR
def test_disk_full_during_saves_keeps_exactly_the_saves_reported_done(demo_ctx):
    cap = DiskCap(demo_ctx.store.get().engine)
    attempts: list[Attempt] = []
    for _ in range(ROUNDS):
        _save_until_full(demo_ctx, cap, attempts)
    cap.remove()
    saved = [a for a in attempts if a.saved is not None]
    failed = [a for a in attempts if a.saved is None]
    assert len(failed) == ROUNDS and len(saved) >= ROUNDS  # both kinds really happened

    profile_root = demo_ctx.profile.root
    demo_ctx.close()  # what is on disk now is all a restarted desk would find
    reopened = open_context(profile_root)
    try:
        _assert_store_holds_exactly(reopened, saved, failed)
        assert not any((profile_root / "attachments").glob("**/*"))  # no partial file either
        # Space again: the next save works and continues the sequence without a gap.
        done = reopened.intake.submit(_request(999), "demo")
        _assert_store_holds_exactly(reopened, [*saved, Attempt(_request(999), done)], failed)
    finally:
        reopened.close()
