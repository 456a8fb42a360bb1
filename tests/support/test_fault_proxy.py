"""The fault proxy itself: forwards, delays, cuts mid-body, refuses when down, holds an answer."""

import http.client
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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

        def roundtrip_cut() -> None:
            got = _roundtrip(proxy.port, b"y" * 200_000)
            assert len(got) < 200_000  # short read also counts as a cut
            raise ConnectionResetError

        with pytest.raises(ConnectionError):
            roundtrip_cut()
        assert proxy.counters.resets == 1
        proxy.heal()
        proxy.set(down=True)
        with pytest.raises(ConnectionError):
            _roundtrip(proxy.port, b"z")
        assert proxy.counters.refused == 1
    finally:
        proxy.stop()


class _Echo(BaseHTTPRequestHandler):
    """Answers every request with its method, path and body length (keep-alive, HTTP/1.1)."""

    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        text = f"{self.command} {self.path} {len(body)}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client gone mid-request is what these tests do


@pytest.fixture
def http_port():
    server = _Server(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_hold_keeps_the_answer_of_the_matching_request_until_released(http_port):
    proxy = FaultProxy(http_port).start()
    try:
        hold = proxy.hold("POST", "/sync/push")
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
        conn.request("GET", "/sync/push")  # same path, other method: not caught
        assert conn.getresponse().read() == b"GET /sync/push 0"
        conn.request("POST", "/sync/pull", body=b"a" * 10)  # other path: not caught
        assert conn.getresponse().read() == b"POST /sync/pull 10"
        answers = []
        # Same keep-alive connection: the proxy must find where one request ends.
        conn.request("POST", "/sync/push?x=1", body=b"b" * 200_000)
        reader = threading.Thread(target=lambda: answers.append(conn.getresponse().read()))
        reader.start()
        assert hold.wait_held(10), "the matching request was not caught"
        assert hold.request == "POST /sync/push?x=1"
        assert hold.answer == "HTTP/1.1 200 OK"  # central has answered: the body reached it
        reader.join(0.3)
        assert answers == []  # the client is still waiting
        proxy.release(hold)
        reader.join(10)
        assert answers == [b"POST /sync/push?x=1 200000"]
        assert not hold.client_gone.is_set()
        conn.close()
    finally:
        proxy.stop()


def test_hold_sees_the_client_go_away_while_its_answer_is_held(http_port):
    proxy = FaultProxy(http_port).start()
    try:
        hold = proxy.hold("POST", "/uploads")
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as s:
            s.sendall(b"POST /uploads/single HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
            assert hold.wait_held(10)
            closed_at = time.monotonic()
        assert hold.wait_client_gone(10), "the client's close was not seen"
        assert hold.gone_at >= closed_at
    finally:
        proxy.stop()


def test_a_request_cut_before_its_body_is_through_leaves_the_hold_armed(http_port):
    proxy = FaultProxy(http_port).start()
    try:
        hold = proxy.hold("POST", "/sync/push")
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as s:
            s.sendall(b"POST /sync/push HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\nabc")
            s.shutdown(socket.SHUT_WR)  # 3 bytes of 9: the server answers what it got
            while s.recv(65536):  # passed through, not held: the body never went through
                pass
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
        conn.request("POST", "/sync/push", body=b"whole")
        assert hold.wait_held(10), "the hold was not armed again for the next request"
        proxy.release(hold)
        assert conn.getresponse().read() == b"POST /sync/push 5"
        conn.close()
    finally:
        proxy.stop()
