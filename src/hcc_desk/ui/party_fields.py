"""The person block (submitter, or an individual owner) and the organisation block of a dossier.

Both are Designer forms promoted into ``intake.ui``; the person block is used twice there.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from hcc_desk.services.intake_request import OrganisationInput, PersonInput
from hcc_desk.ui.address_picker import AddressPicker
from hcc_desk.ui.field_errors import FieldErrorView, LocalError
from hcc_desk.ui.formatting import date_text, parse_date

_SEX_VALUES = ("", "Nam", "Nữ")  # stored values; the combo shows them translated


class PersonFields(QWidget):
    """Signals: changed() on any edit by the officer or by a fill."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from hcc_desk.ui.forms.ui_person_fields import Ui_PersonFields

        self.ui = Ui_PersonFields()
        self.ui.setupUi(self)
        for i, value in enumerate(_SEX_VALUES):
            self.ui.sex.setItemData(i, value)
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self)
        self.ui.id_number.setValidator(digits)
        self.ui.old_id_number.setValidator(digits)
        self.ui.phone.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[+\d .]{0,15}"), self)
        )
        for edit in self._edits().values():
            edit.textChanged.connect(self.changed)
        self.ui.sex.currentIndexChanged.connect(self.changed)
        for label in self.findChildren(QLabel):
            if label.objectName().startswith("err_"):
                label.hide()
        self.places = _add_place_picker(self, self.ui.grid, self.ui.address)

    def _edits(self) -> dict[str, QLineEdit]:
        u = self.ui
        return {
            "full_name": u.full_name,
            "id_number": u.id_number,
            "old_id_number": u.old_id_number,
            "date_of_birth": u.date_of_birth,
            "phone": u.phone,
            "email": u.email,
            "address": u.address,
        }

    def register_errors(self, view: FieldErrorView, prefix: str) -> None:
        """Register every field under ``<prefix>.<name>`` in screen order."""
        for name in (
            "full_name",
            "id_number",
            "old_id_number",
            "date_of_birth",
            "sex",
            "phone",
            "email",
            "address",
        ):
            view.register(
                f"{prefix}.{name}", getattr(self.ui, f"err_{name}"), getattr(self.ui, name)
            )

    def value(self, prefix: str) -> tuple[PersonInput, list[LocalError]]:
        """The typed person, plus errors the form itself can tell (an unreadable date)."""
        u = self.ui
        errors: list[LocalError] = []
        try:
            dob = parse_date(u.date_of_birth.text())
        except ValueError:
            dob = None
            errors.append(
                LocalError(
                    f"{prefix}.date_of_birth",
                    "party_fields.date_birth_valid_dd",
                )
            )
        person = PersonInput(
            full_name=u.full_name.text().strip(),
            id_number=u.id_number.text().strip(),
            old_id_number=u.old_id_number.text().strip(),
            date_of_birth=dob,
            sex=u.sex.currentData() or "",
            address=u.address.text().strip(),
            phone=u.phone.text().strip(),
            email=u.email.text().strip(),
        )
        return person, errors

    def set_value(self, person: PersonInput | None, only_filled: bool = False) -> None:
        """Show ``person``; with ``only_filled``, keep what the officer typed where it has nothing."""
        person = person or PersonInput()
        for name, edit in self._edits().items():
            raw = getattr(person, name)
            text = date_text(raw) if name == "date_of_birth" else (raw or "")
            if text or not only_filled:
                edit.setText(text)
        if person.sex or not only_filled:
            _select_data(self.ui.sex, person.sex or "")

    def clear(self) -> None:
        self.set_value(None)
        self.places.clear()

    def is_blank(self) -> bool:
        return (
            not any(e.text().strip() for e in self._edits().values())
            and not self.ui.sex.currentData()
        )

    def first_field(self) -> QWidget:
        return self.ui.full_name


class OrganisationFields(QWidget):
    """Signals: changed() on any edit."""

    changed = Signal()
    NAMES = tuple(f.name for f in fields(OrganisationInput))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from hcc_desk.ui.forms.ui_organisation_fields import Ui_OrganisationFields

        self.ui = Ui_OrganisationFields()
        self.ui.setupUi(self)
        self.ui.tax_code.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,10}(-\d{0,3})?"), self)
        )
        for name in self.NAMES:
            getattr(self.ui, name).textChanged.connect(self.changed)
        for label in self.findChildren(QLabel):
            if label.objectName().startswith("err_"):
                label.hide()
        self.places = _add_place_picker(self, self.ui.grid, self.ui.address)

    def register_errors(self, view: FieldErrorView, prefix: str) -> None:
        for name in ("name", "tax_code", "phone", "email", "address"):
            view.register(
                f"{prefix}.{name}", getattr(self.ui, f"err_{name}"), getattr(self.ui, name)
            )

    def value(self) -> OrganisationInput:
        return OrganisationInput(**{n: getattr(self.ui, n).text().strip() for n in self.NAMES})

    def set_value(self, org: OrganisationInput | None) -> None:
        org = org or OrganisationInput()
        for name in self.NAMES:
            getattr(self.ui, name).setText(getattr(org, name) or "")

    def clear(self) -> None:
        self.set_value(None)
        self.places.clear()

    def is_blank(self) -> bool:
        return not any(getattr(self.ui, n).text().strip() for n in self.NAMES)

    def first_field(self) -> QWidget:
        return self.ui.name


def _add_place_picker(owner: QWidget, grid, address: QLineEdit) -> AddressPicker:
    """Province and commune pickers on the row under the address line, in the tab order
    right after it (the street/house first, then province, then commune)."""
    picker = AddressPicker(address, owner)
    grid.addWidget(picker, grid.rowCount(), 1, 1, 3)
    QWidget.setTabOrder(address, picker.province)
    QWidget.setTabOrder(picker.province, picker.commune)
    return picker


def _select_data(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
