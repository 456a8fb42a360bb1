"""The central client drops its pooled connections after a network failure."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hcc_desk.core.sync.client import CentralClient

CONNECTIONS: set[tuple[str, int]] = set()  # client addresses seen by the server


class _Limits(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive

    def do_GET(self) -> None:
        CONNECTIONS.add(self.client_address)
        body = b'{"max_attachment_bytes": 1, "max_dossier_bytes": 1, "chunk_bytes": 1}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


def test_after_drop_connections_the_next_request_opens_a_fresh_connection():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Limits)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = CentralClient(f"http://127.0.0.1:{server.server_port}", "token")
    try:
        client.limits()
        client.limits()
        assert len(CONNECTIONS) == 1  # kept alive
        client.drop_connections()
        assert client.limits().chunk_bytes == 1
        assert len(CONNECTIONS) == 2
    finally:
        client.close()
        server.shutdown()
        server.server_close()
