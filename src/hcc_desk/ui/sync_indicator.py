"""Sync at a glance in the status bar: online or not, what is waiting, what was refused.

It polls the sync service's in-memory status (cheap) on the I/O lane every couple of seconds, so
nothing here ever blocks typing. "Đồng bộ ngay" runs a pass in the background; refused records
are listed with central's reason and can be retried.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.formatting import short_datetime
from hcc_desk.ui.forms.ui_sync_indicator import Ui_SyncIndicator
from hcc_desk.ui.forms.ui_sync_parked import Ui_ParkedDialog
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext

POLL_MS = 2000


def describe(status: Any) -> tuple[str, str]:
    """(short label, tooltip) for a SyncStatus — plain logic, tested without a window."""
    if status is None:
        return (
            QCoreApplication.translate("SyncIndicator", "Chưa đăng ký máy chủ"),
            QCoreApplication.translate(
                "SyncIndicator", "Quầy làm việc độc lập (chưa đăng ký đồng bộ)."
            ),
        )
    if status.auth_failed:
        state = QCoreApplication.translate("SyncIndicator", "⚠ Cần đăng ký lại")
    elif status.online is None:
        state = QCoreApplication.translate("SyncIndicator", "… Đang kết nối")
    elif status.online:
        state = QCoreApplication.translate("SyncIndicator", "● Trực tuyến")
    else:
        state = QCoreApplication.translate("SyncIndicator", "○ Ngoại tuyến")
    parts = [state]
    if status.pending:
        parts.append(i18n.tr("sync_indicator.waiting", n=status.pending))
    if status.parked:
        parts.append(i18n.tr("sync_indicator.refused", n=status.parked))
    last = (
        short_datetime(status.last_success_at)
        if status.last_success_at
        else QCoreApplication.translate("SyncIndicator", "chưa lần nào")
    )
    tip = i18n.tr("sync_indicator.last_success", at=last)
    if status.last_error and not status.online:
        tip += "\n" + status.last_error
    warning = getattr(status, "clock_warning", None)
    if warning:  # the officer must see it: central would refuse what this desk dates ahead
        parts.append("⚠ " + QCoreApplication.translate("SyncIndicator", "giờ máy sai"))
        tip += "\n" + i18n.text(warning)
    return " · ".join(parts), tip


class SyncIndicator(QWidget):
    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.service = getattr(ctx, "sync", None)
        self.status: Any = None
        self.ui = ui = Ui_SyncIndicator()  # forms/sync_indicator.ui
        ui.setupUi(self)
        self.button, self.progress = ui.button, ui.progress
        menu = QMenu(self)
        self.sync_action = menu.addAction(self.tr("Đồng bộ &ngay"), self.sync_now)
        self.parked_action = menu.addAction(self.tr("Hồ sơ &bị từ chối…"), self.show_parked)
        self.button.setMenu(menu)
        self.progress.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._render()

    def start(self) -> None:
        if self.service is None:
            return
        self.runner.io(
            self.service.start_background, owner=self, on_done=lambda _started: self.poll()
        )
        self._timer.start()

    def poll(self) -> None:
        service = self.service
        if service is None:
            return
        # Enrolment is a credential file to read and unseal: I/O, so on the lane too.
        self.runner.io(
            lambda: service.status() if service.is_enrolled() else None,
            on_done=self._polled,
            owner=self,
            on_error=lambda _f: None,
        )

    def _polled(self, status: Any) -> None:
        if status is not None:  # None: not enrolled, nothing to show but "not registered"
            self._update(status)

    def _update(self, status: Any) -> None:
        self.status = status
        self._render()

    def _render(self) -> None:
        enrolled = self.service is not None and self.status is not None
        text, tip = describe(self.status if enrolled else None)
        self.button.setText(text)
        self.button.setToolTip(tip)
        self.sync_action.setEnabled(enrolled)
        self.parked_action.setEnabled(bool(enrolled and self.status.parked))
        upload = getattr(self.status, "upload", None) if enrolled else None
        if upload and upload.total:
            self.progress.setMaximum(max(upload.total, 1))
            self.progress.setValue(upload.sent)
            self.progress.setFormat(f"{upload.filename[:18]} %p%")
            self.progress.show()
        else:
            self.progress.hide()

    def sync_now(self) -> None:
        if self.service is None:
            return
        self.button.setText(self.tr("⟳ Đang đồng bộ…"))
        self.runner.io(
            self.service.sync_now, owner=self, on_done=lambda _r: self.poll(), on_error=self._failed
        )

    def _failed(self, failure: Any) -> None:
        self.poll()
        errors.present_failure(self.window(), failure)

    def show_parked(self) -> None:
        if self.service is None or self.status is None:
            return
        dialog = ParkedDialog(self.status.parked_items, self)
        dialog.retry_requested.connect(
            lambda: self.runner.io(
                self.service.retry_parked, owner=self, on_done=lambda _n: self.poll()
            )
        )
        dialog.open()


class ParkedDialog(QDialog):
    """Records central refused, each with its reason; "Thử lại" retries them all."""

    retry_requested = Signal()

    def __init__(self, items: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_ParkedDialog()  # forms/sync_parked.ui
        ui.setupUi(self)
        lines = []
        for item in items:
            code = f" ({item.code})" if item.code else ""
            lines.append(f"{item.kind} {item.entity_uuid[:8]}…{code}: {item.reason}")
        self.list = ui.list
        self.list.setModel(QStringListModel(lines, self.list))
        buttons = ui.buttons
        retry = buttons.addButton(self.tr("&Thử lại"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        retry.clicked.connect(self.retry_requested.emit)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
