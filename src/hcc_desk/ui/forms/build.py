"""Regenerate ``ui_<name>.py`` from ``forms/<name>.ui`` with Qt's ``uic``.

Forms are compiled ahead of time rather than loaded with QUiLoader at run time: the generated code
imports nothing beyond QtWidgets (QtUiTools would cost start-up time) and is plain Python that
PyInstaller follows without hidden imports.  Run: ``python3 -m hcc_desk.ui.forms.build [--check]``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parents[4] / "forms"
OUT_DIR = Path(__file__).resolve().parent


def uic_path() -> Path:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / "Qt" / "libexec" / "uic", base / "uic.exe", base / "uic"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("uic not found in the PySide6 package")


def generate(ui_file: Path) -> str:
    # uic names the source in its header; run it from forms/ so the header has no machine paths.
    out = subprocess.run(
        [str(uic_path()), "-g", "python", ui_file.name],
        cwd=ui_file.parent,
        check=True,
        capture_output=True,
    )
    return prune_imports(out.stdout.decode("utf-8"))


def prune_imports(code: str) -> str:
    """Keep only the Qt names a form uses. uic imports ~40 classes and the ``Qt`` namespace in
    every form; PySide builds each on first import, which cost the login window ~25 ms."""
    tree = ast.parse(code)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    lines = code.splitlines(keepends=True)
    for node in reversed(tree.body):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            names = [a.name for a in node.names if a.name in used]
            text = f"from {node.module} import {', '.join(names)}\n" if names else ""
            lines[node.lineno - 1 : node.end_lineno] = [text]
    return "".join(lines)


def target(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        code = generate(ui_file)
        out = target(ui_file)
        if out.exists() and out.read_text(encoding="utf-8") == code:
            continue
        stale.append(out.name)
        if not check:
            out.write_text(code, encoding="utf-8")
    if stale:
        print(("stale: " if check else "wrote: ") + ", ".join(stale))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
