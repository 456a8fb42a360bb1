"""The device cache: entries expire after their time bound; only so many are kept."""

from __future__ import annotations

from hcc_central.auth import DeviceCache, DeviceCtx


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _dev(n: int) -> DeviceCtx:
    return DeviceCtx(f"device-{n}", n, 1, 1, 10, frozenset({"000.00.01.H01"}))


def test_an_entry_is_served_until_its_time_bound_then_looked_up_again():
    clock = Clock()
    cache = DeviceCache(5, clock=clock)
    cache.put("a", _dev(1))
    clock.now += 4.9
    assert cache.get("a") == _dev(1)
    clock.now += 0.1
    assert cache.get("a") is None  # revocation written elsewhere is seen from here on


def test_zero_seconds_keeps_nothing():
    cache = DeviceCache(0)
    cache.put("a", _dev(1))
    assert cache.get("a") is None


def test_the_oldest_entries_go_first_when_full():
    cache = DeviceCache(60, size=3)
    for n in range(5):
        cache.put(f"t{n}", _dev(n))
    assert [cache.get(f"t{n}") is not None for n in range(5)] == [False, False, True, True, True]
    cache.put("t2", _dev(2))  # refreshed: now the newest
    cache.put("t5", _dev(5))
    assert cache.get("t3") is None and cache.get("t2") == _dev(2)
