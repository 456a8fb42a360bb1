"""Province → commune/ward picker under an address line (two-level government, no district).

Keyboard-first: the province defaults to the centre's own; in the commune field the officer
types the name without accents ("phu xuan"), Down/Enter picks it, and the address line reads
"<street/house>, phường Phú Xuân, thành phố Huế". The address line stays free text: a place
not in the list is typed as it is (Enter keeps it), so the officer is never blocked.

The place data is loaded off the GUI thread (``set_places`` is called when it is ready); until
then the commune field is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from hcc_core.domain.places import Commune, Places, Province, format_address, street_part
from hcc_desk.ui.forms.ui_address_picker import Ui_AddressPicker


class AddressPicker(QWidget):
    """Signals: changed() when a pick rewrote the address line."""

    changed = Signal()

    def __init__(self, address: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.address = address
        self.places: Places | None = None
        self._suffix = ""  # the place part this picker last wrote at the end of the address
        self.ui = ui = Ui_AddressPicker()  # forms/address_picker.ui
        ui.setupUi(self)
        self.province, self.commune = ui.address_province, ui.address_commune
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.commune)
        self.completer.activated[str].connect(self._picked)
        self.commune.textEdited.connect(self._search)
        self.commune.returnPressed.connect(self._typed)
        self.province.activated.connect(lambda _i: self._province_changed())
        self._matches: dict[str, Commune] = {}

    # -- data ---------------------------------------------------------------------------------
    def set_places(self, places: Places, default: Province | None = None) -> None:
        self.places = places
        self.province.clear()
        for p in places.provinces:
            self.province.addItem(p.label, p.code)
        if default is not None:
            self.province.setCurrentIndex(self.province.findData(default.code))

    def current_province(self) -> Province | None:
        code = self.province.currentData()
        return self.places.province(code) if self.places is not None and code else None

    # -- typing and picking ---------------------------------------------------------------------
    def _search(self, text: str) -> None:
        province = self.current_province()
        if province is None or self.places is None:
            return
        found = self.places.search_communes(province.code, text) if text.strip() else []
        self._matches = {c.label: c for c in found}
        self._model.setStringList(list(self._matches))
        if found:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _picked(self, label: str) -> None:
        commune = self._matches.get(label)
        if commune is None:
            return
        self.commune.setText(commune.label)
        self._apply(commune)

    def _typed(self) -> None:
        """Enter in the commune field: the listed unit of that name, else the text as typed."""
        if self.completer.popup().isVisible():
            return  # the completer handles Enter on its list
        text = self.commune.text().strip()
        if not text:
            return
        province = self.current_province()
        listed = (
            self.places.find_commune(province.code, text)
            if self.places is not None and province is not None
            else None
        )
        self._apply(listed or text)

    def _province_changed(self) -> None:
        self.commune.clear()
        self._matches = {}

    def _apply(self, commune: Commune | str) -> None:
        province = self.current_province()
        place = format_address("", commune, province)
        self.address.setText(format_address(self.street(), place, None))
        self._suffix = place
        self.changed.emit()

    def street(self) -> str:
        """The address line without its place part (this picker's, or one a card printed)."""
        text = self.address.text().strip()
        if self._suffix and text.endswith(self._suffix):
            text = text[: -len(self._suffix)]
        return street_part(text, self.current_province())

    def clear(self) -> None:
        self.commune.clear()
        self._suffix = ""
