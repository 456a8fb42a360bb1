"""Shared helpers of the after-intake service tests: officers, a settable clock, an intake."""

from __future__ import annotations

from datetime import datetime, timedelta

from hcc_desk.core.store.models import Officer
from hcc_desk.services.auth import hash_password
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

QR = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Huế|15082021"
OWNER_ID = "046185012345"
PROXY_QR = "046190001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, Huế|20072021"


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment

    def advance(self, **kw) -> None:
        self.now += timedelta(**kw)


def add_officer(ctx, username: str, role: str, full_name: str | None = None) -> None:
    with ctx.store.write() as s:
        s.add(
            Officer(
                username=username,
                full_name=full_name or f"Cán bộ {username}",
                password_hash=hash_password("mat-khau-123"),
                role=role,
            )
        )


def intake(ctx, received_at: datetime, officer: str = "demo") -> str:
    """Save one dossier (procedure 1.001456: 8 working days) with every paper the procedure
    lists handed in (ticked by the officer: intake names them); returns its code."""
    [choice] = [c for c in ctx.catalogue.search("") if c.code == "1.001456"]
    papers = [
        PaperInput(p.name, p.originals, p.certified_copies, p.photocopies) for p in choice.papers
    ]
    req = IntakeRequest(
        procedure_code="1.001456",
        citizen_qr=QR,
        submitter=PersonInput(phone="0912345678"),
        received_at=received_at,
        papers=papers,
    )
    return ctx.intake.submit(req, officer).code
