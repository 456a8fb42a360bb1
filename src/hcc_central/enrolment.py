"""Enrolling a desk exactly once (docs/security.md#enrolment).

The first use of a one-time code creates the device and keeps SHA-256 of the desk's enrolment
key with the code. A retry with the same code and key (its answer was lost on the network, or
the desk crashed before saving it) gets the same device and token back, until the code expires
or RETRY_GRACE after its use, whichever is later. Anyone else presenting the code is refused.
Every refusal is audited; the caller commits it and then answers with the refusal's status.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.wire.protocol import (
    AgencyWire,
    CentreWire,
    CounterWire,
    EnrolRequest,
    EnrolResponse,
    Limits,
)

from .changes import audit
from .enrol_seal import open_token, seal_token
from .models import Agency, Centre, Counter, Device, EnrolmentCode
from .security import new_device_token, normalise_code, same, sha256_hex

log = logging.getLogger(__name__)

RETRY_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class Refusal:
    status: int
    detail: str


def enrol_device(
    s: Session, body: EnrolRequest, limits: Limits, *, remote: str, now: datetime
) -> EnrolResponse | Refusal:
    code_hash = sha256_hex(normalise_code(body.code))
    # FOR UPDATE: two desks racing with one code on PostgreSQL → the second sees it used.
    code = s.get(EnrolmentCode, code_hash, with_for_update=True)

    def refuse(status: int, reason: str, detail: str, **more: Any) -> Refusal:
        log.info("enrolment from %s refused: %s", remote, reason)
        # The code's hash only: the audit log must not hand out a code still usable.
        audit(
            s,
            f"enrol:{remote}",
            "device.enrol_refused",
            reason=reason,
            code_sha256=code_hash[:16],
            **more,
        )
        return Refusal(status, detail)

    if code is None:
        return refuse(401, "unknown code", "unknown enrolment code")
    if code.used_at is not None:
        return _retry(s, code, body, limits, now, refuse)
    if code.expires_at <= now:
        return refuse(410, "expired", "this enrolment code has expired: ask for a new one")
    # Locked too: two codes for one slot used at once must not give it two devices.
    counter = s.get_one(Counter, code.counter_id, with_for_update=True)
    holder = s.scalar(
        select(Device.id).where(Device.counter_id == counter.id, Device.revoked.is_(False))
    )
    if holder is not None:  # two PCs on one slot would print the same codes
        return refuse(
            409,
            "slot held",
            f"slot {counter.slot} is held by device {holder}: revoke it",
            counter_id=counter.id,
            holder=holder,
        )
    token = new_device_token()
    device = Device(
        id=str(uuid.uuid4()),
        counter_id=counter.id,
        name=body.device_name,
        token_sha256=sha256_hex(token),
        revoked=False,
        enrolled_at=now,
    )
    s.add(device)
    code.used_at, code.device_id = now, device.id
    code.key_sha256 = sha256_hex(body.key)
    code.token_sealed = seal_token(body.key, device.id, token)
    audit(s, f"device:{device.id}", "device.enrol", counter_id=counter.id, name=body.device_name)
    log.info("device %s enrolled on counter slot %s from %s", device.id, counter.slot, remote)
    return _answer(s, device, token, limits)


def _retry(
    s: Session,
    code: EnrolmentCode,
    body: EnrolRequest,
    limits: Limits,
    now: datetime,
    refuse: Callable[..., Refusal],
) -> EnrolResponse | Refusal:
    """A used code: the same desk retrying gets its device again; anyone else is refused."""
    # Compared as hashes, in constant time: guessing keys teaches nothing about the real one.
    if code.key_sha256 is None or not same(code.key_sha256, sha256_hex(body.key)):
        return refuse(
            409,
            "code used, other key",
            "this enrolment code was already used by another enrolment: ask for a new one",
            device_id=code.device_id,
        )
    assert code.used_at is not None  # the caller sends only used codes here
    if now > max(code.expires_at, code.used_at + RETRY_GRACE):
        code.token_sealed = None  # nothing left to retry: drop the sealed token
        return refuse(
            410,
            "retry too late",
            "this enrolment code was already used and its "
            "retry window has closed: ask for a new one",
            device_id=code.device_id,
        )
    device = s.get(Device, code.device_id) if code.device_id else None
    token = (
        open_token(body.key, device.id, code.token_sealed)
        if (device is not None and code.token_sealed)
        else None
    )
    if device is None or device.revoked or token is None:
        return refuse(
            410,
            "device revoked",
            "the device this code enrolled was revoked: ask for a new code",
            device_id=code.device_id,
        )
    audit(s, f"device:{device.id}", "device.enrol_retry", counter_id=device.counter_id)
    return _answer(s, device, token, limits)


def _answer(s: Session, device: Device, token: str, limits: Limits) -> EnrolResponse:
    counter = s.get_one(Counter, device.counter_id)
    centre = s.get_one(Centre, counter.centre_id)
    agencies = s.scalars(select(Agency).where(Agency.centre_id == centre.id).order_by(Agency.id))
    return EnrolResponse(
        device_id=device.id,
        device_token=token,
        centre=CentreWire(
            name=centre.name,
            governing_body=centre.governing_body,
            place_name=centre.place_name,
            hotline=centre.hotline,
            lookup_url_base=centre.lookup_url_base,
            code_slots=centre.code_slots,
            level="commune" if centre.level == "commune" else None,  # old desks: no field
        ),
        counter=CounterWire(name=counter.name, slot=counter.slot),
        agencies=[
            AgencyWire(name=a.name, short_name=a.short_name, unit_code=a.unit_code)
            for a in agencies
        ],
        limits=limits,
    )
