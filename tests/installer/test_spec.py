"""Installer files: fast checks that build nothing, plus one real build.

The real build (PyInstaller + smoke test of the frozen app + packaging) takes about a minute and
~400 MB of disk: it always runs in CI (``CI=true``), and on a developer's machine with
``HCC_BUILD_TEST=1`` (``frozen_app`` in conftest.py, shared with test_frozen_ocr.py).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import types
import typing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "hcc-desk.spec"
ISS = INSTALLER / "windows" / "hcc-desk.iss"
SRC = ROOT / "src"
MIGRATIONS_DEST = "hcc_desk/core/store/migrations"


class _Recorder:
    """Stands in for one of PyInstaller's spec classes and remembers its arguments."""

    calls: typing.ClassVar[dict[str, list]] = {}

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.calls.setdefault(type(self).__name__, []).append(self)
        self.scripts, self.pure, self.binaries = [], [], []
        self.datas = list(kwargs.get("datas", []))


def _fake_hooks() -> types.ModuleType:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name, *a, **k: [name]  # the real one spawns Python
    hooks.collect_data_files = lambda name, *a, **k: []
    return hooks


@pytest.fixture(scope="module")
def spec() -> dict:
    """Run the spec with PyInstaller's classes replaced by recorders (no build, no PyInstaller)."""
    classes = {
        name: type(name, (_Recorder,), {"calls": {}})
        for name in ("Analysis", "PYZ", "EXE", "COLLECT")
    }
    namespace = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(INSTALLER),
        **classes,
    }
    fake = {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": _fake_hooks(),
    }
    saved = {name: sys.modules.get(name) for name in fake}
    sys.modules.update(fake)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    namespace["_calls"] = {name: cls.calls[name] for name, cls in classes.items()}
    return namespace


def _datas(spec: dict) -> list[tuple[Path, str]]:
    (analysis,) = spec["_calls"]["Analysis"]
    return [(Path(src), dest.replace("\\", "/")) for src, dest in analysis.kwargs["datas"]]


def test_spec_and_entry_compile():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    entry = (INSTALLER / "entry.py").read_text(encoding="utf-8")
    compile(entry, "entry.py", "exec")
    assert "from hcc_desk.cli import main" in entry


def test_spec_ships_every_resource(spec):
    datas = _datas(spec)
    resources = ROOT / "src" / "hcc_desk" / "data"
    shipped = {src.resolve(): dest for src, dest in datas}
    for path in resources.rglob("*"):
        if path.is_file() and path.suffix not in (".ts", ".pyc"):
            rel = path.relative_to(resources)
            expected = "/".join(("resources", *rel.parent.parts))
            assert shipped.get(path.resolve()) == expected, f"{rel} not shipped as data"
    # Qt's own strings (QLineEdit's menu, file dialogs) come from hcc_core's catalogue now.
    assert (resources / "fonts" / "NotoSerif-Regular.ttf").resolve() in shipped


def test_spec_ships_the_shared_cores_data_and_catalogues(spec):
    """hcc_core's data (calendar, places, catalogue seed) where hcc_core.data_files looks when
    frozen, and its message catalogues next to hcc_core/i18n."""
    shipped = {src.resolve(): dest for src, dest in _datas(spec)}
    core = ROOT / "src" / "hcc_core"
    for path in (core / "data").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(core / "data")
            assert shipped.get(path.resolve()) == "/".join(("core_data", *rel.parent.parts)), rel
    assert (core / "data" / "catalogue" / "procedures.json").resolve() in shipped
    for catalogue in (core / "i18n").glob("*.json"):
        assert shipped.get(catalogue.resolve()) == "hcc_core/i18n", catalogue.name


def test_spec_ships_migrations_where_migrate_py_looks(spec):
    from hcc_desk.core.store import migrate

    # migrate.py looks next to its own module; frozen, that is sys._MEIPASS/<this>.
    assert migrate.MIGRATIONS_DIR.relative_to(SRC.resolve()).as_posix() == MIGRATIONS_DEST
    shipped = {src.resolve(): dest for src, dest in _datas(spec)}
    scripts = [p for p in migrate.MIGRATIONS_DIR.rglob("*.py") if "__pycache__" not in p.parts]
    assert any(p.name == "env.py" for p in scripts)
    assert len([p for p in scripts if p.parent.name == "versions"]) >= 1
    for script in scripts:
        rel = script.parent.relative_to(migrate.MIGRATIONS_DIR)
        expected = "/".join((MIGRATIONS_DEST, *rel.parts))
        assert shipped.get(script.resolve()) == expected, f"{script.name} not shipped"
    assert not any("__pycache__" in src.parts for src in shipped)


def test_resources_root_matches_spec_when_frozen(monkeypatch, tmp_path):
    from hcc_desk.resources import resources_root

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_root() == tmp_path / "resources"


def test_spec_hidden_imports_and_excludes(spec):
    (analysis,) = spec["_calls"]["Analysis"]
    hidden = set(analysis.kwargs["hiddenimports"])
    for name in (
        "alembic.op",
        "alembic.context",
        "alembic.ddl.sqlite",
        "sqlalchemy",
        "sqlalchemy.dialects.sqlite",
        "argon2",
        "_cffi_backend",
        "holidays.countries.vietnam",
        "logging.config",
        "hcc_desk",
        "reportlab.graphics.barcode",
        "reportlab.pdfbase._fontdata",
    ):
        assert name in hidden, name
    assert not any(n.startswith("__future__") for n in hidden)
    excludes = set(analysis.kwargs["excludes"])
    for heavy in (
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtWebEngineCore",
        "PySide6.Qt3DCore",
        "tkinter",
    ):
        assert heavy in excludes
    # reportlab imports Pillow unconditionally; excluding it breaks printing in the bundle
    assert "PIL" not in excludes
    assert any(dest.startswith("holidays/locale/vi") for _src, dest in _datas(spec))


def test_spec_builds_one_windowed_folder(spec):
    exes = spec["_calls"]["EXE"]
    assert exes[0].kwargs["name"] == "hcc-desk" and exes[0].kwargs["console"] is False
    assert all(e.kwargs["exclude_binaries"] for e in exes)  # one-folder, not one-file
    if sys.platform.startswith("win"):
        assert [e.kwargs["name"] for e in exes] == ["hcc-desk", "hcc-desk-cli"]
    (collect,) = spec["_calls"]["COLLECT"]
    assert collect.kwargs["name"] == "hcc-desk"
    import hcc_desk

    assert spec["VERSION"] == hcc_desk.__version__


def test_iss_installs_the_dist_folder():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a BOM to read the Vietnamese text"
    text = raw.decode("utf-8-sig")
    assert '#define SourceDir "..\\..\\dist\\hcc-desk"' in text
    assert 'Source: "{#SourceDir}\\*"' in text
    assert '#define AppExeName "hcc-desk.exe"' in text
    assert '#define AppCliExeName "hcc-desk-cli.exe"' in text
    assert "#ifndef AppVersion" in text and "{#AppVersion}" in text
    assert "DefaultDirName={autopf}" in text
    assert 'Name: "english"' in text and 'Name: "vietnamese"' in text
    # per-user data: where platformdirs puts it, kept unless asked, never on silent uninstall
    assert '#define DataSubdir "HCC Desk\\hcc-desk"' in text
    assert "UninstallSilent()" in text and "Box.Checked := False" in text


def test_iss_data_folder_matches_platformdirs(monkeypatch):
    """The uninstaller deletes {localappdata}\\HCC Desk\\hcc-desk: the app's default profile."""
    from platformdirs import windows

    # Computed off Windows too: only the folder names below %LOCALAPPDATA% matter.
    monkeypatch.setattr(windows, "get_win_folder", lambda _csidl: "LOCALAPPDATA")
    folder = windows.Windows("hcc-desk", "HCC Desk").user_data_dir
    assert folder.replace("/", "\\").split("\\")[-3:] == ["LOCALAPPDATA", "HCC Desk", "hcc-desk"]


def _load_build_module():
    spec = importlib.util.spec_from_file_location("hcc_installer_build", INSTALLER / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_smoke_env(monkeypatch):
    build = _load_build_module()
    assert build.app_version() == __import__("hcc_desk").__version__
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    env = build.smoke_env()
    assert "PYTHONPATH" not in env
    if sys.platform.startswith("linux"):
        assert env["QT_QPA_PLATFORM"] == "offscreen"


@pytest.mark.slow
def test_build_and_smoke_test_frozen_app(frozen_app):
    """installer/build.py built, smoke-tested and packaged the app (the build: conftest.py)."""
    report = frozen_app.report
    assert report["smoke_test"] == "passed"
    assert set(report["steps"]) >= {
        "demo",
        "intake",
        "print receipt",
        "start to login window",
        "ledger (Mẫu 06, xlsx)",
    }
    if Path("/etc/sane.d/test.conf").is_file():  # the frozen scanner worker process ran
        assert report["scan_pdf_bytes"] > 1000
    assert report["receipt_pdf_bytes"] > 2000
    _assert_receipt_shows_the_intake(Path(report["receipt_pdf"]), report["dossier_code"])
    if not sys.platform.startswith("win"):
        assert Path(report["package"]).is_file()


def _assert_receipt_shows_the_intake(pdf: Path, code: str) -> None:
    """What the frozen app printed is the receipt of the example intake: its code as text and as
    the Code128 on each copy, and the applicant read from the example's chip-card QR."""
    from tests.support.printed import barcodes, pdf_text, receipt_copies

    example = json.loads((ROOT / "docs/examples/intake-individual.json").read_text("utf-8"))
    id_number, _, name = example["citizen_qr"].split("|")[:3]
    text = pdf_text(pdf)
    for fact in (code, name, id_number):
        assert fact in text, f"{fact!r} not on the frozen app's receipt"
    for copy in receipt_copies(pdf):
        assert barcodes(pdf, copy[0]).get("code128") == [code], (
            f"no Code128 {code} on page {copy[0]}"
        )
