"""Scanner and scan settings: device, source (glass / feeder / both sides), resolution, colour.

Only what the chosen device offers is listed (vendors name their sources differently; the
capture core maps them to flatbed / ADF / duplex). The choice is remembered for this counter
through CaptureService.save_profile, and restored the next time. The layout is
forms/scan_profile.ui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from hcc_desk.core.capture.model import ColourMode, DeviceInfo, ScanProfile, Source
from hcc_desk.ui import i18n
from hcc_desk.ui.forms.ui_scan_profile import Ui_ProfileChooser
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.capture import CaptureService

DEFAULT_RESOLUTIONS = (150, 200, 300, 600)


class ProfileChooser(QWidget):
    """Signals: devices_loaded(int) after a device search; profile_changed() on the officer's
    change (already being saved)."""

    devices_loaded = Signal(int)
    profile_changed = Signal()

    def __init__(self, capture: CaptureService, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.capture, self.runner = capture, runner
        self._devices: dict[str, DeviceInfo] = {}
        self._saved: ScanProfile | None = None
        self._filling = False
        self._searching = False
        self._searched = False
        self.ui = ui = Ui_ProfileChooser()
        ui.setupUi(self)  # source, resolution and colour wait for a scanner to offer options
        self.device_box, self.source_box = ui.device_box, ui.source_box
        self.resolution_box, self.mode_box = ui.resolution_box, ui.mode_box
        self.find_button, self.status = ui.find_button, ui.status
        self.device_box.currentIndexChanged.connect(self._on_device)
        for box in (self.source_box, self.resolution_box, self.mode_box):
            box.currentIndexChanged.connect(self._on_option)
        self.find_button.clicked.connect(self.find_devices)

    # -- loading ------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the counter's saved profile. Scanners are looked for only when needed (the
        search takes seconds): the remembered scanner is used straight away."""
        self.runner.db(
            self.capture.profile,
            on_done=self._saved_loaded,
            on_error=lambda _f: self._saved_loaded(None),
            owner=self,
        )

    def _saved_loaded(self, profile: ScanProfile | None) -> None:
        self._saved = profile
        if profile is None or self.device_box.count():
            return
        self._filling = True
        try:
            self.device_box.addItem(profile.device, profile.device)
        finally:
            self._filling = False
        self._fill_options(profile)
        self.status.setText(self.tr("Máy quét đã dùng lần trước."))

    @property
    def searched(self) -> bool:
        return self._searched

    def find_devices(self) -> None:
        if self._searching:
            return
        self._searching = True
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Đang tìm máy quét…"))
        self.runner.io(
            self.capture.devices,
            on_done=self._devices_found,
            on_error=self._search_failed,
            owner=self,
        )

    def _search_failed(self, failure: Failure) -> None:
        self._devices_found([])
        self.status.setText(i18n.tr("profile_chooser.search_failed", reason=str(failure.exc)))

    def _devices_found(self, devices: list[DeviceInfo]) -> None:
        self._searching = False
        self._searched = True
        self.find_button.setEnabled(True)
        self._devices = {d.name: d for d in devices}
        wanted = self.current_device() or (self._saved.device if self._saved else None)
        self._filling = True
        try:
            self.device_box.clear()
            for device in devices:
                self.device_box.addItem(device.label, device.name)
            if wanted and wanted not in self._devices:
                # Keep the remembered scanner choosable: it may just be switched off right now.
                self.device_box.addItem(
                    i18n.tr("profile_chooser.device_not_found", device=wanted), wanted
                )
            index = self.device_box.findData(wanted) if wanted else 0
            self.device_box.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
        self._fill_options(self._saved)
        if devices:
            self.status.setText(i18n.tr("profile_chooser.scanners_found", n=len(devices)))
        else:
            self.status.setText(
                self.tr(
                    "Không thấy máy quét nào. Kiểm tra cáp và nguồn, rồi bấm "
                    "Tìm máy quét; vẫn có thể Thêm tệp…"
                )
            )
        self.devices_loaded.emit(len(devices))

    # -- options ------------------------------------------------------------------------------
    def _on_device(self, _index: int) -> None:
        if not self._filling:
            self._fill_options(self.profile())
            self._remember()

    def _on_option(self, _index: int) -> None:
        if not self._filling:
            self._remember()

    def _fill_options(self, prefer: ScanProfile | None) -> None:
        device = self._devices.get(self.current_device() or "")
        sources = device.sources if device else tuple(Source)
        resolutions = device.resolutions if device and device.resolutions else DEFAULT_RESOLUTIONS
        modes = device.modes if device else tuple(ColourMode)
        labels = {
            Source.FLATBED: self.tr("Mặt kính"),
            Source.ADF: self.tr("Khay nạp giấy (ADF)"),
            Source.DUPLEX: self.tr("Khay nạp, quét hai mặt"),
            ColourMode.COLOR: self.tr("Màu"),
            ColourMode.GRAY: self.tr("Xám"),
            ColourMode.LINEART: self.tr("Đen trắng"),
        }
        same_device = prefer is not None and prefer.device == self.current_device()
        self._filling = True
        try:
            _fill(
                self.source_box,
                [(labels[s], s) for s in sources],
                prefer.source if same_device else Source.ADF if Source.ADF in sources else None,
            )
            _fill(
                self.resolution_box,
                [(i18n.tr("profile_chooser.dpi", dpi=r), r) for r in resolutions],
                _nearest(resolutions, prefer.resolution if same_device else 300),
            )
            _fill(
                self.mode_box,
                [(labels[m], m) for m in modes],
                prefer.mode if same_device else ColourMode.GRAY,
            )
        finally:
            self._filling = False
        has_device = self.current_device() is not None
        for box in (self.source_box, self.resolution_box, self.mode_box):
            box.setEnabled(has_device)

    def _remember(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        self._saved = profile
        self.runner.db(lambda: self.capture.save_profile(profile), owner=self)
        self.profile_changed.emit()

    # -- reading ------------------------------------------------------------------------------
    def current_device(self) -> str | None:
        return self.device_box.currentData()

    def device(self) -> DeviceInfo | None:
        return self._devices.get(self.current_device() or "")

    def profile(self) -> ScanProfile | None:
        name = self.current_device()
        if not name:
            return None
        kwargs: dict[str, Any] = {"device": name}
        # Combo data comes back as plain str/int: turn it into the profile's types again.
        for field, box, kind in (
            ("source", self.source_box, Source),
            ("resolution", self.resolution_box, int),
            ("mode", self.mode_box, ColourMode),
        ):
            if box.currentData() is not None:
                kwargs[field] = kind(box.currentData())
        return ScanProfile(**kwargs)

    def select(
        self,
        source: Source | None = None,
        resolution: int | None = None,
        mode: ColourMode | None = None,
    ) -> None:
        """Choose options as the officer would (saved like a manual choice)."""
        for box, value in (
            (self.source_box, source),
            (self.resolution_box, resolution),
            (self.mode_box, mode),
        ):
            if value is not None:
                index = box.findData(value)
                if index >= 0:
                    box.setCurrentIndex(index)


def _fill(box: QComboBox, items: list[tuple[str, Any]], prefer: Any) -> None:
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    index = box.findData(prefer) if prefer is not None else -1
    box.setCurrentIndex(max(index, 0))


def _nearest(values: tuple[int, ...], wanted: int) -> int:
    return min(values, key=lambda v: (abs(v - wanted), v)) if values else wanted
