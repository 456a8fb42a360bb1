"""Screenshots of the real app window for the docs: intake, today's list, receipt preview.

    python3 docs/make_screenshots.py [--out docs/screenshots]

Runs the GUI on X (starting ``Xvfb :99`` itself when no DISPLAY is set, and stopping it by its
PID afterwards) with a throw-away demo profile, types an example dossier as an officer would, and
saves ``intake.png``, ``receipt-preview.png`` and ``today.png``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QR = "046090001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"


def start_xvfb() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY"):
        return None
    xvfb = subprocess.Popen(["Xvfb", ":99", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = ":99"
    for _ in range(100):
        if Path("/tmp/.X11-unix/X99").exists():
            break
        time.sleep(0.05)
    return xvfb


def wait(condition, timeout: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    wait(lambda: time.monotonic() > end)


def type_into(widget, text: str) -> None:
    """Key events one character at a time, as the keyboard-wedge scanner sends them."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def run(out: Path, profile_dir: str) -> None:
    sys.path.insert(0, str(REPO / "src"))
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hcc_desk.app import open_context
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
    from hcc_desk.ui import i18n, style
    from hcc_desk.ui.main_window import MainWindow

    app = QApplication(["hcc-desk"])
    i18n.install(app, "vi")
    style.apply(app)
    ctx = open_context(Path(profile_dir))
    ctx.setup.create_demo()
    officer = ctx.auth.login("demo", "demo")
    for name, id_number, phone in (("Trần Thị Bình", "046185004321", "0987654321"),
                                   ("Lê Hoàng Long", "046092007777", "0905111222")):
        proc = ctx.catalogue.search("cap doi the can cuoc")[0]
        ctx.intake.submit(IntakeRequest(
            procedure_code=proc.code, submitter=PersonInput(full_name=name, id_number=id_number,
                                                            phone=phone, address="Huế"),
            papers=[PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
                    for p in proc.papers]), "demo")
    window = MainWindow(ctx, officer)
    window.resize(1280, 980)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    window.start()
    wait(lambda: window.isActiveWindow())
    intake = window.intake
    intake.ui.qr_edit.setFocus()
    type_into(intake.ui.qr_edit, QR)
    QTest.keyClick(intake.ui.qr_edit, Qt.Key.Key_Return)
    type_into(intake.ui.submitter.ui.phone, "0912345678")
    type_into(intake.ui.submitter.ui.email, "anh.nguyen@example.vn")
    intake.ui.procedure_search.setFocus()
    type_into(intake.ui.procedure_search, "cap doi the can cuoc")
    QTest.keyClick(intake.ui.procedure_search, Qt.Key.Key_Return)
    intake.ui.papers_table.set_checked(0, True)
    intake.ui.papers_table.set_checked(1, True)
    intake.ui.papers_table.spin(1, "photocopies").setValue(1)
    type_into(intake.ui.notes, "Thẻ cũ bị mờ ảnh, công dân nộp lại thẻ cũ.")
    intake.ui.procedure_search.setFocus()
    settle(1.5)  # the draft autosave line appears in the status bar
    window.grab().save(str(out / "intake.png"))

    intake.save()
    wait(lambda: window.preview is not None and window.preview.page is not None)
    preview = window.preview
    preview.resize(820, 980)
    settle()
    preview.grab().save(str(out / "receipt-preview.png"))
    preview.close()
    window.ui.tabs.setCurrentWidget(window.ui.today_tab)
    wait(lambda: window.today.model.rowCount() == 3)
    settle()
    window.grab().save(str(out / "today.png"))
    window.close()
    window.runner.wait_idle()
    ctx.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="hcc-shots-") as profile_dir:
            run(args.out, profile_dir)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
