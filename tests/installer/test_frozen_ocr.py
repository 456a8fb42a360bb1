"""OCR in the frozen app: it has no ``python -c``, so the desk runs itself as the OCR child
(``hcc-desk --ocr-child NICE ARGS...``, installer/entry.py) with OCRmyPDF bundled, and finds
Tesseract (not bundled) in HCC_TESSERACT_DIR, on the PATH or in its usual Windows folder.

Fast checks of the command builder and the child mode, plus the real frozen app (built once by
``frozen_app`` in conftest.py) turning a rendered Vietnamese scan into searchable text.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hcc_desk.core.digitise import ocr

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "installer" / "entry.py"


def _entry():
    spec = importlib.util.spec_from_file_location("hcc_frozen_entry", ENTRY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not __main__: defines, runs nothing
    return module


def _ocrmypdf_args(cmd: list[str]) -> list[str]:
    return cmd[cmd.index("--language") :]


def _fake_tesseract(folder: Path, languages: tuple[str, ...] = ("eng", "vie")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tool = folder / "tesseract"
    listing = "\\n".join(languages)
    tool.write_text(f"#!/bin/sh\nprintf 'List of available languages (n):\\n{listing}\\n'\n")
    tool.chmod(0o755)
    return tool


# --- the command the desk starts ----------------------------------------------------------------


def test_unfrozen_desk_runs_ocrmypdf_through_its_python(monkeypatch, tmp_path):
    monkeypatch.delattr(sys, "frozen", raising=False)
    cmd = ocr._command(tmp_path / "in.pdf", tmp_path / "out.pdf", 1, "pdfa-2", 10)
    assert cmd[:3] == [sys.executable, "-c", ocr._NICE_THEN_OCRMYPDF]
    assert cmd[3] == ("0" if sys.platform == "win32" else "10")
    assert ocr.OCR_CHILD_FLAG not in cmd
    assert cmd[-2:] == [str(tmp_path / "in.pdf"), str(tmp_path / "out.pdf")]


def test_frozen_desk_runs_itself_as_the_ocr_child_with_the_same_arguments(monkeypatch, tmp_path):
    src, dst = tmp_path / "in.pdf", tmp_path / "out.pdf"
    monkeypatch.delattr(sys, "frozen", raising=False)
    unfrozen = ocr._command(src, dst, 2, "pdf", 10)
    app = tmp_path / "hcc-desk"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))

    frozen = ocr._command(src, dst, 2, "pdf", 10)

    assert frozen[:2] == [str(app), "--ocr-child"]
    assert frozen[2] == unfrozen[3]  # the nice value comes first, then OCRmyPDF's own arguments
    assert _ocrmypdf_args(frozen) == _ocrmypdf_args(unfrozen)
    assert frozen[3:] == _ocrmypdf_args(unfrozen)
    assert frozen[frozen.index("--jobs") + 1] == "2"


def test_frozen_windows_desk_starts_its_console_twin_without_a_window(monkeypatch, tmp_path):
    """The windowed hcc-desk.exe would give each Tesseract a console window of its own."""
    gui, cli = tmp_path / "hcc-desk.exe", tmp_path / "hcc-desk-cli.exe"
    gui.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(gui))
    monkeypatch.setattr(sys, "platform", "win32")

    assert ocr._runner() == [str(gui), "--ocr-child"]  # no twin: the app itself
    cli.write_bytes(b"MZ")
    cmd = ocr._command(tmp_path / "in.pdf", tmp_path / "out.pdf", 1, "pdfa-2", 10)
    assert cmd[:3] == [str(cli), "--ocr-child", "0"]  # Windows: a priority class, not nice
    monkeypatch.setattr(sys, "executable", str(cli))
    assert ocr._runner() == [str(cli), "--ocr-child"]


def test_entry_knows_the_flag_the_desk_sends():
    assert _entry().OCR_CHILD_FLAG == ocr.OCR_CHILD_FLAG


def test_ocr_child_lowers_its_priority_then_runs_ocrmypdf_with_the_rest(monkeypatch):
    import ocrmypdf.__main__

    entry, seen = _entry(), {}
    monkeypatch.setattr(os, "nice", lambda n: seen.setdefault("nice", n), raising=False)
    monkeypatch.setattr(ocrmypdf.__main__, "run", lambda: seen.setdefault("argv", sys.argv) and 7)
    monkeypatch.setattr(sys, "argv", ["hcc-desk", "--ocr-child", "10", "--jobs", "1", "a", "b"])

    assert entry.ocr_child(sys.argv[2:]) == 7
    assert seen == {"nice": 10, "argv": ["ocrmypdf", "--jobs", "1", "a", "b"]}


def test_ocr_child_gives_tesseract_the_pcs_libraries_not_the_bundles(monkeypatch):
    import ocrmypdf.__main__

    entry, seen = _entry(), []
    monkeypatch.setattr(ocrmypdf.__main__, "run", lambda: seen.append(dict(os.environ)) or 0)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/hcc-desk/_internal")
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    entry.ocr_child(["0", "--version"])
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/hcc-desk/_internal")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/usr/local/lib")
    entry.ocr_child(["0", "--version"])

    assert "LD_LIBRARY_PATH" not in seen[0]
    assert seen[1]["LD_LIBRARY_PATH"] == "/usr/local/lib"


def test_the_desk_asks_tesseract_with_the_pcs_libraries(monkeypatch):
    bundle = {"LD_LIBRARY_PATH": "/opt/hcc-desk/_internal", "PATH": "/usr/bin"}
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert ocr.system_env(bundle) == bundle  # unfrozen: the PC's own setting, kept
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert ocr.system_env(bundle) == {"PATH": "/usr/bin"}
    assert ocr.system_env({**bundle, "LD_LIBRARY_PATH_ORIG": "/x"})["LD_LIBRARY_PATH"] == "/x"


def test_ocr_child_never_imports_the_app_or_qt(tmp_path):
    """It starts fast and never opens a window: the entry decides before importing the app."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(ENTRY), "--ocr-child", "0", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip()[:1].isdigit()  # OCRmyPDF's version
    imported = proc.stderr
    assert "ocrmypdf" in imported
    assert "hcc_desk" not in imported and "PySide6" not in imported


# --- finding Tesseract --------------------------------------------------------------------------


def test_tesseract_dir_setting_wins_over_the_path(monkeypatch, tmp_path):
    mine = _fake_tesseract(tmp_path / "Tesseract-OCR")
    monkeypatch.setenv(ocr.TESSERACT_DIR_ENV, str(mine.parent))
    assert ocr.find_tesseract() == str(mine)
    assert ocr.check_available() == str(mine)


def test_a_wrong_tesseract_dir_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv(ocr.TESSERACT_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(ocr.OcrUnavailable) as caught:
        ocr.check_available()
    assert caught.value.msg_id == "ocr.no_tesseract"
    for lang in ("vi", "en"):
        text = caught.value.text(lang)
        assert "Tesseract-OCR" in text and ocr.TESSERACT_DIR_ENV in text and "tesseract-ocr" in text


def test_tesseract_without_vietnamese_says_what_to_add(monkeypatch, tmp_path):
    tool = _fake_tesseract(tmp_path / "t", languages=("eng", "osd"))
    monkeypatch.setenv(ocr.TESSERACT_DIR_ENV, str(tool.parent))
    with pytest.raises(ocr.OcrUnavailable) as caught:
        ocr.check_available()
    assert caught.value.msg_id == "ocr.no_vietnamese"
    assert "vie.traineddata" in caught.value.text("vi")

    _fake_tesseract(tool.parent)  # the IT officer adds the data: counted without a restart
    assert ocr.check_available() == str(tool)


def test_the_usual_windows_folder_is_searched_after_the_path(monkeypatch, tmp_path):
    monkeypatch.delenv(ocr.TESSERACT_DIR_ENV, raising=False)
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "Program Files"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setattr(sys, "platform", "win32")
    folders = ocr._usual_tesseract_dirs()
    monkeypatch.undo()
    assert folders[0] == str(tmp_path / "Program Files" / "Tesseract-OCR")
    assert str(tmp_path / "Local" / "Programs" / "Tesseract-OCR") in folders

    installed = _fake_tesseract(tmp_path / "Program Files" / "Tesseract-OCR")
    monkeypatch.setattr(ocr, "_usual_tesseract_dirs", lambda: folders)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert ocr.find_tesseract() == str(installed)


def test_the_child_finds_the_same_tesseract_first_on_its_path(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", "/usr/bin")
    env = ocr._child_env(str(tmp_path / "Tesseract-OCR" / "tesseract"))
    assert env["PATH"].split(os.pathsep) == [str(tmp_path / "Tesseract-OCR"), "/usr/bin"]
    assert env["OMP_THREAD_LIMIT"] == "1"


# --- the real frozen app ------------------------------------------------------------------------


def _frozen_env(tmp_path: Path, path: str | None = None) -> dict[str, str]:
    spec = importlib.util.spec_from_file_location(
        "hcc_installer_build", ROOT / "installer/build.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    env = build.smoke_env()
    env.pop(ocr.TESSERACT_DIR_ENV, None)
    env["HCC_DESK_KEY_DIR"] = str(tmp_path / "keys")
    if path is not None:
        env["PATH"] = path
    return env


def _frozen_digitise(frozen_app, tmp_path: Path, env: dict, scan: Path, out: Path):
    return subprocess.run(
        [frozen_app.cli, "digitise", scan, "--out", out, "--ocr", "--profile", tmp_path / "p"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_frozen_app_gives_a_scan_a_vietnamese_text_layer(frozen_app, tmp_path):
    from tests.digitise.ocr_fixtures import pdftotext, scanned_page, xmp_pdfaid
    from tests.support.realparts import unavailable

    try:
        ocr.check_available()
    except ocr.OcrUnavailable as exc:
        unavailable(f"{exc.text('en')} (scripts/install-system-deps.sh)")
    scan, out = scanned_page(tmp_path / "scan.pdf"), tmp_path / "searchable.pdf"
    # The IT officer's folder (HCC_TESSERACT_DIR): the PC's Tesseract behind a wrapper that
    # notes the library path each run of it gets.
    folder, seen = tmp_path / "Tesseract-OCR", tmp_path / "tesseract-env.txt"
    folder.mkdir()
    wrapper = folder / "tesseract"
    wrapper.write_text(
        f'#!/bin/sh\necho "LD_LIBRARY_PATH=$LD_LIBRARY_PATH" >> "{seen}"\n'
        f'exec "{ocr.find_tesseract()}" "$@"\n'
    )
    wrapper.chmod(0o755)
    env = dict(_frozen_env(tmp_path), **{ocr.TESSERACT_DIR_ENV: str(folder)})

    proc = _frozen_digitise(frozen_app, tmp_path, env, scan, out)

    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    runs = seen.read_text().splitlines()
    assert len(runs) >= 2  # --list-langs by the desk, then OCRmyPDF's own runs
    assert not any("_internal" in run for run in runs), runs
    assert "Đã thêm lớp chữ tiếng Việt" in proc.stdout
    text = pdftotext(out)
    assert "Nguyễn Thị Hương" in text and "Quảng Trị" in text
    assert xmp_pdfaid(out) == ("2", "B")  # the bundled sRGB profile made it PDF/A


@pytest.mark.slow
def test_frozen_app_without_tesseract_says_ocr_is_unavailable(frozen_app, tmp_path):
    from tests.digitise.ocr_fixtures import scanned_page

    scan, out = scanned_page(tmp_path / "scan.pdf"), tmp_path / "searchable.pdf"
    empty = tmp_path / "bin"
    empty.mkdir()

    proc = _frozen_digitise(frozen_app, tmp_path, _frozen_env(tmp_path, str(empty)), scan, out)

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "chưa cài Tesseract" in proc.stderr and "Tesseract-OCR" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


@pytest.mark.slow
def test_build_smoke_test_starts_the_ocr_child(frozen_app):
    """installer/build.py checks the OCR child on every build PC (Windows too), and OCRs a scan
    of the receipt wherever Tesseract with ``vie`` is installed."""
    report = frozen_app.report
    assert "OCR child (OCRmyPDF --version)" in report["steps"]
    assert report["ocrmypdf_version"][:1].isdigit()
    try:
        ocr.check_available()
    except ocr.OcrUnavailable:
        assert report["ocr"] == "skipped"
    else:
        assert report["ocr"] == "passed"
        assert "OCR (digitise --ocr, Tesseract vie)" in report["steps"]
