"""``hcc-central notify …``: the outbox of messages to applicants (docs/notifications.md).

``run-once`` sends what is due with this process's settings (cron, or a check of the SMTP /
gateway configuration); ``list`` shows the outbox with masked recipients; ``templates``
shows or sets the words of a kind of message on a channel.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from .admin import AdminError
from .db import Database
from .models import Dossier, Notification, NotificationTemplate
from .notify.outbox import mask
from .notify.templates import (
    CHANNELS,
    DEFAULTS,
    KINDS,
    PLACEHOLDERS,
    TemplateError,
    check,
    reset_template,
    save_template,
)
from .notify.worker import Worker
from .settings import Settings

OpenDb = Callable[[argparse.Namespace], Database]


def add_notify_commands(
    parser: argparse.ArgumentParser,
    common: argparse.ArgumentParser,
    open_db: OpenDb,
    settings_of: Callable[[argparse.Namespace], Settings],
) -> None:
    sub = parser.add_subparsers(required=True, metavar="ACTION")
    p = sub.add_parser("run-once", parents=[common], help="send the messages that are due")
    p.set_defaults(run=lambda a: _run_once(open_db(a), settings_of(a)))

    p = sub.add_parser("list", parents=[common], help="the outbox, newest first")
    p.add_argument("--dossier", metavar="CODE", help="only this dossier's messages")
    p.add_argument("--state", choices=("pending", "sending", "sent", "failed"))
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=lambda a: _list(open_db(a), a))

    templates = sub.add_parser("templates", help="the words of the messages")
    tsub = templates.add_subparsers(required=True, metavar="ACTION")
    p = tsub.add_parser("show", parents=[common], help="a template in force (or all)")
    p.add_argument("kind", nargs="?", choices=KINDS)
    p.add_argument("channel", nargs="?", choices=CHANNELS)
    p.set_defaults(run=lambda a: _show(open_db(a), a))
    p = tsub.add_parser("set", parents=[common], help="replace a template (checked first)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("channel", choices=CHANNELS)
    p.add_argument("--subject", default="", help="e-mail subject ($placeholders allowed)")
    p.add_argument("--body-file", type=Path, required=True, help="UTF-8 text ($placeholders)")
    p.add_argument("--actor", default="admin", help="who does this (audit log)")
    p.set_defaults(run=lambda a: _set(open_db, a))
    p = tsub.add_parser("reset", parents=[common], help="back to the built-in words")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("channel", choices=CHANNELS)
    p.add_argument("--actor", default="admin", help="who does this (audit log)")
    p.set_defaults(run=lambda a: _reset(open_db(a), a))


def _run_once(db: Database, settings: Settings) -> int:
    try:
        worker = Worker(db, settings)
        if not worker.channels:
            raise AdminError(
                "no channel configured: set HCC_CENTRAL_SMTP_HOST and HCC_CENTRAL_SMTP_FROM, "
                "or HCC_CENTRAL_SMS_URL (docs/notifications.md)"
            )
        done = worker.run_once()
    finally:
        db.dispose()
    print(f"sent {done.sent}, to retry {done.retrying}, failed {done.failed}")
    return 0


def _list(db: Database, a: argparse.Namespace) -> int:
    try:
        with db.read() as s:
            query = (
                select(Notification, Dossier.code)
                .join(Dossier, Dossier.uuid == Notification.dossier_uuid)
                .order_by(Notification.id.desc())
                .limit(max(1, a.limit))
            )
            if a.dossier:
                query = query.where(Dossier.code == a.dossier.strip().upper())
            if a.state:
                query = query.where(Notification.state == a.state)
            rows = s.execute(query).all()
    finally:
        db.dispose()
    for n, code in rows:
        when = _iso(n.sent_at) or f"next {_iso(n.next_attempt_at)}"
        error = f"\t{n.last_error}" if n.last_error and n.state != "sent" else ""
        print(
            f"{n.id}\t{code}\t{n.kind}\t{n.channel}\t{mask(n.channel, n.recipient)}\t"
            f"{n.state}\t{n.attempts}\t{when}{error}"
        )
    return 0


def _iso(value: datetime | None) -> str:
    return value.isoformat(sep=" ", timespec="seconds") if value else ""


def _show(db: Database, a: argparse.Namespace) -> int:
    pairs = [(k, c) for k in KINDS for c in CHANNELS]
    if a.kind:
        pairs = [(a.kind, c) for c in ([a.channel] if a.channel else CHANNELS)]
    try:
        with db.read() as s:
            for kind, channel in pairs:
                row = s.get(NotificationTemplate, (kind, channel))
                words = DEFAULTS[(kind, channel)]
                subject, body = (row.subject, row.body) if row else (words.subject, words.body)
                origin = (
                    f"edited by {row.updated_by} at {_iso(row.updated_at)}" if row else "built-in"
                )
                print(f"== {kind} / {channel} ({origin})")
                if channel == "email":
                    print(f"Subject: {subject}")
                print(body, end="\n\n")
    finally:
        db.dispose()
    if a.kind is None:
        print("placeholders: " + ", ".join(f"${name}" for name in PLACEHOLDERS))
    return 0


def _set(open_db: OpenDb, a: argparse.Namespace) -> int:
    """Checked before the database is opened: a refused template changes nothing."""
    try:
        body = a.body_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AdminError(f"cannot read {a.body_file} as UTF-8 text: {exc}") from None
    try:
        check(a.kind, a.channel, a.subject, body)
    except TemplateError as err:
        raise AdminError(str(err)) from None
    db = open_db(a)
    try:
        with db.write() as s:
            save_template(s, a.kind, a.channel, a.subject, body, actor=a.actor)
    finally:
        db.dispose()
    print(f"template {a.kind}/{a.channel} saved")
    return 0


def _reset(db: Database, a: argparse.Namespace) -> int:
    try:
        with db.write() as s:
            reset_template(s, a.kind, a.channel, actor=a.actor)
    finally:
        db.dispose()
    print(f"template {a.kind}/{a.channel}: built-in words")
    return 0
