#!/usr/bin/env python3
"""Build, smoke-test and package HCC Desk (Linux and Windows).

    python3 installer/build.py            # Linux   -> dist/hcc-desk-<ver>-linux-<arch>.tar.gz
    py installer/build.py                 # Windows -> dist/hcc-desk-<ver>-setup.exe (Inno Setup)

Steps:
1. PyInstaller with ``installer/hcc-desk.spec`` into ``build/`` and ``dist/hcc-desk/``.
2. Smoke test of the *frozen* app in a throw-away profile, from a folder outside the repository
   (so nothing can come from the source tree): first start on an empty profile (setup wizard),
   ``demo``, start to the login window, ``intake`` of docs/examples/intake-individual.json and
   ``print receipt <code> --pdf``, the OCR child (and, where Tesseract with ``vie`` is installed,
   ``digitise --ocr`` of a scan of that receipt). Every command must exit 0 and leave what it should (database
   at the newest migration, a dossier code, a PDF with the bundled font). On failure the
   command's output is printed and the script exits 1; nothing is packaged.
3. Packaging: a .tar.gz of the folder on Linux/macOS; on Windows Inno Setup's ISCC.exe on
   ``installer/windows/hcc-desk.iss`` when it is installed (else it says where to get it).

Timings and sizes are printed and written to ``dist/build-report.json``.
Options: ``--skip-build`` (test and package an existing dist/hcc-desk), ``--no-package``,
``--clean`` (PyInstaller --clean), ``--startup-runs N`` (start-up timing samples, 0 to skip).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "hcc-desk.spec"
ISS = HERE / "windows" / "hcc-desk.iss"
DIST = ROOT / "dist"
WORK = ROOT / "build"
APP = "hcc-desk"
BUNDLE = DIST / APP
EXAMPLE = ROOT / "docs" / "examples" / "intake-individual.json"
IS_WIN = sys.platform.startswith("win")
EXE_SUFFIX = ".exe" if IS_WIN else ""
TIMEOUT = 180  # seconds for one command of the smoke test (first start of a cold bundle)


class SmokeFailure(Exception):
    pass


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def app_version() -> str:
    text = (ROOT / "src" / "hcc_desk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    return match.group(1) if match else "0.0.0"


def folder_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            p = Path(root) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


# ---------------------------------------------------------------------------------------------
# 1. PyInstaller


def run_pyinstaller(clean: bool) -> float:
    WORK.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if clean:
        cmd.append("--clean")
    log_file = WORK / "pyinstaller.log"
    log(f"PyInstaller -> {BUNDLE} (log: {log_file})")
    start = time.perf_counter()
    with open(log_file, "w", encoding="utf-8", errors="replace") as out:
        proc = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    elapsed = time.perf_counter() - start
    text = log_file.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        print(text[-6000:], file=sys.stderr)
        raise SystemExit(f"PyInstaller failed (exit {proc.returncode}); full log: {log_file}")
    errors = [line for line in text.splitlines() if " ERROR: " in line]
    for line in errors:
        log(f"PyInstaller reported: {line.strip()}")
    log(f"PyInstaller done in {elapsed:.1f} s")
    return elapsed


# ---------------------------------------------------------------------------------------------
# 2. Smoke test


def executables() -> tuple[Path, Path]:
    """(GUI executable, command-line executable). On Windows the GUI one has no console, so the
    headless commands use hcc-desk-cli.exe; elsewhere both are the same file."""
    gui = BUNDLE / (APP + EXE_SUFFIX)
    cli = BUNDLE / (APP + "-cli.exe") if IS_WIN else gui
    for exe in {gui, cli}:
        if not exe.is_file():
            raise SmokeFailure(f"missing executable {exe}")
    return gui, cli


def smoke_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "PYTEST", "HCC_DESK_", "HCC_SUMATRA"))
    }
    if (
        not IS_WIN
        and sys.platform != "darwin"
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
    ):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_app(
    step: str, args: list, cwd: Path, env: dict, report: dict, stdin: str | None = None
) -> subprocess.CompletedProcess:
    cmd = [str(a) for a in args]
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            input=stdin,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(
            f"{step}: no answer after {TIMEOUT} s\n$ {' '.join(cmd)}\n"
            f"--- stdout\n{exc.stdout or ''}\n--- stderr\n{exc.stderr or ''}"
        ) from exc
    elapsed = time.perf_counter() - start
    report["steps"][step] = round(elapsed, 3)
    log(f"  {step}: exit {proc.returncode} in {elapsed:.2f} s")
    problem = None
    if proc.returncode != 0:
        problem = f"exit status {proc.returncode}"
    elif "Traceback (most recent call last)" in (proc.stderr or ""):
        problem = "a traceback on stderr"
    if problem:
        raise SmokeFailure(
            f"{step}: {problem}\n$ {' '.join(cmd)}\n"
            f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
        )
    return proc


def expected_head() -> str | None:
    """Newest Alembic revision of the source tree (the frozen app must have migrated to it)."""
    try:
        sys.path.insert(0, str(ROOT / "src"))
        from hcc_desk.core.store.migrate import head_revision

        return head_revision()
    except Exception as exc:  # noqa: BLE001 - a dev-environment problem, not the bundle's
        log(f"  (cannot compute the expected migration head here: {exc})")
        return None
    finally:
        sys.path.pop(0)


def db_revision(db: Path, key_dir: Path) -> str | None:
    """The schema revision of the frozen app's database, opened as the app does: SQLCipher with
    the profile's key from ``key_dir`` (docs/security.md)."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from hcc_desk.core import db_cipher
        from hcc_desk.core.keystore import FileKeyStore, profile_key

        sealer = None
        if IS_WIN:
            from hcc_desk.core.sync.credentials import DpapiSealer

            sealer = DpapiSealer()
        key = profile_key(db.parent, FileKeyStore(key_dir, sealer), create=False)
        con = db_cipher.connect(db, key, read_only=True)
    finally:
        sys.path.pop(0)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        con.close()
    return row[0] if row else None


def private_sane_config(tmp: Path) -> Path | None:
    """SANE's ``test`` backend alone (PLATFORM.md §SANE), where SANE is installed; else None."""
    conf = Path("/etc/sane.d/test.conf")
    if IS_WIN or not conf.is_file():
        return None
    folder = tmp / "sane.d"
    folder.mkdir()
    (folder / "dll.conf").write_text("test\n")
    lines = [
        "geometry_max 300.0" if line.startswith("geometry_max") else line
        for line in conf.read_text().splitlines()
    ]
    (folder / "test.conf").write_text("\n".join(lines) + "\n")
    return folder


def smoke_test(report: dict, startup_runs: int) -> None:
    gui, cli = executables()
    env = smoke_env()
    if not EXAMPLE.is_file():
        raise SmokeFailure(f"missing example intake file {EXAMPLE}")
    log(
        f"Smoke test of {BUNDLE}"
        + (f" (QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})" if "QT_QPA_PLATFORM" in env else "")
    )
    with tempfile.TemporaryDirectory(prefix="hcc-desk-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env["HCC_DESK_KEY_DIR"] = str(tmp / "keys")  # the profiles' keys: not the user's own
        work = tmp / "cwd"  # outside the repository: resources must come from the bundle
        work.mkdir()

        # First start on an empty profile: the setup wizard is the first window. (The database
        # may be opened lazily after that window shows, so it is not required here.)
        fresh = tmp / "fresh-profile"
        run_app(
            "first-start (setup wizard)",
            [gui, "--profile", fresh, "--exit-when-ready"],
            work,
            env,
            report,
        )

        profile = tmp / "profile"
        proc = run_app("demo", [cli, "demo", "--profile", profile], work, env, report)
        db = profile / "hcc-desk.db"
        if not db.is_file():
            raise SmokeFailure(f"demo left no database at {db}\n{proc.stdout}{proc.stderr}")
        head, got = expected_head(), db_revision(db, tmp / "keys")
        if head is not None and got != head:
            raise SmokeFailure(
                f"database at migration {got!r}, expected head {head!r}: "
                "are all versions/*.py in the bundle?"
            )
        report["migration_head"] = got

        run_app(
            "start to login window",
            [gui, "--profile", profile, "--exit-when-ready"],
            work,
            env,
            report,
        )

        # Headless commands act for an officer who proved it: a login leaves the session.
        run_app(
            "login",
            [cli, "login", "--profile", profile, "--officer", "demo", "--password-stdin"],
            work,
            env,
            report,
            stdin="demo\n",
        )
        proc = run_app(
            "intake",
            [cli, "intake", "--profile", profile, "--officer", "demo", EXAMPLE],
            work,
            env,
            report,
        )
        lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
        if not lines:
            raise SmokeFailure(f"intake printed no dossier code\n--- stderr\n{proc.stderr}")
        code = lines[-1]
        report["dossier_code"] = code

        pdf = tmp / "r.pdf"
        run_app(
            "print receipt",
            [cli, "print", "receipt", code, "--profile", profile, "--pdf", pdf],
            work,
            env,
            report,
        )
        data = pdf.read_bytes() if pdf.is_file() else b""
        if not data.startswith(b"%PDF") or len(data) < 2000:
            raise SmokeFailure(f"print receipt wrote no usable PDF at {pdf} ({len(data)} bytes)")
        if b"NotoSerif" not in data:
            raise SmokeFailure("the receipt PDF does not embed the bundled Noto Serif font")
        report["receipt_pdf_bytes"] = len(data)
        kept = DIST / "smoke-receipt.pdf"  # kept so the test can read what the frozen app printed
        shutil.copyfile(pdf, kept)
        report["receipt_pdf"] = str(kept)

        xlsx = tmp / "ledger.xlsx"
        today = time.strftime("%Y-%m-%d")
        run_app(
            "ledger (Mẫu 06, xlsx)",
            [cli, "ledger", "--profile", profile, "--from", today, "--to", today, "--xlsx", xlsx],
            work,
            env,
            report,
        )
        if not xlsx.is_file() or not xlsx.read_bytes().startswith(b"PK"):
            raise SmokeFailure(f"ledger wrote no workbook at {xlsx}")

        ocr_steps(cli, profile, pdf, tmp, work, env, report)

        sane_dir = private_sane_config(tmp)
        if sane_dir is not None:  # the scanner worker is a child process of the frozen app
            scanned = tmp / "scan.pdf"
            run_app(
                "scan (SANE test device, worker process)",
                [
                    cli,
                    "scan",
                    "--profile",
                    profile,
                    "--device",
                    "test:0",
                    "--source",
                    "adf",
                    "--resolution",
                    "150",
                    "--mode",
                    "lineart",
                    "--out",
                    scanned,
                ],
                work,
                dict(env, SANE_CONFIG_DIR=str(sane_dir), LC_ALL="C"),
                report,
            )
            if not scanned.is_file() or not scanned.read_bytes().startswith(b"%PDF"):
                raise SmokeFailure(f"scan wrote no PDF at {scanned}")
            report["scan_pdf_bytes"] = scanned.stat().st_size

        if startup_runs > 0:
            report["startup_seconds"] = measure_startup(gui, profile, work, env, startup_runs)


def ocr_unavailable() -> str | None:
    """Why this PC cannot OCR Vietnamese (Tesseract and its ``vie`` data are not bundled: the IT
    officer installs them), found as the app finds them; None when it can."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from hcc_desk.core.digitise.ocr import OcrUnavailable, check_available

        check_available()
    except OcrUnavailable as exc:
        return exc.text("en")
    finally:
        sys.path.pop(0)
    return None


def scanned_copy(pdf: Path, out: Path, dpi: int = 200) -> Path:
    """The first page of ``pdf`` as a scanner gives it: one greyscale image, no text."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    image.save(out, "PDF", resolution=dpi)
    return out


def pdf_text(pdf: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def ocr_steps(
    cli: Path, profile: Path, receipt: Path, tmp: Path, work: Path, env: dict, report: dict
) -> None:
    """The frozen app has no ``python -c``: OCR runs the app itself as OCRmyPDF's process
    (``--ocr-child``, installer/entry.py). Always: that child starts with OCRmyPDF bundled.
    Where Tesseract with ``vie`` is installed: a scan of the receipt gets its Vietnamese text."""
    proc = run_app(
        "OCR child (OCRmyPDF --version)", [cli, "--ocr-child", "0", "--version"], work, env, report
    )
    report["ocrmypdf_version"] = proc.stdout.strip()
    why = ocr_unavailable()
    if why is not None:
        log(f"  OCR of a scanned page skipped: {why}")
        report["ocr"] = "skipped"
        return
    scan = scanned_copy(receipt, tmp / "receipt-scan.pdf")
    searchable = tmp / "receipt-searchable.pdf"
    run_app(
        "OCR (digitise --ocr, Tesseract vie)",
        [cli, "digitise", scan, "--out", searchable, "--ocr", "--profile", profile],
        work,
        env,
        report,
    )
    text = pdf_text(searchable) if searchable.is_file() else ""
    words = ("Hạnh phúc", "VIỆT NAM", "Độc lập")  # from the receipt's national motto
    if not any(word in text for word in words):
        raise SmokeFailure(f"the OCR text of the scanned receipt has none of {words}:\n{text}")
    report["ocr"] = "passed"


def measure_startup(gui: Path, profile: Path, cwd: Path, env: dict, runs: int) -> dict:
    """Time to the first window (login) of the frozen app vs. ``python -m hcc_desk``."""

    def sample(cmd: list, cmd_env: dict) -> list[float]:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            proc = subprocess.run(
                [str(c) for c in cmd],
                cwd=cwd,
                env=cmd_env,
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
            times.append(time.perf_counter() - start)
            if proc.returncode != 0:
                return []
        return times

    result = {}
    frozen = sample([gui, "--profile", profile, "--exit-when-ready"], env)
    if frozen:
        result["frozen_median"] = round(statistics.median(frozen), 3)
        result["frozen_min"] = round(min(frozen), 3)
    source_env = dict(env)
    source_env["PYTHONPATH"] = str(ROOT / "src")
    source = sample(
        [sys.executable, "-m", "hcc_desk", "--profile", profile, "--exit-when-ready"], source_env
    )
    if source:
        result["python_median"] = round(statistics.median(source), 3)
        result["python_min"] = round(min(source), 3)
    log(
        f"  start-up to first window (median of {runs}): "
        f"frozen {result.get('frozen_median', '?')} s, "
        f"python -m hcc_desk {result.get('python_median', '?')} s"
    )
    return result


# ---------------------------------------------------------------------------------------------
# 3. Packaging


def package_tarball(version: str) -> Path:
    system = platform.system().lower() or "unknown"
    arch = platform.machine().lower() or "unknown"
    target = DIST / f"{APP}-{version}-{system}-{arch}.tar.gz"
    log(f"Packaging {target.name}")
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=f"{APP}-{version}")
    return target


def find_iscc() -> Path | None:
    candidates = [os.environ.get("ISCC"), shutil.which("ISCC"), shutil.which("iscc")]
    for var in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(var)
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
            candidates.append(str(Path(base) / "Programs" / "Inno Setup 6" / "ISCC.exe"))
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def package_inno(version: str) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        log(
            "Inno Setup 6 not found: the folder dist\\hcc-desk is tested but not packaged.\n"
            "        Install it from https://jrsoftware.org/isdl.php (or `winget install "
            "JRSoftware.InnoSetup`),\n        or point the ISCC variable at ISCC.exe, then run "
            "`py installer/build.py --skip-build`."
        )
        return None
    cmd = [str(iscc), f"/DAppVersion={version}", f"/DSourceDir={BUNDLE}", f"/O{DIST}", str(ISS)]
    log(f"Inno Setup: {' '.join(cmd)}")
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", check=False)
    if proc.returncode != 0:
        print(proc.stdout[-6000:], proc.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"ISCC failed (exit {proc.returncode})")
    target = DIST / f"{APP}-{version}-setup.exe"
    return target if target.is_file() else None


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-build",
        action="store_true",
        help="do not run PyInstaller; test and package dist/hcc-desk as it is",
    )
    parser.add_argument("--no-package", action="store_true", help="stop after the smoke test")
    parser.add_argument("--clean", action="store_true", help="PyInstaller --clean")
    parser.add_argument(
        "--startup-runs", type=int, default=3, help="start-up timing samples per variant (0: skip)"
    )
    args = parser.parse_args(argv)

    version = app_version()
    report: dict = {
        "version": version,
        "platform": sys.platform,
        "steps": {},
        "smoke_test": "not run",
    }
    total_start = time.perf_counter()
    DIST.mkdir(parents=True, exist_ok=True)
    report_file = DIST / "build-report.json"
    report_file.unlink(missing_ok=True)

    if not args.skip_build:
        report["build_seconds"] = round(run_pyinstaller(args.clean), 1)
    if not BUNDLE.is_dir():
        raise SystemExit(f"no bundle at {BUNDLE}")
    report["bundle_bytes"] = folder_size(BUNDLE)
    log(f"Bundle size: {mib(report['bundle_bytes'])} in {BUNDLE}")

    smoke_start = time.perf_counter()
    try:
        smoke_test(report, args.startup_runs)
    except SmokeFailure as exc:
        report["smoke_test"] = "failed"
        report_file.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"\nSMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    report["smoke_test"] = "passed"
    report["smoke_seconds"] = round(time.perf_counter() - smoke_start, 1)
    log(f"Smoke test passed in {report['smoke_seconds']} s")

    if not args.no_package:
        pkg_start = time.perf_counter()
        package = package_inno(version) if IS_WIN else package_tarball(version)
        if package is not None:
            report["package"] = str(package)
            report["package_bytes"] = package.stat().st_size
            report["package_seconds"] = round(time.perf_counter() - pkg_start, 1)
            log(
                f"Package: {package} ({mib(report['package_bytes'])}, "
                f"{report['package_seconds']} s)"
            )

    report["total_seconds"] = round(time.perf_counter() - total_start, 1)
    report_file.write_text(json.dumps(report, indent=2), encoding="utf-8")
    log(f"Done in {report['total_seconds']} s; report: {report_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
