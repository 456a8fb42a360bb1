"""Enrolling this desk with hcc-central: one-time code → device credential + the desk's identity.

A desk that is not set up yet takes its centre, agencies and counter from central's answer (no
manual setup; officers then log in with their central accounts). A desk already set up must
agree with central on its counter slot, code slots and unit codes — otherwise the codes it
prints could collide with another counter's, so enrolment refuses and says what differs.

Network faults (refused, reset, timeout, 5xx, an answer lost on the way back) are retried with
backoff for a bounded time, under one enrolment key kept in the profile (core/sync/enrol_key):
central then answers every retry, and a rerun after a crash, with the same device.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from hcc_core.domain.dossier_code import DEMO_SLOT
from hcc_core.i18n import Joined, Msg, msg
from hcc_core.wire.protocol import EnrolResponse
from hcc_desk.core.store.catalogue_import import import_catalogue
from hcc_desk.core.store.models import Agency, Centre, Counter
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import enrolment as queries
from hcc_desk.core.store.repositories.lookups import the_centre, this_counter
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync import outbox
from hcc_desk.core.sync.backoff import backoff_delay
from hcc_desk.core.sync.client import (
    CentralClient,
    Insecure,
    SyncError,
    Transient,
    Untrusted,
    tls_context,
)
from hcc_desk.core.sync.credentials import CredentialStore, DeviceCredential
from hcc_desk.core.sync.engine import sync_state
from hcc_desk.core.sync.enrol_key import EnrolKeyStore
from hcc_desk.services.errors import InvalidInput, UserError
from hcc_desk.services.setup import AgencyInput, _catalogue_for


@dataclass(frozen=True)
class EnrolResult:
    device_id: str
    centre_name: str
    counter_name: str
    counter_slot: int
    set_up_now: bool  # the desk's centre/agencies/counter were created from central's answer
    queued: int  # dossiers saved before enrolment, now queued for central


@dataclass
class Retry:
    """How long enrolment keeps trying through network faults; clock and sleep for tests."""

    total_s: float = 120.0
    base_s: float = 1.0
    cap_s: float = 15.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)
    on_retry: Callable[[int, float, str], None] | None = None  # (tries, wait s, why): progress


class EnrolmentService:
    def __init__(
        self,
        store: Sessions,
        credentials: CredentialStore,
        client_factory: Callable[..., CentralClient] = CentralClient,
        retry: Retry | None = None,
    ):
        self._store, self._credentials, self._client_factory = store, credentials, client_factory
        self.retry = retry or Retry()
        self.keys = EnrolKeyStore(credentials.path.with_name("enrolment-key.json"))

    def is_enrolled(self) -> bool:
        return self._credentials.load() is not None

    def enrol(
        self, central_url: str, code: str, device_name: str, ca_pem: str | None = None
    ) -> EnrolResult:
        """``ca_pem``: the centre's own CA, pinned for every later call (docs/security.md)."""
        url = central_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise InvalidInput("enrolment.central_url_http_https", url=repr(url))
        try:
            tls_context(ca_pem)
        except ValueError as exc:
            raise InvalidInput("enrolment.invalid_ca_file", exc=exc) from None
        code = code.strip()
        if not 4 <= len(code) <= 32:  # the wire's bounds (EnrolRequest), said before any request
            raise InvalidInput(
                "enrolment.enrolment_code_must_characters",
            )
        key = self.keys.key_for(url, code)  # on disk before anything is sent
        resp = self._enrol_retrying(url, code, device_name.strip() or "HCC Desk", key, ca_pem)
        with self._store.write() as s:
            set_up_now = self._apply_identity(s, resp)
            state = sync_state(s)
            if state.device_id != resp.device_id:
                state.cursor = 0  # a new device identity reads central's changes from the start
            state.central_url, state.device_id = url, resp.device_id
            state.limits, state.last_error = resp.limits.model_dump(), None
            queued = outbox.backfill(s)
            add_audit(
                s,
                "enrolment",
                "device.enrol",
                "device",
                resp.device_id,
                {"central": url, "slot": resp.counter.slot, "queued": queued},
            )
        self._credentials.save(DeviceCredential(url, resp.device_id, resp.device_token, ca_pem))
        self.keys.clear()
        return EnrolResult(
            resp.device_id,
            resp.centre.name,
            resp.counter.name,
            resp.counter.slot,
            set_up_now,
            queued,
        )

    def _enrol_retrying(
        self, url: str, code: str, name: str, key: str, ca_pem: str | None
    ) -> EnrolResponse:
        r = self.retry
        deadline, attempts = r.clock() + r.total_s, 0
        while True:
            client = self._client_factory(url, ca_pem=ca_pem)  # a fresh connection each try
            try:
                return client.enrol(code, name, key)
            except (Insecure, Untrusted) as exc:  # no retry makes plain http or a bad cert safe
                raise InvalidInput("enrolment.enrol", message=exc.message) from exc
            except Transient as exc:
                attempts += 1
                wait = exc.retry_after or backoff_delay(attempts, r.rng, r.base_s, r.cap_s)
                if r.clock() + wait > deadline:
                    raise UserError(
                        "enrolment.reach_central_after_tries",
                        attempts=attempts,
                        message=exc.message,
                    ) from exc
                if r.on_retry is not None:
                    r.on_retry(attempts, wait, exc.message)
            except SyncError as exc:
                raise InvalidInput(
                    "enrolment.central_refused_enrolment_code", message=exc.message
                ) from exc
            finally:
                client.close()
            r.sleep(wait)

    def _apply_identity(self, s: Session, resp: EnrolResponse) -> bool:
        counter = this_counter(s)
        if counter is not None:
            _adopt_central_slot(s, counter, resp)
            _check_agreement(s, counter, resp)
            centre = the_centre(s)
            if centre is not None:  # central's centre record decides the level
                centre.level = resp.centre.level or "province"
            _add_new_agencies(s, resp)
            return False
        c = resp.centre
        centre = the_centre(s) or Centre()
        centre.name, centre.governing_body, centre.place_name = (
            c.name,
            c.governing_body,
            c.place_name,
        )
        centre.hotline, centre.lookup_url_base, centre.code_slots = (
            c.hotline,
            c.lookup_url_base,
            c.code_slots,
        )
        centre.level = c.level or "province"  # central's record decides (None: provincial)
        s.add(centre)
        _add_new_agencies(s, resp)
        slot_row = queries.counter_in_slot(s, resp.counter.slot)
        row = slot_row or Counter(slot=resp.counter.slot)
        row.name, row.is_this_device = resp.counter.name, True
        s.add(row)
        s.flush()
        agencies = [AgencyInput(a.name, a.short_name or "", a.unit_code) for a in resp.agencies]
        with tempfile.TemporaryDirectory(prefix="hcc-enrol-") as tmp:
            report = import_catalogue(s, _catalogue_for(agencies, Path(tmp)))
        if not report.ok:  # central's procedure.upsert changes will fill the catalogue instead
            add_audit(
                s,
                "enrolment",
                "catalogue.seed_failed",
                None,
                None,
                {"errors": list(report.errors[:5])},
            )
        return True


def _add_new_agencies(s: Session, resp: EnrolResponse) -> None:
    known = queries.agency_unit_codes(s)
    for a in resp.agencies:
        if a.unit_code not in known:
            s.add(Agency(name=a.name, short_name=a.short_name, unit_code=a.unit_code))
    s.flush()


def _adopt_central_slot(s: Session, counter: Counter, resp: EnrolResponse) -> None:
    """Enrolment sets the slot from central (docs/dossier-code.md): a desk set up offline takes
    central's slot and slot count when no code it printed can clash with them, i.e. it has
    printed none, or it is the demo desk (its numbers are a block no real counter uses)."""
    if counter.slot == resp.counter.slot:
        return
    printed = queries.dossiers_of_counter(s, counter.id)
    if printed and counter.slot != DEMO_SLOT:
        return  # _check_agreement refuses: its codes were printed under another slot
    holder = queries.counter_in_slot(s, resp.counter.slot)
    if holder is not None and holder.id != counter.id:
        return
    add_audit(
        s,
        "enrolment",
        "counter.slot_from_central",
        "counter",
        None,
        {"from": counter.slot, "to": resp.counter.slot, "printed": printed},
    )
    counter.slot = resp.counter.slot
    centre = the_centre(s)
    if centre is not None:
        centre.code_slots = resp.centre.code_slots
    s.flush()


def _check_agreement(s: Session, counter: Counter, resp: EnrolResponse) -> None:
    problems: list[Msg] = []
    if counter.slot != resp.counter.slot:
        problems.append(msg("enrolment.slot_differs", here=counter.slot, there=resp.counter.slot))
    centre = the_centre(s)
    if centre is not None and centre.code_slots != resp.centre.code_slots:
        problems.append(
            msg("enrolment.code_slots_differ", here=centre.code_slots, there=resp.centre.code_slots)
        )
    central_units = {a.unit_code for a in resp.agencies}
    used = queries.unit_codes_with_dossiers(s)
    unknown = sorted(used - central_units)
    if unknown:
        problems.append(msg("enrolment.unit_codes_unknown", codes=", ".join(unknown)))
    if problems:
        raise UserError("enrolment.disagrees", problems=Joined(tuple(problems)))
