"""The counter's main window: intake, today's dossiers, the return desk and (for supervisors)
supervision; menus and shortcuts, idle lock.

Shortcuts (also in the menus and the F1 list): F2 new dossier, Ctrl+S save, Ctrl+P print the
receipt, Ctrl+F search dossiers, F5 refresh, Ctrl+1…Ctrl+5 switch screens, Ctrl+L lock,
Ctrl+Q quit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.desk_info import DeskInfo, desk_info
from hcc_desk.ui.formatting import clock_text, short_datetime
from hcc_desk.ui.forms.ui_main_window import Ui_MainWindow
from hcc_desk.ui.idle import IdleWatcher, LockDialog
from hcc_desk.ui.intake_view import IntakeView
from hcc_desk.ui.receipt_preview import ReceiptPreview
from hcc_desk.ui.return_desk.view import ReturnDeskView
from hcc_desk.ui.screen_fit import restore_geometry, save_geometry
from hcc_desk.ui.sync_indicator import SyncIndicator
from hcc_desk.ui.tasks import TaskRunner
from hcc_desk.ui.today_view import TodayView

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        officer: Officer,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        autosave_ms: int = 1000,
    ):
        super().__init__(parent)
        self.ctx, self.officer = ctx, officer
        self.runner = runner or TaskRunner(self)
        self.ui = ui = Ui_MainWindow()
        ui.setupUi(self)
        restore_geometry(self, "main")  # the designed 1240×900 does not fit a 1366×768 screen
        self.intake = IntakeView(ctx, officer, self.runner, ui.intake_tab, autosave_ms)
        ui.intake_tab_layout.addWidget(self.intake)
        self.today = TodayView(ctx, officer, self.runner, ui.today_tab)
        ui.today_tab_layout.addWidget(self.today)
        self.return_desk = ReturnDeskView(ctx, officer, self.runner, ui.tabs)
        ui.tabs.addTab(self.return_desk, self.tr("Trả kết quả"))
        self.supervision: Any = None
        if getattr(officer, "role", "") in ("supervisor", "admin"):  # officers never see it
            from hcc_desk.ui.supervision.view import SupervisionView

            self.supervision = SupervisionView(ctx, officer, self.runner, ui.tabs)
            self._add_scrolling_tab(self.supervision, self.tr("Giám sát"))
        self.admin: Any = None
        if getattr(officer, "role", "") == "admin":  # the admin services refuse others anyway
            from hcc_desk.ui.admin.view import AdminView

            self.admin = AdminView(ctx, officer, self.runner, ui.tabs)
            self._add_scrolling_tab(self.admin, self.tr("Quản trị"))
        self._supervision_started = False
        self.preview: ReceiptPreview | None = None
        self.lock_dialog: LockDialog | None = None
        self.restore_box: QMessageBox | None = None
        self._focus_before_lock: QWidget | None = None
        self._build_status_bar()
        self._connect_actions()
        self.idle = IdleWatcher(float(ctx.settings.get("idle_lock_minutes")), self)
        self.idle.idle.connect(self.lock)
        self.intake.submitted.connect(self._on_submitted)
        self.intake.drafts.saved.connect(self._on_draft_saved)
        self.today.reprint_requested.connect(self.open_preview)
        ui.tabs.currentChanged.connect(self._on_tab)
        self.intake.setFocus()

    # -- construction -------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.ui.statusbar
        self.officer_label = QLabel(
            i18n.tr(
                "main_window.officer", name=self.officer.full_name, username=self.officer.username
            )
        )
        self.counter_label = QLabel()
        self.clock_label = QLabel()
        self.calendar_warning: QLabel | None = None  # admins: next year's calendar missing
        self.sync_indicator = SyncIndicator(self.ctx, self.runner, self)
        bar.addPermanentWidget(self.sync_indicator)
        for label in (self.officer_label, self.counter_label, self.clock_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self._clock = QTimer(self)
        self._clock.setInterval(10_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()

    def _show_desk(self, info: DeskInfo) -> None:
        text = info.counter_name
        if info.counter_name and info.counter_slot:
            text = i18n.tr("main_window.counter", counter=info.counter_name, slot=info.counter_slot)
        self.counter_label.setText(text)
        if info.centre_name:
            self.setWindowTitle(f"{info.centre_name} — HCC Desk")

    def _show_calendar_warning(self, warning: Any) -> None:
        if warning is not None:
            self.calendar_warning = QLabel("⚠ " + i18n.text(warning))
            self.calendar_warning.setWordWrap(True)
            self.ui.statusbar.addWidget(self.calendar_warning, 1)

    def _tick(self) -> None:
        self.clock_label.setText(clock_text(datetime.now()))

    def _connect_actions(self) -> None:
        ui = self.ui
        ui.action_new.triggered.connect(self.new_dossier)
        ui.action_save.triggered.connect(self.save)
        ui.action_print.triggered.connect(self.print_receipt)
        ui.action_search.triggered.connect(self.search)
        ui.action_refresh.triggered.connect(self.refresh)
        ui.action_intake_tab.triggered.connect(lambda: ui.tabs.setCurrentWidget(ui.intake_tab))
        ui.action_today_tab.triggered.connect(lambda: ui.tabs.setCurrentWidget(ui.today_tab))
        self.action_return_tab = QAction(self.tr("Trả &kết quả"), self)
        self.action_return_tab.setShortcut(QKeySequence("Ctrl+3"))
        self.action_return_tab.triggered.connect(self.show_return_desk)
        self.extra_tab_actions = [self.action_return_tab]
        if self.supervision is not None:
            self.action_supervision_tab = QAction(self.tr("&Giám sát"), self)
            self.action_supervision_tab.setShortcut(QKeySequence("Ctrl+4"))
            self.action_supervision_tab.triggered.connect(lambda: self.show_tab(self.supervision))
            self.extra_tab_actions.append(self.action_supervision_tab)
        if self.admin is not None:
            self.action_admin_tab = QAction(self.tr("&Quản trị"), self)
            self.action_admin_tab.setShortcut(QKeySequence("Ctrl+5"))
            self.action_admin_tab.triggered.connect(lambda: self.show_tab(self.admin))
            self.extra_tab_actions.append(self.action_admin_tab)
        ui.menu_work.insertActions(ui.action_lock, self.extra_tab_actions)
        ui.menu_work.insertSeparator(ui.action_lock)
        ui.action_lock.triggered.connect(self.lock)
        ui.action_quit.triggered.connect(self.close)
        ui.action_shortcuts.triggered.connect(self.show_shortcuts)
        ui.action_about.triggered.connect(self.show_about)
        for action, lang in ((ui.action_lang_vi, "vi"), (ui.action_lang_en, "en")):
            action.setChecked(i18n.language() == lang)
            action.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))

    def start(self) -> None:
        """After the window is shown: offer unfinished drafts, load today's list."""
        self.today.refresh()
        self.sync_indicator.start()
        self.runner.db(lambda: desk_info(self.ctx), on_done=self._show_desk, owner=self)
        if getattr(self.officer, "role", "") == "admin":  # next year's calendar (on a worker)
            self.runner.db(
                lambda: self.ctx.calendars.admin_warning(),
                on_done=self._show_calendar_warning,
                owner=self,
            )
        self.runner.db(
            lambda: self.ctx.drafts.pending(self.officer.username),
            on_done=self._offer_drafts,
            owner=self,
        )

    # -- drafts -------------------------------------------------------------------------------
    def _offer_drafts(self, drafts: list) -> None:
        if not drafts:
            return
        newest = max(drafts, key=lambda d: d.updated_at)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Hồ sơ đang nhập dở"),
            self.tr("Khôi phục hồ sơ đang nhập dở?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            i18n.tr("main_window.last_edited", at=short_datetime(newest.updated_at))
        )
        restore = box.addButton(self.tr("&Khôi phục"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Bỏ bản nháp"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: self._restore_answer(box.clickedButton() is restore, drafts, newest)
        )
        self.restore_box = box
        box.open()

    def _restore_answer(self, restore: bool, drafts: list, newest: Any) -> None:
        from hcc_desk.services.intake_request import RequestFormatError, request_from_dict

        self.restore_box = None
        if not restore:
            for draft in drafts:
                self.runner.db(lambda d=draft.draft_id: self.ctx.drafts.discard(d))
            if self.intake.capture is not None:  # the dropped drafts' scans: offered on their own
                self.runner.db(
                    lambda: None, on_done=lambda _r: self.intake.capture.check_recovery()
                )
            return
        try:
            request = request_from_dict(newest.payload)
        except RequestFormatError as exc:
            errors.show_message(self, i18n.text(exc), warning=True)
            return
        self.ui.tabs.setCurrentWidget(self.ui.intake_tab)
        self.intake.load_request(request, newest.draft_id)
        self.intake.banner.show("info", self.tr("Đã khôi phục hồ sơ đang nhập dở."))

    def _on_draft_saved(self, when: datetime) -> None:
        self.ui.statusbar.showMessage(
            i18n.tr("main_window.draft_saved", at=when.strftime("%H:%M:%S"))
        )

    # -- actions ------------------------------------------------------------------------------
    def _add_scrolling_tab(self, view: QWidget, title: str) -> None:
        """A tab whose view scrolls when the screen is smaller than the view's least size
        (supervision's tables at 1280×720, 125 %), so the window itself still fits."""
        area = QScrollArea(self.ui.tabs)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(view)
        self.ui.tabs.addTab(area, title)

    def show_tab(self, view: QWidget) -> None:
        for index in range(self.ui.tabs.count()):
            page = self.ui.tabs.widget(index)
            if page is view or (isinstance(page, QScrollArea) and page.widget() is view):
                self.ui.tabs.setCurrentIndex(index)
                return

    def current_view(self) -> QWidget:
        """The view of the current tab (inside its scroll area, if it has one)."""
        page = self.ui.tabs.currentWidget()
        return page.widget() if isinstance(page, QScrollArea) else page

    def _on_tab(self, _index: int) -> None:
        current = self.current_view()
        if current is self.ui.today_tab:
            self.today.refresh()
        elif current is self.return_desk:
            self.return_desk.focus_code()
        elif current is self.supervision and self.supervision is not None:
            if not self._supervision_started:
                self._supervision_started = True
                self.supervision.start()
            else:
                self.supervision.reload()
        elif current is self.admin and self.admin is not None:
            self.admin.start()

    def show_return_desk(self) -> None:
        self.ui.tabs.setCurrentWidget(self.return_desk)
        self.return_desk.focus_code()

    def new_dossier(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.intake_tab)
        self.intake.request_new()

    def save(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.intake_tab)
        self.intake.save()

    def print_receipt(self) -> None:
        if self.ui.tabs.currentWidget() is self.ui.today_tab:
            self.today.request_reprint()
        elif self.intake.last_dossier is not None:
            self.open_preview(self.intake.last_dossier.code)
        else:
            self.ui.statusbar.showMessage(self.tr("Chưa có hồ sơ nào vừa lưu để in."), 5000)

    def search(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.today_tab)
        self.today.focus_search()

    def refresh(self) -> None:
        self.today.refresh()
        self.intake.update_appointment()

    def _on_submitted(self, dossier: Any) -> None:
        self.ui.statusbar.clearMessage()  # "draft saved" no longer applies
        self.today.refresh()
        sync = getattr(self.ctx, "sync", None)
        if sync is not None:
            sync.nudge()  # push it now rather than at the next timer tick
        self.open_preview(dossier.code)

    def open_preview(self, code: str) -> ReceiptPreview:
        dialog = ReceiptPreview(self.ctx, self.runner, self.officer, code, self)
        dialog.finished.connect(lambda _r: self._preview_closed(dialog))
        self.preview = dialog
        dialog.open()
        return dialog

    def _preview_closed(self, dialog: ReceiptPreview) -> None:
        if self.preview is dialog:
            self.preview = None
        self.activateWindow()  # without a window manager nothing hands the keyboard back
        if self.ui.tabs.currentWidget() is self.ui.intake_tab:
            self.intake.ui.qr_edit.setFocus()  # ready for the next applicant's card

    # -- lock ---------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.lock_dialog is not None:
            return
        self.intake.drafts.flush()
        self._focus_before_lock = QApplication.focusWidget()
        self.idle.stop()
        self.ui.central.hide()  # nothing of the applicant's data stays on screen
        self.lock_dialog = LockDialog(self.ctx, self.runner, self.officer, self)
        self.lock_dialog.unlocked.connect(self._unlocked)
        self.lock_dialog.open()

    def _unlocked(self) -> None:
        self.lock_dialog = None
        self.ui.central.show()
        if self._focus_before_lock is not None:
            self._focus_before_lock.setFocus()
        self.idle.restart()

    # -- language, help -----------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.ui.action_lang_vi.setChecked(lang == "vi")
        self.ui.action_lang_en.setChecked(lang == "en")
        self.runner.db(lambda: self.ctx.settings.set("language", lang))
        errors.show_message(
            self,
            self.tr(
                "Ngôn ngữ mới được áp dụng khi mở lại chương trình.\n"
                "The new language applies when the program is restarted."
            ),
        )

    def show_shortcuts(self) -> None:
        rows = [
            (a.shortcut().toString(), a.text().replace("&", ""))
            for a in (
                self.ui.action_new,
                self.ui.action_save,
                self.ui.action_print,
                self.ui.action_search,
                self.ui.action_refresh,
                self.ui.action_intake_tab,
                self.ui.action_today_tab,
                *self.extra_tab_actions,
                self.ui.action_lock,
                self.ui.action_quit,
            )
        ]
        text = "\n".join(f"{key:<8}  {label}" for key, label in rows)
        text += "\n" + self.tr(
            "F7: quét giấy tờ đang chọn · Shift+F7: dừng quét · Ctrl+O: thêm tệp"
        )
        text += "\n" + self.tr(
            "Quét giấy tờ của hồ sơ đã lưu: F9 ký số · Shift+F9 ký số tất cả · Ctrl+I thông tin giấy tờ. Trả kết quả: F7 quét kết quả"
        )
        text += "\n\n" + self.tr("Alt + chữ gạch chân: đến ô tương ứng. Enter trong ô QR: đọc thẻ.")
        errors.show_message(self, text)

    def show_about(self) -> None:
        from hcc_desk import __version__

        errors.show_message(
            self,
            i18n.tr("main_window.about", version=__version__),
        )

    def closeEvent(self, event: Any) -> None:
        save_geometry(self, "main")
        # Whatever is typed reaches the draft store before the window goes away.
        self.intake.drafts.flush()
        if self.supervision is not None:
            self.supervision.stop()
        self.idle.remove()
        if self.intake.capture is not None:
            self.intake.capture.stop()  # a running scan batch must end before its thread goes
        auth, username = self.ctx.auth, self.officer.username
        self.runner.io(lambda: auth.logout(username))  # end the officer's session on central
        # No waiting here: the window goes at once. The draft save and the logout finish on
        # their lanes; the launcher waits for them (TaskRunner.shutdown) once the window is
        # gone, and the store closes after that (ARCHITECTURE.md, "The GUI thread").
        super().closeEvent(event)
