"""Capture tests run against SANE's real ``test`` backend (``sane_test_device``, from
tests/support/sane.py) and a demo desk (``demo_ctx``, tests/conftest.py)."""

from datetime import datetime

import pytest

QR = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Huế|15082021"


@pytest.fixture
def saved_dossier(demo_ctx):
    """A dossier saved through the intake service (procedure 1.001456, with its checklist)."""
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

    # Every listed paper handed in (intake names them: the receipt lists exactly those).
    [choice] = [c for c in demo_ctx.catalogue.search("") if c.code == "1.001456"]
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
    done = demo_ctx.intake.submit(req, "demo")
    detail = demo_ctx.dossiers.detail(done.code, "demo")
    return detail
