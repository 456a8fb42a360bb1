"""The desk's settings as the admin screen edits them: printer, paper, idle lock, language and
the scanner profile. Checked, admin-only, and audited with what changed (old → new)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.store.repositories import add_audit, get_setting, set_setting
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.admin_officers import check_admin
from hcc_desk.services.capture import PROFILE_SETTING
from hcc_desk.services.errors import FieldError, FieldErrors
from hcc_desk.services.settings import DEFAULTS

PAPERS = ("A4", "A5")
LANGUAGES = ("vi", "en")
IDLE_RANGE = (1, 120)  # minutes: a counter left open for hours is the risk the lock answers
RESOLUTIONS = (75, 100, 150, 200, 300, 400, 600)


@dataclass(frozen=True)
class ScanSettings:
    device: str = ""  # "": no profile (the officer picks the scanner at the first scan)
    source: str = str(Source.FLATBED)
    resolution: int = 300
    mode: str = str(ColourMode.GRAY)


@dataclass(frozen=True)
class DeskSettings:
    printer: str | None = None  # None: the system's default printer
    paper: str = "A4"
    idle_lock_minutes: int = 10
    language: str = "vi"
    scan: ScanSettings = field(default_factory=ScanSettings)


def problems(new: DeskSettings) -> list[FieldError]:
    out = []
    if new.paper not in PAPERS:
        out.append(FieldError("paper", "Khổ giấy phải là A4 hoặc A5", "Paper must be A4 or A5"))
    lo, hi = IDLE_RANGE
    if not isinstance(new.idle_lock_minutes, int) or not lo <= new.idle_lock_minutes <= hi:
        out.append(
            FieldError(
                "idle_lock_minutes",
                f"Thời gian tự khoá phải từ {lo} đến {hi} phút",
                f"The idle lock must be {lo} to {hi} minutes",
            )
        )
    if new.language not in LANGUAGES:
        out.append(
            FieldError(
                "language",
                "Ngôn ngữ phải là tiếng Việt hoặc tiếng Anh",
                "The language must be Vietnamese or English",
            )
        )
    if new.printer is not None and (not new.printer.strip() or len(new.printer) > 200):
        out.append(FieldError("printer", "Tên máy in không hợp lệ", "Invalid printer name"))
    scan = new.scan
    if scan.device:
        if scan.source not in {str(s) for s in Source}:
            out.append(FieldError("scan.source", "Nguồn giấy không hợp lệ", "Unknown source"))
        if scan.mode not in {str(m) for m in ColourMode}:
            out.append(FieldError("scan.mode", "Chế độ màu không hợp lệ", "Unknown colour mode"))
        if scan.resolution not in RESOLUTIONS:
            out.append(
                FieldError("scan.resolution", "Độ phân giải không hợp lệ", "Unsupported resolution")
            )
    return out


class AdminSettings:
    def __init__(self, store: Sessions):
        self._store = store

    def read(self, actor: str) -> DeskSettings:
        check_admin(self._store, actor, "settings.read")
        with self._store.session() as s:
            return _read(s)

    def save(self, actor: str, new: DeskSettings) -> dict[str, list]:
        """Write what changed; returns it ({key: [old, new]}), as audited. Nothing on errors."""
        check_admin(self._store, actor, "settings.change")
        found = problems(new)
        if found:
            raise FieldErrors(found)
        with self._store.write() as s:
            old = _values(_read(s))
            changed = {k: [old[k], v] for k, v in _values(new).items() if old[k] != v}
            for key, (_old, value) in changed.items():
                if key == PROFILE_SETTING:
                    value = _profile_dict(new.scan)
                set_setting(s, key, value)
            if changed:
                add_audit(s, actor, "settings.changed", "setting", None, {"changed": changed})
        return changed


def _read(s) -> DeskSettings:
    def get(key):
        value = get_setting(s, key, None)
        return DEFAULTS[key] if value is None else value

    scan = ScanSettings()
    data = get_setting(s, PROFILE_SETTING, None)
    if data:
        try:
            p = ScanProfile.from_dict(data)
            scan = ScanSettings(p.device, str(p.source), p.resolution, str(p.mode))
        except (KeyError, ValueError, TypeError):
            pass  # unreadable: shown as "no profile", and saving replaces it
    minutes = get("idle_lock_minutes")
    return DeskSettings(
        printer=get("printer") or None,
        paper=str(get("paper")),
        idle_lock_minutes=int(minutes) if minutes is not None else 10,
        language=str(get("language")),
        scan=scan,
    )


def _values(d: DeskSettings) -> dict:
    return {
        "printer": d.printer,
        "paper": d.paper,
        "idle_lock_minutes": d.idle_lock_minutes,
        "language": d.language,
        PROFILE_SETTING: None if not d.scan.device else _profile_dict(d.scan),
    }


def _profile_dict(scan: ScanSettings) -> dict | None:
    if not scan.device:
        return None
    return ScanProfile(
        scan.device, Source(scan.source), scan.resolution, ColourMode(scan.mode)
    ).to_dict()
