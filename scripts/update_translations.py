"""Refresh the English translation source and compile every ``.ts`` in src/hcc_desk/data/i18n to ``.qm``.

    python3 scripts/update_translations.py            # lupdate + lrelease
    python3 scripts/update_translations.py --release  # lrelease only

Vietnamese is the source language, so ``hcc_desk_en.ts`` holds the English text; edit it with Qt
Linguist (or by hand), then run this again and commit both the ``.ts`` and the ``.qm``.
``qtbase_vi.ts`` is our own Vietnamese for the few Qt built-in strings an officer meets (edit
menus, standard buttons, the file dialog); Qt ships no Vietnamese catalogue.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "src" / "hcc_desk" / "data" / "i18n"


def tool(name: str) -> str:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    return f"pyside6-{name}"


def sources() -> list[str]:
    ui_dir = REPO / "src" / "hcc_desk" / "ui"
    # Generated ui_*.py repeat the .ui strings: read the .ui files themselves instead.
    py = [p for p in sorted(ui_dir.rglob("*.py")) if not p.name.startswith("ui_")]
    forms = sorted((REPO / "forms").glob("*.ui"))
    return [str(p.relative_to(REPO)) for p in py + forms]


def main(argv: list[str]) -> int:
    if "--release" not in argv:
        subprocess.run(
            [
                tool("lupdate"),
                *sources(),
                "-source-language",
                "vi",
                "-target-language",
                "en",
                "-no-obsolete",
                "-locations",
                "relative",
                "-ts",
                str((I18N / "hcc_desk_en.ts").relative_to(REPO)),
            ],
            cwd=REPO,
            check=True,
        )
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run(
            [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
