"""Several stores migrated at once in one process (desks run as threads: sim, tests; a central
and a desk in one test process): Alembic's context is process-global, so upgrades take turns."""
from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import create_engine

from hcc_central.migrate import current_revision as central_revision
from hcc_central.migrate import head_revision as central_head
from hcc_central.migrate import upgrade as central_upgrade
from hcc_desk.core.store import migrate


def test_stores_migrated_from_several_threads_all_reach_head(tmp_path: Path):
    engines = [create_engine(f"sqlite:///{tmp_path / f'desk{i}.db'}") for i in range(4)]
    central = create_engine(f"sqlite:///{tmp_path / 'central.db'}")
    jobs = [(migrate.upgrade, e) for e in engines] + [(central_upgrade, central)]
    gate = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(fn, engine) -> None:
        gate.wait()
        try:
            fn(engine)
        except BaseException as exc:  # noqa: BLE001 — reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert {migrate.current_revision(e) for e in engines} == {migrate.head_revision()}
    assert central_revision(central) == central_head()
    for e in [*engines, central]:
        e.dispose()
