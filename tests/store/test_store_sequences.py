from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from hcc_desk.core.store import Store
from hcc_desk.core.store.repositories import allocate_day_sequence
from tests.support.threads import run_together

UNIT = "000.00.51.H57"
DAY = date(2026, 1, 5)


def test_sequence_counts_per_unit_and_day(store: Store) -> None:
    with store.write() as s:
        assert [allocate_day_sequence(s, UNIT, DAY) for _ in range(3)] == [1, 2, 3]
        assert allocate_day_sequence(s, UNIT, date(2026, 1, 6)) == 1
        assert allocate_day_sequence(s, "000.00.52.H57", DAY) == 1
        assert allocate_day_sequence(s, UNIT, DAY) == 4


def test_rolled_back_allocation_is_not_consumed(store: Store) -> None:
    try:
        with store.write() as s:
            assert allocate_day_sequence(s, UNIT, DAY) == 1
            raise RuntimeError("printer on fire before the dossier was saved")
    except RuntimeError:
        pass
    with store.write() as s:
        assert allocate_day_sequence(s, UNIT, DAY) == 1


def test_threads_never_get_the_same_number(store: Store) -> None:
    got: list[int] = []
    lock = threading.Lock()

    def work(gate: threading.Barrier) -> None:
        gate.wait()
        for _ in range(40):
            with store.write() as s:
                k = allocate_day_sequence(s, UNIT, DAY)
            with lock:
                got.append(k)

    run_together([work] * 6, timeout=60)
    assert sorted(got) == list(range(1, 241))


_CHILD = """
import json, sys
from datetime import date
from pathlib import Path
from hcc_desk.core.store import open_store
from hcc_desk.core.store.repositories import allocate_day_sequence
store = open_store(Path(sys.argv[1]))
out = []
for _ in range(int(sys.argv[2])):
    with store.write() as s:
        out.append(allocate_day_sequence(s, "000.00.51.H57", date(2026, 1, 5)))
store.close()
print(json.dumps(out))
"""


def test_processes_never_get_the_same_number(store: Store) -> None:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(store.path), "60"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(4)
    ]
    got: list[int] = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        got += json.loads(out)
    assert sorted(got) == list(range(1, 241))
