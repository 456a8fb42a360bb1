"""Lịch và danh mục: pick a calendar or catalogue file, see what it would change, then import.
Nothing is written until "Nhập vào quầy"; the file is read on the database worker. The layout is
forms/admin_imports.ui."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from hcc_desk.ui.admin.common import enter_clicks, failure_handler, show_rows
from hcc_desk.ui.banner import Banner
from hcc_desk.ui.formatting import date_text, weekday
from hcc_desk.ui.forms.ui_admin_imports import Ui_ImportsPage
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.admin_imports import AdminImports
    from hcc_desk.services.auth import Officer

NAMES = {
    "added": QT_TRANSLATE_NOOP("Admin", "Thêm"),
    "removed": QT_TRANSLATE_NOOP("Admin", "Bỏ"),
    "changed": QT_TRANSLATE_NOOP("Admin", "Sửa"),
    "off": QT_TRANSLATE_NOOP("Admin", "Ngày nghỉ"),
    "work": QT_TRANSLATE_NOOP("Admin", "Ngày làm bù"),
}


def _name(key: str) -> str:
    return QCoreApplication.translate("Admin", NAMES[key]) if key in NAMES else key


class ImportsPage(QWidget):
    """Signals: previewed(preview), applied(report)."""

    previewed = Signal(object)
    applied = Signal(object)

    def __init__(
        self,
        service: AdminImports,
        officer: Officer,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service, self.officer, self.runner = service, officer, runner
        self.pending: tuple[str, Path] | None = None  # (kind, file) shown in the preview
        self.file_dialog: QFileDialog | None = None
        self.ui = ui = Ui_ImportsPage()
        ui.setupUi(self)
        self.banner = Banner(ui.banner, ui.banner_label, ui.banner_close)
        self.calendar_button, self.catalogue_button = ui.calendar_button, ui.catalogue_button
        self.retire_check, self.summary = ui.retire_check, ui.summary
        self.table, self.warnings, self.apply_button = ui.table, ui.warnings, ui.apply_button
        self.rows = show_rows(
            self.table,
            [self.tr("Thay đổi"), self.tr("Ngày / mã"), self.tr("Tên"), self.tr("Chi tiết")],
            2,
        )
        self.warnings.hide()
        self.calendar_button.clicked.connect(lambda: self.ask_file("calendar"))
        self.catalogue_button.clicked.connect(lambda: self.ask_file("catalogue"))
        self.retire_check.toggled.connect(self._retire_toggled)
        self.apply_button.clicked.connect(self.apply)

    def keyPressEvent(self, event) -> None:
        if not enter_clicks(self.apply_button, event):
            super().keyPressEvent(event)

    def ask_file(self, kind: str) -> QFileDialog:
        title = (
            self.tr("Tệp lịch nghỉ lễ, Tết")
            if kind == "calendar"
            else self.tr("Tệp danh mục thủ tục")
        )
        dialog = QFileDialog(self, title)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter(
            "JSON (*.json)" if kind == "calendar" else self.tr("Danh mục (*.json *.xlsx)")
        )
        dialog.fileSelected.connect(lambda name: self.preview(kind, Path(name)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    # -- preview ------------------------------------------------------------------------------
    def preview(self, kind: str, path: Path) -> None:
        self.pending = None
        self.apply_button.setEnabled(False)
        self.banner.hide()
        self.summary.setText(self.tr("Đang đọc %1…").replace("%1", path.name))
        service, admin, retire = self.service, self.officer.username, self.retire_check.isChecked()
        job = (
            (lambda: service.preview_calendar(admin, path))
            if kind == "calendar"
            else (lambda: service.preview_catalogue(admin, path, retire))
        )
        self.runner.db(
            job,
            on_done=lambda p: self._show(kind, path, p),
            on_error=failure_handler(self, then=self._clear),
            owner=self,
        )

    def _retire_toggled(self, _on: bool) -> None:
        if self.pending is not None and self.pending[0] == "catalogue":
            self.preview(*self.pending)

    def _clear(self) -> None:
        self.summary.setText(self.tr("Chưa nhập gì."))
        self.rows.set_rows([])
        self.warnings.hide()

    def _show(self, kind: str, path: Path, preview: Any) -> None:
        self.pending = (kind, path)
        if kind == "calendar":
            rows = [
                [_name(c.change), f"{weekday(c.day)} {date_text(c.day)}", c.name, _name(c.kind)]
                for c in preview.changes
            ]
            years = ", ".join(str(y) for y in preview.years)
            text = (
                self.tr("%1 — lịch năm %2: thêm %3, bỏ %4, sửa %5 ngày.")
                .replace("%1", path.name)
                .replace("%2", years)
            )
        else:
            rows = [[_name(c.change), c.ref, c.name, ", ".join(c.fields)] for c in preview.changes]
            text = (
                self.tr("%1 — thủ tục: thêm %3, ngừng %4, sửa %5; %6 không đổi.")
                .replace("%1", path.name)
                .replace("%6", str(preview.unchanged))
            )
        for key, change in (("%3", "added"), ("%4", "removed"), ("%5", "changed")):
            text = text.replace(key, str(len(preview.of(change))))
        if not preview.changes:
            text += " " + self.tr("Không có gì thay đổi.")
        self.summary.setText(text)
        self.rows.set_rows(rows)
        found = getattr(preview, "warnings", [])
        self.warnings.setPlainText(
            self.tr("Cảnh báo (vẫn nhập được, nhưng danh mục cần sửa):") + "\n" + "\n".join(found)
        )
        self.warnings.setVisible(bool(found))
        self.apply_button.setEnabled(bool(preview.changes))
        self.previewed.emit(preview)

    # -- apply --------------------------------------------------------------------------------
    def apply(self) -> None:
        if self.pending is None:
            return
        kind, path = self.pending
        self.apply_button.setEnabled(False)
        service, admin, retire = self.service, self.officer.username, self.retire_check.isChecked()
        job = (
            (lambda: service.apply_calendar(admin, path))
            if kind == "calendar"
            else (lambda: service.apply_catalogue(admin, path, retire))
        )
        self.runner.db(
            job,
            on_done=lambda r: self._applied(kind, path, r),
            on_error=failure_handler(
                self, then=lambda: self.apply_button.setEnabled(self.pending is not None)
            ),
            owner=self,
        )

    def _applied(self, kind: str, path: Path, report: Any) -> None:
        self.pending = None
        if kind == "calendar":
            text = (
                self.tr("Đã nạp lịch %1: %2 ngày.")
                .replace("%1", ", ".join(str(y) for y in report.years))
                .replace("%2", str(report.days))
            )
        else:
            text = (
                self.tr("Đã nhập danh mục: thêm %1, sửa %2, ngừng %3.")
                .replace("%1", str(report.added))
                .replace("%2", str(report.updated))
                .replace("%3", str(report.deactivated))
            )
        self.banner.show("success", text)
        self.summary.setText(path.name)
        self.applied.emit(report)
