"""First-run setup: the centre, its agencies (with unit codes), this counter, the first admin.

Each page checks what it can on its own (required fields, the unit-code format, the password typed
twice); the services then check everything again on Finish, and their errors are shown under the
fields of the page they belong to, which the wizard returns to.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget, QWizard

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.field_errors import FieldErrorView, LocalError
from hcc_desk.ui.forms.ui_agency_row import Ui_AgencyRow
from hcc_desk.ui.forms.ui_setup_wizard import Ui_SetupWizard
from hcc_desk.ui.screen_fit import fit_to_screen
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext

UNIT_CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
_AGENCY_PATH = re.compile(r"^agencies\[(\d+)\]\.(name|short_name|unit_code)$")
_PAGE_FIELDS = (
    ("centre_name", "governing_body", "place_name", "hotline", "level"),
    ("agencies",),
    ("counter_name", "counter_slot"),
    ("admin_username", "admin_full_name", "admin_password", "admin_password_confirm"),
)
_LEVELS = ("province", "commune")  # the items of the "Cấp trung tâm" combo, in order
_REQUIRED = {
    "centre_name",
    "governing_body",
    "place_name",
    "counter_name",
    "admin_username",
    "admin_full_name",
    "admin_password",
}


def input_types() -> tuple[type, type]:
    from hcc_desk.services.setup import AgencyInput, SetupInput

    return SetupInput, AgencyInput


def seed_agencies() -> list:
    """The agencies of the bundled catalogue: its procedures are set up for the agencies kept."""
    try:
        from hcc_desk.services.setup import seed_agencies as seed
    except ImportError:
        return []
    return seed()


class AgencyRow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AgencyRow()
        self.ui.setupUi(self)
        for label in self.findChildren(QLabel):
            if label.objectName().startswith("err_"):
                label.hide()
        # Unit codes are written in capitals; typing "h57" is accepted and shown as "H57".
        self.ui.unit_code.textEdited.connect(
            lambda t: t != t.upper() and self.ui.unit_code.setText(t.upper())
        )

    def values(self) -> tuple[str, str, str]:
        u = self.ui
        return u.name.text().strip(), u.short_name.text().strip(), u.unit_code.text().strip()


class SetupWizard(QWizard):
    """Signals: completed(str) with the user name to log in as."""

    completed = Signal(str)

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.ui = Ui_SetupWizard()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.rows: list[AgencyRow] = []
        self._done_as: str | None = None
        self._busy = False
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("T&hoát"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Dùng dữ liệu &mẫu (demo)"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(lambda _which: self.use_demo())
        self.errors = FieldErrorView(self._resolve)
        for page_fields in _PAGE_FIELDS:
            for name in page_fields:
                widget = self.ui.add_agency_button if name == "agencies" else getattr(self.ui, name)
                self.errors.register(name, getattr(self.ui, f"err_{name}"), widget)
        self.ui.err_general.hide()
        for i, level in enumerate(_LEVELS):  # stored values; the combo shows them translated
            self.ui.level.setItemData(i, level)
        self.ui.add_agency_button.clicked.connect(lambda: self.add_agency().ui.name.setFocus())
        for agency in seed_agencies() or [None]:
            self.add_agency(agency)

    # -- agencies -----------------------------------------------------------------------------
    def add_agency(self, agency: Any = None) -> AgencyRow:
        row = AgencyRow(self.ui.agencies_container)
        if agency is not None:
            row.ui.name.setText(agency.name)
            row.ui.short_name.setText(agency.short_name)
            row.ui.unit_code.setText(agency.unit_code)
        layout = self.ui.agencies_layout
        layout.insertWidget(layout.count() - 1, row)  # keep the stretch last
        row.ui.remove_button.clicked.connect(lambda: self._remove_agency(row))
        self.rows.append(row)
        # Rows made after the wizard's buttons would otherwise come after them in the Tab order.
        chain = [
            w
            for r in self.rows
            for w in (r.ui.name, r.ui.short_name, r.ui.unit_code, r.ui.remove_button)
        ]
        chain.append(self.ui.add_agency_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        return row

    def _remove_agency(self, row: AgencyRow) -> None:
        if len(self.rows) > 1:
            self.rows.remove(row)
            row.deleteLater()

    def _resolve(self, path: str) -> tuple[QLabel, QWidget, str] | None:
        match = _AGENCY_PATH.match(path)
        if not match or int(match.group(1)) >= len(self.rows):
            return None
        row = self.rows[int(match.group(1))]
        name = match.group(2)
        return getattr(row.ui, f"err_{name}"), getattr(row.ui, name), ""

    # -- checking -----------------------------------------------------------------------------
    def local_errors(self, page: int) -> list[LocalError]:
        found: list[LocalError] = []
        for name in _PAGE_FIELDS[page]:
            widget = getattr(self.ui, name, None)
            if name in _REQUIRED and isinstance(widget, QLineEdit) and not widget.text().strip():
                found.append(LocalError(name, "setup_wizard.required"))
        if page == 2 and self.ui.counter_slot.value() == 0:
            found.append(
                LocalError(
                    "counter_slot",
                    "setup_wizard.choose_counter_s_slot",
                )
            )
        if page == 1:
            for i, row in enumerate(self.rows):
                agency, _short, code = row.values()
                if not agency:
                    found.append(
                        LocalError(f"agencies[{i}].name", "setup_wizard.enter_agency_s_name")
                    )
                if not UNIT_CODE.match(code):
                    found.append(
                        LocalError(
                            f"agencies[{i}].unit_code",
                            "setup_wizard.unit_code_looks_like",
                        )
                    )
        if page == 3 and self.ui.admin_password.text() != self.ui.admin_password_confirm.text():
            found.append(
                LocalError(
                    "admin_password_confirm",
                    "setup_wizard.passwords_do_match",
                )
            )
        return found

    def validateCurrentPage(self) -> bool:
        if self._done_as is not None:
            return True
        page = self.currentId()
        found = self.local_errors(page)
        if found:
            self.errors.show(found)
            return False
        self.errors.clear()
        if page == len(_PAGE_FIELDS) - 1:
            self._submit()
            return False  # the wizard closes when the services have accepted it
        return True

    def _submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.ui.err_general.hide()
        data = self.setup_input()
        self.runner.db(
            lambda: self.ctx.setup.first_run(data),
            on_done=lambda _r: self._finish(data.admin_username),
            on_error=self._rejected,
            owner=self,
        )

    def setup_input(self) -> Any:
        SetupInput, AgencyInput = input_types()
        u = self.ui
        return SetupInput(
            centre_name=u.centre_name.text().strip(),
            governing_body=u.governing_body.text().strip(),
            place_name=u.place_name.text().strip(),
            hotline=u.hotline.text().strip(),
            agencies=[AgencyInput(*row.values()) for row in self.rows],
            counter_name=u.counter_name.text().strip(),
            counter_slot=u.counter_slot.value(),
            level=u.level.currentData() or "province",
            admin_username=u.admin_username.text().strip(),
            admin_full_name=u.admin_full_name.text().strip(),
            admin_password=u.admin_password.text(),
            admin_password_confirm=u.admin_password_confirm.text(),
        )

    def _rejected(self, failure: Failure) -> None:
        self._busy = False
        exc = failure.exc
        if not errors.is_expected(exc):
            errors.report_bug(type(exc), exc, failure.traceback_text)
            return
        found = list(getattr(exc, "errors", []) or [])
        page = self._first_page(found)
        while self.currentId() > page:
            self.back()
        unplaced = self.errors.show(found)
        general = [i18n.text(e) for e in unplaced] or ([] if found else [i18n.text(exc)])
        if general:
            self.ui.err_general.setText("\n".join(general))
            self.ui.err_general.show()

    @staticmethod
    def _first_page(found: list) -> int:
        pages = [
            i
            for e in found
            for i, names in enumerate(_PAGE_FIELDS)
            if e.field.split("[")[0] in names
        ]
        return min(pages) if pages else len(_PAGE_FIELDS) - 1

    # -- finishing ----------------------------------------------------------------------------
    def use_demo(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.runner.db(
            self.ctx.setup.create_demo,
            on_done=lambda _r: self._finish("demo"),
            on_error=self._rejected,
            owner=self,
        )

    def _finish(self, username: str) -> None:
        self._busy = False
        self._done_as = username
        self.completed.emit(username)
        self.accept()
