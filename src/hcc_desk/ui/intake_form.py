"""Reading an IntakeRequest out of the intake screen and putting one back (drafts).

Kept apart from the screen's behaviour so the mapping form <-> request is in one readable place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hcc_desk.services.intake_request import IntakeRequest
from hcc_desk.ui.field_errors import LocalError

if TYPE_CHECKING:
    from hcc_desk.ui.forms.ui_intake import Ui_IntakeForm
    from hcc_desk.ui.procedure_picker import ProcedurePicker


def collect(
    ui: Ui_IntakeForm, picker: ProcedurePicker, citizen_qr: str | None
) -> tuple[IntakeRequest, list[LocalError]]:
    """The request as typed, plus the errors the form can see on its own."""
    req = IntakeRequest()
    submitter, errors = ui.submitter.value("submitter")
    req.submitter = submitter
    if ui.kind_organisation.isChecked():
        req.applicant_kind = "organisation"
        req.owner_is_submitter = False
        req.owner_organisation = ui.owner_organisation.value()
    elif ui.owner_differs.isChecked():
        req.owner_is_submitter = False
        req.owner_person, owner_errors = ui.owner_person.value("owner_person")
        errors += owner_errors
    proc = picker.current()
    if proc is not None:
        req.procedure_code = proc.code
        req.papers = ui.papers_table.value()
    req.sets = ui.sets.value()
    if ui.delivery_post.isChecked():
        req.delivery_method = "post"
        req.delivery_address = ui.delivery_address.text().strip()
    req.notes = ui.notes.toPlainText().strip()
    req.citizen_qr = citizen_qr
    return req, errors


def load(ui: Ui_IntakeForm, req: IntakeRequest) -> None:
    """Everything but the procedure and papers, which go through the picker (see IntakeView)."""
    organisation = req.applicant_kind == "organisation"
    (ui.kind_organisation if organisation else ui.kind_individual).setChecked(True)
    ui.submitter.set_value(req.submitter)
    ui.owner_differs.setChecked(not organisation and not req.owner_is_submitter)
    ui.owner_person.set_value(req.owner_person)
    ui.owner_organisation.set_value(req.owner_organisation)
    ui.sets.setValue(max(1, req.sets))
    (ui.delivery_post if req.delivery_method == "post" else ui.delivery_counter).setChecked(True)
    ui.delivery_address.setText(req.delivery_address)
    ui.notes.setPlainText(req.notes)


def clear(ui: Ui_IntakeForm) -> None:
    ui.qr_edit.clear()
    load(ui, IntakeRequest())
    ui.papers_table.clear_rows()


def is_blank(ui: Ui_IntakeForm, picker: ProcedurePicker) -> bool:
    return (
        ui.submitter.is_blank()
        and ui.owner_person.is_blank()
        and ui.owner_organisation.is_blank()
        and picker.current() is None
        and not ui.notes.toPlainText().strip()
        and not ui.delivery_address.text().strip()
        and ui.sets.value() == 1
    )
