"""Preview of the receipt (Mẫu 01) with Print, Save PDF… and Close.

The PDF is rendered by the receipts service into a temporary folder and page 1 rasterised with
pypdfium2, both on the I/O lane; only bytes and sizes come back.  Printing also runs there: the
window stays responsive however slow the printer or spooler is.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.forms.ui_receipt_preview import Ui_ReceiptPreview
from hcc_desk.ui.screen_fit import restore_geometry, save_geometry
from hcc_desk.ui.style import set_flag
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer

_DPI = 150  # the papers' QR (Circular 01/2023: ~65 modules) must stay readable on screen
_FORMATS = {
    "RGB": QImage.Format.Format_RGB888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGBX": QImage.Format.Format_RGBX8888,
    "BGR": QImage.Format.Format_BGR888,
    "BGRA": QImage.Format.Format_ARGB32,
    "BGRX": QImage.Format.Format_RGB32,
    "L": QImage.Format.Format_Grayscale8,
}


@dataclass(frozen=True)
class RenderedPage:
    pdf_path: str
    pixels: bytes
    width: int
    height: int
    stride: int
    mode: str


def render_first_page(render_pdf: Any, code: str, folder: str, paper: str) -> RenderedPage:
    """Worker side: PDF via the service, then page 1 as raw pixels (no Qt objects)."""
    import pypdfium2 as pdfium

    safe = "".join(c if c.isalnum() or c in ".-" else "_" for c in code)
    path = Path(render_pdf(code, Path(folder) / f"{safe}-{paper}.pdf", paper=paper))
    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[0].render(scale=_DPI / 72, rev_byteorder=True)
        page = RenderedPage(
            str(path), bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, bitmap.mode
        )
    finally:
        pdf.close()
    return page


class ReceiptPreview(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        officer: Officer,
        code: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.runner, self.officer, self.code = ctx, runner, officer, code
        self.ui = Ui_ReceiptPreview()
        self.ui.setupUi(self)
        restore_geometry(self, "receipt-preview")  # as designed 760×900: taller than 768 lines
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.code_label.setText(i18n.tr("receipt_preview.code", code=code))
        self.page: RenderedPage | None = None
        self.last_job: str | None = None
        self._pixmap = QPixmap()
        self._folder = tempfile.mkdtemp(prefix="hcc-receipt-")
        paper = ctx.settings.get("paper")
        self.ui.paper_combo.setCurrentIndex(max(0, self.ui.paper_combo.findText(paper)))
        self.ui.printer_combo.addItem(self.tr("Máy in mặc định"), None)
        self.ui.print_button.clicked.connect(self.print_receipt)
        self.ui.save_pdf_button.clicked.connect(self.save_pdf)
        self.ui.close_button.clicked.connect(self.close)
        self.ui.paper_combo.currentTextChanged.connect(lambda _p: self.render())
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_receipt)
        self.finished.connect(self._cleanup)
        self.render()
        runner.io(
            ctx.receipts.printers, on_done=self._fill_printers, on_error=lambda _f: None, owner=self
        )  # no printer list: default printer only

    def paper(self) -> str:
        return self.ui.paper_combo.currentText()

    def render(self) -> None:
        self.ui.print_button.setEnabled(False)
        self.ui.save_pdf_button.setEnabled(False)
        self.ui.page_label.setText(self.tr("Đang tạo phiếu…"))
        render_pdf, code, folder, paper = (
            self.ctx.receipts.render_pdf,
            self.code,
            self._folder,
            self.paper(),
        )
        self.runner.io(
            lambda: render_first_page(render_pdf, code, folder, paper),
            on_done=self._show_page,
            on_error=self._render_failed,
            owner=self,
        )

    def _show_page(self, page: RenderedPage) -> None:
        self.page = page
        image = QImage(
            page.pixels,
            page.width,
            page.height,
            page.stride,
            _FORMATS.get(page.mode, QImage.Format.Format_RGB888),
        )
        self._pixmap = QPixmap.fromImage(image.copy())  # copy: the bytes are not kept alive
        self._fit_page()
        self.ui.print_button.setEnabled(True)
        self.ui.save_pdf_button.setEnabled(True)
        self.ui.print_button.setFocus()

    def _fit_page(self) -> None:
        if self._pixmap.isNull():
            return
        width = max(200, self.ui.scroll.viewport().width() - 24)
        self.ui.page_label.setPixmap(
            self._pixmap.scaledToWidth(
                min(width, self._pixmap.width()), Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_page()

    def _render_failed(self, failure: Failure) -> None:
        if not errors.is_expected(failure.exc):
            self.ui.page_label.setText(self.tr("Không tạo được phiếu."))
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
            return
        self.ui.page_label.setText(i18n.text(failure.exc))

    def _fill_printers(self, names: list[str]) -> None:
        preferred = self.ctx.settings.get("printer")
        for name in names:
            self.ui.printer_combo.addItem(name, name)
        index = self.ui.printer_combo.findData(preferred) if preferred else -1
        if index < 0 and preferred:
            # A configured queue that discovery did not list (e.g. a remote one): keep it usable.
            self.ui.printer_combo.addItem(preferred, preferred)
            index = self.ui.printer_combo.count() - 1
        self.ui.printer_combo.setCurrentIndex(max(0, index))

    def print_receipt(self) -> None:
        if not self.ui.print_button.isEnabled():
            return
        self.ui.print_button.setEnabled(False)
        self._status(self.tr("Đang gửi lệnh in…"))
        receipts, code, username = self.ctx.receipts, self.code, self.officer.username
        printer, paper = self.ui.printer_combo.currentData(), self.paper()
        self.runner.io(
            lambda: receipts.print(code, username, printer=printer, paper=paper),
            on_done=self._printed,
            on_error=self._print_failed,
            owner=self,
        )

    def _printed(self, job_id: Any) -> None:
        self.last_job = str(job_id)
        self.ui.print_button.setEnabled(True)
        self._remember(self.ui.printer_combo.currentData(), self.paper())
        self._status(i18n.tr("receipt_preview.sent", job=self.last_job))

    def _remember(self, printer: str | None, paper: str) -> None:
        """A choice that printed becomes this desk's default for the next receipts."""
        settings = self.ctx.settings
        changes = {
            k: v for k, v in (("printer", printer), ("paper", paper)) if v and v != settings.get(k)
        }
        if changes:
            self.runner.db(lambda: [settings.set(k, v) for k, v in changes.items()])

    def _print_failed(self, failure: Failure) -> None:
        self.ui.print_button.setEnabled(True)
        if not errors.is_expected(failure.exc):
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
            return
        self._status(i18n.text(failure.exc), error=True)

    def save_pdf(self) -> None:
        if self.page is None:
            return
        suggested = str(Path.home() / f"{Path(self.page.pdf_path).stem}.pdf")
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Lưu phiếu thành PDF"), suggested, self.tr("Tệp PDF (*.pdf)")
        )
        if not target:
            return
        source = self.page.pdf_path
        self.runner.io(
            lambda: shutil.copyfile(source, target),
            on_done=lambda _r: self._status(i18n.tr("receipt_preview.saved", file=target)),
            on_error=self._save_failed,
            owner=self,
        )

    def _save_failed(self, failure: Failure) -> None:
        if isinstance(failure.exc, OSError):
            self._status(
                i18n.tr("receipt_preview.save_failed", reason=str(failure.exc)), error=True
            )
        else:
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)

    def _status(self, text: str, error: bool = False) -> None:
        set_flag(self.ui.status_label, "role", "error" if error else "")
        self.ui.status_label.setText(text)

    def status_text(self) -> str:
        return self.ui.status_label.text()

    def _cleanup(self) -> None:
        save_geometry(self, "receipt-preview")
        folder = self._folder
        # A render still in flight then fails on the missing folder; its callback is dropped
        # together with this dialog.
        self.runner.io(lambda: shutil.rmtree(folder, ignore_errors=True))
