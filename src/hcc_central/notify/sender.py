"""The two ways a message leaves central: e-mail over SMTP, SMS through an HTTP gateway.

Each send is one exchange with a timeout. What goes wrong is a ``SendError`` whose text is
safe to store and show to the agency: the recipient never appears in it as typed (masked),
and nothing of it is logged but its kind. A permanent error (address refused, request
refused by the gateway) is not retried.

A crash after the server accepted a message but before central recorded it sends it again
when the lease runs out; the copies carry the same identity (``Message-ID`` for e-mail, the
``Idempotency-Key`` header and ``id`` field for the gateway) so the receiving side can drop
the repeat.
"""

from __future__ import annotations

import json
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from typing import Protocol

from ..settings import Settings
from .outbox import mask
from .templates import SMS_MAX, without_diacritics

SMTPS_PORT = 465


class SendError(Exception):
    def __init__(self, text: str, *, permanent: bool = False) -> None:
        super().__init__(text)
        self.text = text[:500]
        self.permanent = permanent


@dataclass(frozen=True)
class Outgoing:
    id: int
    channel: str
    recipient: str
    subject: str
    body: str


class Sender(Protocol):
    def send(self, message: Outgoing) -> None: ...


def message_key(notification_id: int) -> str:
    """The identity every copy of one notification carries."""
    return f"hcc-notification-{notification_id}"


def _safe(text: str, recipient: str, channel: str) -> str:
    return " ".join(text.replace(recipient, mask(channel, recipient)).split())


class SmtpSender:
    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.domain = settings.smtp_from.rpartition("@")[2] or "hcc-central"

    def _connect(self) -> smtplib.SMTP:
        """Port 465 speaks TLS from the first byte (SMTPS); any other port starts in plain
        text and upgrades with STARTTLS unless that is turned off (a local relay)."""
        timeout = self.s.notify_timeout_seconds
        if self.s.smtp_port == SMTPS_PORT:
            context = ssl.create_default_context()
            return smtplib.SMTP_SSL(self.s.smtp_host, SMTPS_PORT, timeout=timeout, context=context)
        return smtplib.SMTP(self.s.smtp_host, self.s.smtp_port, timeout=timeout)

    def send(self, message: Outgoing) -> None:
        mail = EmailMessage()
        mail["From"] = self.s.smtp_from
        mail["To"] = message.recipient
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=True)
        mail["Message-ID"] = f"<{message_key(message.id)}@{self.domain}>"
        mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to it
        mail.set_content(message.body)  # text/plain, UTF-8: nothing in it is ever markup
        try:
            with self._connect() as smtp:
                if self.s.smtp_starttls and not isinstance(smtp, smtplib.SMTP_SSL):
                    smtp.starttls(context=ssl.create_default_context())
                if self.s.smtp_user:
                    smtp.login(self.s.smtp_user, self.s.smtp_password)
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as err:
            codes = sorted({code for code, _ in err.recipients.values()})
            raise SendError(
                f"máy chủ thư từ chối địa chỉ nhận (SMTP {codes})", permanent=True
            ) from None
        except smtplib.SMTPResponseException as err:
            said = err.smtp_error
            if isinstance(said, bytes):
                said = said.decode("utf-8", "replace")
            text = _safe(f"SMTP {err.smtp_code}: {said}", message.recipient, "email")
            # 550-553: this mailbox or address will not take it; anything else may pass later
            # (a full queue, a login the admin is fixing).
            raise SendError(text, permanent=550 <= err.smtp_code <= 553) from None
        except (smtplib.SMTPException, OSError) as err:
            raise SendError(f"không gửi được thư: {type(err).__name__}: {err}") from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the bearer token to wherever it points: answered as an error."""

    def redirect_request(self, *_args: object, **_kwargs: object) -> None:
        return None


class SmsSender:
    def __init__(self, settings: Settings) -> None:
        if not settings.sms_url.lower().startswith(("https://", "http://")):
            raise ValueError("HCC_CENTRAL_SMS_URL must be an http(s) address")
        self.s = settings
        self.opener = urllib.request.build_opener(_NoRedirect)

    def send(self, message: Outgoing) -> None:
        text = message.body
        if self.s.sms_ascii:
            text = without_diacritics(text)
        key = message_key(message.id)
        body = json.dumps(
            {"id": key, "to": message.recipient, "text": text[:SMS_MAX]}, ensure_ascii=False
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - http(s) only, checked at start
            self.s.sms_url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"Bearer {self.s.sms_token}",
                "Idempotency-Key": key,
            },
        )
        try:
            with self.opener.open(request, timeout=self.s.notify_timeout_seconds) as answer:
                answer.read(4096)
        except urllib.error.HTTPError as err:
            # 4xx but 408/429: the gateway refuses this request as it is; retrying will not help.
            permanent = 400 <= err.code < 500 and err.code not in (408, 429)
            raise SendError(f"cổng SMS trả lời HTTP {err.code}", permanent=permanent) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise SendError(f"không gọi được cổng SMS: {reason}") from None


def senders(settings: Settings) -> dict[str, Sender]:
    """The channels this process can send on (none configured: no worker)."""
    out: dict[str, Sender] = {}
    if settings.smtp_host and settings.smtp_from:
        out["email"] = SmtpSender(settings)
    if settings.sms_url:
        out["sms"] = SmsSender(settings)
    return out
