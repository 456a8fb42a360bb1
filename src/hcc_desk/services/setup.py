"""First run of a counter PC (centre, agencies, this counter, first admin) and the demo centre."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hcc_core.catalogue import default_catalogue_path
from hcc_core.domain.dossier_code import DEMO_FIRST, DEMO_SLOT, validate_unit_code
from hcc_core.domain.errors import DomainError
from hcc_core.domain.text import clean_text, fold
from hcc_core.i18n import msg
from hcc_desk.core.store.catalogue_import import import_catalogue
from hcc_desk.core.store.models import Agency, Centre, Counter, Officer
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories.lookups import the_centre, this_counter
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.auth import hash_password, password_problems
from hcc_desk.services.errors import FieldError, SetupRejected, UserError

DEMO_USER, DEMO_PASSWORD = "demo", "demo"


@dataclass
class AgencyInput:
    name: str
    short_name: str
    unit_code: str


@dataclass
class SetupInput:
    centre_name: str = ""
    governing_body: str = ""
    place_name: str = ""
    hotline: str = ""
    agencies: list[AgencyInput] = field(default_factory=list)
    counter_name: str = ""
    counter_slot: int = 1
    admin_username: str = ""
    admin_full_name: str = ""
    admin_password: str = ""
    admin_password_confirm: str | None = None
    code_slots: int = 20
    # Government level of the centre (two-level government since 1/7/2025): "province" or
    # "commune"; the desk offers the procedures of that level.
    level: str = "province"


CENTRE_LEVELS = ("province", "commune")


def seed_agencies() -> list[AgencyInput]:
    """The agencies of the bundled catalogue, to pre-fill the setup wizard (codes are demo)."""
    data = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    return [
        AgencyInput(a["name"], a.get("short_name") or "", a["unit_code"]) for a in data["agencies"]
    ]


def demo_input() -> SetupInput:
    return SetupInput(
        centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ",
        governing_body="UBND THÀNH PHỐ HUẾ",
        place_name="Huế",
        hotline="0234 3 822 822",
        # The reserved demo slot: its codes (NNNN 9900–9999) are never a real counter's.
        agencies=seed_agencies(),
        counter_name="Quầy demo",
        counter_slot=DEMO_SLOT,
        admin_username=DEMO_USER,
        admin_full_name="Cán bộ Demo",
        admin_password=DEMO_PASSWORD,
    )


@dataclass(frozen=True)
class DeskIdentity:
    centre_name: str
    counter_name: str
    counter_slot: int | None


class SetupService:
    def __init__(self, store: Sessions):
        self._store = store

    def identity(self) -> DeskIdentity:
        """Names for the window chrome: the centre and this counter."""
        with self._store.session() as s:
            centre, counter = the_centre(s), this_counter(s)
            return DeskIdentity(
                centre.name if centre else "",
                counter.name if counter else "",
                counter.slot if counter else None,
            )

    def is_set_up(self) -> bool:
        with self._store.session() as s:
            return this_counter(s) is not None

    def validate(self, data: SetupInput) -> list[FieldError]:
        return _problems(data)

    def first_run(self, data: SetupInput) -> None:
        errors = _problems(data)
        if errors:
            raise SetupRejected(errors)
        self._create(data)

    def create_demo(self) -> bool:
        """Set up the demo centre; False when this profile is already set up."""
        if self.is_set_up():
            return False
        self._create(demo_input())
        return True

    def _create(self, data: SetupInput) -> None:
        with self._store.write() as s:
            if this_counter(s) is not None:
                raise UserError("setup.counter_already_set_up")
            s.add(
                Centre(
                    name=data.centre_name.strip(),
                    governing_body=data.governing_body.strip(),
                    place_name=data.place_name.strip(),
                    hotline=data.hotline.strip() or None,
                    code_slots=data.code_slots,
                    level=data.level,
                )
            )
            for a in data.agencies:
                s.add(
                    Agency(
                        name=a.name.strip(),
                        short_name=a.short_name.strip() or None,
                        unit_code=a.unit_code.strip(),
                    )
                )
            s.add(
                Counter(name=data.counter_name.strip(), slot=data.counter_slot, is_this_device=True)
            )
            admin = Officer(
                username=data.admin_username.strip(),
                full_name=data.admin_full_name.strip(),
                password_hash=hash_password(data.admin_password),
                role="admin",
            )
            s.add(admin)
            s.flush()
            with tempfile.TemporaryDirectory() as tmp:
                report = import_catalogue(s, _catalogue_for(data.agencies, Path(tmp)))
            if not report.ok:
                raise UserError("setup.catalogue_not_loaded", errors="; ".join(report.errors))
            add_audit(
                s,
                admin.username,
                "setup.first_run",
                "centre",
                None,
                {"agencies": len(data.agencies), "procedures": report.added},
            )


def _catalogue_for(agencies: list[AgencyInput], tmp: Path) -> Path:
    """The bundled catalogue cut down to the agencies this centre set up (their codes win)."""
    data = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    chosen = {fold(a.name) for a in agencies}
    data["agencies"] = [a for a in data["agencies"] if fold(a["name"]) in chosen]
    data["procedures"] = [p for p in data["procedures"] if fold(p["agency"]) in chosen]
    path = tmp / "catalogue.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _problems(data: SetupInput) -> list[FieldError]:
    errors: list[FieldError] = []

    def need(field_name: str, value: str, label: str, max_len: int = 200) -> None:
        try:
            if not clean_text(value, max_len, field_name.rsplit(".", 1)[-1]):
                errors.append(FieldError(field_name, "input.required", label=msg(label)))
        except DomainError as exc:
            errors.append(FieldError.of(field_name, exc))

    need("centre_name", data.centre_name, "setup.centre_name")
    need("governing_body", data.governing_body, "setup.governing_body")
    need("place_name", data.place_name, "setup.place_name", 100)
    need("counter_name", data.counter_name, "setup.counter_name", 100)
    need("admin_full_name", data.admin_full_name, "setup.admin_s_full_name")
    if not data.admin_username.strip().isidentifier() or len(data.admin_username) > 64:
        errors.append(
            FieldError(
                "admin_username",
                "setup.user_name_unaccented_letters",
            )
        )
    errors += password_problems(data.admin_password, data.admin_password_confirm, "admin_password")
    if not 1 <= data.code_slots < DEMO_FIRST:
        errors.append(FieldError("code_slots", "setup.code_slots_must", value=DEMO_FIRST - 1))
    if data.counter_slot == DEMO_SLOT:
        errors.append(
            FieldError("counter_slot", "setup.slot_reserved_demo_desk", DEMO_SLOT=DEMO_SLOT)
        )
    elif not 1 <= data.counter_slot <= data.code_slots:
        errors.append(
            FieldError("counter_slot", "setup.counter_slot_must_ask", code_slots=data.code_slots)
        )
    if data.level not in CENTRE_LEVELS:
        errors.append(
            FieldError(
                "level",
                "setup.centre_s_level_must",
            )
        )
    if not data.agencies:
        errors.append(FieldError("agencies", "setup.add_at_least_one"))
    seen_codes: set[str] = set()
    seen_names: set[str] = set()
    for i, a in enumerate(data.agencies):
        need(f"agencies[{i}].name", a.name, "setup.agency_name")
        try:
            validate_unit_code(a.unit_code.strip())
        except DomainError as exc:
            errors.append(FieldError.of(f"agencies[{i}].unit_code", exc))
        if a.unit_code.strip() in seen_codes:
            errors.append(FieldError(f"agencies[{i}].unit_code", "setup.duplicate_unit_code"))
        if fold(a.name) in seen_names:
            errors.append(FieldError(f"agencies[{i}].name", "setup.duplicate_agency_name"))
        seen_codes.add(a.unit_code.strip())
        seen_names.add(fold(a.name))
    return errors
