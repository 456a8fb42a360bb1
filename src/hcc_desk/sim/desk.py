"""One simulated counter PC, driven through the real services (enrolment, officer login,
intake, attach, background sync) on its own profile folder.

Restartable: a desk killed at any point and started again with the same plan skips what is
done (enrolment, dossiers already saved, pages already attached) and carries on, so a test can
SIGKILL it mid-sync. Run as ``python -m hcc_desk.sim.desk`` with the plan as JSON on stdin; it
writes one JSON line per milestone on stdout (``ready``: enrolled and logged in,
``intake_done``, ``result``).
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from hcc_desk.app import AppContext, open_context

SYNC_MODES = ("background", "idle", "none")
PDF_HEAD = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


@dataclass
class DeskPlan:
    profile: str
    central: str
    name: str
    officer: str
    password: str
    dossiers: int
    code: str | None = None  # enrolment code; not needed once the profile is enrolled
    pages: int = 0
    attachment_kb: int = 0
    seed: int = 1
    pace: float = 0.0  # seconds between two dossiers (spreads intake over a fault schedule)
    sync: str = "background"  # background thread | run_until_idle after intake | none
    timeout: float = 300.0  # for the queue to drain after intake


@dataclass
class DeskResult:
    name: str
    dossiers: int = 0  # in the desk's database at the end
    taken: int = 0  # by this run (less after a restart)
    attachments: int = 0
    bytes: int = 0  # attachment bytes saved at the desk
    intake_s: float = 0.0
    sync_s: float = 0.0  # from the last local write until nothing was waiting
    total_s: float = 0.0
    idle: bool = False
    pending: int = 0
    parked: int = 0
    errors: list[str] = field(default_factory=list)


Emit = Callable[[dict], None]


def _quiet(_: dict) -> None:
    pass


def page_bytes(rng: random.Random, kb: int) -> bytes:
    """A scan-sized, incompressible page (scans are compressed already)."""
    size = max(kb * 1024, len(PDF_HEAD))
    return PDF_HEAD + rng.randbytes(size - len(PDF_HEAD))


def run_desk(plan: DeskPlan, emit: Emit = _quiet) -> DeskResult:
    from hcc_desk.services.errors import UserError

    started = time.monotonic()
    result = DeskResult(plan.name)
    ctx = open_context(Path(plan.profile))
    try:
        ctx.store.get()  # migrates; core/store/migrate.py serialises migrations per process
        _enrol(ctx, plan)
        ctx.auth.login(plan.officer, plan.password)  # central's answer, or the cached hash
        emit({"event": "ready", "desk": plan.name})
        if plan.sync == "background":
            ctx.sync.start_background()
        t0 = time.monotonic()
        result.taken = take_dossiers(ctx, plan)
        result.intake_s = time.monotonic() - t0
        emit({"event": "intake_done", "desk": plan.name, "taken": result.taken})
        t1 = time.monotonic()
        if plan.sync == "background":
            result.idle = _wait_idle(ctx, plan.timeout)
        elif plan.sync == "idle":
            result.idle = ctx.sync.run_until_idle(plan.timeout)[0]
        result.sync_s = time.monotonic() - t1
        _count(ctx, result)
    except UserError as exc:
        result.errors.append(exc.text("en"))
    finally:
        ctx.close()
    result.total_s = time.monotonic() - started
    emit({"event": "result", **asdict(result)})
    return result


def _enrol(ctx: AppContext, plan: DeskPlan) -> None:
    if ctx.enrolment.is_enrolled():
        return
    if not plan.code:
        from hcc_desk.services.errors import InvalidInput

        raise InvalidInput("sim.desk.enrolled_code_given", name=plan.name)
    ctx.enrolment.enrol(plan.central, plan.code, plan.name)


def take_dossiers(ctx: AppContext, plan: DeskPlan) -> int:
    """Bring the desk to ``plan.dossiers`` dossiers with ``plan.pages`` pages each; returns how
    many dossiers this call saved. Each dossier's data come from its own seeded generator, so
    a restarted desk takes the same people as an uninterrupted one would have."""
    from hcc_desk.sim.people import People

    choices = [(c.code, bool(c.papers)) for c in ctx.catalogue.search("")]
    if not choices:
        from hcc_desk.services.errors import UserError

        raise UserError("sim.desk.catalogue_empty", name=plan.name)
    existing = _saved(ctx)
    for i, (uuid, n) in enumerate(existing):  # a kill may have cut one between save and attach
        _attach(ctx, plan, uuid, i, n)
    taken = 0
    for i in range(len(existing), plan.dossiers):
        rng = random.Random(f"{plan.seed}/{plan.name}/{i}")  # noqa: S311 - repeatable test data
        code, has_papers = rng.choice(choices)
        saved = ctx.intake.submit(People(rng).request(code, has_papers), plan.officer)
        _attach(ctx, plan, saved.uuid, i, 0)
        taken += 1
        if plan.pace:
            time.sleep(plan.pace)
    return taken


def _attach(ctx: AppContext, plan: DeskPlan, uuid: str, index: int, have: int) -> None:
    for page in range(have, plan.pages):
        rng = random.Random(f"{plan.seed}/{plan.name}/{index}/{page}")  # noqa: S311 - test data
        ctx.sync.attach(
            uuid,
            page_bytes(rng, plan.attachment_kb),
            f"trang-{page + 1:02d}.pdf",
            "application/pdf",
            paper_position=1,
        )


def _saved(ctx: AppContext) -> list[tuple[str, int]]:
    """(uuid, attachments) of every dossier, oldest first."""
    from hcc_desk.core.store.models import Attachment, Dossier

    with ctx.store.session() as s:
        return [
            (u, n)
            for u, n in s.execute(
                select(Dossier.uuid, func.count(Attachment.id))
                .outerjoin(Attachment, Attachment.dossier_id == Dossier.id)
                .group_by(Dossier.id)
                .order_by(Dossier.id)
            )
        ]


def _wait_idle(ctx: AppContext, timeout: float) -> bool:
    """Leave it to the background thread; read the queue from the database (the thread's
    in-memory status can predate the last save)."""
    from hcc_desk.core.sync.runner import read_status

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if read_status(ctx.store).pending == 0:
            return True
        time.sleep(0.1)
    return False


def _count(ctx: AppContext, result: DeskResult) -> None:
    from hcc_desk.core.store.models import Attachment, Dossier
    from hcc_desk.core.sync.runner import read_status

    with ctx.store.session() as s:
        result.dossiers = s.scalar(select(func.count(Dossier.id))) or 0
        result.attachments, result.bytes = s.execute(
            select(func.count(Attachment.id), func.coalesce(func.sum(Attachment.size), 0))
        ).one()
    status = read_status(ctx.store)
    result.pending, result.parked = status.pending, status.parked
    result.errors += [f"parked {p.kind} {p.id}: {p.reason}" for p in status.parked_items[:5]]


def main() -> int:
    from hcc_desk.log_setup import configure_logging

    plan = DeskPlan(**json.loads(sys.stdin.read()))
    configure_logging(Path(plan.profile) / "logs")  # as the app does: sync problems go there

    def emit(event: dict) -> None:
        print(json.dumps(event, ensure_ascii=False), flush=True)

    result = run_desk(plan, emit)
    return 0 if (result.idle or plan.sync == "none") and not result.errors else 1


if __name__ == "__main__":
    sys.exit(main())
