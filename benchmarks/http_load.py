"""A light HTTP/1.1 load generator for the benchmarks, run as its own process.

    python3 benchmarks/http_load.py PLAN.pickle RESULT.pickle

Why not httpx threads in the benchmark's process: 60 client threads fight over one GIL, and a
thread waiting for the GIL adds its wait to the latency it measures. Here one asyncio loop
drives one keep-alive connection per counter with pre-built request bytes, so the client costs
a few tens of microseconds per request and measures little but the server.

The plan (a pickle, stdlib only, so this file imports nothing of the project):
``{"host", "port", "requests": [[bytes, ...] per counter], "interval": float, "expect": int}``.
``interval`` 0: closed loop (each counter sends its next request as soon as the last one is
answered). Otherwise open loop: counter i sends request r at start + (i/N + r)·interval and its
latency counts from that planned time, so a server falling behind is not hidden by a client that
waited for it. The result: ``{"wall", "latencies": [[s, ...] per counter], "bodies": [[bytes,
...] per counter]}``; any answer but ``expect`` fails the run.
"""

from __future__ import annotations

import asyncio
import pickle
import sys
import time

WARM_UP = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"


async def _answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _run(plan: dict) -> dict:
    n = len(plan["requests"])
    conns = [await asyncio.open_connection(plan["host"], plan["port"]) for _ in range(n)]
    for reader, writer in conns:  # connection open and server warm before the clock starts
        writer.write(WARM_UP)
        await _answer(reader)
    interval, expect = plan["interval"], plan["expect"]
    latencies: list[list[float]] = [[] for _ in range(n)]
    bodies: list[list[bytes]] = [[] for _ in range(n)]
    start = time.perf_counter() + 0.05

    async def counter(i: int) -> None:
        reader, writer = conns[i]
        await asyncio.sleep(max(0.0, start - time.perf_counter()))
        for r, request in enumerate(plan["requests"][i]):
            planned = time.perf_counter()
            if interval:
                planned = start + (i / n + r) * interval
                wait = planned - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
            writer.write(request)
            status, body = await _answer(reader)
            latencies[i].append(time.perf_counter() - planned)
            if status != expect:
                raise RuntimeError(f"counter {i} request {r}: HTTP {status}: {body[:300]!r}")
            bodies[i].append(body)

    await asyncio.gather(*(counter(i) for i in range(n)))
    wall = time.perf_counter() - start
    for _, writer in conns:
        writer.close()
    return {"wall": wall, "latencies": latencies, "bodies": bodies}


def main() -> None:
    plan_path, result_path = sys.argv[1:3]
    with open(plan_path, "rb") as f:
        plan = pickle.load(f)
    result = asyncio.run(_run(plan))
    with open(result_path, "wb") as f:
        pickle.dump(result, f)


if __name__ == "__main__":
    main()
