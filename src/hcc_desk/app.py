"""Composition root: one profile folder → one store → the services the GUI and CLI share."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hcc_desk.profile import Profile


@dataclass
class AppContext:
    profile: Profile
    store: object
    settings: object
    calendars: object
    setup: object
    auth: object
    catalogue: object
    intake: object
    dossiers: object
    drafts: object
    receipts: object

    def close(self) -> None:
        self.store.close()


def open_context(profile_dir: Path) -> AppContext:
    from hcc_desk.core.store import open_store
    from hcc_desk.services.auth import AuthService
    from hcc_desk.services.calendars import CalendarService
    from hcc_desk.services.catalogue import CatalogueService
    from hcc_desk.services.dossiers import DossierQueries
    from hcc_desk.services.drafts import DraftService
    from hcc_desk.services.intake import IntakeService
    from hcc_desk.services.receipts import ReceiptService
    from hcc_desk.services.settings import SettingsService
    from hcc_desk.services.setup import SetupService

    profile = Profile(Path(profile_dir)).ensure()
    store = open_store(profile.db_path, backup_dir=profile.backups)
    settings = SettingsService(store)
    calendars = CalendarService(store, settings)
    return AppContext(
        profile=profile, store=store, settings=settings, calendars=calendars,
        setup=SetupService(store), auth=AuthService(store), catalogue=CatalogueService(store),
        intake=IntakeService(store, calendars), dossiers=DossierQueries(store),
        drafts=DraftService(store),
        receipts=ReceiptService(store, settings, profile.receipts),
    )
