"""Where one desk keeps its state: the database, backups, rendered receipts and logs.

A profile is a plain folder so support staff can copy it, back it up or point the app at another
one with ``--profile``. Nothing else on disk is written by the app.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Profile:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "hcc-desk.db"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def receipts(self) -> Path:
        return self.root / "receipts"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> "Profile":
        for folder in (self.root, self.backups, self.receipts, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_profile_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("hcc-desk", "HCC Desk")
