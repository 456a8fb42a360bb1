"""A real RFC 3161 timestamp server on loopback (HTTP POST of a TimeStampReq), answering with
pyHanko's test timestamper and a TSA certificate of the test CA: PAdES B-T without the internet."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys, tsp, x509
from cryptography.hazmat.primitives import serialization

from tests.digitise.pki import Issued


@contextmanager
def timestamp_server(tsa: Issued) -> Iterator[str]:
    """The server's URL while the block runs."""
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    der_key = tsa.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    stamper = DummyTimeStamper(
        tsa_cert=x509.Certificate.load(tsa.cert_der()),
        tsa_key=keys.PrivateKeyInfo.load(der_key),
    )
    served: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            served.append(len(answer))
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:  # quiet: no stderr lines in the test
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert served, "the signer never asked the timestamp server"
