"""Where one desk keeps its state: the database, backups, rendered receipts and logs.

A profile is a plain folder so support staff can copy it, back it up or point the app at another
one with ``--profile``. Nothing else on disk is written by the app, except the profile's key
(hcc_desk.core.keystore), which the OS holds outside the profile on purpose.

The folder and everything in it are owner-only (hcc_core.owner_only); the database and
attached files are encrypted with the profile's key (docs/security.md).
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

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    def ensure(self) -> Profile:
        """Create the folders, owner-only; everything this process creates from now on is
        born owner-only too (the umask)."""
        from hcc_core.owner_only import make_private_dir, private_umask

        private_umask()
        for folder in (self.root, self.backups, self.receipts, self.logs):
            make_private_dir(folder)
        return self

    def tighten(self) -> None:
        """Make every existing file and folder of the profile owner-only (an older or copied
        profile); a failure is logged, the counter keeps working."""
        import logging
        import subprocess

        from hcc_core.owner_only import tighten

        try:
            tighten(self.root)
        except (OSError, subprocess.CalledProcessError) as exc:
            logging.getLogger("hcc_desk.profile").warning(
                "could not restrict %s: %s", self.root, exc
            )

    def key(self) -> bytes:
        """The key that encrypts this profile (created with the profile)."""
        from hcc_desk.core.keystore import profile_key

        key = profile_key(self.root)
        assert key is not None  # create=True
        return key


def default_profile_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("hcc-desk", "HCC Desk")
