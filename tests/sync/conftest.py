"""Fixtures: an enrolled demo desk talking to an in-memory fake central, and a settable clock."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hcc_desk.app import AppContext, open_context
from hcc_desk.core.sync.client import CentralClient
from hcc_desk.core.sync.engine import SyncEngine
from hcc_desk.services.auth import AuthService
from hcc_desk.services.enrolment import EnrolmentService
from hcc_desk.services.intake_request import request_from_json_text
from hcc_desk.services.setup import seed_agencies
from hcc_desk.services.sync import CentralAuth, SyncService
from tests.sync.fake_central import FakeCentral

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "intake-individual.json"
CENTRAL_URL = "http://central.test"


class Clock:
    def __init__(self, start: datetime = datetime(2026, 11, 25, 9, 0, 0)):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Desk:
    ctx: AppContext
    central: FakeCentral
    clock: Clock
    root: Path

    def engine(self, **kw) -> SyncEngine:
        eng = self.ctx.sync.engine()
        for k, v in kw.items():
            setattr(eng, k, v)
        return eng

    def intake(self, n: int = 1) -> list[str]:
        """Save n dossiers at the counter; returns their uuids."""
        text = EXAMPLE.read_text(encoding="utf-8")
        return [self.ctx.intake.submit(request_from_json_text(text), "demo").uuid for _ in range(n)]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("template")
    ctx = open_context(root)
    ctx.setup.create_demo()
    ctx.close()
    return root / "hcc-desk.db"


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral(
        agencies=[
            {"name": a.name, "short_name": a.short_name or None, "unit_code": a.unit_code}
            for a in seed_agencies()
        ]
    )


def make_desk(
    root: Path,
    central: FakeCentral,
    clock: Clock,
    *,
    db: Path | None,
    enrol: bool = True,
    **sync_kw,
) -> Desk:
    root.mkdir(parents=True, exist_ok=True)
    if db is not None:  # the template's database, and the id that names its key
        shutil.copy(db, root / "hcc-desk.db")
        shutil.copy(db.with_name("profile-id"), root / "profile-id")

    def factory(url: str, token: str | None = None, **kw) -> CentralClient:
        return CentralClient(url, token, transport=central.transport())

    sync_kw.setdefault("interval", 30.0)
    sync_kw.setdefault("probe_interval", 0.05)
    # Every service that talks to central goes to the fake one, on the test's clock.
    ctx = open_context(
        root,
        sync=lambda c: SyncService(
            c.store,
            root,
            c.credentials,
            client_factory=factory,
            clock=clock,
            rng=random.Random(7),
            **sync_kw,
        ),
        enrolment=lambda c: EnrolmentService(c.store, c.credentials, factory),
        auth=lambda c: CentralAuth(AuthService(c.store), c.store, c.credentials, factory),
    )
    if enrol:
        ctx.enrolment.enrol(CENTRAL_URL, "GOODCODE42", "test desk")
    return Desk(ctx, central, clock, root)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(tmp_path, demo_db, central, clock):
    d = make_desk(tmp_path / "desk", central, clock, db=demo_db)
    yield d
    d.ctx.close()
