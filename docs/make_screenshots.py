"""Screenshots of the real app window for the docs: intake, receipt preview, today's list, scanning,
the return desk and supervision.

    python3 docs/make_screenshots.py [--out docs/screenshots] [--only sign-dialog ...]

Runs the GUI on X (starting ``Xvfb :99`` itself when no DISPLAY is set, and stopping it by its
PID afterwards) with a throw-away demo profile, works it as officers would, and saves:

- ``intake.png``: an example dossier typed in (card QR, phone, e-mail, procedure, papers, note);
- ``receipt-preview.png``: the receipt preview after saving it;
- ``today.png``: today's list;
- ``scan.png``: the intake screen with the scan panel: the same dossier typed again, three pages
  of its second paper added through the panel's file import (pages drawn here, as a duplex
  scanner would deliver them), the second one an empty back side flagged "Trang trắng?";
- ``return-desk.png``: "Trả kết quả" with a dossier whose result is ready, opened by its code, the
  recipient read from her card's QR;
- ``supervision.png``: "Giám sát", logged in as a supervisor: overdue, due-today and waiting
  dossiers, on-time rates by agency and the bar charts;
- ``paper-details.png``: a passport dossier saved today, opened from today's list with "Quét giấy
  tờ": its birth certificate (a page rendered here and added as a scan) read by the desk's OCR
  job (Tesseract ``vie``), the "Thông tin giấy tờ" tab (Ctrl+I) showing what the OCR suggests;
- ``sign-dialog.png``: "Ký số" (F9) on that paper over the scan dialog, the signer's name read
  from a SoftHSM2 token made here as tests/digitise/tokens.py does (without SoftHSM2: the
  dialog as a desk without signing set up shows it);
- ``reuse-panel.png``: intake at another counter of the same centre, enrolled with a real
  hcc-central started here (uvicorn on 127.0.0.1, SQLite, as tests/sync/test_reuse_central.py
  does): her card's QR read, the passport procedure chosen, and "Giấy tờ đã số hoá có thể tái sử
  dụng" listing the birth certificate's copy that the first counter signed, checked and synced
  (also needs SoftHSM2).

The dossiers behind return-desk.png and supervision.png are received in the past through the
intake service (``received_at``) and moved on through the agency-step and return-desk services
with a clock set back, as the tests do. Supervision reads the lists at a fixed moment, 10:30 on
the last working day, so that some dossiers are still due later "today" whatever time the script
runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QR = "046090001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"
# The applicant who collects her passport at the return desk.
RETURN_QR = (
    "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|"
    "25 Trần Hưng Đạo, phường Phú Xuân, thành phố Huế|15082021"
)
RETURN_PROCEDURE = "1.001456"  # Cấp hộ chiếu phổ thông: 8 working days
SUPERVISOR = ("giamsat", "Phạm Thị Giám Sát")
SECOND_OFFICER = ("lan", "Hoàng Thị Lan")
PASSWORD = "mat-khau-demo"

# The supervised dossiers: (procedure, receiving officer, applicant, appointment in working days
# from the scene's day, what happened). Unfinished ones fill the lists; finished ones (their
# result ready early / on the appointment's day / a day late) fill the on-time rates.
SUPERVISED = (
    ("1.001456", "demo", "Đặng Văn Minh", -3, "overdue"),
    ("1.000426", "lan", "Võ Thị Thu", -1, "overdue"),
    ("2.001195", "demo", "Bùi Quang Huy", 0, "due"),
    ("2.001583", "lan", "Ngô Thị Mai", 0, "due"),
    ("1.012906", "demo", "Phan Văn Tài", 1, "due"),
    ("3.000333", "lan", "Lý Thị Hoa", 3, "supplement"),
    ("1.001456", "demo", "Trương Văn Nam", -4, "early"),
    ("2.001195", "lan", "Hồ Thị Lệ", -6, "early"),
    ("2.001194", "demo", "Dương Văn Khoa", -9, "on_time"),
    ("3.000333", "demo", "Mai Thị Trang", -12, "late"),
    ("1.000426", "lan", "Lâm Văn Sơn", -5, "early"),
    ("2.000596", "demo", "Tạ Thị Ngọc", -8, "late"),
    ("2.001583", "demo", "Châu Văn Phúc", -7, "on_time"),
    ("2.001583", "lan", "Kiều Thị Vân", -10, "early"),
    ("1.000703", "demo", "Đinh Văn Lực", -6, "late"),
    ("1.012906", "lan", "Quách Thị Yến", -11, "on_time"),
)
RECEIVED_AT = clock_time(14, 0)  # working-day appointments keep the time of day


def start_xvfb() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY"):
        return None
    xvfb = subprocess.Popen(
        ["Xvfb", ":99", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
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
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def press_enter(widget) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, Qt.Key.Key_Return)


# -- the demo desk --------------------------------------------------------------------------------


def person(name: str, index: int):
    """A made-up applicant: a 12-digit identity number and a phone number of its own."""
    from hcc_desk.services.intake_request import PersonInput

    return PersonInput(
        full_name=name, id_number=f"04609{index:07d}", phone=f"09051{index:05d}", address="Huế"
    )


def add_officer(ctx, username: str, full_name: str, role: str) -> None:
    """Officers normally come from central; a demo desk gets them straight into its store."""
    from hcc_desk.core.store.models import Officer
    from hcc_desk.services.auth import hash_password

    with ctx.store.write() as s:
        s.add(
            Officer(
                username=username,
                full_name=full_name,
                role=role,
                password_hash=hash_password(PASSWORD),
            )
        )


def submit_today(ctx, name: str, id_number: str, phone: str) -> None:
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

    proc = ctx.catalogue.search("cap doi the can cuoc")[0]
    ctx.intake.submit(
        IntakeRequest(
            procedure_code=proc.code,
            submitter=PersonInput(full_name=name, id_number=id_number, phone=phone, address="Huế"),
            papers=[
                PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
                for p in proc.papers
            ],
        ),
        "demo",
    )


def scene_moment(calendar) -> datetime:
    """10:30 on the last working day up to today: when supervision is looked at."""
    day = date.today()
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return datetime.combine(day, clock_time(10, 30))


def working_day(calendar, start: date, offset: int) -> date:
    """The working day ``offset`` working days after (or, negative, before) ``start``."""
    day, step = start, (1 if offset > 0 else -1)
    for _ in range(abs(offset)):
        day += timedelta(days=step)
        while not calendar.is_working_day(day):
            day += timedelta(days=step)
    return day


def received_for(ctx, procedure: str, due_day: date) -> datetime:
    """The latest working day's 14:00 whose appointment for ``procedure`` falls on ``due_day``."""
    calendar = ctx.calendars.current()
    day = due_day
    for _ in range(200):
        day -= timedelta(days=1)
        if not calendar.is_working_day(day):
            continue
        received = datetime.combine(day, RECEIVED_AT)
        due = ctx.intake.appointment(procedure, received)
        if due is not None and due.date() <= due_day:
            return received
    raise ValueError(f"no intake day gives {procedure} an appointment on {due_day}")


class Clock:
    """The agency steps' "now", set back to when each step happened."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def receive_back_then(
    ctx, procedure: str, officer: str, submitter, received: datetime, qr: str | None = None
) -> str:
    from hcc_desk.services.intake_request import IntakeRequest

    request = IntakeRequest(
        procedure_code=procedure, submitter=submitter, citizen_qr=qr, received_at=received
    )
    return ctx.intake.submit(request, officer).code


def transfer_back_then(
    ctx, steps, clock: Clock, code: str, procedure: str, officer: str, received: datetime
) -> None:
    """The papers go to the deciding agency an hour after intake (a Mẫu 05 hop)."""
    clock.now = received + timedelta(hours=1)
    steps.transfer(code, ctx.catalogue.get(procedure).agency_name, officer)


def result_moment(calendar, due: datetime, outcome: str) -> datetime:
    if outcome == "early":
        return datetime.combine(working_day(calendar, due.date(), -1), clock_time(15, 0))
    if outcome == "on_time":
        return due.replace(hour=9, minute=30)
    return datetime.combine(working_day(calendar, due.date(), 1), clock_time(10, 0))  # late


def supervised_dossiers(ctx, scene: datetime) -> None:
    """The dossiers of SUPERVISED, received and moved on in the past."""
    from hcc_desk.services.agency_steps import AgencyStepsService
    from hcc_desk.services.return_desk import Recipient, ReturnDeskService

    calendar = ctx.calendars.current()
    clock = Clock(scene)
    steps = AgencyStepsService(ctx.store, ctx.calendars, clock)
    desk = ReturnDeskService(ctx.store, clock)
    for index, (procedure, officer, name, due_in, outcome) in enumerate(SUPERVISED, start=1):
        received = received_for(ctx, procedure, working_day(calendar, scene.date(), due_in))
        applicant = person(name, index)
        code = receive_back_then(ctx, procedure, officer, applicant, received)
        transfer_back_then(ctx, steps, clock, code, procedure, officer, received)
        if outcome == "supplement":
            clock.now = datetime.combine(
                working_day(calendar, received.date(), 2), clock_time(9, 15)
            )
            steps.request_supplement(
                code,
                officer,
                missing_papers=["Ảnh 4x6 nền trắng"],
                reason="Ảnh không đúng quy cách",
            )
        elif outcome in ("early", "on_time", "late"):
            due = ctx.intake.appointment(procedure, received)
            clock.now = result_moment(calendar, due, outcome)
            steps.result_ready(code, officer)
            if index % 2:  # some were already collected, the next morning
                clock.now = datetime.combine(
                    working_day(calendar, clock.now.date(), 1), clock_time(8, 30)
                )
                desk.hand_back(code, Recipient("owner", name, applicant.id_number), officer)


def ready_passport(ctx, scene: datetime) -> str:
    """A passport dossier received six working days ago whose result came back yesterday."""
    from hcc_desk.services.agency_steps import AgencyStepsService
    from hcc_desk.services.intake_request import PersonInput

    calendar = ctx.calendars.current()
    received = datetime.combine(working_day(calendar, scene.date(), -6), clock_time(9, 20))
    clock = Clock(received)
    steps = AgencyStepsService(ctx.store, ctx.calendars, clock)
    code = receive_back_then(
        ctx, RETURN_PROCEDURE, "demo", PersonInput(phone="0914222333"), received, qr=RETURN_QR
    )
    transfer_back_then(ctx, steps, clock, code, RETURN_PROCEDURE, "demo", received)
    clock.now = datetime.combine(working_day(calendar, scene.date(), -1), clock_time(15, 40))
    steps.result_ready(code, "demo")
    return code


# -- the window -----------------------------------------------------------------------------------


def open_window(ctx, officer):
    from hcc_desk.ui.main_window import MainWindow

    window = MainWindow(ctx, officer)
    window.resize(1280, 980)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    window.start()
    wait(lambda: window.isActiveWindow())
    return window


def close_window(window) -> None:
    window.close()
    window.runner.wait_idle()


def fill_example_dossier(intake) -> None:
    """Nguyễn Văn Ánh renews his identity card: card QR, phone, e-mail, procedure, papers."""
    intake.ui.qr_edit.setFocus()
    type_into(intake.ui.qr_edit, QR)
    press_enter(intake.ui.qr_edit)
    type_into(intake.ui.submitter.ui.phone, "0912345678")
    type_into(intake.ui.submitter.ui.email, "anh.nguyen@example.vn")
    intake.ui.procedure_search.setFocus()
    type_into(intake.ui.procedure_search, "cap doi the can cuoc")
    press_enter(intake.ui.procedure_search)
    wait(lambda: intake.ui.papers_table.row_count() == 3)
    intake.ui.papers_table.set_checked(0, True)
    intake.ui.papers_table.set_checked(1, True)
    intake.ui.papers_table.spin(1, "photocopies").setValue(1)
    type_into(intake.ui.notes, "Thẻ cũ bị mờ ảnh, công dân nộp lại thẻ cũ.")


def shoot_intake(window, out: Path) -> None:
    intake = window.intake
    fill_example_dossier(intake)
    intake.ui.procedure_search.setFocus()
    settle(1.5)  # the draft autosave line appears in the status bar
    window.grab().save(str(out / "intake.png"))


def shoot_receipt_preview(window, out: Path) -> None:
    window.intake.save()
    wait(lambda: window.preview is not None and window.preview.page is not None)
    preview = window.preview
    preview.resize(820, 980)
    settle()
    preview.grab().save(str(out / "receipt-preview.png"))
    preview.close()


def shoot_today(window, out: Path) -> None:
    window.ui.tabs.setCurrentWidget(window.ui.today_tab)
    wait(lambda: window.today.model.rowCount() == 3)
    settle()
    window.grab().save(str(out / "today.png"))


# -- scan.png -------------------------------------------------------------------------------------

PAGE_DPI = 150
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi

FORM_PAGES = (
    (
        "PHIẾU ĐỀ NGHỊ GIẢI QUYẾT THỦ TỤC VỀ CĂN CƯỚC",
        (
            "1. Họ, chữ đệm và tên khai sinh: NGUYỄN VĂN ÁNH",
            "2. Ngày, tháng, năm sinh: 15/03/1990        3. Giới tính: Nam",
            "4. Số định danh cá nhân: 046090001234",
            "5. Nơi đăng ký khai sinh: Thành phố Huế",
            "6. Quê quán: Phường Thuận Hóa, thành phố Huế",
            "7. Dân tộc: Kinh        8. Tôn giáo: Không        9. Quốc tịch: Việt Nam",
            "10. Nơi thường trú: 12 Lê Lợi, phường Thuận Hóa, thành phố Huế",
            "11. Nơi ở hiện tại: 12 Lê Lợi, phường Thuận Hóa, thành phố Huế",
            "12. Nghề nghiệp: Kỹ sư xây dựng",
            "13. Số điện thoại: 0912345678",
            "14. Thủ tục đề nghị: Cấp đổi thẻ căn cước",
            "15. Lý do: Thẻ bị mờ ảnh, khó nhận dạng",
        ),
    ),
    (
        "THÔNG TIN BỔ SUNG",
        (
            "16. Họ tên cha: NGUYỄN VĂN BẢO        Quốc tịch: Việt Nam",
            "17. Họ tên mẹ: TRẦN THỊ CÚC        Quốc tịch: Việt Nam",
            "18. Họ tên vợ: LÊ THỊ DUNG        Quốc tịch: Việt Nam",
            "19. Nhận thẻ tại: Trung tâm Phục vụ hành chính công thành phố Huế",
            "",
            "Tôi xin cam đoan những thông tin kê khai trên là đúng sự thật.",
            "",
            "                                  Huế, ngày 20 tháng 11 năm 2026",
            "                                          NGƯỜI ĐỀ NGHỊ",
            "                                    (Ký, ghi rõ họ, chữ đệm và tên)",
            "",
            "",
            "                                          Nguyễn Văn Ánh",
        ),
    ),
)


def draw_page(path: Path, title: str, lines: tuple[str, ...]) -> None:
    """A printed form page, the way a scanner at 150 dpi would hand it over."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    img = QImage(*PAGE_SIZE, QImage.Format.Format_RGB32)
    img.fill(QColor("#fbfaf6"))
    dots_per_metre = round(PAGE_DPI / 0.0254)
    img.setDotsPerMeterX(dots_per_metre)
    img.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    ink = QColor("#1b1b1b")
    painter.setPen(ink)
    bold, plain = QFont("DejaVu Serif", 13), QFont("DejaVu Serif", 12)
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(
        QRect(0, 110, PAGE_SIZE[0], 40),
        Qt.AlignmentFlag.AlignHCenter,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    )
    painter.drawText(
        QRect(0, 150, PAGE_SIZE[0], 40),
        Qt.AlignmentFlag.AlignHCenter,
        "Độc lập - Tự do - Hạnh phúc",
    )
    painter.setPen(QPen(ink, 2))
    painter.drawLine(470, 196, 770, 196)
    painter.setFont(QFont("DejaVu Serif", 16, QFont.Weight.Bold))
    painter.drawText(QRect(0, 270, PAGE_SIZE[0], 50), Qt.AlignmentFlag.AlignHCenter, title)
    painter.setFont(plain)
    y = 400
    for line in lines:
        painter.drawText(140, y, line)
        if line.startswith(tuple("0123456789")):
            painter.setPen(QPen(QColor("#9a9a9a"), 1, Qt.PenStyle.DotLine))
            painter.drawLine(140, y + 12, PAGE_SIZE[0] - 140, y + 12)
            painter.setPen(ink)
        y += 78
    painter.end()
    img.save(str(path))


def draw_blank_page(path: Path) -> None:
    """The empty back of a sheet, with a speck of dust."""
    from PySide6.QtGui import QColor, QImage, QPainter

    img = QImage(*PAGE_SIZE, QImage.Format.Format_RGB32)
    img.fill(QColor("#fbfaf6"))
    painter = QPainter(img)
    painter.fillRect(900, 1300, 3, 3, QColor("#555555"))
    painter.end()
    img.save(str(path))


def click_paper(table, row: int) -> None:
    """The officer clicks the paper's name in the checklist: the scan panel follows."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    rect = table.visualItemRect(table.item(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shoot_scan(window, out: Path, work: Path) -> None:
    window.ui.tabs.setCurrentWidget(window.ui.intake_tab)
    intake = window.intake
    fill_example_dossier(intake)
    click_paper(intake.ui.papers_table, 1)  # Phiếu đề nghị (Mẫu DC02)
    panel = intake.capture.panel
    wait(lambda: panel.target is not None and panel.target.position == 2)
    front, back, second = (work / f"dc02-{name}.png" for name in ("1", "1-back", "2"))
    draw_page(front, *FORM_PAGES[0])
    draw_blank_page(back)  # both sides were scanned: the first sheet's back is empty
    draw_page(second, *FORM_PAGES[1])
    pages = [front, back, second]
    panel.add_files(pages)  # what "Thêm tệp…" (Ctrl+O) does with the files picked
    wait(lambda: not panel.is_busy() and panel.review.model.rowCount() == len(pages))
    panel.review.select_row(0)
    wait(
        lambda: (
            panel.review.preview.pixmap() is not None and not panel.review.preview.pixmap().isNull()
        )
    )
    panel.review.view.setFocus()
    settle()
    intake.ui.scroll.ensureWidgetVisible(intake.capture.group, 0, 0)  # as the officer scrolls
    settle(1.0)
    window.grab().save(str(out / "scan.png"))
    intake.capture.discard_draft_pages()  # nothing left for the next login to recover


# -- return-desk.png ------------------------------------------------------------------------------


def shoot_return_desk(window, out: Path, code: str) -> None:
    window.show_return_desk()
    desk = window.return_desk
    type_into(desk.code_edit, code)  # the receipt's barcode, through the wedge scanner
    press_enter(desk.code_edit)
    wait(lambda: desk.card is not None and desk.card.code == code)
    desk.qr_edit.setText(RETURN_QR)  # the chip card's QR (non-ASCII: no key events needed)
    press_enter(desk.qr_edit)
    wait(lambda: desk.id_edit.text() != "")
    type_into(desk.summary_edit, "Hộ chiếu phổ thông số C9876543")
    settle()
    window.grab().save(str(out / "return-desk.png"))


# -- supervision.png ------------------------------------------------------------------------------


def shoot_supervision(window, out: Path, scene: datetime) -> None:
    view = window.supervision
    window.show_tab(view)  # the tab's page is a scroll area around the view
    wait(lambda: view.overview is not None and view.refresh_button.isEnabled())
    view.set_period(scene.date() - timedelta(days=30), scene.date())
    wait(lambda: bool(view.rate_rows) and view.rate_rows[-1].total > 0)
    settle()
    window.grab().save(str(out / "supervision.png"))


# -- paper-details.png and sign-dialog.png ----------------------------------------------------


def make_tokens(work: Path):
    """A SoftHSM2 store with an officer's key and certificate (tests/digitise/tokens.py), made
    before anything opens the PKCS#11 library (it reads SOFTHSM2_CONF once); None without
    SoftHSM2."""
    sys.path.insert(0, str(REPO))
    from tests.digitise.tokens import make_store, softhsm_library

    library = softhsm_library()
    return None if library is None else make_store(library, work / "softhsm")


def draw_birth_certificate(path: Path) -> Path:
    """A printed birth certificate with the desk's font (tests/digitise/documents.py); added
    as a file, it is OCR'd."""
    from tests.digitise.documents import birth_certificate_pdf

    return birth_certificate_pdf(path)


def configure_signing(ctx, tokens) -> None:
    """What an admin sets on the counter PC: the token library and slot, the trusted CA."""
    from tests.digitise.tokens import configure_signing as configure

    configure(ctx, tokens)


def passport_with_birth_certificate(ctx, work: Path) -> tuple[str, int]:
    """Nguyễn Thị Hương's passport dossier saved today with its whole checklist; her birth
    certificate's scan attached and read by the desk's OCR job. Its code and the paper's place."""
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

    choice = ctx.catalogue.get(RETURN_PROCEDURE)
    done = ctx.intake.submit(
        IntakeRequest(
            procedure_code=RETURN_PROCEDURE,
            citizen_qr=RETURN_QR,
            submitter=PersonInput(phone="0914222333"),
            papers=[
                PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
                for p in choice.papers
            ],
        ),
        "demo",
    )
    dossier = ctx.dossiers.detail(done.code, "demo")
    [paper] = [p for p in dossier.papers if p.name.lower().startswith("bản sao giấy khai sinh")]
    session = ctx.capture.spool.open_session(
        "dossier:" + dossier.uuid, paper.position, paper.name, dossier.code
    )
    session.insert_files([draw_birth_certificate(work / "giay-khai-sinh.pdf")])
    ctx.capture.attach(session, dossier.code, "demo")
    if ctx.ocr.run_until_idle() < 1:
        raise RuntimeError("the OCR job did not run: is Tesseract with 'vie' installed?")
    return done.code, paper.position


def open_scan_from_today(window, code: str):
    """Today's list, the dossier's row chosen, "Quét giấy tờ"."""
    from PySide6.QtCore import QItemSelectionModel

    today = window.today
    window.ui.tabs.setCurrentWidget(window.ui.today_tab)
    today.refresh()
    wait(lambda: any(today.model.summary(r).code == code for r in range(today.model.rowCount())))
    row = next(r for r in range(today.model.rowCount()) if today.model.summary(r).code == code)
    today.ui.table.selectionModel().select(
        today.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    wait(lambda: today.scan_button.isEnabled())
    dialog = today.open_scan()  # what the "Quét giấy tờ" button does
    wait(lambda: dialog.detail is not None)
    return dialog


def shoot_paper_details(dialog, out: Path, position: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    dialog.move(40, 40)
    dialog.select_paper(position)
    wait(lambda: dialog.sign_button.isEnabled())  # its saved copy is listed
    records = dialog.records
    QTest.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wait(lambda: records.ui.issuer.text() != "" or records.ui.number_hint.isVisible())
    settle(1.0)
    dialog.grab().save(str(out / "paper-details.png"))


def shoot_sign_dialog(dialog, out: Path, signing_ready: bool) -> None:
    """F9 over the scan dialog; the PIN half typed. Both drawn into one picture, as on screen."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtTest import QTest

    from hcc_desk.ui.sign_dialog import SignDialog

    QTest.keyClick(dialog, Qt.Key.Key_F9)
    wait(lambda: dialog.findChildren(SignDialog)[:1] != [])
    [sign] = dialog.findChildren(SignDialog)
    if signing_ready:
        wait(lambda: "Đang đọc" not in sign.ui.signer_label.text())
        sign.pin.setFocus()
        type_into(sign.pin, "123456")
    settle(1.0)
    # Xvfb has no window manager: the dialog is drawn over its parent with a frame.
    picture = dialog.grab()
    painter = QPainter(picture)
    place = QRect(sign.mapToGlobal(QPoint(0, 0)) - dialog.mapToGlobal(QPoint(0, 0)), sign.size())
    painter.drawPixmap(place.topLeft(), sign.grab())
    painter.setPen(QColor("#6b6b6b"))
    painter.drawRect(place.adjusted(-1, -1, 0, 0))
    painter.end()
    picture.save(str(out / "sign-dialog.png"))
    sign.pin.clear()
    sign.reject()
    wait(lambda: not sign.isVisible())


# -- reuse-panel.png -----------------------------------------------------------------------------

CENTRAL_UNIT = "000.00.61.H57"  # Công an cấp tỉnh, who decides passports
CENTRAL_PASSWORD = "mat-khau-demo-123"


def start_central(root: Path):
    """A real hcc-central (uvicorn on 127.0.0.1, SQLite) with a centre, its passport agency,
    two officers and two counters; the server and the counters' enrolment codes."""
    from hcc_central import admin
    from hcc_central.db import Database
    from hcc_central.migrate import upgrade
    from hcc_central.settings import Settings
    from tests.central.live import LiveServer

    root.mkdir(parents=True)
    url = f"sqlite:///{root / 'central.db'}"
    db = Database(url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    server = LiveServer(Settings(db_url=url, store_dir=root / "store")).start()

    def create(s):
        centre = admin.create_centre(
            s,
            name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ",
            governing_body="ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ",
            place_name="Huế",
            code_slots=20,
        )
        admin.add_agency(
            s, centre.id, name="Công an cấp tỉnh", short_name="CA", unit_code=CENTRAL_UNIT
        )
        for user, name in (("lan", SECOND_OFFICER[1]), ("demo", "Nguyễn Thị Demo")):
            admin.create_officer(
                s, username=user, full_name=name, role="officer",
                password=CENTRAL_PASSWORD, centre_id=centre.id,
            )  # fmt: skip
        return [admin.enrol_counter(s, centre.id, name=f"Quầy 0{n}", slot=n)[0] for n in (1, 2)]

    return server, server.write(create)


def enrolled_desk(server, code: str, profile: Path, user: str):
    """A counter PC enrolled with central (``hcc-desk enrol``), its officer logged in online."""
    from hcc_desk import cli
    from hcc_desk.app import open_context

    args = ["enrol", "--profile", str(profile), "--central", server.base_url, "--code", code]
    if cli.main([*args, "--name", profile.name]) != cli.EXIT_OK:
        raise RuntimeError("the desk could not enrol with the central")
    ctx = open_context(profile)
    return ctx, ctx.auth.login(user, CENTRAL_PASSWORD)


def signed_copy_at_another_desk(ctx, tokens, work: Path) -> None:
    """Counter 1 saved Nguyễn Thị Hương's passport dossier weeks ago: her birth certificate's
    copy signed on the officer's token, its details checked, pushed and uploaded to central."""
    from sqlalchemy import select

    from hcc_desk.core.digitise.sign import sign_pdf
    from hcc_desk.core.digitise.token import TokenSpec
    from hcc_desk.core.store.models import Dossier
    from hcc_desk.core.sync.attachments import add_attachment
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
    from hcc_desk.services.paper_records import PaperFields
    from tests.digitise.tokens import CENTRE, PIN

    [choice] = [c for c in ctx.catalogue.search("") if c.code == RETURN_PROCEDURE]
    papers = [
        PaperInput(p.name, p.originals, p.certified_copies, p.photocopies) for p in choice.papers
    ]
    [paper] = [p for p in papers if p.name.lower().startswith("bản sao giấy khai sinh")]
    position = papers.index(paper) + 1
    code = ctx.intake.submit(
        IntakeRequest(
            procedure_code=RETURN_PROCEDURE,
            citizen_qr=RETURN_QR,
            submitter=PersonInput(phone="0914222333"),
            received_at=datetime.now().replace(microsecond=0) - timedelta(days=21),
            papers=papers,
        ),
        "lan",
    ).code
    signed = work / "giay-khai-sinh-ky-so.pdf"
    sign_pdf(
        draw_birth_certificate(work / "giay-khai-sinh-quay-1.pdf"),
        signed,
        TokenSpec(tokens.library, "officer"),
        PIN,
        centre=CENTRE,
    )
    with ctx.store.write() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        add_attachment(
            s, dossier, ctx.profile.attachments, signed.read_bytes(),
            filename="giay-khai-sinh-ky-so.pdf", content_type="application/pdf",
            paper_position=position,
        )  # fmt: skip
    fields = PaperFields(
        kind=paper.name,
        number="45/TLKS",
        issuer="ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA",
        issued_on=date(2021, 3, 5),
        valid_until=None,
        owner_id_number=RETURN_QR.split("|")[0],
    )
    ctx.paper_records.save(code, position, fields, "lan")
    ok, _ = ctx.sync.run_until_idle(60)
    if not ok:
        raise RuntimeError("counter 1 could not sync its dossier to the central")


def shoot_reuse_panel(window, out: Path) -> None:
    """Counter 2: the same citizen's card QR read, the passport procedure chosen; central lists
    the signed copy from counter 1."""
    intake = window.intake
    intake.ui.qr_edit.setFocus()
    type_into(intake.ui.qr_edit, RETURN_QR)
    press_enter(intake.ui.qr_edit)
    type_into(intake.ui.submitter.ui.phone, "0914222333")
    intake.ui.procedure_search.setFocus()
    type_into(intake.ui.procedure_search, "cap ho chieu pho thong trong nuoc cap tinh")
    press_enter(intake.ui.procedure_search)
    wait(lambda: intake.ui.papers_table.row_count() > 3)
    panel = intake.reuse_panel
    wait(lambda: panel.list.count() == 1, timeout=60)
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    intake.ui.scroll.ensureWidgetVisible(panel, 0, 0)
    settle(1.5)
    window.grab().save(str(out / "reuse-panel.png"))


def reuse_scene(out: Path, work: Path, tokens) -> None:
    server, (code_1, code_2) = start_central(work / "central")
    try:
        desk_1, _ = enrolled_desk(server, code_1, work / "quay1", "lan")
        desk_2, officer = enrolled_desk(server, code_2, work / "quay2", "demo")
        from tests.digitise.tokens import trust_centre_ca

        trust_centre_ca(work / "quay2", tokens)  # the centre's CAs
        signed_copy_at_another_desk(desk_1, tokens, work)
        window = open_window(desk_2, officer)
        shoot_reuse_panel(window, out)
        for draft in desk_2.drafts.pending("demo"):
            desk_2.drafts.discard(draft.draft_id)
        close_window(window)
        desk_1.close()
        desk_2.close()
    finally:
        server.stop()


def run(out: Path, profile_dir: str) -> None:
    sys.path.insert(0, str(REPO / "src"))
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    tokens = make_tokens(Path(profile_dir))
    from PySide6.QtWidgets import QApplication

    from hcc_desk.app import open_context
    from hcc_desk.services.supervision import SupervisionService
    from hcc_desk.ui import i18n, style

    app = QApplication(["hcc-desk"])
    i18n.install(app, "vi")
    style.apply(app)
    ctx = open_context(Path(profile_dir) / "desk")
    ctx.setup.create_demo()
    add_officer(ctx, *SUPERVISOR, role="supervisor")
    add_officer(ctx, *SECOND_OFFICER, role="officer")
    for name, id_number, phone in (
        ("Trần Thị Bình", "046185004321", "0987654321"),
        ("Lê Hoàng Long", "046092007777", "0905111222"),
    ):
        submit_today(ctx, name, id_number, phone)
    scene = scene_moment(ctx.calendars.current())
    # The supervision screen takes its service from the context: this one
    # reads the lists at the scene's moment.
    ctx.__dict__["supervision"] = SupervisionService(
        ctx.store, ctx.calendars, ctx.credentials, clock=lambda: scene
    )

    window = open_window(ctx, ctx.auth.login("demo", "demo"))
    shoot_intake(window, out)
    shoot_receipt_preview(window, out)
    shoot_today(window, out)
    shoot_scan(window, out, Path(profile_dir))
    supervised_dossiers(ctx, scene)
    shoot_return_desk(window, out, ready_passport(ctx, scene))
    close_window(window)

    window = open_window(ctx, ctx.auth.login(SUPERVISOR[0], PASSWORD))
    shoot_supervision(window, out, scene)
    close_window(window)

    # Last, so that the dossier saved here is in none of the shots above.
    if tokens is not None:
        configure_signing(ctx, tokens)
    code, position = passport_with_birth_certificate(ctx, Path(profile_dir))
    for draft in ctx.drafts.pending("demo"):  # the scan scene's form: not offered back
        ctx.drafts.discard(draft.draft_id)
    window = open_window(ctx, ctx.auth.login("demo", "demo"))
    dialog = open_scan_from_today(window, code)
    shoot_paper_details(dialog, out, position)
    shoot_sign_dialog(dialog, out, signing_ready=tokens is not None)
    dialog.done(0)
    close_window(window)
    ctx.close()
    if tokens is not None:  # the copy is signed on the token
        reuse_scene(out, Path(profile_dir) / "reuse", tokens)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="keep only these screenshots (e.g. sign-dialog): the scenes still all run, "
        "as each builds on the one before",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="hcc-shots-") as profile_dir:
            shots = Path(profile_dir) / "shots"
            shots.mkdir()
            run(shots, profile_dir)
            wanted = {name.removesuffix(".png") for name in args.only or ()}
            for png in sorted(shots.glob("*.png")):
                if not wanted or png.stem in wanted:
                    shutil.copyfile(png, args.out / png.name)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
