"""Group commit: a lone push is written at once; pushes arriving during a write share the next."""

from __future__ import annotations

import threading

from hcc_central.group_commit import GroupCommit
from tests.support.waits import wait_until


class Writer:
    """Records each group; the first write blocks until released, so others queue behind it."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.groups: list[list[list[str]]] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.fail_on = fail_on

    def __call__(self, items: list[list[str]]) -> dict[str, int]:
        self.groups.append(items)
        if len(self.groups) == 1:
            self.started.set()
            assert self.release.wait(10)
        if any(self.fail_on in item for item in items):
            raise RuntimeError("database gone")
        return {x: len(self.groups) for item in items for x in item}


def _submit_all(
    gc: GroupCommit, items: list[list[str]]
) -> tuple[list[object], list[threading.Thread]]:
    """Each item submitted from its own thread (started, not joined)."""
    out: list[object] = [None] * len(items)

    def run(i: int) -> None:
        try:
            out[i] = gc.submit(items[i])
        except RuntimeError as exc:
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(items))]
    for t in threads:
        t.start()
    return out, threads


def _wait_queued(gc: GroupCommit, n: int) -> None:
    # the test must know they wait
    wait_until(lambda: len(gc._queue) >= n, 5, f"{n} queued items", interval=0.005)


def test_a_lone_item_is_written_at_once_and_alone():
    writer = Writer()
    writer.release.set()
    gc = GroupCommit(writer, max_size=100)
    assert gc.submit(["a"]) == {"a": 1}
    assert gc.submit(["b", "c"]) == {"b": 2, "c": 2}
    assert writer.groups == [[["a"]], [["b", "c"]]]


def test_items_arriving_during_a_write_are_written_together_next():
    writer = Writer()
    gc = GroupCommit(writer, max_size=100)
    first, t0 = _submit_all(gc, [["a"]])
    assert writer.started.wait(5)
    rest, threads = _submit_all(gc, [["b"], ["c", "d"], ["e"]])
    _wait_queued(gc, 3)
    writer.release.set()
    for t in t0 + threads:
        t.join(5)
    assert first == [{"a": 1}]
    assert len(writer.groups) == 2 and sorted(map(tuple, writer.groups[1])) == [
        ("b",), ("c", "d"), ("e",)]  # fmt: skip
    assert all(r == {"b": 2, "c": 2, "d": 2, "e": 2} for r in rest)


def test_a_group_stays_within_max_size_and_the_rest_follows():
    writer = Writer()
    gc = GroupCommit(writer, max_size=3)
    _, t0 = _submit_all(gc, [["a"]])
    assert writer.started.wait(5)
    _, threads = _submit_all(gc, [["b", "c"], ["d", "e"], ["f"]])
    _wait_queued(gc, 3)
    writer.release.set()
    for t in t0 + threads:
        t.join(5)
    sizes = [sum(len(item) for item in group) for group in writer.groups]
    assert sizes[0] == 1 and sum(sizes) == 6 and max(sizes) <= 3 and len(sizes) == 3


def test_a_failed_group_is_written_again_item_by_item_and_nobody_hangs():
    """The bad item's caller gets the failure; the others of its group their own result."""
    size = 5
    writer = Writer(fail_on="bad")
    gc = GroupCommit(writer, max_size=100)
    _, t0 = _submit_all(gc, [["a"]])
    assert writer.started.wait(5)
    out, threads = _submit_all(gc, [["bad"], *[[f"x{i}"] for i in range(size)]])
    _wait_queued(gc, size + 1)
    writer.release.set()
    for t in t0 + threads:
        t.join(5)
        assert not t.is_alive()
    assert isinstance(out[0], RuntimeError)
    assert [sorted(r) for r in out[1:]] == [[f"x{i}"] for i in range(size)]  # type: ignore[arg-type]
    assert len(writer.groups[1]) == size + 1  # one group first, then each alone
    assert all(len(group) == 1 for group in writer.groups[2:])
    writer.fail_on = "never"
    assert gc.submit(["later"]) == {"later": size + 4}  # the queue works on (9th write)
