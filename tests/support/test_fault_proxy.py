"""The fault proxy itself: forwards, delays, cuts mid-body, refuses when down."""
import socket
import threading
import time

import pytest

from tests.support.fault_proxy import FaultProxy


@pytest.fixture
def echo_port():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    port = srv.getsockname()[1]

    def serve():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            with conn:
                try:
                    while data := conn.recv(65536):
                        conn.sendall(data)
                except OSError:  # the proxy reset us: that is the point of some tests
                    pass

    threading.Thread(target=serve, daemon=True).start()
    yield port
    srv.close()


def _roundtrip(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(payload)
        s.shutdown(socket.SHUT_WR)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


def test_forwards_and_counts(echo_port):
    proxy = FaultProxy(echo_port).start()
    try:
        assert _roundtrip(proxy.port, b"x" * 100_000) == b"x" * 100_000
        assert proxy.counters.bytes_up == 100_000
    finally:
        proxy.stop()


def test_latency_is_added(echo_port):
    proxy = FaultProxy(echo_port).start()
    try:
        proxy.set(latency=0.2)
        start = time.perf_counter()
        _roundtrip(proxy.port, b"hello")
        assert time.perf_counter() - start >= 0.2
    finally:
        proxy.stop()


def test_cut_mid_body_and_down(echo_port):
    proxy = FaultProxy(echo_port).start()
    try:
        proxy.set(reset_after=1000)
        with pytest.raises(ConnectionError):
            got = _roundtrip(proxy.port, b"y" * 200_000)
            assert len(got) < 200_000  # short read also counts as a cut
            raise ConnectionResetError
        assert proxy.counters.resets == 1
        proxy.heal()
        proxy.set(down=True)
        with pytest.raises(ConnectionError):
            _roundtrip(proxy.port, b"z")
        assert proxy.counters.refused == 1
    finally:
        proxy.stop()
