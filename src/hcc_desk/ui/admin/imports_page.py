"""Lịch và danh mục: pick a calendar or catalogue file, see what it would change, then import.
Nothing is written until "Nhập vào quầy"; the file is read on the database worker. The layout is
forms/admin_imports.ui."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from hcc_desk.ui import i18n
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
        self.summary.setText(i18n.tr("imports_page.reading", file=path.name))
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
        counts = {change: len(preview.of(change)) for change in ("added", "removed", "changed")}
        if kind == "calendar":
            rows = [
                [_name(c.change), f"{weekday(c.day)} {date_text(c.day)}", c.name, _name(c.kind)]
                for c in preview.changes
            ]
            years = ", ".join(str(y) for y in preview.years)
            text = i18n.tr("imports_page.calendar_preview", file=path.name, years=years, **counts)
        else:
            rows = [[_name(c.change), c.ref, c.name, ", ".join(c.fields)] for c in preview.changes]
            text = i18n.tr(
                "imports_page.catalogue_preview",
                file=path.name,
                unchanged=preview.unchanged,
                **counts,
            )
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
            text = i18n.tr(
                "imports_page.calendar_loaded",
                years=", ".join(str(y) for y in report.years),
                n=report.days,
            )
        else:
            text = i18n.tr(
                "imports_page.catalogue_imported",
                added=report.added,
                changed=report.updated,
                retired=report.deactivated,
            )
        self.banner.show("success", text)
        self.summary.setText(path.name)
        self.applied.emit(report)
