"""A TCP proxy on loopback that breaks connections on purpose, for fault-injection tests.

Sits between desks and central (127.0.0.1 only). Faults can be changed while it runs:
- ``latency``: seconds added before each chunk is forwarded (both directions);
- ``reset_after``: close the connection with an RST after this many bytes went upstream
  (a request cut mid-body);
- ``drop_rate``: probability that a new connection is accepted and closed at once;
- ``down``: refuse everything (as if the network were unplugged).
Counters tell the test how many faults it really caused.

``hold(method, path)`` catches the next matching HTTP request in flight: the request goes
through to central whole, central's answer is kept back until ``release``. While it is held
the request has reached central and its client is still waiting for the answer: the moment a
test wants to kill the client "mid-sync". The hold records whether the client went away then.
"""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
import time
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


class Hold:
    """One request caught in flight (see ``FaultProxy.hold``). Set from the proxy's thread;
    read ``request``, ``answer`` and ``gone_at`` after ``held`` / ``client_gone`` are set."""

    def __init__(self, method: str, path: str):
        self.method, self.path = method, path
        self.request = ""  # e.g. "POST /sync/push", once a request matched
        self.answer = ""  # central's status line, kept back from the client
        self.held = threading.Event()
        self.client_gone = threading.Event()  # its client closed while the answer was held
        self.gone_at = 0.0  # time.monotonic() of that
        self._release = asyncio.Event()

    def matches(self, request: str) -> bool:
        method, _, target = request.partition(" ")
        return method == self.method and target.split("?")[0].startswith(self.path)

    def wait_held(self, timeout: float) -> bool:
        return self.held.wait(timeout)

    def wait_client_gone(self, timeout: float) -> bool:
        return self.client_gone.wait(timeout)


class _Framer:
    """Splits a client's byte stream into HTTP/1.1 requests, enough to tell which request is on
    the wire and when its body has gone through. Bodies with Content-Length only: after a
    chunked body (or a head too long) the connection is no longer followed."""

    def __init__(self) -> None:
        self._head = b""
        self._left: int | None = None  # body bytes still to come; None while reading a head
        self.lost = False

    def feed(self, data: bytes) -> list[tuple[str, str]]:
        """("head", "POST /path") when a request head is complete, ("end", "") when its body
        is."""
        events: list[tuple[str, str]] = []
        while not self.lost:
            if self._left is None:
                if not data:
                    break
                self._head += data
                end = self._head.find(b"\r\n\r\n")
                if end < 0:
                    self.lost = len(self._head) > 65536
                    break
                head, data = self._head[:end].decode("latin-1"), self._head[end + 4 :]
                self._head = b""
                line, *fields = head.split("\r\n")
                headers = {
                    k.strip().lower(): v.strip() for k, _, v in (f.partition(":") for f in fields)
                }
                if "chunked" in headers.get("transfer-encoding", "").lower():
                    self.lost = True
                self._left = int(headers.get("content-length") or 0)
                events.append(("head", " ".join(line.split(" ")[:2])))
            take = min(self._left, len(data))
            self._left, data = self._left - take, data[take:]
            if self._left == 0:
                self._left = None
                events.append(("end", ""))
            elif not data:
                break
        return events


@dataclass(eq=False)
class _Link:
    """One client connection: which hold it carries and how far its request has gone."""

    hold: Hold | None = None
    sent: bool = False  # the held request's body has gone through to central


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
        self._holds: list[Hold] = []  # armed, not yet claimed by a request

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> FaultProxy:
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

    def hold(self, method: str, path: str) -> Hold:
        """Catch the next request ``method`` to a path starting with ``path`` (see module doc)."""
        hold = Hold(method, path)
        self._loop.call_soon_threadsafe(self._holds.append, hold)
        return hold

    def release(self, hold: Hold) -> None:
        """Let the held answer go (or stop waiting for a request if none was caught)."""

        def let_go() -> None:
            if hold in self._holds:
                self._holds.remove(hold)
            hold._release.set()

        self._loop.call_soon_threadsafe(let_go)

    # --- internals -------------------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            self._cut_all()
            tasks = asyncio.all_tasks(self._loop)  # connections still open: end them quietly
            for task in tasks:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self._loop.close()

    def _cut_all(self) -> None:
        for writer in list(self._writers):
            _reset(writer)
        self._writers.clear()

    def _claim(self, link: _Link, request: str) -> None:
        link.sent = False
        if link.hold is None:
            link.hold = next((h for h in self._holds if h.matches(request)), None)
            if link.hold is not None:
                self._holds.remove(link.hold)
                link.hold.request = request

    def _unclaim(self, link: _Link) -> None:
        """The request never got its answer held (cut, or answered early): arm the hold again."""
        hold, link.hold = link.hold, None
        if hold is not None and not hold.held.is_set() and not hold._release.is_set():
            hold.request = ""
            self._holds.append(hold)

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
            up_reader, up_writer = await asyncio.open_connection(self.target_host, self.target_port)
        except OSError:
            self.counters.refused += 1
            _reset(writer)
            await _closed(writer)
            return
        self._writers.update((writer, up_writer))
        budget, link = self.faults.reset_after, _Link()
        await asyncio.gather(
            self._up(reader, up_writer, writer, link, budget),
            self._down(up_reader, writer, up_writer, link),
            return_exceptions=True,
        )
        self._unclaim(link)
        self._writers.difference_update((writer, up_writer))
        for w in (writer, up_writer):
            w.close()
            try:
                await w.wait_closed()
            except (ConnectionError, OSError):
                pass

    async def _up(
        self,
        src: asyncio.StreamReader,
        dst: asyncio.StreamWriter,
        other: asyncio.StreamWriter,
        link: _Link,
        budget: int | None,
    ) -> None:
        """Client → central, following the requests so a hold knows its request went through."""
        framer, sent = _Framer(), 0
        try:
            while chunk := await src.read(65536):
                await self._faults_on(chunk)
                if budget is not None and sent + len(chunk) > budget:
                    dst.write(chunk[: max(0, budget - sent)])
                    self.counters.resets += 1
                    raise ConnectionResetError("cut mid-body")
                sent += len(chunk)
                self.counters.bytes_up += len(chunk)
                events = framer.feed(chunk)
                for kind, request in events:
                    if kind == "head":
                        self._claim(link, request)
                dst.write(chunk)
                await dst.drain()
                if link.hold is not None and ("end", "") in events:
                    link.sent = True
            if dst.can_write_eof():
                dst.write_eof()
        except (ConnectionError, OSError):
            _reset(dst)
            _reset(other)
        finally:
            self._client_left(link)

    def _client_left(self, link: _Link) -> None:
        hold = link.hold
        if hold is not None and hold.held.is_set() and not hold._release.is_set():
            hold.gone_at = time.monotonic()
            hold.client_gone.set()
            hold._release.set()  # nobody is left to answer

    async def _down(
        self,
        src: asyncio.StreamReader,
        dst: asyncio.StreamWriter,
        other: asyncio.StreamWriter,
        link: _Link,
    ) -> None:
        """Central → client; an answer to a held request waits here until released."""
        try:
            while chunk := await src.read(65536):
                await self._faults_on(chunk)
                if link.hold is not None:
                    await self._keep_back(link, chunk)
                self.counters.bytes_down += len(chunk)
                dst.write(chunk)
                await dst.drain()
            if dst.can_write_eof():
                dst.write_eof()
        except (ConnectionError, OSError):
            _reset(dst)
            _reset(other)

    async def _keep_back(self, link: _Link, chunk: bytes) -> None:
        hold = link.hold
        assert hold is not None
        if not link.sent:  # answered before its body was through: not a request in flight
            self._unclaim(link)
            return
        hold.answer = chunk.split(b"\r\n", 1)[0].decode("latin-1")
        hold.held.set()
        await hold._release.wait()
        link.hold = None
        if hold.client_gone.is_set():
            raise ConnectionResetError("client gone while its answer was held")

    async def _faults_on(self, chunk: bytes) -> None:
        if self.faults.latency:
            await asyncio.sleep(self.faults.latency)
        if self.faults.down:
            raise ConnectionResetError("network down")


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
