"""A dossier saved through the intake service on a demo desk (procedure 1.001456 with its whole
checklist handed in), for tests that scan, OCR or sync its papers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

QR = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Huế|15082021"


def save_demo_dossier(ctx: Any) -> Any:
    """The saved dossier's detail (every listed paper handed in, as the receipt lists them)."""
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

    [choice] = [c for c in ctx.catalogue.search("") if c.code == "1.001456"]
    req = IntakeRequest(
        procedure_code="1.001456",
        citizen_qr=QR,
        submitter=PersonInput(phone="0912345678"),
        received_at=datetime(2026, 11, 25, 9, 0),
        papers=[
            PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
            for p in choice.papers
        ],
    )
    done = ctx.intake.submit(req, "demo")
    return ctx.dossiers.detail(done.code, "demo")
