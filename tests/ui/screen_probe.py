"""Open every window of the desk on a given screen and report action buttons the officer could
not reach. Run by tests/ui/test_screens_fit.py in a process of its own per screen:

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json QT_SCALE_FACTOR=1.25 \
        python3 -m tests.ui.screen_probe PROFILE_DIR

Prints one JSON object: {window name: [problems]}. A window is fine when its frame lies inside
the screen's available area less a taskbar, and every visible push button that is not inside a
scroll area (those scroll into view) lies inside that area and is not clipped by its parents.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

TASKBAR = 40  # a Windows taskbar the offscreen screen does not report as unavailable
TITLE_BAR = 30  # the window manager's frame above the window's own area


def reachable_area(app: QApplication) -> QRect:
    area = app.primaryScreen().availableGeometry()
    return area.adjusted(0, 0, 0, -TASKBAR)


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(window: QWidget, area: QRect) -> list[str]:
    found = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        found.append(
            f"window {frame.width()}×{frame.height()} at {frame.x()},{frame.y()} "
            f"outside {area.width()}×{area.height()}"
        )
    for button in window.findChildren(QPushButton):
        if not button.isVisible() or _in_scroll_area(button):
            continue
        top_left = button.mapToGlobal(button.rect().topLeft())
        rect = QRect(top_left, button.size())
        label = button.text().replace("&", "") or button.objectName()
        if not area.contains(rect):
            found.append(f"button {label!r} at {rect.x()},{rect.y()} off the screen")
        elif button.visibleRegion().boundingRect() != button.rect():
            found.append(f"button {label!r} cut off by its window")
    return found


def main(profile_dir: Path) -> None:
    from hcc_desk.app import open_context
    from hcc_desk.services.intake_request import IntakeRequest, PersonInput
    from hcc_desk.ui import errors
    from hcc_desk.ui.admin.officer_dialog import OfficerDialog
    from hcc_desk.ui.capture.dossier_scan import DossierScanDialog
    from hcc_desk.ui.idle import LockDialog
    from hcc_desk.ui.login import LoginDialog
    from hcc_desk.ui.main_window import MainWindow
    from hcc_desk.ui.receipt_preview import ReceiptPreview
    from hcc_desk.ui.return_desk.step_dialog import STEPS, StepDialog
    from hcc_desk.ui.setup_wizard import SetupWizard
    from hcc_desk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    area = reachable_area(app)
    runner = TaskRunner()
    report: dict[str, list[str]] = {}

    def check(name: str, window: QWidget) -> None:
        # The size the window asks for, before the platform has a say: some platforms shrink a
        # first-shown window to the screen (offscreen does), others do not (X11 without a
        # window manager), so the request itself must fit, title bar included.
        asked = window.size()
        too_big = asked.width() > area.width() or asked.height() + TITLE_BAR > area.height()
        window.show()
        runner.wait_idle(20_000)
        for _ in range(5):
            app.processEvents()
        report[name] = problems(window, area) + (
            [f"asks for {asked.width()}×{asked.height()} on a {area.width()}×{area.height()} area"]
            if too_big
            else []
        )

    fresh = open_context(profile_dir / "fresh")
    check("setup wizard", SetupWizard(fresh, runner))

    ctx = open_context(profile_dir / "desk")
    ctx.setup.create_demo()
    officer = ctx.auth.login("demo", "demo")
    qr = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Huế|15082021"
    code = ctx.intake.submit(
        IntakeRequest(
            procedure_code=ctx.catalogue.search("", limit=1)[0].code,
            citizen_qr=qr,
            submitter=PersonInput(phone="0912345678"),
            received_at=datetime.now(),
        ),
        "demo",
    ).code
    check("login", LoginDialog(ctx, runner, ctx.peek_centre_name()))
    main_window = MainWindow(ctx, officer, runner)
    main_window.start()
    for index in range(main_window.ui.tabs.count()):
        main_window.ui.tabs.setCurrentIndex(index)
        check(f"main window: {main_window.ui.tabs.tabText(index).replace('&', '')}", main_window)
    check("receipt preview", ReceiptPreview(ctx, runner, officer, code, main_window))
    check("scan papers", DossierScanDialog(ctx, runner, officer, code, main_window))
    check("lock", LockDialog(ctx, runner, officer, main_window))
    check("crash report", errors.CrashDialog(main_window))
    # The return desk's step dialogs, with a dossier whose papers' names run long.
    card = SimpleNamespace(
        code=code,
        procedure_name="Cấp phiếu lý lịch tư pháp " * 3,
        holder="Bộ phận một cửa",
        agency_hint="Sở Tư pháp",
        due_at=None,
        papers=[f"Giấy tờ số {i}: bản sao có chứng thực " * 3 for i in range(12)],
    )
    for step in STEPS:
        check(f"step: {step}", StepDialog(step, card, ["Sở Tư pháp", "Công an tỉnh"], main_window))
    check(
        "admin: officer",
        OfficerDialog(main_window.admin.officers.service, "demo", runner, None, main_window),
    )
    print(json.dumps(report, ensure_ascii=False))
    runner.shutdown()
    ctx.close()
    fresh.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
