"""Several stores migrated at once in one process (desks run as threads: sim, tests; a central
and a desk in one test process): Alembic's context is process-global, so upgrades take turns."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine

from hcc_central.migrate import current_revision as central_revision
from hcc_central.migrate import head_revision as central_head
from hcc_central.migrate import upgrade as central_upgrade
from hcc_desk.core.store import migrate
from tests.support.threads import run_together


def _at_the_gate(upgrade: Callable[[Engine], None], engine: Engine):
    """A job that waits for all the others, then upgrades: the upgrades start together."""

    def job(gate: threading.Barrier) -> None:
        gate.wait()
        upgrade(engine)

    return job


def test_stores_migrated_from_several_threads_all_reach_head(tmp_path: Path):
    engines = [create_engine(f"sqlite:///{tmp_path / f'desk{i}.db'}") for i in range(4)]
    central = create_engine(f"sqlite:///{tmp_path / 'central.db'}")
    jobs = [_at_the_gate(migrate.upgrade, e) for e in engines]
    jobs.append(_at_the_gate(central_upgrade, central))
    try:
        run_together(jobs, timeout=60)  # a failed upgrade is raised here, a stuck one fails here
        assert {migrate.current_revision(e) for e in engines} == {migrate.head_revision()}
        assert central_revision(central) == central_head()
    finally:
        for e in [*engines, central]:
            e.dispose()
