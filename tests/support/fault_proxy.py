"""A TCP proxy on loopback that breaks connections on purpose, for fault-injection tests.

Sits between desks and central (127.0.0.1 only). Faults can be changed while it runs:
- ``latency``: seconds added before each chunk is forwarded (both directions);
- ``reset_after``: close the connection with an RST after this many bytes went upstream
  (a request cut mid-body);
- ``drop_rate``: probability that a new connection is accepted and closed at once;
- ``down``: refuse everything (as if the network were unplugged).
Counters tell the test how many faults it really caused.
"""
from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
from dataclasses import dataclass, field


@dataclass
class Faults:
    latency: float = 0.0
    reset_after: int | None = None
    drop_rate: float = 0.0
    down: bool = False


@dataclass
class Counters:
    connections: int = 0
    dropped: int = 0
    resets: int = 0
    refused: int = 0
    bytes_up: int = 0
    bytes_down: int = 0


@dataclass
class FaultProxy:
    target_port: int
    target_host: str = "127.0.0.1"
    seed: int = 1
    faults: Faults = field(default_factory=Faults)
    counters: Counters = field(default_factory=Counters)
    port: int = 0

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> "FaultProxy":
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fault proxy did not start")
        return self

    def stop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, **changes) -> None:
        for key, value in changes.items():
            setattr(self.faults, key, value)

    def heal(self) -> None:
        self.faults = Faults()

    def cut_all(self) -> None:
        """Reset every open connection now (a network blip)."""
        self._loop.call_soon_threadsafe(self._cut_all)

    # --- internals -------------------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            self._cut_all()
            self._loop.run_until_complete(asyncio.sleep(0))
            self._loop.close()

    def _cut_all(self) -> None:
        for writer in list(self._writers):
            _reset(writer)
        self._writers.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.counters.connections += 1
        if self.faults.down:
            self.counters.refused += 1
            _reset(writer)
            await _closed(writer)
            return
        if self.faults.drop_rate and self._rng.random() < self.faults.drop_rate:
            self.counters.dropped += 1
            _reset(writer)
            await _closed(writer)
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(self.target_host,
                                                                 self.target_port)
        except OSError:
            self.counters.refused += 1
            _reset(writer)
            await _closed(writer)
            return
        self._writers.update((writer, up_writer))
        budget = self.faults.reset_after
        await asyncio.gather(self._pipe(reader, up_writer, writer, up=True, budget=budget),
                             self._pipe(up_reader, writer, up_writer, up=False, budget=None),
                             return_exceptions=True)
        self._writers.difference_update((writer, up_writer))
        for w in (writer, up_writer):
            w.close()
            try:
                await w.wait_closed()
            except (ConnectionError, OSError):
                pass

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter,
                    other: asyncio.StreamWriter, *, up: bool, budget: int | None) -> None:
        sent = 0
        try:
            while True:
                chunk = await src.read(65536)
                if not chunk:
                    break
                if self.faults.latency:
                    await asyncio.sleep(self.faults.latency)
                if self.faults.down:
                    raise ConnectionResetError("network down")
                if budget is not None and sent + len(chunk) > budget:
                    dst.write(chunk[: max(0, budget - sent)])
                    self.counters.resets += 1
                    raise ConnectionResetError("cut mid-body")
                sent += len(chunk)
                if up:
                    self.counters.bytes_up += len(chunk)
                else:
                    self.counters.bytes_down += len(chunk)
                dst.write(chunk)
                await dst.drain()
            if dst.can_write_eof():
                dst.write_eof()
        except (ConnectionError, OSError):
            _reset(dst)
            _reset(other)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), the way a dropped network looks to both ends."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.close()
    # Closing without awaiting wait_closed() is fine here; keep the transport from warning.
    writer.transport.abort()


async def _closed(writer: asyncio.StreamWriter) -> None:
    try:
        await writer.wait_closed()
    except (ConnectionError, OSError):
        pass
