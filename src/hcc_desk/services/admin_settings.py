"""The desk's settings as the admin screen edits them: printer, paper, idle lock, language, the
scanner profile and the signing token (docs/digitising.md, "Signing from the desk's screens"). Checked, admin-only, and audited with what changed (old → new)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.admin_officers import check_admin
from hcc_desk.services.errors import FieldError, FieldErrors
from hcc_desk.services.settings import (
    IDLE_LOCK_MINUTES,
    IDLE_MAX_MINUTES,
    LANGUAGE,
    PAPER,
    PRINTER,
    SCAN_PROFILE,
    SIGNING_KEY_LABEL,
    SIGNING_PKCS11_LIB,
    SIGNING_SLOT_LABEL,
    SIGNING_TIMESTAMP_URL,
    Invalid,
    Setting,
    SettingsService,
    admin_fields,
)

RESOLUTIONS = (75, 100, 150, 200, 300, 400, 600)
IDLE_RANGE = (1, IDLE_MAX_MINUTES)  # the admin tab offers whole minutes


@dataclass(frozen=True)
class ScanSettings:
    device: str = ""  # "": no profile (the officer picks the scanner at the first scan)
    source: str = str(Source.FLATBED)
    resolution: int = 300
    mode: str = str(ColourMode.GRAY)


@dataclass(frozen=True)
class SigningSettings:
    """ "" is unset: no library (signing not set up), the only token, the first signing key,
    no timestamp server."""

    pkcs11_lib: str = ""
    slot_label: str = ""
    key_label: str = ""
    timestamp_url: str = ""


# SigningSettings' field -> its declared setting.
SIGNING_FIELDS: dict[str, Setting[Any]] = {
    "pkcs11_lib": SIGNING_PKCS11_LIB,
    "slot_label": SIGNING_SLOT_LABEL,
    "key_label": SIGNING_KEY_LABEL,
    "timestamp_url": SIGNING_TIMESTAMP_URL,
}


@dataclass(frozen=True)
class DeskSettings:
    printer: str | None = PRINTER.default  # None: the system's default printer
    paper: str = PAPER.default
    idle_lock_minutes: int = int(IDLE_LOCK_MINUTES.default)
    language: str = LANGUAGE.default
    scan: ScanSettings = field(default_factory=ScanSettings)
    signing: SigningSettings = field(default_factory=SigningSettings)


# The admin tab's fields, each a declared setting (its check and default live there).
FIELDS: dict[str, Setting[Any]] = {s.key: s for s in admin_fields()}


def problems(new: DeskSettings) -> list[FieldError]:
    out: list[FieldError] = []
    for name, setting in FIELDS.items():
        try:
            setting.check(getattr(new, name))
        except Invalid as why:
            msg_id, params = setting.refusal(why)
            out.append(FieldError(name, msg_id, **params))
    scan = new.scan
    if scan.device:
        if scan.source not in {str(s) for s in Source}:
            out.append(FieldError("scan.source", "settings.scan_source"))
        if scan.mode not in {str(m) for m in ColourMode}:
            out.append(FieldError("scan.mode", "settings.scan_mode"))
        if scan.resolution not in RESOLUTIONS:
            out.append(FieldError("scan.resolution", "settings.scan_resolution"))
    for name, setting in SIGNING_FIELDS.items():
        try:
            setting.check(getattr(new.signing, name).strip() or None)
        except Invalid as why:
            msg_id, params = setting.refusal(why)
            out.append(FieldError(f"signing.{name}", msg_id, **params))
    return out


class AdminSettings:
    def __init__(self, store: Sessions, settings: SettingsService):
        self._store, self._settings = store, settings

    def read(self, actor: str) -> DeskSettings:
        check_admin(self._store, actor, "settings.read")
        return _read(self._settings)

    def save(self, actor: str, new: DeskSettings) -> dict[str, list[Any]]:
        """Write what changed; returns it ({key: [old, new]}), as audited. Nothing on errors.
        Through the settings service, so whoever follows a setting hears of the change."""
        check_admin(self._store, actor, "settings.change")
        found = problems(new)
        if found:
            raise FieldErrors(found)
        old = _values(_read(self._settings))
        changed = {k: [old[k], v] for k, v in _values(new).items() if old[k] != v}
        if changed:

            def audit(s: Session) -> None:
                add_audit(s, actor, "settings.changed", "setting", None, {"changed": changed})

            self._settings.save({k: v for k, (_old, v) in changed.items()}, also=audit)
        return changed


def _read(settings: SettingsService) -> DeskSettings:
    scan = ScanSettings()
    data = settings.get(SCAN_PROFILE)
    idle_minutes: float = settings.get(IDLE_LOCK_MINUTES)
    if data:
        p = ScanProfile.from_dict(data)  # checked when stored (services/settings.py)
        scan = ScanSettings(p.device, str(p.source), p.resolution, str(p.mode))
    return DeskSettings(
        printer=settings.get(PRINTER),
        paper=settings.get(PAPER),
        idle_lock_minutes=max(1, round(idle_minutes)),
        language=settings.get(LANGUAGE),
        scan=scan,
        signing=SigningSettings(
            **{name: _unset_is_blank(settings.get(s)) for name, s in SIGNING_FIELDS.items()}
        ),
    )


def _values(d: DeskSettings) -> dict[str, Any]:
    return {
        "printer": d.printer,
        "paper": d.paper,
        "idle_lock_minutes": d.idle_lock_minutes,
        "language": d.language,
        SCAN_PROFILE.key: _profile_dict(d.scan),
        **{s.key: getattr(d.signing, n).strip() or None for n, s in SIGNING_FIELDS.items()},
    }


def _unset_is_blank(value: str | None) -> str:
    """The page's fields show an unset value (None) as an empty field."""
    return "" if value is None else value


def _profile_dict(scan: ScanSettings) -> dict[str, Any] | None:
    if not scan.device:
        return None
    return ScanProfile(
        scan.device, Source(scan.source), scan.resolution, ColourMode(scan.mode)
    ).to_dict()
