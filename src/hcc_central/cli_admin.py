"""``hcc-central admin …`` subcommands: thin wrappers over admin.py / imports.py."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hcc_core.domain.status import DossierStatus

from . import admin
from .cli import iso_datetime, read_password
from .db import Database
from .imports import import_calendar, import_catalogue
from .status_change import parse_status, set_status

Handler = Callable[[Any, argparse.Namespace], Any]


def add_admin_commands(
    parser: argparse.ArgumentParser,
    common: argparse.ArgumentParser,
    open_db: Callable[[argparse.Namespace], Database],
) -> None:
    sub = parser.add_subparsers(required=True, metavar="ACTION")

    def command(name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help)
        p.add_argument("--actor", default="admin", help="who does this (audit log)")
        p.set_defaults(run=lambda args: _run(open_db, handler, args))
        return p

    p = command("create-centre", _create_centre, "create a centre; prints its id")
    p.add_argument("--name", required=True)
    p.add_argument("--governing-body", required=True)
    p.add_argument("--place", required=True, help="place name printed on receipts")
    p.add_argument("--code-slots", type=int, default=10, help="counter slots per unit")
    p.add_argument("--hotline")
    p.add_argument(
        "--lookup-url-base",
        help="public URL of the status page (/tra-cuu) for the QR on printed papers",
    )
    p.add_argument(
        "--level",
        choices=("province", "commune"),
        default="province",
        help="provincial or commune-level centre (two-level government)",
    )

    p = command("set-centre-level", _set_centre_level, "provincial or commune-level centre")
    p.add_argument("--centre", type=int, required=True)
    p.add_argument("--level", choices=("province", "commune"), required=True)

    p = command("add-agency", _add_agency, "add (or rename) an agency of a centre")
    p.add_argument("--centre", type=int, required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--short-name")
    p.add_argument("--unit-code", required=True, help="QCVN 102:2016, e.g. 000.00.51.H57")

    p = command("create-officer", _create_officer, "create an officer account")
    p.add_argument("--username", required=True)
    p.add_argument("--full-name", required=True)
    p.add_argument("--role", choices=admin.ROLES, default="officer")
    p.add_argument("--password", help="default: prompt (or one line of stdin)")
    p.add_argument("--centre", type=int, help="only at this centre (default: every centre)")
    p.add_argument("--agency", help="role agency: the unit code of the officer's agency")

    p = command("set-password", _set_password, "set an officer's password (ends their sessions)")
    p.add_argument("username")
    p.add_argument("--password", help="default: prompt (or one line of stdin)")

    p = command("unlock-officer", _unlock_officer, "clear an officer's login lockout")
    p.add_argument("username")

    p = command("set-totp", _set_totp, "turn an officer's web second factor (TOTP) on or off")
    p.add_argument("username")
    p.add_argument("--off", action="store_true", help="turn it off")

    p = command("enrol-counter", _enrol_counter, "one-time enrolment code for a counter PC")
    p.add_argument("--centre", type=int, required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--slot", type=int, required=True)
    p.add_argument("--valid-hours", type=int, default=72)

    p = command("revoke-device", _revoke_device, "revoke an enrolled desk (token stops working)")
    p.add_argument("device_id")

    p = command("list-devices", _list_devices, "enrolled desks (one per line)")
    p.add_argument("--centre", type=int)

    p = command("import-catalogue", _import_catalogue, "import procedures (JSON or xlsx)")
    p.add_argument("file", type=Path)
    p.add_argument("--centre", type=int, required=True)

    p = command("import-calendar", _import_calendar, "import days off / worked days (JSON)")
    p.add_argument("file", type=Path)

    p = command("set-status", _set_status, "record an agency's status change of a dossier")
    p.add_argument("code")
    p.add_argument("--status", required=True, type=_status)
    p.add_argument("--note")
    p.add_argument("--at", type=iso_datetime, help="default: now")
    p.add_argument("--due-at", type=iso_datetime, help="new appointment, if it changes")
    p.set_defaults(actor="central")


def _status(word: str) -> DossierStatus:
    try:
        return parse_status(word)
    except admin.AdminError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _run(open_db: Callable[[argparse.Namespace], Database], handler: Handler, args: Any) -> int:
    db = open_db(args)
    try:
        with db.write() as s:
            handler(s, args)
    finally:
        db.dispose()
    return 0


def _create_centre(s: Any, a: argparse.Namespace) -> None:
    centre = admin.create_centre(
        s,
        name=a.name,
        governing_body=a.governing_body,
        place_name=a.place,
        code_slots=a.code_slots,
        hotline=a.hotline,
        lookup_url_base=a.lookup_url_base,
        level=a.level,
        actor=a.actor,
    )
    print(centre.id)


def _set_centre_level(s: Any, a: argparse.Namespace) -> None:
    centre = admin.set_centre_level(s, a.centre, a.level, actor=a.actor)
    print(f"centre {centre.id}: {centre.level}")


def _add_agency(s: Any, a: argparse.Namespace) -> None:
    agency = admin.add_agency(
        s, a.centre, name=a.name, unit_code=a.unit_code, short_name=a.short_name, actor=a.actor
    )
    print(agency.uuid)


def _create_officer(s: Any, a: argparse.Namespace) -> None:
    admin.create_officer(
        s,
        username=a.username,
        full_name=a.full_name,
        role=a.role,
        password=read_password(a.password),
        centre_id=a.centre,
        agency_unit_code=a.agency,
        actor=a.actor,
    )
    print(a.username)


def _set_password(s: Any, a: argparse.Namespace) -> None:
    ended = admin.set_password(s, a.username, read_password(a.password), actor=a.actor)
    print(f"password set for {a.username}; {ended} session(s) ended")


def _unlock_officer(s: Any, a: argparse.Namespace) -> None:
    was = admin.unlock_officer(s, a.username, actor=a.actor)
    print(f"unlocked {a.username}" if was else f"{a.username} was not locked")


def _set_totp(s: Any, a: argparse.Namespace) -> None:
    from .web.totp import provisioning_uri

    secret = admin.set_totp(s, a.username, on=not a.off, actor=a.actor)
    if secret is None:
        print(f"second factor off for {a.username}")
        return
    print(f"secret (type it into the authenticator app): {secret}")
    print(provisioning_uri(secret, a.username))


def _enrol_counter(s: Any, a: argparse.Namespace) -> None:
    code, _counter = admin.enrol_counter(
        s, a.centre, name=a.name, slot=a.slot, hours=a.valid_hours, actor=a.actor
    )
    print(code)


def _revoke_device(s: Any, a: argparse.Namespace) -> None:
    admin.revoke_device(s, a.device_id, actor=a.actor)
    print(f"revoked {a.device_id}")


def _list_devices(s: Any, a: argparse.Namespace) -> None:
    for device, counter in admin.list_devices(s, a.centre):
        state = "revoked" if device.revoked else "active"
        print(
            f"{device.id}\tcentre {counter.centre_id}\tslot {counter.slot}\t{state}\t{device.name}"
        )


def _import_catalogue(s: Any, a: argparse.Namespace) -> None:
    summary = import_catalogue(s, a.centre, a.file, actor=a.actor)
    print(json.dumps(summary.__dict__))


def _import_calendar(s: Any, a: argparse.Namespace) -> None:
    print(f"{import_calendar(s, a.file, actor=a.actor)} days changed")


def _set_status(s: Any, a: argparse.Namespace) -> None:
    payload = set_status(s, a.code, a.status, note=a.note, actor=a.actor, at=a.at, due_at=a.due_at)
    print(json.dumps(payload, ensure_ascii=False))
