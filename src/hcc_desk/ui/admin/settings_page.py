"""Cài đặt: printer, paper, idle lock, language and the scanner profile of this desk.
Printers and scanners are listed on a worker (CUPS/WIA/SANE can take seconds)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hcc_desk.services.admin_settings import (
    IDLE_RANGE,
    RESOLUTIONS,
    DeskSettings,
    ScanSettings,
)
from hcc_desk.ui.admin.common import enter_clicks, error_label, failure_handler
from hcc_desk.ui.return_desk.view import make_banner
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.admin_settings import AdminSettings
    from hcc_desk.services.auth import Officer

SOURCES = (
    ("flatbed", QT_TRANSLATE_NOOP("Admin", "Mặt kính")),
    ("adf", QT_TRANSLATE_NOOP("Admin", "Khay nạp giấy (ADF)")),
    ("duplex", QT_TRANSLATE_NOOP("Admin", "Khay nạp, quét hai mặt")),
)
MODES = (
    ("gray", QT_TRANSLATE_NOOP("Admin", "Xám")),
    ("color", QT_TRANSLATE_NOOP("Admin", "Màu")),
    ("lineart", QT_TRANSLATE_NOOP("Admin", "Đen trắng")),
)


class SettingsPage(QWidget):
    """Signals: loaded(DeskSettings), saved(dict of what changed)."""

    loaded = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        service: AdminSettings,
        ctx: AppContext,
        officer: Officer,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service, self.ctx, self.officer, self.runner = service, ctx, officer, runner
        outer = QVBoxLayout(self)
        frame, self.banner = make_banner(self)
        outer.addWidget(frame)
        scroll = QScrollArea(self)  # fits 1280×720 at 125 %: the Save button stays below
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(body)

        printing = QGroupBox(self.tr("In phiếu"), body)
        form = QFormLayout(printing)
        self.printer_combo = QComboBox(printing)
        self.printer_combo.setEditable(True)
        self.printer_combo.addItem(self.tr("(máy in mặc định của hệ thống)"), None)
        self.find_printers_button = QPushButton(self.tr("&Tìm máy in"), printing)
        form.addRow(
            self._label(self.tr("Máy &in:"), self.printer_combo),
            self._pair(self.printer_combo, self.find_printers_button),
        )
        self.paper_combo = QComboBox(printing)
        for paper in ("A4", "A5"):
            self.paper_combo.addItem(paper, paper)
        form.addRow(self._label(self.tr("Khổ &giấy:"), self.paper_combo), self.paper_combo)
        column.addWidget(printing)

        desk = QGroupBox(self.tr("Quầy"), body)
        form = QFormLayout(desk)
        self.idle_spin = QSpinBox(desk)
        self.idle_spin.setRange(*IDLE_RANGE)
        self.idle_spin.setSuffix(self.tr(" phút"))
        form.addRow(self._label(self.tr("Tự &khoá màn hình sau:"), self.idle_spin), self.idle_spin)
        self.language_combo = QComboBox(desk)
        self.language_combo.addItem("Tiếng Việt", "vi")
        self.language_combo.addItem("English", "en")
        form.addRow(self._label(self.tr("&Ngôn ngữ:"), self.language_combo), self.language_combo)
        column.addWidget(desk)

        scan = QGroupBox(self.tr("Máy quét"), body)
        form = QFormLayout(scan)
        self.device_combo = QComboBox(scan)
        self.device_combo.setEditable(True)
        self.device_combo.addItem(self.tr("(chưa chọn: hỏi khi quét lần đầu)"), "")
        self.find_scanners_button = QPushButton(self.tr("Tìm má&y quét"), scan)
        form.addRow(
            self._label(self.tr("Thiết &bị:"), self.device_combo),
            self._pair(self.device_combo, self.find_scanners_button),
        )
        self.source_combo = self._choices(scan, SOURCES)
        form.addRow(self._label(self.tr("Ng&uồn giấy:"), self.source_combo), self.source_combo)
        self.resolution_combo = QComboBox(scan)
        for dpi in RESOLUTIONS:
            self.resolution_combo.addItem(f"{dpi} dpi", dpi)
        form.addRow(
            self._label(self.tr("Độ p&hân giải:"), self.resolution_combo), self.resolution_combo
        )
        self.mode_combo = self._choices(scan, MODES)
        form.addRow(self._label(self.tr("Chế độ &màu:"), self.mode_combo), self.mode_combo)
        column.addWidget(scan)
        column.addStretch(1)

        self.error = error_label(self)
        outer.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Lưu cài đặt"), self)
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.find_printers_button.clicked.connect(self.find_printers)
        self.find_scanners_button.clicked.connect(self.find_scanners)
        for b in (self.find_printers_button, self.find_scanners_button):
            b.setAutoDefault(True)  # Enter on a focused button presses that one, not Save

    def keyPressEvent(self, event) -> None:
        if not enter_clicks(self.save_button, event):
            super().keyPressEvent(event)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _pair(self, a: QWidget, b: QWidget) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(a, 1)
        row.addWidget(b)
        return box

    def _choices(self, parent: QWidget, items: tuple) -> QComboBox:
        combo = QComboBox(parent)
        for value, text in items:
            combo.addItem(QCoreApplication.translate("Admin", text), value)
        return combo

    # -- load / save --------------------------------------------------------------------------
    def reload(self) -> None:
        service, admin = self.service, self.officer.username
        self.runner.db(
            lambda: service.read(admin),
            on_done=self._show,
            on_error=failure_handler(self),
            owner=self,
        )

    def _show(self, s: DeskSettings) -> None:
        _select(self.printer_combo, s.printer)
        _select(self.paper_combo, s.paper)
        self.idle_spin.setValue(s.idle_lock_minutes)
        _select(self.language_combo, s.language)
        _select(self.device_combo, s.scan.device)
        _select(self.source_combo, s.scan.source)
        _select(self.resolution_combo, s.scan.resolution)
        _select(self.mode_combo, s.scan.mode)
        self.loaded.emit(s)

    def current(self) -> DeskSettings:
        return DeskSettings(
            printer=_value(self.printer_combo) or None,
            paper=self.paper_combo.currentData(),
            idle_lock_minutes=self.idle_spin.value(),
            language=self.language_combo.currentData(),
            scan=ScanSettings(
                _value(self.device_combo) or "",
                self.source_combo.currentData(),
                self.resolution_combo.currentData(),
                self.mode_combo.currentData(),
            ),
        )

    def save(self) -> None:
        self.error.hide()
        self.banner.hide()
        service, admin, new = self.service, self.officer.username, self.current()
        self.runner.db(
            lambda: service.save(admin, new),
            on_done=self._saved,
            on_error=failure_handler(self, self.error),
            owner=self,
        )

    def _saved(self, changed: dict) -> None:
        if not changed:
            self.banner.show("info", self.tr("Không có gì thay đổi."))
        elif "language" in changed or "idle_lock_minutes" in changed:
            self.banner.show(
                "success",
                self.tr(
                    "Đã lưu cài đặt. Ngôn ngữ và thời gian tự khoá áp dụng khi mở lại chương trình."
                ),
            )
        else:
            self.banner.show("success", self.tr("Đã lưu cài đặt."))
        self.saved.emit(changed)

    # -- devices (workers: the print system and SANE/WIA can be slow) -------------------------
    def find_printers(self) -> None:
        receipts = self.ctx.receipts
        self.find_printers_button.setEnabled(False)
        self.runner.io(
            receipts.printers,
            on_done=self._printers,
            on_error=failure_handler(self, then=self._devices_done),
            owner=self,
        )

    def _printers(self, names: list[str]) -> None:
        _offer(self.printer_combo, [(n, n) for n in names])
        self._devices_done()
        self.banner.show("info", self.tr("Tìm thấy %1 máy in.").replace("%1", str(len(names))))

    def find_scanners(self) -> None:
        capture = self.ctx.capture
        self.find_scanners_button.setEnabled(False)
        self.runner.io(
            capture.devices,
            on_done=self._scanners,
            on_error=failure_handler(self, then=self._devices_done),
            owner=self,
        )

    def _scanners(self, devices: list) -> None:
        _offer(self.device_combo, [(d.label, d.name) for d in devices])
        self._devices_done()
        self.banner.show("info", self.tr("Tìm thấy %1 máy quét.").replace("%1", str(len(devices))))

    def _devices_done(self) -> None:
        self.find_printers_button.setEnabled(True)
        self.find_scanners_button.setEnabled(True)


def _offer(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Add what was found after the "none" entry, keeping the current choice."""
    keep = _value(combo)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, value in items:
        combo.addItem(text, value)
    _select(combo, keep)


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0 and combo.isEditable() and value:  # a saved name not (yet) listed
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def _value(combo: QComboBox) -> Any:
    """Editable combos: what is typed counts (a printer the list did not show)."""
    if combo.isEditable() and combo.currentText() != combo.itemText(combo.currentIndex()):
        return combo.currentText().strip()
    return combo.currentData()
