"""What an administrator does on central before counters can enrol, done by running
``hcc-central admin …`` against central's database (``--admin-db``), as a person would.

A subprocess rather than an import: the desk package does not depend on the central one.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hcc_core.catalogue import default_catalogue_path

ADMIN_TIMEOUT = 120.0


class AdminFailed(Exception):
    pass


@dataclass(frozen=True)
class SimCentre:
    centre_id: int
    officer: str
    password: str


def admin(db_url: str, *args: str, stdin: str | None = None) -> str:
    """One ``hcc-central admin`` command; its stdout (stripped)."""
    cmd = [
        sys.executable,
        "-m",
        "hcc_central",
        "admin",
        *args,
        "--db",
        db_url,
        "--actor",
        "hcc-desk-sim",
    ]
    done = subprocess.run(
        cmd,
        check=False,
        capture_output=True,
        text=True,
        timeout=ADMIN_TIMEOUT,
        input=stdin if stdin is not None else "",
    )
    if done.returncode != 0:
        raise AdminFailed(f"hcc-central admin {args[0]}: {done.stderr.strip()[-500:]}")
    return done.stdout.strip()


def fresh_unit_codes(n: int) -> list[str]:
    """Unit codes no earlier run used: dossier codes embed them and are unique on central."""
    rng = secrets.SystemRandom()
    head = f"{rng.randrange(1000):03d}.{rng.randrange(100):02d}"
    tail = f"S{rng.randrange(100):02d}"
    return [f"{head}.{i + 1:02d}.{tail}" for i in range(n)]


def create_centre(db_url: str, workdir: Path, code_slots: int) -> SimCentre:
    """A centre with the bundled catalogue's agencies (fresh unit codes) and procedures, and an
    officer with a random password."""
    data = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    for agency, unit in zip(data["agencies"], fresh_unit_codes(len(data["agencies"])), strict=True):
        agency["unit_code"] = unit
    catalogue = workdir / "sim-catalogue.json"
    catalogue.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    centre_id = int(
        admin(
            db_url,
            "create-centre",
            "--name",
            "TRUNG TÂM PVHCC MÔ PHỎNG",
            "--governing-body",
            "UBND THÀNH PHỐ HUẾ",
            "--place",
            "Huế",
            "--code-slots",
            str(code_slots),
        )
    )
    admin(db_url, "import-catalogue", str(catalogue), "--centre", str(centre_id))
    officer, password = f"sim_{secrets.token_hex(4)}", secrets.token_urlsafe(12)
    admin(
        db_url,
        "create-officer",
        "--username",
        officer,
        "--full-name",
        "Cán bộ Mô phỏng",
        "--centre",
        str(centre_id),
        stdin=password + "\n",
    )  # not on a command line
    return SimCentre(centre_id, officer, password)


def enrolment_code(db_url: str, centre_id: int, slot: int) -> str:
    return admin(
        db_url,
        "enrol-counter",
        "--centre",
        str(centre_id),
        "--name",
        f"Quầy {slot:02d} (mô phỏng)",
        "--slot",
        str(slot),
    )
