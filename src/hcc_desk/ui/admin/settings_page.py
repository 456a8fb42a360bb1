"""Cài đặt: printer, paper, idle lock, language, the scanner profile and the signing token of
this desk.
Printers and scanners are listed on a worker (CUPS/WIA/SANE can take seconds). The layout is
forms/admin_settings.ui."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from hcc_desk.services.admin_settings import (
    IDLE_RANGE,
    RESOLUTIONS,
    DeskSettings,
    ScanSettings,
    SigningSettings,
)
from hcc_desk.ui import i18n
from hcc_desk.ui.admin.common import enter_clicks, failure_handler
from hcc_desk.ui.banner import Banner
from hcc_desk.ui.forms.ui_admin_settings import Ui_SettingsPage
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
        self.ui = ui = Ui_SettingsPage()
        ui.setupUi(self)  # in a scroll area: fits 1280×720 at 125 %, the Save button below
        self.banner = Banner(ui.banner, ui.banner_label, ui.banner_close)
        self.printer_combo, self.paper_combo = ui.printer_combo, ui.paper_combo
        self.idle_spin, self.language_combo = ui.idle_spin, ui.language_combo
        self.device_combo, self.source_combo = ui.device_combo, ui.source_combo
        self.resolution_combo, self.mode_combo = ui.resolution_combo, ui.mode_combo
        self.find_printers_button = ui.find_printers_button
        self.find_scanners_button = ui.find_scanners_button
        self.error, self.save_button = ui.error, ui.save_button
        self.signing_edits = {
            "pkcs11_lib": ui.pkcs11_lib_edit,
            "slot_label": ui.slot_label_edit,
            "key_label": ui.key_label_edit,
            "timestamp_url": ui.timestamp_url_edit,
        }
        self.error.hide()
        # Items carrying a value stay in code (a form's combo items have text only).
        self.printer_combo.addItem(self.tr("(máy in mặc định của hệ thống)"), None)
        for paper in ("A4", "A5"):
            self.paper_combo.addItem(paper, paper)
        self.idle_spin.setRange(*IDLE_RANGE)
        self.language_combo.addItem("Tiếng Việt", "vi")
        self.language_combo.addItem("English", "en")
        self.device_combo.addItem(self.tr("(chưa chọn: hỏi khi quét lần đầu)"), "")
        _choices(self.source_combo, SOURCES)
        for dpi in RESOLUTIONS:
            self.resolution_combo.addItem(f"{dpi} dpi", dpi)
        _choices(self.mode_combo, MODES)
        self.save_button.clicked.connect(self.save)
        self.find_printers_button.clicked.connect(self.find_printers)
        self.find_scanners_button.clicked.connect(self.find_scanners)

    def keyPressEvent(self, event) -> None:
        if not enter_clicks(self.save_button, event):
            super().keyPressEvent(event)

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
        for name, edit in self.signing_edits.items():
            edit.setText(getattr(s.signing, name))
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
            signing=SigningSettings(
                **{name: edit.text().strip() for name, edit in self.signing_edits.items()}
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
        self.banner.show("info", i18n.tr("settings_page.printers_found", n=len(names)))

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
        self.banner.show("info", i18n.tr("settings_page.scanners_found", n=len(devices)))

    def _devices_done(self) -> None:
        self.find_printers_button.setEnabled(True)
        self.find_scanners_button.setEnabled(True)


def _choices(combo: QComboBox, items: tuple[tuple[str, object], ...]) -> None:
    # QT_TRANSLATE_NOOP is typed as returning object; it returns the text it marks.
    for value, text in items:
        combo.addItem(QCoreApplication.translate("Admin", str(text)), value)


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
