"""Administration: centres, agencies, officers, counters and devices (used by the CLI).

Every function works inside the caller's transaction and raises AdminError with a message an
administrator can act on.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.domain.dossier_code import DEMO_FIRST, validate_unit_code
from hcc_core.domain.errors import DomainError
from hcc_core.wire.protocol import AgencyWire, CentreWire, CounterWire

from .changes import audit, emit
from .models import Agency, Centre, Counter, Device, EnrolmentCode, Officer
from .security import (
    hash_password,
    new_enrolment_code,
    normalise_code,
    normalise_username,
    password_problem,
    sha256_hex,
)

# "agency": an officer of one agency, working in the web back office (web/agency.py).
ROLES = ("admin", "supervisor", "officer", "agency")
W = TypeVar("W", bound=BaseModel)


class AdminError(Exception):
    pass


def create_centre(
    s: Session,
    *,
    name: str,
    governing_body: str,
    place_name: str,
    code_slots: int,
    hotline: str | None = None,
    lookup_url_base: str | None = None,
    level: str = "province",
    actor: str = "admin",
) -> Centre:
    wire = _wire(
        CentreWire,
        name=name,
        governing_body=governing_body,
        place_name=place_name,
        code_slots=code_slots,
        hotline=hotline,
        lookup_url_base=lookup_url_base,
        level=level,
    )
    if code_slots >= DEMO_FIRST:  # the numbers from DEMO_FIRST on are the demo desk's
        raise AdminError(f"code slots must be below {DEMO_FIRST}")
    centre = Centre(**wire.model_dump())
    s.add(centre)
    s.flush()
    audit(s, actor, "centre.create", centre_id=centre.id, name=name)
    return centre


def set_centre_level(s: Session, centre_id: int, level: str, actor: str = "admin") -> Centre:
    """Provincial or commune-level centre; a desk takes it at its next enrolment (the setup
    wizard sets it on a desk set up by hand)."""
    centre = get_centre(s, centre_id)
    if level not in ("province", "commune"):
        raise AdminError(f"level must be province or commune, not {level!r}")
    old, centre.level = centre.level, level
    audit(s, actor, "centre.level", centre_id=centre.id, old=old, new=level)
    return centre


def add_agency(
    s: Session,
    centre_id: int,
    *,
    name: str,
    unit_code: str,
    short_name: str | None = None,
    actor: str = "admin",
) -> Agency:
    """Add, or rename the agency with this unit code; desks learn it by ``agency.upsert``."""
    centre = get_centre(s, centre_id)
    try:
        unit_code = validate_unit_code(unit_code)
    except DomainError as err:
        raise AdminError(f"unit code {unit_code!r}: {err.text('en')}") from None
    wire = _wire(AgencyWire, name=name, short_name=short_name, unit_code=unit_code)
    agency = s.scalar(select(Agency).where(Agency.unit_code == unit_code))
    if agency is not None and agency.centre_id != centre.id:
        # One code, two centres: both would mint the same dossier codes (a real dossier then
        # parked as a collision). The database refuses it too (uq_agency_unit_code).
        raise AdminError(
            f"unit code {unit_code} is already used by centre {agency.centre_id} "
            f"({agency.name}): a unit code names one agency"
        )
    if agency is None:
        agency = Agency(uuid=str(uuid.uuid4()), centre_id=centre.id, unit_code=unit_code)
        s.add(agency)
    agency.name, agency.short_name = wire.name, wire.short_name
    s.flush()
    emit(s, centre.id, "agency.upsert", agency.uuid, wire.model_dump())
    audit(s, actor, "agency.upsert", centre_id=centre.id, unit_code=unit_code, name=name)
    return agency


def create_officer(
    s: Session,
    *,
    username: str,
    full_name: str,
    role: str,
    password: str,
    centre_id: int | None = None,
    agency_unit_code: str | None = None,
    actor: str = "admin",
) -> Officer:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    username = _username(username)
    if centre_id is not None:
        get_centre(s, centre_id)
    agency_id = _officer_agency(s, role, centre_id, agency_unit_code)
    if s.scalar(select(Officer.id).where(Officer.username == username)) is not None:
        raise AdminError(f"officer {username!r} already exists")
    problem = password_problem(username, role, password)
    if problem is not None:
        raise AdminError(problem)
    officer = Officer(
        username=username,
        full_name=full_name,
        role=role,
        password_hash=hash_password(password),
        centre_id=centre_id,
        agency_id=agency_id,
        active=True,
    )
    s.add(officer)
    audit(s, actor, "officer.create", username=username, role=role, centre_id=centre_id)
    return officer


def _officer_agency(
    s: Session, role: str, centre_id: int | None, unit_code: str | None
) -> int | None:
    """An agency officer belongs to exactly one agency of one centre; no other role has one."""
    if role != "agency":
        if unit_code:
            raise AdminError("only an officer of role agency belongs to an agency")
        return None
    if centre_id is None or not unit_code:
        raise AdminError("an agency officer needs --centre and --agency (the agency's unit code)")
    agency = s.scalar(
        select(Agency).where(Agency.centre_id == centre_id, Agency.unit_code == unit_code.strip())
    )
    if agency is None:
        raise AdminError(f"centre {centre_id} has no agency with unit code {unit_code!r}")
    return agency.id


def set_password(s: Session, username: str, password: str, *, actor: str = "admin") -> int:
    """A new password (held to the policy): the officer's sessions end and a lockout is
    cleared. Returns how many sessions ended."""
    from .guard import clear_failures, end_sessions_of

    name = _username(username)
    officer = s.scalar(select(Officer).where(Officer.username == name))
    if officer is None:
        raise AdminError(f"no officer {name!r}")
    problem = password_problem(name, officer.role, password)
    if problem is not None:
        raise AdminError(problem)
    officer.password_hash = hash_password(password)
    ended = end_sessions_of(s, officer.id, datetime.now())
    clear_failures(s, name)
    audit(s, actor, "officer.password_set", username=name, sessions_ended=ended)
    return ended


def unlock_officer(s: Session, username: str, *, actor: str = "admin") -> bool:
    """Clear a login lockout (and the failures counted so far); False if there was none."""
    from .guard import clear_failures

    name = _username(username)
    cleared = clear_failures(s, name)
    audit(s, actor, "officer.unlock", username=name, was_locked=cleared)
    return cleared


def set_totp(s: Session, username: str, *, on: bool, actor: str = "admin") -> str | None:
    """Turn the web login's second factor on (a new secret, returned once to give the officer)
    or off. Either way the officer's sessions end."""
    from .guard import end_sessions_of
    from .web.totp import new_secret

    name = _username(username)
    officer = s.scalar(select(Officer).where(Officer.username == name))
    if officer is None:
        raise AdminError(f"no officer {name!r}")
    officer.totp_secret = new_secret() if on else None
    end_sessions_of(s, officer.id, datetime.now())
    audit(s, actor, "officer.totp_set" if on else "officer.totp_off", username=name)
    return officer.totp_secret


def _username(raw: str) -> str:
    try:
        return normalise_username(raw)
    except ValueError as err:
        raise AdminError(str(err)) from None


def enrol_counter(
    s: Session, centre_id: int, *, name: str, slot: int, hours: int = 72, actor: str = "admin"
) -> tuple[str, Counter]:
    """A one-time enrolment code for the counter on ``slot`` (plain text returned once only)."""
    centre = get_centre(s, centre_id)
    if not 1 <= slot <= centre.code_slots:
        raise AdminError(f"slot must be 1–{centre.code_slots} (the centre's code slots)")
    counter = s.scalar(select(Counter).where(Counter.centre_id == centre.id, Counter.slot == slot))
    if counter is None:
        counter = Counter(centre_id=centre.id, slot=slot, name=name)
        s.add(counter)
        s.flush()
    counter.name = _wire(CounterWire, name=name, slot=slot).name
    holder = s.scalar(
        select(Device.id).where(Device.counter_id == counter.id, Device.revoked.is_(False))
    )
    if holder is not None:
        raise AdminError(f"slot {slot} is held by device {holder}: revoke-device it first")
    code = new_enrolment_code()
    now = datetime.now()
    s.add(
        EnrolmentCode(
            code_sha256=sha256_hex(normalise_code(code)),
            counter_id=counter.id,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    audit(s, actor, "counter.enrol_code", centre_id=centre.id, slot=slot, hours=hours)
    return code, counter


def revoke_device(s: Session, device_id: str, *, actor: str = "admin") -> Device:
    device = s.get(Device, device_id)
    if device is None:
        raise AdminError(f"no device {device_id}")
    if not device.revoked:
        device.revoked, device.revoked_at = True, datetime.now()
        audit(s, actor, "device.revoke", device_id=device_id)
    return device


def list_devices(s: Session, centre_id: int | None = None) -> list[tuple[Device, Counter]]:
    stmt = select(Device, Counter).join(Counter, Counter.id == Device.counter_id)
    if centre_id is not None:
        stmt = stmt.where(Counter.centre_id == centre_id)
    return [(d, c) for d, c in s.execute(stmt.order_by(Counter.centre_id, Counter.slot))]


def get_centre(s: Session, centre_id: int) -> Centre:
    centre = s.get(Centre, centre_id)
    if centre is None:
        raise AdminError(f"no centre {centre_id}")
    return centre


def _wire(model: type[W], **fields: object) -> W:
    """Validate with the wire model, so central never stores what a desk could not read."""
    try:
        return model.model_validate(fields)
    except ValidationError as err:
        first = err.errors()[0]
        raise AdminError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
