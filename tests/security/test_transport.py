"""Transport (issue 9, item 6): ``hcc-central serve --cert --key`` speaks HTTPS; a desk enrolled
with the centre's own CA (``hcc-desk enrol --ca-file``) syncs over it; a desk without that CA, or
with another, is refused with a clear message; plain ``http://`` is refused except to this very
machine; PINs and tokens never reach central's access log. Real ``hcc-central serve`` processes
on SQLite and PostgreSQL, a throwaway CA made here with ``cryptography``, real desk profiles."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import func, select

from hcc_central import admin
from hcc_central.cli import main as central_main
from hcc_central.db import Database
from hcc_central.models import Counter, Device
from hcc_desk.cli import main as desk_main
from hcc_desk.core.sync.client import CentralClient, Insecure
from hcc_desk.core.sync.credentials import CredentialStore, DeviceCredential
from tests.central.helpers import make_doc, op
from tests.central.live import Desk, LiveServer, desk_for, make_centre
from tests.support.waits import poll

# --- a throwaway PKI ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pki:
    ca: Path  # the centre's CA certificate (what desks pin)
    cert: Path  # central's certificate, for 127.0.0.1 and localhost, signed by ``ca``
    key: Path
    other_ca: Path  # a CA that signed nothing of central's


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(cn: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return key, cert


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    root = tmp_path_factory.mktemp("pki")
    ca_key, ca = _ca("Trung tâm PVHCC thử — CA")
    _, other = _ca("Some other CA")
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(_name("central")).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    paths = Pki(root / "ca.pem", root / "central.pem", root / "central-key.pem", root / "other.pem")
    paths.ca.write_bytes(_pem(ca))
    paths.other_ca.write_bytes(_pem(other))
    paths.cert.write_bytes(_pem(cert))
    paths.key.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                            serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))  # fmt: skip
    return paths


# --- central over TLS --------------------------------------------------------------------------


class TlsCentral:
    """``hcc-central serve --cert --key`` in its own process, its log (access log on) in a file."""

    def __init__(self, db_url: str, root: Path, pki: Pki) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base_url = f"https://127.0.0.1:{self.port}"
        self.db = Database(db_url, pool_size=2)
        self.log = root / "central.log"
        self.verify = ssl.create_default_context(cafile=str(pki.ca))
        argv = [sys.executable, "-m", "hcc_central", "serve", "--db", db_url, "--store",
                str(root / "store"), "--port", str(self.port), "--log-level", "info",
                "--cert", str(pki.cert), "--key", str(pki.key)]  # fmt: skip
        self._out = self.log.open("wb")
        self.proc = subprocess.Popen(argv, stdout=self._out, stderr=subprocess.STDOUT)

    def start(self) -> TlsCentral:

        def answers() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited: {self.log.read_text()}")
            try:
                httpx.get(self.base_url + "/healthz", verify=self.verify, timeout=2)
                return True
            except httpx.HTTPError:
                return False

        if not poll(answers, 30, interval=0.1):
            raise RuntimeError(f"serve did not start: {self.log.read_text()}")
        return self

    def stop(self) -> str:
        """Stop the process; its whole log."""
        self.proc.terminate()
        self.proc.wait(timeout=15)
        self._out.close()
        self.db.dispose()
        return self.log.read_text(encoding="utf-8", errors="replace")

    write = LiveServer.write

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.base_url + "/api/v1", headers=headers,
                            verify=self.verify, timeout=30)  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def tls_central(request, pki, tmp_path_factory) -> Iterator[TlsCentral]:
    root = tmp_path_factory.mktemp(f"tls-{request.param}")
    url = f"sqlite:///{root / 'central.db'}" if request.param == "sqlite" else (
        request.getfixturevalue("pg_url"))  # fmt: skip
    central = TlsCentral(url, root, pki).start()
    yield central
    central.stop()


def _code(central: TlsCentral | LiveServer, slot: int = 1) -> tuple[int, str]:
    centre_id, _ = make_centre(central)
    code, _ = central.write(admin.enrol_counter, centre_id, name=f"Quầy {slot}", slot=slot)
    return centre_id, code


def _devices(central: TlsCentral, centre_id: int) -> int:
    with central.db.read() as s:
        return s.scalar(select(func.count()).select_from(Device).join(Counter)
                        .where(Counter.centre_id == centre_id))  # fmt: skip


def _enrol(profile: Path, url: str, code: str, *extra: str) -> int:
    return desk_main(["enrol", "--profile", str(profile), "--central", url, "--code", code,
                      "--name", "PC thử", *extra])  # fmt: skip


# --- the tests ---------------------------------------------------------------------------------


def test_a_desk_enrolled_with_the_centres_ca_syncs_over_https(tls_central, pki, tmp_path, capsys):
    centre_id, code = _code(tls_central)
    profile = tmp_path / "desk"
    assert _enrol(profile, tls_central.base_url, code, "--ca-file", str(pki.ca)) == 0
    stored = json.loads((profile / "device.json").read_text())
    assert stored["ca_pem"] == pki.ca.read_text()  # pinned in the profile
    capsys.readouterr()
    assert desk_main(["sync", "--profile", str(profile)]) == 0
    err = capsys.readouterr().err
    pulled = int(err.split("pulled ")[1].split(",")[0])
    assert pulled >= 1, err  # the centre's agency came back over TLS
    assert _devices(tls_central, centre_id) == 1


@pytest.mark.parametrize("ca", ["none", "another"])
def test_a_desk_without_the_centres_ca_is_refused_clearly(tls_central, pki, tmp_path, capsys, ca):
    centre_id, code = _code(tls_central)
    extra = ["--ca-file", str(pki.other_ca)] if ca == "another" else []
    assert _enrol(tmp_path / "desk", tls_central.base_url, code, *extra) == 2
    err = capsys.readouterr().err
    assert "certificate is not trusted" in err and "--ca-file" in err and "Traceback" not in err
    assert _devices(tls_central, centre_id) == 0  # refused before a byte of the code was sent


def test_a_desk_whose_pinned_ca_changed_is_refused_at_sync(tls_central, pki, tmp_path, capsys):
    _, code = _code(tls_central)
    profile = tmp_path / "desk"
    assert _enrol(profile, tls_central.base_url, code, "--ca-file", str(pki.ca)) == 0
    creds = CredentialStore(profile / "device.json")
    cred = creds.load()
    assert cred is not None
    creds.save(DeviceCredential(cred.central_url, cred.device_id, cred.device_token,
                                pki.other_ca.read_text()))  # a forged central's CA  # fmt: skip
    capsys.readouterr()
    assert desk_main(["sync", "--profile", str(profile)]) == 1
    out = capsys.readouterr()
    assert "certificate is not trusted" in out.out + out.err and "Traceback" not in out.err


def test_plain_http_is_refused_except_to_this_machine(tmp_path, capsys, sqlite_server):
    # Enrolment: another machine over http is refused before anything is sent.
    assert _enrol(tmp_path / "far", "http://central.example", "ABCDEFGHJK") == 2
    err = capsys.readouterr().err
    assert "https://" in err and "central.example" in err and "Traceback" not in err
    # Loopback is this machine: nothing crosses a network.
    _, code = _code(sqlite_server)
    assert _enrol(tmp_path / "near", sqlite_server.base_url, code) == 0
    # Sync: a credential naming another machine over http is refused before any request.
    client = CentralClient("http://central.example", "token")
    with pytest.raises(Insecure, match="https://"):
        client.limits()
    assert client.probe() is True  # "reachable": the next call says why it is not made
    client.close()
    near = CredentialStore(tmp_path / "near" / "device.json")
    cred = near.load()
    assert cred is not None
    near.save(DeviceCredential("http://central.example", cred.device_id, cred.device_token))
    capsys.readouterr()
    assert desk_main(["sync", "--profile", str(tmp_path / "near")]) == 1
    out = capsys.readouterr()
    assert "https://" in out.out + out.err and "Traceback" not in out.err


def test_serve_says_what_is_wrong_with_its_tls_files(pki, tmp_path, capsys):
    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    missing = str(tmp_path / "missing.pem")
    assert central_main(["serve", *db, "--cert", missing, "--key", str(pki.key)]) == 2
    assert f"cannot read the certificate file {missing}" in capsys.readouterr().err
    assert central_main(["serve", *db, "--cert", str(pki.cert)]) == 2
    assert "--cert and --key go together" in capsys.readouterr().err
    assert central_main(["serve", *db, "--cert", str(pki.ca), "--key", str(pki.key)]) == 2
    assert "not a PEM certificate and its key" in capsys.readouterr().err
    assert not (tmp_path / "c.db").exists()  # refused before anything was started or migrated


def test_pins_and_tokens_never_reach_the_access_log(pki, tmp_path_factory):
    """A central of its own: its log is read whole once it has stopped."""
    root = tmp_path_factory.mktemp("tls-log")
    central = TlsCentral(f"sqlite:///{root / 'central.db'}", root, pki).start()
    try:
        desk: Desk = desk_for(central)  # enrolment over TLS (the client trusts the CA)
        pin = "Q7X9K2"  # not a string the log could hold by chance
        doc = make_doc(desk, lookup_pin=pin)
        with httpx.Client(base_url=central.base_url, verify=central.verify) as http:
            pushed = http.post("/api/v1/sync/push", json={"ops": [op(doc)]},
                               headers={"Authorization": f"Bearer {desk.token}"})  # fmt: skip
            assert pushed.status_code == 200
            assert http.get("/status", params={"code": doc["code"], "pin": pin}).status_code == 200
            looked = http.get("/api/v1/public/status", params={"code": doc["code"], "pin": pin})
            assert looked.status_code == 200
            http.get(f"/api/v1/public/status?code={doc['code']}&p%69n={pin}")  # the same PIN
            http.get(f"/api/v1/sync/pull?cursor=0&token={desk.token}")  # a token in a query
    finally:
        log = central.stop()
    assert "GET /status?code=" in log and "pin=***" in log  # the access log was on
    assert pin not in log and desk.token not in log
