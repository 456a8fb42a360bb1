"""A wheel built from the project works outside the checkout: installed into a fresh virtual
environment in another folder, it sets up a demo desk, takes a dossier and prints its receipt
(fonts, catalogue and translations ship inside the package)."""

from __future__ import annotations

import os
import shutil
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
    # From a copy without build/ and dist/: setuptools builds in-tree and would pack files a
    # stale build/ still holds (a removed migration, say) into the wheel.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "__pycache__", "*.egg-info", ".hypothesis"
        ),
    )
    # No build isolation: the build backend installed here, no download.
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        tmp_path,
        env,
    )
    [wheel] = wheels.glob("hcc_desk-*.whl")
    venv = tmp_path / "venv"
    # The dependencies come from this interpreter's site-packages (no network); the package
    # itself only from the wheel, installed into the venv, which comes first on sys.path.
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    _run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
        tmp_path,
        env,
    )
    where = _run([str(python), "-c", "import hcc_desk; print(hcc_desk.__file__)"], tmp_path, env)
    assert where.strip().startswith(str(venv)), where
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
