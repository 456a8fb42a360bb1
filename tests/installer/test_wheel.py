"""The desk's wheels work outside the checkout: hcc-core and hcc-desk, installed into a fresh
virtual environment in another folder, set up a demo desk, take a dossier and print its receipt
(fonts, catalogue, calendar and translations ship inside the packages)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.printed import pdf_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "intake-individual.json"


def _run(cmd: list[str], cwd: Path, env: dict[str, str], stdin: str | None = None) -> str:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_the_wheel_prints_a_receipt_outside_the_checkout(tmp_path):
    wheels = tmp_path / "wheels"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    # The desk's two wheels, as a counter PC installs them (scripts/build_wheels.py builds each
    # from a clean staging copy, so a stale in-tree build/ cannot leak into them).
    _run(
        [sys.executable, str(ROOT / "scripts" / "build_wheels.py"), "--out", str(wheels),
         "hcc-core", "hcc-desk"],
        tmp_path,
        env,
    )  # fmt: skip
    ours = [*wheels.glob("hcc_core-*.whl"), *wheels.glob("hcc_desk-*.whl")]
    assert len(ours) == 2, ours
    venv = tmp_path / "venv"
    # The dependencies come from this interpreter's site-packages (no network); our packages
    # only from the wheels, installed into the venv, which comes first on sys.path.
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--force-reinstall",
            *map(str, ours),
        ],
        tmp_path,
        env,
    )
    where = _run(
        [
            str(python),
            "-c",
            "import hcc_core, hcc_desk; print(hcc_core.__file__, hcc_desk.__file__)",
        ],
        tmp_path,
        env,
    )
    assert all(path.startswith(str(venv)) for path in where.split()), where
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env["HCC_DESK_KEY_DIR"] = str(tmp_path / "keys")
    profile = tmp_path / "desk"
    cli = [str(venv / "bin" / "hcc-desk")]
    _run([*cli, "demo", "--profile", str(profile)], outside, env)
    code = _run(
        [
            *cli,
            "intake",
            "--profile",
            str(profile),
            "--officer",
            "demo",
            "--password-stdin",
            str(EXAMPLE),
        ],
        outside,
        env,
        stdin="demo\n",
    ).strip()
    pdf = outside / "receipt.pdf"
    _run(
        [
            *cli,
            "print",
            "receipt",
            code,
            "--profile",
            str(profile),
            "--officer",
            "demo",
            "--password-stdin",
            "--pdf",
            str(pdf),
        ],
        outside,
        env,
        stdin="demo\n",
    )
    text = pdf_text(pdf)
    assert code in text and "Nguyễn Thị Hương" in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in text.upper()
