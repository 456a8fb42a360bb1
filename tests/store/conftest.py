"""Fixtures: a fresh migrated store per test and a factory for realistic dossiers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from hcc_desk.core.store import Store, open_store
from hcc_desk.core.store.models import (
    Agency,
    Applicant,
    Counter,
    Dossier,
    DossierPaper,
    Officer,
    Procedure,
    StatusEvent,
)

UNIT = "000.00.51.H57"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "desk.db")
    yield s
    s.close()


@pytest.fixture
def ref(store: Store) -> dict[str, int]:
    """One agency, procedure, officer and counter; returns their ids."""
    with store.session() as s:
        agency = Agency(name="Sở Tư pháp", short_name="STP", unit_code=UNIT)
        proc = Procedure(
            code="1.000426",
            name="Cấp thẻ tư vấn viên pháp luật",
            name_folded="cap the tu van vien phap luat",
            agency=agency,
            duration_hours=40,
        )
        officer = Officer(username="lan", full_name="Trần Thị Lan", password_hash="x")
        counter = Counter(name="Quầy 1", slot=1, is_this_device=True, agency=None)
        s.add_all([agency, proc, officer, counter])
        s.flush()
        return {
            "agency": agency.id,
            "procedure": proc.id,
            "officer": officer.id,
            "counter": counter.id,
        }


MakeDossier = Callable[..., str]


@pytest.fixture
def make_dossier(store: Store, ref: dict[str, int]) -> MakeDossier:
    """Create a dossier; returns its code. Keyword args override the defaults."""
    counter = {"n": 0}

    def make(
        name: str = "Nguyễn Thị Hương",
        *,
        received_at: datetime = datetime(2026, 1, 5, 8, 30),
        id_number: str | None = "046190000001",
        old_id_number: str | None = None,
        phone: str | None = "0905123456",
        owner: dict[str, Any] | None = None,
        code: str | None = None,
    ) -> str:
        counter["n"] += 1
        code = code or f"{UNIT}-{received_at:%y%m%d}-{counter['n']:04d}"
        with store.session() as s:
            submitter = Applicant(
                full_name=name, id_number=id_number, old_id_number=old_id_number, phone=phone
            )
            owner_row = None if owner is None else Applicant(**owner)
            d = Dossier(
                code=code,
                procedure_id=ref["procedure"],
                agency_id=ref["agency"],
                counter_id=ref["counter"],
                officer_id=ref["officer"],
                submitter=submitter,
                owner=owner_row,
                received_at=received_at,
                due_at=received_at.replace(day=min(received_at.day + 7, 28)),
            )
            d.papers.append(DossierPaper(position=1, name="Tờ khai", originals=1))
            d.events.append(StatusEvent(status=2, at=received_at, actor="lan"))
            s.add(d)
        return code

    return make
