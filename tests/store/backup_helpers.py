"""Shared by the backup tests: dossiers on a real desk, and a database damaged on disk."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from hcc_desk.core.store import backup as bk
from hcc_desk.services.intake_request import IntakeRequest, PersonInput

ID_NUMBER = "046185012345"
NAME = "Nguyễn Thị Hương"
QR = f"{ID_NUMBER}|191234567|{NAME}|12031985|Nữ|12 Lê Lợi, Phường Thuận Hóa, Huế|15082021"
PAGE = 4096  # SQLCipher 4's page size


def take(ctx, n: int = 1) -> list[str]:
    """``n`` dossiers taken by the demo officer; their codes."""
    return [
        ctx.intake.submit(
            IntakeRequest(
                procedure_code="1.001456",
                citizen_qr=QR,
                submitter=PersonInput(phone="0912345678"),
                received_at=datetime.now(),
            ),
            "demo",
        ).code
        for _ in range(n)
    ]


def overwrite_page(path: Path, page: int, data: bytes = b"\xa5" * 64) -> None:
    with path.open("r+b") as f:
        f.seek(page * PAGE + 200)
        f.write(data)


def damage_middle_page(db: Path, key: bytes, scratch: Path) -> int:
    """Overwrite bytes in a page near the middle of ``db`` that the integrity check reads but
    the outbox does not (tried on copies first, the nearest to the middle wins); its number."""
    pages = db.stat().st_size // PAGE
    order = sorted(range(2, pages), key=lambda p: abs(p - pages // 2))
    expected = bk.unsynced_dossiers(db, key)
    for page in order:
        trial = scratch / "trial.db"
        shutil.copyfile(db, trial)
        overwrite_page(trial, page)
        if bk.integrity_problems(trial, key) and bk.unsynced_dossiers(trial, key) == expected:
            trial.unlink()
            overwrite_page(db, page)
            return page
    raise AssertionError("no page outside the outbox found")
