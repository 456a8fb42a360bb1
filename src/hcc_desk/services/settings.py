"""Every per-desk setting, declared once: its key, type, default, check and — when the admin tab
shows it — its label (the catalogue's ``field.<key>``). Call sites name a declared :class:`Setting` (``settings.get(PRINTER)``)
and never repeat a default; an invalid value is refused with a message saying what is allowed;
subscribers hear of a change at once (the calendar cache, the printer choice follow an admin's
edit without a restart).

Values live in the ``setting`` table as JSON. The service keeps them in memory, read once off
the GUI thread (``AppContext.warm_up``), so the GUI may ask for a setting without touching the
database. Runtime state that also sits in that table (the sync cursor, central's officers) is
not a setting and is not declared here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from hcc_desk.services.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hcc_desk.core.store.store import Sessions

# The store's modules are imported where used: the GUI's fast path reads the language from
# here (AppContext.quick_setting) before SQLAlchemy is loaded.

log = logging.getLogger("hcc_desk.settings")
T = TypeVar("T")


class Invalid(ValueError):
    """A check's refusal: a catalogue message id and its parameters (``{label}`` is added)."""

    def __init__(self, msg_id: str, /, **params: Any):
        super().__init__(msg_id)
        self.msg_id, self.params = msg_id, params


class InvalidSetting(InvalidInput):
    """A value a setting may not take; ``field`` is the setting's key."""


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    key: str
    default: T
    check: Callable[[Any], T]  # the stored/offered value, typed; raises Invalid
    on_admin_tab: bool = False  # its label is the catalogue's ``field.<key>``

    def parse(self, value: Any) -> T:
        """``value`` checked and typed; None means the default."""
        return self.default if value is None else self.check(value)

    def label(self) -> Any:
        """The label to show: the catalogue's ``field.<key>`` when it has one, else the key."""
        from hcc_core import i18n

        name = f"field.{self.key}"
        return i18n.msg(name) if i18n.has(name) else self.key

    def refusal(self, why: Invalid) -> tuple[str, dict[str, Any]]:
        return why.msg_id, {"label": self.label(), **why.params}


REGISTRY: dict[str, Setting[Any]] = {}


def declare(
    key: str, default: T, check: Callable[[Any], T], *, on_admin_tab: bool = False
) -> Setting[T]:
    if key in REGISTRY:
        raise ValueError(f"setting {key!r} declared twice")
    setting = Setting(key, default, check, on_admin_tab)
    REGISTRY[key] = setting
    return setting


def lookup(key: str | Setting[T]) -> Setting[T]:
    if isinstance(key, Setting):
        return key
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"no setting {key!r} is declared in services/settings.py") from None


# --- checks -------------------------------------------------------------------------------------
def _one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise Invalid("settings.one_of", choices=", ".join(choices))
        return str(value)

    return check


def _number(lo: float, hi: float) -> Callable[[Any], Any]:
    """More than ``lo``, at most ``hi`` (fractions allowed)."""

    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo < value <= hi:
            raise Invalid("settings.range", lo=lo, hi=hi)
        return value

    return check


def _count(first: int, last: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not first <= value <= last:
            raise Invalid("settings.whole_range", first=first, last=last)
        return value

    return check


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("settings.flag")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("settings.text")
    return value


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise Invalid("settings.object")
    return dict(value)


PRINTER_NAME_MAX = 200


def _printer(value: Any) -> str | None:
    if value is None:
        return None  # the system's default printer
    if not isinstance(value, str) or not value.strip() or len(value) > PRINTER_NAME_MAX:
        raise Invalid("settings.printer", max_len=PRINTER_NAME_MAX)
    return value


def _office_hours(value: Any) -> list[list[str]]:
    from hcc_core.domain.calendar import OfficeHours

    try:
        OfficeHours.from_config(value)
    except Exception:  # noqa: BLE001 - whatever the parser refuses, the message is the same
        raise Invalid("settings.office_hours") from None
    return [list(p) for p in value]


def _weekend(value: Any) -> list[int]:
    if not isinstance(value, list) or any(
        isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in value
    ):
        raise Invalid("settings.weekend")
    return sorted(set(value))


def _scan_profile(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    # The scan model is not needed to start the app (settings are read at start-up): on use.
    from hcc_desk.core.capture.model import ScanProfile

    try:
        return ScanProfile.from_dict(value).to_dict()
    except (KeyError, ValueError, TypeError, AttributeError):
        raise Invalid("settings.scan_profile") from None


def _optional_text(max_len: int) -> Callable[[Any], str | None]:
    """None, or text that is not blank (a path, a label)."""

    def check(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip() or len(value) > max_len:
            raise Invalid("settings.optional_text", max_len=max_len)
        return value.strip()

    return check


def _optional_url(value: Any) -> str | None:
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or len(value) > 500
        or not value.strip().lower().startswith(("http://", "https://"))
        or any(c.isspace() for c in value.strip())
    ):
        raise Invalid("settings.url")
    return value.strip()


# --- the declarations ---------------------------------------------------------------------------
PAPERS = ("A4", "A5")
LANGUAGES = ("vi", "en")
IDLE_MAX_MINUTES = 120  # a counter left open for hours is the risk the lock answers

LANGUAGE = declare("language", "vi", _one_of(*LANGUAGES), on_admin_tab=True)
PAPER = declare("paper", "A4", _one_of(*PAPERS), on_admin_tab=True)
PRINTER: Setting[str | None] = declare("printer", None, _printer, on_admin_tab=True)
# Minutes; fractions are allowed (tests lock after a moment), the admin tab offers whole ones.
IDLE_LOCK_MINUTES: Setting[float] = declare(
    "idle_lock_minutes", 10, _number(0, IDLE_MAX_MINUTES), on_admin_tab=True
)
# Working-time calendar (docs/domain.md): office hours, weekend days (Mon=0).
OFFICE_HOURS = declare("office_hours", [["07:00", "11:30"], ["13:30", "17:00"]], _office_hours)
WEEKEND = declare("weekend", [5, 6], _weekend)
USE_PUBLIC_HOLIDAYS = declare("use_public_holidays", True, _flag)
# Official forms (docs/forms.md; services/paper_facts.py checks the words): "auto" follows the
# legal basis in force on the day each dossier was received (2025 set from
# forms.basis_2025_from); "2018" / "2025" force one; per-centre template overrides.
FORMS_LEGAL_BASIS = declare("forms.legal_basis", "auto", _text)
FORMS_BASIS_2025_FROM = declare("forms.basis_2025_from", date(2025, 9, 15).isoformat(), _text)
FORMS_TEMPLATES: Setting[dict[str, Any]] = declare("forms.templates", {}, _object)
FORMS_QR_SYSTEM_NAME = declare("forms.qr_system_name", "HCC Desk", _text)
# The counter's scanner profile (None: the officer picks the scanner at the first scan).
SCAN_PROFILE: Setting[dict[str, Any] | None] = declare("capture_profile", None, _scan_profile)
SCAN_PDFA = declare("capture_pdfa", False, _flag)
SCAN_DESKEW = declare("capture_deskew", True, _flag)
BACKUP_KEEP_DAILY = declare("backup.keep_daily", 7, _count(1, 3650))
BACKUP_KEEP_CLOSE = declare("backup.keep_close", 3, _count(1, 3650))
LOGIN_LOCK_AFTER_FAILURES = declare("login.lock_after_failures", 5, _count(1, 100))
LOGIN_LOCK_MAX_MINUTES = declare("login.lock_max_minutes", 30, _count(1, 24 * 60))
CLI_SESSION_HOURS: Setting[float] = declare("cli.session_hours", 8, _number(0, 24))
# Signing from the desk's screens with the officer's PKCS#11 token (docs/digitising.md): the CA's
# library, the token's and the key's labels (None: the only token, the first signing key), an
# RFC 3161 timestamp server (None: PAdES B-B). The trusted CAs are files: <profile>/trusted-ca.
SIGNING_PKCS11_LIB = declare("signing.pkcs11_lib", None, _optional_text(1000))
SIGNING_SLOT_LABEL = declare("signing.slot_label", None, _optional_text(64))
SIGNING_KEY_LABEL = declare("signing.key_label", None, _optional_text(200))
SIGNING_TIMESTAMP_URL = declare("signing.timestamp_url", None, _optional_url)


def stored(setting: Setting[T], raw: Any) -> T:
    """A stored value read back: one that no longer passes its check (an older version wrote
    it, or a hand edit) gives the default, and says so in the log."""
    try:
        return setting.parse(raw)
    except Invalid:
        log.warning("setting %s: stored value %r refused, using the default", setting.key, raw)
        return setting.default


def read(session: Session, key: Setting[T]) -> T:
    """The setting as committed, inside a transaction the caller already holds."""
    from hcc_desk.core.store.repositories import get_setting

    return stored(key, get_setting(session, key.key, None))


def checked(key: str | Setting[T], value: Any) -> T:
    """``value`` as it would be stored; :class:`InvalidSetting` when it may not be."""
    setting = lookup(key)
    try:
        return setting.parse(value)
    except Invalid as why:
        msg_id, params = setting.refusal(why)
        raise InvalidSetting(msg_id, setting.key, **params) from None


Listener = Callable[[Any], None]


class SettingsService:
    """Typed, checked access to the declared settings, with change notification.

    Listeners run on the thread that made the change, after it is committed; they must be quick
    and thread-safe (drop a cache, remember a value)."""

    def __init__(self, store: Sessions):
        self._store = store
        self._lock = threading.RLock()
        self._values: dict[str, Any] | None = None  # key -> checked value, for stored keys
        self._listeners: dict[str, list[Listener]] = {}

    @overload
    def get(self, key: Setting[T]) -> T: ...
    @overload
    def get(self, key: str) -> Any: ...
    def get(self, key: str | Setting[Any]) -> Any:
        setting = lookup(key)
        values = self._loaded()
        return values.get(setting.key, setting.default)

    def set(self, key: str | Setting[T], value: T) -> None:
        self.save({key: value})

    def save(
        self,
        changes: Mapping[str | Setting[Any], Any],
        also: Callable[[Session], None] | None = None,
    ) -> None:
        """Check every value, then write them in one transaction (with ``also``, e.g. the audit
        row) and tell the listeners of each value that changed."""
        from hcc_desk.core.store.repositories import set_setting

        typed = {lookup(k).key: checked(k, v) for k, v in changes.items()}
        with self._lock:
            self._loaded()  # the values before, to tell what changed
            with self._store.write() as s:
                for key, value in typed.items():
                    set_setting(s, key, value)
                if also is not None:
                    also(s)
            self._apply(typed)

    def reload(self) -> None:
        """Read the table again (another process changed it); listeners hear of differences."""
        with self._lock:
            fresh = self._read_all()
            if self._values is None:
                self._values = fresh
                return
            changed = {k: fresh.get(k, lookup(k).default) for k in set(fresh) | set(self._values)}
            self._apply(changed)

    def subscribe(self, key: str | Setting[Any], listener: Listener) -> Callable[[], None]:
        """Call ``listener(new_value)`` whenever ``key`` changes; returns the unsubscribe."""
        name = lookup(key).key
        with self._lock:
            self._listeners.setdefault(name, []).append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners.get(name, []):
                    self._listeners[name].remove(listener)

        return unsubscribe

    def _loaded(self) -> dict[str, Any]:
        if self._values is not None:  # the common case: no lock, so a write never stalls a read
            return self._values
        with self._lock:
            if self._values is None:
                self._values = self._read_all()
            return self._values

    def _read_all(self) -> dict[str, Any]:
        from hcc_desk.core.store.repositories.settings import stored_settings

        with self._store.session() as s:
            rows = stored_settings(s)
        return {
            k: stored(REGISTRY[k], v) for k, v in rows.items() if k in REGISTRY and v is not None
        }

    def _apply(self, typed: Mapping[str, Any]) -> None:
        values = self._loaded()
        changed = []
        for key, value in typed.items():
            old = values.get(key, REGISTRY[key].default)
            values[key] = value
            if value != old:
                changed.append((key, value))
        for key, value in changed:
            for listener in list(self._listeners.get(key, ())):
                listener(value)


def admin_fields() -> Iterable[Setting[Any]]:
    """The declared settings the admin tab shows, in declaration order."""
    return [s for s in REGISTRY.values() if s.on_admin_tab]
