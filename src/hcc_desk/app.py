"""Composition root: one profile folder → one store → the services the GUI and CLI share.

Everything is built on first use. The GUI shows its first window before SQLAlchemy, Alembic and
reportlab are even imported (they cost several times a bare Qt window's start-up), and warms the
context in a background thread while the officer types the password.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from hcc_desk.profile import Profile

if TYPE_CHECKING:  # for the annotations only: the services load on first use, not at start-up
    from typing import TypedDict, Unpack

    from sqlalchemy.orm import Session

    from hcc_desk.core.store import Store
    from hcc_desk.core.sync.credentials import CredentialStore
    from hcc_desk.services.agency_steps import AgencyStepsService
    from hcc_desk.services.backups import BackupService
    from hcc_desk.services.calendars import CalendarService
    from hcc_desk.services.capture import CaptureService
    from hcc_desk.services.catalogue import CatalogueService
    from hcc_desk.services.dossiers import DossierQueries
    from hcc_desk.services.drafts import DraftService
    from hcc_desk.services.enrolment import EnrolmentService
    from hcc_desk.services.forms import FormsService
    from hcc_desk.services.intake import IntakeService
    from hcc_desk.services.ocr import OcrService
    from hcc_desk.services.paper_records import PaperRecordService
    from hcc_desk.services.receipts import ReceiptService
    from hcc_desk.services.return_desk import ReturnDeskService
    from hcc_desk.services.reuse import ReuseService
    from hcc_desk.services.settings import SettingsService
    from hcc_desk.services.setup import SetupService
    from hcc_desk.services.signing import SigningService
    from hcc_desk.services.supervision import SupervisionService
    from hcc_desk.services.sync import CentralAuth, SyncService

T = TypeVar("T")


class LazyStore:
    """Opens (and migrates) the database the first time a session is asked for."""

    def __init__(self, profile: Profile, key_source: Callable[[], bytes] | None = None):
        self._profile = profile
        self._key_source = key_source or profile.key
        self._store: Store | None = None
        self._lock = threading.Lock()
        # PRAGMA quick_check at open: True at every GUI start (warm-up thread), None = on the
        # first open of a day (CLI commands); services/backups.py says why.
        self.full_check: bool | None = None

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                from hcc_desk.core import sealed_files
                from hcc_desk.core.store import open_store
                from hcc_desk.services.backups import check_at_open

                with _key_errors(self._profile):
                    key = self._key_source()
                    self._profile.tighten()
                    check_at_open(self._profile, key, full=self.full_check)
                    store = open_store(
                        self._profile.db_path, backup_dir=self._profile.backups, key=key
                    )
                    sealed_files.register(self._profile.attachments, key)
                    sealed_files.seal_plain_files(self._profile.attachments)
                    self._store = store
            return self._store

    @contextmanager
    def session(self) -> Iterator[Session]:
        with _storage_errors(), self.get().session() as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        with _storage_errors(), self.get().write() as s:
            yield s

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


@contextmanager
def _key_errors(profile: Profile) -> Iterator[None]:
    """No key for an encrypted profile, or not this profile's key: say what to do."""
    from hcc_desk.core.db_cipher import WrongKey
    from hcc_desk.core.keystore import KeyUnavailable
    from hcc_desk.services.errors import UserError

    try:
        yield
    except (KeyUnavailable, WrongKey) as exc:
        logging.getLogger("hcc_desk.store").error("profile key: %s", exc)
        raise UserError("app.open_encrypted_data_computer", root=profile.root) from exc


@contextmanager
def _storage_errors() -> Iterator[None]:
    """A full disk, a locked or damaged database file: a clear message, never a crash dialog.
    The transaction has been rolled back, so nothing half-written remains."""
    from sqlalchemy.exc import OperationalError

    from hcc_desk.services.errors import UserError

    try:
        yield
    except OperationalError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        logging.getLogger("hcc_desk.store").error("database error: %s", detail)
        if "full" in detail:
            raise UserError(
                "app.disk_full_nothing_saved",
            ) from exc
        if "locked" in detail or "busy" in detail:
            raise UserError(
                "app.database_busy_try_again",
            ) from exc
        raise UserError("app.database_error", detail=detail) from exc


if TYPE_CHECKING:  # for mypy only: building the TypedDict would cost start-up ~0.5 ms

    class ServiceFactories(TypedDict, total=False):
        """Replacements for the context's services, each built from the context on first use
        (``open_context(path, sync=lambda ctx: SyncService(ctx.store, …, clock=clock))``):
        tests give services a clock or a fake central this way. Keys are the services."""

        settings: Callable[[AppContext], SettingsService]
        backups: Callable[[AppContext], BackupService]
        calendars: Callable[[AppContext], CalendarService]
        setup: Callable[[AppContext], SetupService]
        auth: Callable[[AppContext], CentralAuth]
        credentials: Callable[[AppContext], CredentialStore]
        return_desk: Callable[[AppContext], ReturnDeskService]
        agency_steps: Callable[[AppContext], AgencyStepsService]
        supervision: Callable[[AppContext], SupervisionService]
        sync: Callable[[AppContext], SyncService]
        enrolment: Callable[[AppContext], EnrolmentService]
        catalogue: Callable[[AppContext], CatalogueService]
        intake: Callable[[AppContext], IntakeService]
        dossiers: Callable[[AppContext], DossierQueries]
        drafts: Callable[[AppContext], DraftService]
        receipts: Callable[[AppContext], ReceiptService]
        forms: Callable[[AppContext], FormsService]
        capture: Callable[[AppContext], CaptureService]
        ocr: Callable[[AppContext], OcrService]
        signing: Callable[[AppContext], SigningService]
        reuse: Callable[[AppContext], ReuseService]
        paper_records: Callable[[AppContext], PaperRecordService]


class AppContext:
    """One profile's store and services. ``key``: use this key instead of the profile's (a
    test's "another PC"); ``services``: replacements (see ServiceFactories)."""

    def __init__(
        self,
        profile: Profile,
        *,
        key: bytes | None = None,
        **services: Unpack[ServiceFactories],
    ):
        unknown = set(services) - _service_names()
        if unknown:
            raise TypeError(f"AppContext has no service {', '.join(sorted(unknown))}")
        self.profile = profile
        self.store = LazyStore(profile, key_source=lambda: self.key)
        self._key = key
        self._factories = cast("dict[str, Callable[[AppContext], object]]", dict(services))
        self._build_lock = threading.RLock()

    @cached_property
    def key(self) -> bytes:
        """The profile's encryption key, from the OS key store (created with the profile)."""
        return self._key if self._key is not None else self.profile.key()

    def is_set_up(self) -> bool:
        """Cheap check with plain sqlite3, for choosing the first window (setup or login)."""
        return self._peek("SELECT 1 FROM counter WHERE is_this_device = 1") is not None

    def quick_setting(self, key: str) -> Any:
        """A declared setting read with plain sqlite3 before the store is loaded (the language);
        its declared default when unset or unreadable."""
        from hcc_desk.services.settings import lookup, stored

        setting = lookup(key)
        row = self._peek("SELECT value FROM setting WHERE key = ?", (setting.key,))
        try:
            raw = None if row is None or row[0] is None else json.loads(row[0])
        except (TypeError, ValueError):
            raw = None
        return stored(setting, raw)

    def peek_centre_name(self) -> str:
        row = self._peek("SELECT name FROM centre ORDER BY id LIMIT 1")
        return str(row[0]) if row else ""

    def _peek(self, sql: str, params: tuple[object, ...] = ()) -> Any:
        """No schema yet, an unreadable file, no key: None, and the store will say why."""
        if not self.profile.db_path.exists():
            return None
        from hcc_desk.core.db_cipher import peek
        from hcc_desk.core.keystore import KeyUnavailable

        try:
            key = self.key
        except KeyUnavailable:
            return None
        return peek(self.profile.db_path, key, sql, params)

    def warm_up(self) -> None:
        """Open the store and build the services now (call from a background thread)."""
        self.store.full_check = True  # the GUI start: checked on this thread, not the GUI's
        self.store.get()
        for name in ("setup", "auth", "catalogue", "intake", "dossiers", "drafts", "receipts"):
            getattr(self, name)
        self.settings.reload()  # read here, so the GUI thread asks for settings from memory
        self.backups.watch_daily(self.store.get().engine)
        self.ocr.start_background()  # papers' text layers, after a pause (services/ocr.py)

    def recovery_pending(self) -> bool:
        """A damaged database was set aside and nothing restored yet: a few stat calls, no
        imports (the GUI asks before its first window; services/backups.py has the rule)."""
        aside = self.profile.root / "set-aside"
        return (
            not self.profile.db_path.exists()
            and aside.is_dir()
            and any(aside.glob("hcc-desk-damaged-*.db"))
        )

    def close(self, *, backup: bool = False) -> None:
        """``backup``: the desk is closing after a working session (the GUI): back it up."""
        if "sync" in self.__dict__:  # built: stop its thread before the store goes away
            self.sync.stop()
        if "ocr" in self.__dict__:
            self.ocr.stop()
        if backup and self.store.is_open:
            self.backups.at_close()
        self.store.close()

    # Services, built on first use. The lock keeps a background warm-up and the GUI thread
    # from building the same service twice.
    def _once(self, name: str, build: Callable[[], T]) -> T:
        with self._build_lock:
            factory = self._factories.get(name)
            return build() if factory is None else cast(T, factory(self))

    @cached_property
    def settings(self) -> SettingsService:
        from hcc_desk.services.settings import SettingsService

        return self._once("settings", lambda: SettingsService(self.store))

    @cached_property
    def backups(self) -> BackupService:
        from hcc_desk.services.backups import BackupService

        return self._once(
            "backups",
            lambda: BackupService(
                self.profile,
                lambda: self.key,
                self.settings.get,
            ),
        )

    @cached_property
    def calendars(self) -> CalendarService:
        from hcc_desk.services.calendars import CalendarService

        return self._once("calendars", lambda: CalendarService(self.store, self.settings))

    @cached_property
    def setup(self) -> SetupService:
        from hcc_desk.services.setup import SetupService

        return self._once("setup", lambda: SetupService(self.store))

    @cached_property
    def auth(self) -> CentralAuth:
        from hcc_desk.services.auth import AuthService
        from hcc_desk.services.sync import CentralAuth

        # Not enrolled: CentralAuth is just the local check.
        return self._once(
            "auth", lambda: CentralAuth(AuthService(self.store), self.store, self.credentials)
        )

    @cached_property
    def credentials(self) -> CredentialStore:
        from hcc_desk.core.sync.credentials import default_credential_store

        return self._once("credentials", lambda: default_credential_store(self.profile.root))

    @cached_property
    def return_desk(self) -> ReturnDeskService:
        from hcc_desk.services.return_desk import ReturnDeskService

        return self._once("return_desk", lambda: ReturnDeskService(self.store))

    @cached_property
    def agency_steps(self) -> AgencyStepsService:
        from hcc_desk.services.agency_steps import AgencyStepsService

        return self._once("agency_steps", lambda: AgencyStepsService(self.store, self.calendars))

    @cached_property
    def supervision(self) -> SupervisionService:
        from hcc_desk.services.supervision import SupervisionService

        return self._once(
            "supervision",
            lambda: SupervisionService(self.store, self.calendars, self.credentials),
        )

    @cached_property
    def sync(self) -> SyncService:
        from hcc_desk.services.sync import SyncService

        return self._once(
            "sync", lambda: SyncService(self.store, self.profile.root, self.credentials)
        )

    @cached_property
    def enrolment(self) -> EnrolmentService:
        from hcc_desk.services.enrolment import EnrolmentService

        return self._once("enrolment", lambda: EnrolmentService(self.store, self.credentials))

    @cached_property
    def catalogue(self) -> CatalogueService:
        from hcc_desk.services.catalogue import CatalogueService

        return self._once("catalogue", lambda: CatalogueService(self.store))

    @cached_property
    def intake(self) -> IntakeService:
        from hcc_desk.services.intake import IntakeService

        return self._once(
            "intake", lambda: IntakeService(self.store, self.calendars, reuse=lambda: self.reuse)
        )

    @cached_property
    def reuse(self) -> ReuseService:
        from hcc_desk.services.reuse import ReuseService

        # paper_records is asked for only when a reused copy is saved.
        return self._once(
            "reuse",
            lambda: ReuseService(
                self.store,
                self.profile.root,
                self.credentials,
                lambda: self.paper_records,
                key=lambda: self.key,
            ),
        )

    @cached_property
    def dossiers(self) -> DossierQueries:
        from hcc_desk.services.dossiers import DossierQueries

        return self._once("dossiers", lambda: DossierQueries(self.store))

    @cached_property
    def drafts(self) -> DraftService:
        from hcc_desk.services.drafts import DraftService

        return self._once("drafts", lambda: DraftService(self.store))

    @cached_property
    def receipts(self) -> ReceiptService:
        from hcc_desk.services.receipts import ReceiptService

        return self._once(
            "receipts", lambda: ReceiptService(self.store, self.settings, self.profile.receipts)
        )

    @cached_property
    def forms(self) -> FormsService:
        from hcc_desk.services.forms import FormsService

        return self._once(
            "forms", lambda: FormsService(self.store, self.settings, self.profile.root / "forms")
        )

    @cached_property
    def capture(self) -> CaptureService:
        from hcc_desk.services.capture import CaptureService

        return self._once(
            "capture",
            lambda: CaptureService(self.store, self.settings, self.profile.root, self.sync),
        )

    @cached_property
    def ocr(self) -> OcrService:
        from hcc_desk.services.ocr import OcrService

        return self._once("ocr", lambda: OcrService(self.store, self.profile.root))

    @cached_property
    def signing(self) -> SigningService:
        from hcc_desk.services.signing import SigningService

        def build() -> SigningService:
            # The size limits and the sync nudge are the capture's and the sync's, asked on use:
            # signing alone builds neither.
            return SigningService(
                self.store,
                self.settings,
                self.profile.root,
                size_check=lambda size, before: self.capture.check_size(size, before),
                nudge=lambda: self.sync.nudge(),
            )

        return self._once("signing", build)

    @cached_property
    def paper_records(self) -> PaperRecordService:
        from hcc_desk.services.paper_records import PaperRecordService

        return self._once("paper_records", lambda: PaperRecordService(self.store))


def _service_names() -> frozenset[str]:
    """What ServiceFactories may replace: the services AppContext builds on first use."""
    built = {n for n, v in vars(AppContext).items() if isinstance(v, cached_property)}
    return frozenset(built - {"key"})


def open_context(
    profile_dir: Path, *, key: bytes | None = None, **services: Unpack[ServiceFactories]
) -> AppContext:
    return AppContext(Profile(Path(profile_dir)).ensure(), key=key, **services)
