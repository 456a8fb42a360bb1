"""Messages to applicants, end to end with real parts: a real SMTP server (aiosmtpd) and a real
HTTP server standing in for the SMS gateway; the outbox on SQLite and PostgreSQL.

The workers here are run by the test (``run_once`` with the time it gives, so a backoff is
waited for without sleeping); the live server has no channel configured and sends nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from hcc_central.db import Database
from hcc_central.models import AuditLog, Centre, Dossier, Notification, NotificationTemplate
from hcc_central.notify import deliveries, enqueue_for_step
from hcc_central.notify.sender import SmtpSender
from hcc_central.notify.templates import TemplateError, check, without_diacritics
from hcc_central.notify.worker import Worker
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus
from tests.central.browser import Browser, web_officer
from tests.central.helpers import make_doc, op, push
from tests.central.live import Desk, LiveServer, make_centre
from tests.central.notify_fixtures import (  # noqa: F401 (fixtures)
    Gateway,
    Mailbox,
    channels_on,
    drain,
    free_port,
    sms_gateway,
    smtp_server,
)
from tests.support.waits import wait_until

EMAIL = "an.nguyen@mail.vn"
PHONE = "0905123456"
TEMPLATES = "/quan-tri/mau-thong-bao"


# --- dossiers and steps ---------------------------------------------------------------------------
def pushed(desk: Desk, **submitter: Any) -> dict[str, Any]:
    doc = make_doc(desk)
    doc["submitter"] = {**doc["submitter"], "phone": None, "email": None, **submitter}
    [result] = push(desk, op(doc))
    assert result["outcome"] == "applied", result
    return doc


def step(
    central: LiveServer, code: str, kind: str, target: DossierStatus, notice: dict[str, Any]
) -> tuple[list[Notification], dict[str, Any]]:
    """Record a step at central and queue its messages in the same transaction (what the
    agency's step does)."""

    def run(s: Any) -> tuple[list[Notification], dict[str, Any]]:
        payload = set_status(s, code, target, note=notice.get("reason"), actor="demo")
        event = {**payload["event"], "notice": notice}
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        return enqueue_for_step(s, dossier, event, kind), event

    result: tuple[list[Notification], dict[str, Any]] = central.write(run)
    return result


SUPPLEMENT = {
    "missing_papers": ["Bản sao giấy khai sinh", "Ảnh 4x6"],
    "reason": "Thiếu giấy tờ chứng minh nhân thân",
    "agency": "Sở Tư pháp",
}


def rows_of(central: LiveServer, dossier_uuid: str) -> list[Notification]:
    with central.db.read() as s:
        return list(
            s.scalars(
                select(Notification)
                .where(Notification.dossier_uuid == dossier_uuid)
                .order_by(Notification.channel)
            )
        )


# --- tests --------------------------------------------------------------------------------------
def test_each_step_kind_queues_one_message_per_channel_given(central: LiveServer, desk: Desk):
    def centre_contacts(s: Any) -> None:
        centre = s.get(Centre, desk.centre_id)
        centre.hotline, centre.lookup_url_base = "1900 1234", "https://dichvu.test.vn/tra-cuu"

    central.write(centre_contacts)
    doc = pushed(desk, phone=PHONE, email=EMAIL)
    made, _ = step(central, doc["code"], "supplement", DossierStatus.WAITING_SUPPLEMENT, SUPPLEMENT)
    assert sorted(n.channel for n in made) == ["email", "sms"]
    email = next(n for n in made if n.channel == "email")
    assert email.kind == "supplement" and email.state == "pending" and email.recipient == EMAIL
    assert doc["code"] in email.subject
    for words in ("Bản sao giấy khai sinh", "Ảnh 4x6", "Thiếu giấy tờ chứng minh nhân thân",
                  doc["procedure_name"], "Trung tâm PVHCC thử"):  # fmt: skip
        assert words in email.body
    assert f"https://dichvu.test.vn/tra-cuu?ma={doc['code']}" in email.body
    assert "1900 1234" in email.body
    assert doc["lookup_pin"] not in email.body  # the PIN stays on the receipt
    assert "$" not in email.body

    made, _ = step(central, doc["code"], "supplement_received", DossierStatus.NEW, {})
    assert made == []  # not a step the applicant is told of
    made, _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
    assert {n.kind for n in made} == {"result"} and len(made) == 2
    assert "Bộ phận tiếp nhận và trả kết quả" in next(n for n in made if n.channel == "email").body

    other = pushed(desk, email=EMAIL)
    made, _ = step(central, other["code"], "processing", DossierStatus.PROCESSING, {})
    assert made == []
    made, _ = step(
        central,
        other["code"],
        "refusal",
        DossierStatus.UNRESOLVED,
        {"reasons": "Không đủ điều kiện"},
    )
    assert [(n.kind, n.channel) for n in made] == [("refused", "email")]
    assert "Không đủ điều kiện" in made[0].body


def test_a_replayed_step_never_queues_twice(central: LiveServer, desk: Desk):
    doc = pushed(desk, phone=PHONE, email=EMAIL)
    made, event = step(
        central, doc["code"], "supplement", DossierStatus.WAITING_SUPPLEMENT, SUPPLEMENT
    )
    assert len(made) == 2

    def replay(s: Any) -> list[Notification]:
        dossier = s.scalar(select(Dossier).where(Dossier.code == doc["code"]))
        return enqueue_for_step(s, dossier, event, "supplement")

    assert central.write(replay) == []
    assert central.write(replay) == []
    assert len(rows_of(central, doc["uuid"])) == 2


def test_nothing_is_queued_for_an_applicant_without_phone_or_email(central: LiveServer, desk: Desk):
    doc = pushed(desk)
    made, _ = step(central, doc["code"], "supplement", DossierStatus.WAITING_SUPPLEMENT, SUPPLEMENT)
    assert made == [] and rows_of(central, doc["uuid"]) == []
    bad = pushed(desk, phone="xin gọi sau", email="not-an-address\nBcc: x@y.vn")
    made, _ = step(central, bad["code"], "supplement", DossierStatus.WAITING_SUPPLEMENT, SUPPLEMENT)
    assert made == []


def test_the_worker_sends_by_smtp_and_sms_and_the_agency_sees_masked_recipients(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    doc = pushed(desk, phone=PHONE, email=EMAIL)
    made, _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
    ids = {n.channel: n.id for n in made}
    worker = Worker(central.db, channels_on(central, smtp, gateway))
    drain(worker)

    [mail] = smtp[0].with_id(f"<hcc-notification-{ids['email']}@hcc.test.vn>")
    assert mail["To"] == EMAIL and doc["code"] in mail["Subject"]
    assert mail.get_content_type() == "text/plain"
    assert "đã có kết quả" in mail.get_content()
    [(headers, body)] = gateway.for_key(f"hcc-notification-{ids['sms']}")
    assert headers["Authorization"] == "Bearer gateway-secret"
    assert headers["Idempotency-Key"] == body["id"]
    assert body["to"] == PHONE and doc["code"] in body["text"]

    with central.db.read() as s:
        seen = {d.channel: d for d in deliveries(s, doc["uuid"])}
        audited = s.scalars(
            select(AuditLog.detail).where(AuditLog.action == "notification.sent")
        ).all()
    assert seen["sms"].recipient == "09***456" and seen["email"].recipient == "a***@mail.vn"
    assert all(d.state == "sent" and d.attempts == 1 and d.sent_at for d in seen.values())
    assert {a["id"] for a in audited} >= set(ids.values())

    drain(worker)  # sent once: a second pass sends nothing again
    assert len(smtp[0].with_id(f"<hcc-notification-{ids['email']}@hcc.test.vn>")) == 1
    assert len(gateway.for_key(f"hcc-notification-{ids['sms']}")) == 1


def test_a_gateway_failure_is_retried_after_a_backoff(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    doc = pushed(desk, phone=PHONE)
    [sms], _ = step(
        central, doc["code"], "supplement", DossierStatus.WAITING_SUPPLEMENT, SUPPLEMENT
    )
    key = f"hcc-notification-{sms.id}"
    worker = Worker(central.db, channels_on(central, smtp, gateway))
    gateway.answers[key] = [500]
    t0 = datetime.now()
    drain(worker, t0)
    [d] = deliveries_of(central, doc["uuid"])
    assert (d.state, d.attempts, d.last_error) == ("pending", 1, "cổng SMS trả lời HTTP 500")

    drain(worker, t0 + timedelta(seconds=30))  # within the first backoff (60 s): not yet
    assert len(gateway.for_key(key)) == 1
    drain(worker, t0 + timedelta(seconds=61))
    [d] = deliveries_of(central, doc["uuid"])
    assert (d.state, d.attempts, d.last_error) == ("sent", 2, None)
    assert len(gateway.for_key(key)) == 2  # the retry carries the same key


@pytest.mark.expect_log_warnings
def test_a_message_fails_after_its_last_attempt_with_the_error_shown(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    doc = pushed(desk, phone=PHONE)
    [sms], _ = step(central, doc["code"], "refusal", DossierStatus.UNRESOLVED, {"reason": "Sai"})
    worker = Worker(central.db, channels_on(central, smtp, gateway))
    gateway.answers[f"hcc-notification-{sms.id}"] = [503, 503, 503]
    t = datetime.now()
    for wait in (0, 61, 121):  # 60 s, then 120 s between attempts
        t += timedelta(seconds=wait)
        drain(worker, t)
    [d] = deliveries_of(central, doc["uuid"])
    assert (d.state, d.attempts, d.last_error) == ("failed", 3, "cổng SMS trả lời HTTP 503")
    drain(worker, t + timedelta(hours=2))
    assert len(gateway.for_key(f"hcc-notification-{sms.id}")) == 3
    with central.db.read() as s:
        failed = s.scalars(
            select(AuditLog.detail).where(AuditLog.action == "notification.failed")
        ).all()
    assert any(a["id"] == sms.id for a in failed)

    refused = pushed(desk, phone=PHONE)  # the gateway refuses the request itself: no retry
    [sms], _ = step(central, refused["code"], "refusal", DossierStatus.UNRESOLVED, {"reason": "x"})
    gateway.answers[f"hcc-notification-{sms.id}"] = [400]
    drain(worker)
    [d] = deliveries_of(central, refused["uuid"])
    assert (d.state, d.attempts) == ("failed", 1)


def deliveries_of(central: LiveServer, dossier_uuid: str) -> list[Any]:
    with central.db.read() as s:
        return deliveries(s, dossier_uuid)


def test_two_workers_racing_send_each_message_once(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    made: list[Notification] = []
    for _ in range(15):
        doc = pushed(desk, phone=PHONE, email=EMAIL)
        rows, _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
        made.extend(rows)
    settings = channels_on(central, smtp, gateway)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        db = Database(settings.db_url, pool_size=2)  # its own connections, as another process
        try:
            worker = Worker(db, settings)
            start.wait()
            while worker.run_once().claimed:
                pass
        except BaseException as err:
            errors.append(err)
        finally:
            db.dispose()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    for n in made:
        if n.channel == "email":
            assert len(smtp[0].with_id(f"<hcc-notification-{n.id}@hcc.test.vn>")) == 1
        else:
            assert len(gateway.for_key(f"hcc-notification-{n.id}")) == 1
    with central.db.read() as s:
        states = s.execute(
            select(Notification.state, func.count())
            .where(Notification.id.in_([n.id for n in made]))
            .group_by(Notification.state)
        ).all()
    assert dict(states) == {"sent": 30}


def test_a_template_with_an_unknown_placeholder_is_refused(central: LiveServer):
    with pytest.raises(TemplateError, match=r"\$ma_hs"):
        check("result", "email", "Hồ sơ $ma_hs", "Nội dung $code")
    with pytest.raises(TemplateError, match=r"dấu \$"):
        check("result", "sms", "", "Giá 100$ cho $code")
    assert check("result", "sms", "", " Hồ sơ $code: $$5 \r\n") == ("", "Hồ sơ $code: $$5")
    with central.db.read() as s:
        assert s.get(NotificationTemplate, ("result", "email")) is None


@pytest.fixture
def browser(central: LiveServer) -> Iterator[Browser]:
    b = Browser(central.base_url)
    yield b
    b.close()


def test_the_admin_edits_a_template_on_the_web_and_an_unknown_placeholder_is_refused(
    central: LiveServer, desk: Desk, browser: Browser
):
    name, password = web_officer(central, None, "admin")  # type: ignore[arg-type]
    assert browser.login(name, password).status_code == 303
    page = browser.get(TEMPLATES)
    assert page.status_code == 200 and "Mẫu thông báo cho người nộp" in page.text
    assert "$missing_papers" in page.text  # the defaults are shown, placeholders listed

    r = browser.submit(TEMPLATES, TEMPLATES, {"kind": "result", "channel": "sms",
                                              "body": "Hồ sơ $ma_hs đã xong <b>"})  # fmt: skip
    assert r.status_code == 400 and "$ma_hs" in r.text
    assert "&lt;b&gt;" in r.text  # what was typed comes back, escaped
    r = browser.submit(TEMPLATES, TEMPLATES, {"kind": "lottery", "channel": "sms", "body": "$code"})
    assert r.status_code == 400 and "Loại thông báo hoặc kênh gửi không có" in r.text
    with central.db.read() as s:
        assert s.get(NotificationTemplate, ("result", "sms")) is None

    words = "Hồ sơ $code có kết quả ở $centre. Gọi $hotline."
    try:
        r = browser.submit(
            TEMPLATES, TEMPLATES, {"kind": "result", "channel": "sms", "body": words}
        )
        assert r.status_code == 303
        doc = pushed(desk, phone=PHONE)
        [sms], _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
        assert sms.body.startswith(f"Hồ sơ {doc['code']} có kết quả ở Trung tâm PVHCC thử.")
        with central.db.read() as s:
            actions = s.scalars(
                select(AuditLog.action).where(AuditLog.actor == f"web:{name}")
            ).all()
        assert "notification.template" in actions
        r = browser.submit(TEMPLATES, TEMPLATES, {"kind": "result", "channel": "sms",
                                                  "action": "reset"})  # fmt: skip
        assert r.status_code == 303
    finally:
        central.write(lambda s: s.query(NotificationTemplate).delete())
    with central.db.read() as s:
        assert s.get(NotificationTemplate, ("result", "sms")) is None


def test_an_admin_of_one_centre_only_reads_the_templates(central: LiveServer, browser: Browser):
    centre_id, unit = make_centre(central)
    name, password = web_officer(central, centre_id, "admin")
    browser.login(name, password)
    page = browser.get(TEMPLATES)
    assert page.status_code == 200 and "readonly" in page.text
    r = browser.post(TEMPLATES, {"csrf": browser.csrf_of(page), "kind": "result",
                                 "channel": "sms", "body": "$code"})  # fmt: skip
    assert r.status_code == 403
    agency, password = web_officer(central, centre_id, "agency", unit=unit)
    other = Browser(central.base_url)
    try:
        other.login(agency, password)
        assert other.get(TEMPLATES).status_code == 403
    finally:
        other.close()


def test_a_serve_process_with_a_channel_sends_in_the_background_and_stops_promptly(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    settings = channels_on(central, smtp, gateway, notify_poll_seconds=1)
    server = LiveServer(settings).start()  # another process of the same service
    try:
        doc = pushed(desk, email=EMAIL)
        [mail], _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
        wait_until(
            lambda: smtp[0].with_id(f"<hcc-notification-{mail.id}@hcc.test.vn>"),
            15,
            "the background worker to send the e-mail",
        )
        wait_until(lambda: deliveries_of(central, doc["uuid"])[0].state == "sent", 15, "sent")
    finally:
        started = time.monotonic()
        server.stop()
        stopped_in = time.monotonic() - started
    assert not server._thread.is_alive() and stopped_in < 10


def test_an_agency_step_in_the_browser_tells_the_applicant_and_the_page_shows_it_masked(
    central: LiveServer, desk: Desk, browser: Browser, smtp: tuple[Mailbox, int], gateway: Gateway
):
    doc = pushed(desk, phone=PHONE, email=EMAIL)
    code = doc["code"]
    name, password = web_officer(central, desk.centre_id, "agency", unit=desk.unit)
    assert browser.login(name, password).status_code == 303
    page = browser.get(f"/co-quan/ho-so/{code}")
    assert "Chưa có thông báo nào" in page.text
    r = browser.post(f"/co-quan/ho-so/{code}/bo-sung", {"csrf": browser.csrf_of(page),
                     "paper": ["Tờ khai"], "reason": "Ảnh mờ", "other_papers": "Ảnh 4x6"})  # fmt: skip
    assert r.status_code == 303
    [email, sms] = rows_of(central, doc["uuid"])
    assert (email.kind, email.channel, sms.channel) == ("supplement", "email", "sms")
    assert "- Tờ khai\n- Ảnh 4x6" in email.body and "Lý do: Ảnh mờ" in email.body

    drain(Worker(central.db, channels_on(central, smtp, gateway)))
    page = browser.get(f"/co-quan/ho-so/{code}").text
    section = page[page.index('id="deliveries-title"') :]
    section = section[: section.index("</section>")]
    assert "09***456" in section and "a***@mail.vn" in section and section.count("Đã gửi") == 2
    assert PHONE not in section and EMAIL not in section


def test_the_command_line_lists_masked_and_checks_templates(
    central: LiveServer, desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    from hcc_central.cli import main

    db = ["--db", central.settings.db_url]
    doc = pushed(desk, phone=PHONE, email=EMAIL)
    step(central, doc["code"], "supplement", DossierStatus.WAITING_SUPPLEMENT, SUPPLEMENT)
    assert main(["notify", "list", "--dossier", doc["code"], *db]) == 0
    listed = capsys.readouterr().out
    assert "09***456" in listed and "a***@mail.vn" in listed and "pending" in listed
    assert PHONE not in listed and EMAIL not in listed

    body = tmp_path / "body.txt"
    body.write_text("Hồ sơ $code: $ket_qua\n", encoding="utf-8")
    assert main(["notify", "templates", "set", "result", "sms", "--body-file", str(body), *db]) == 2
    assert "$ket_qua" in capsys.readouterr().err
    body.write_text("Hồ sơ $code đã có kết quả.\n", encoding="utf-8")
    try:
        assert main(["notify", "templates", "set", "result", "sms", "--body-file", str(body),
                     *db]) == 0  # fmt: skip
        assert main(["notify", "templates", "show", "result", "sms", *db]) == 0
        assert "Hồ sơ $code đã có kết quả." in capsys.readouterr().out
    finally:
        assert main(["notify", "templates", "reset", "result", "sms", *db]) == 0
    with central.db.read() as s:
        assert s.get(NotificationTemplate, ("result", "sms")) is None


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (PEM files)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "smtp.hcc.test.vn")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(
            ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = tmp_path / "smtp.pem", tmp_path / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return cert_path, key_path


def test_starttls_checks_the_mail_servers_certificate_and_logs_in(
    central: LiveServer,
    desk: Desk,
    gateway: Gateway,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    import ssl

    from aiosmtpd.smtp import AuthResult, LoginPassword

    cert, key = _self_signed(tmp_path)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(_server: Any, _session: Any, _envelope: Any, _mech: str, data: Any) -> Any:
        ok = isinstance(data, LoginPassword) and data.password == b"mat-khau-thu"
        logins.append((data.login, data.password))
        return AuthResult(success=ok)

    box, port = Mailbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, tls_context=tls,
                            require_starttls=True, authenticator=authenticator,
                            auth_required=True)  # fmt: skip
    controller.start()
    try:
        settings = channels_on(central, (box, port), gateway, smtp_starttls=True,
                               smtp_user="thongbao", smtp_password="mat-khau-thu")  # fmt: skip
        worker = Worker(central.db, settings, {"email": SmtpSender(settings)})
        doc = pushed(desk, email=EMAIL)
        [mail], _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
        t0 = datetime.now()
        drain(worker, t0)  # a certificate nobody vouches for: not sent, retried later
        [d] = deliveries_of(central, doc["uuid"])
        assert d.state == "pending" and "SSLCertVerificationError" in (d.last_error or "")
        assert logins == []  # the password never went to the unverified server

        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # now the machine trusts it
        drain(worker, t0 + timedelta(seconds=61))
        [d] = deliveries_of(central, doc["uuid"])
        assert (d.state, d.attempts) == ("sent", 2)
        assert set(logins) == {(b"thongbao", b"mat-khau-thu")}  # other tests' mail too
        assert box.with_id(f"<hcc-notification-{mail.id}@hcc.test.vn>")
    finally:
        controller.stop()


def test_a_message_no_channel_could_send_in_time_ends_as_failed(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    doc = pushed(desk, phone=PHONE)
    [sms], _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
    settings = channels_on(central, smtp, gateway)
    mail_only = Worker(central.db, settings, {"email": SmtpSender(settings)})  # no SMS gateway
    drain(mail_only)
    assert deliveries_of(central, doc["uuid"])[0].state == "pending"  # waits for a gateway
    drain(mail_only, datetime.now() + timedelta(hours=settings.notify_max_age_hours, minutes=1))
    [d] = deliveries_of(central, doc["uuid"])
    assert (d.state, d.attempts) == ("failed", 0) and "72 giờ" in (d.last_error or "")
    assert gateway.for_key(f"hcc-notification-{sms.id}") == []


def test_sms_without_diacritics_for_gateways_that_need_it(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    assert without_diacritics("Hồ sơ Đà Nẵng đã có kết quả ✓") == "Ho so Da Nang da co ket qua ?"
    doc = pushed(desk, phone="+84 905 123 456")
    [sms], _ = step(central, doc["code"], "result_ready", DossierStatus.RELEASING, {})
    assert sms.recipient == "+84905123456"
    drain(Worker(central.db, channels_on(central, smtp, gateway, sms_ascii=True)))
    [(_, body)] = gateway.for_key(f"hcc-notification-{sms.id}")
    assert body["text"].isascii() and f"Ho so {doc['code']} da co ket qua" in body["text"]
    assert deliveries_of(central, doc["uuid"])[0].recipient == "+8***456"
