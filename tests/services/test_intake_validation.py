"""Field rules of intake_validation that need no database."""

from datetime import date

from hcc_desk.services.intake_request import IntakeRequest, PersonInput
from hcc_desk.services.intake_validation import validate_request


def test_a_sex_other_than_nam_or_nu_is_a_field_error_in_both_languages():
    req = IntakeRequest(
        procedure_code="1.001456",
        submitter=PersonInput(full_name="Lê Văn An", id_number="046085012345", sex="X"),
    )
    _cleaned, errors = validate_request(req, lambda _code: True, date(2026, 11, 25))
    sex = [e for e in errors if e.field == "submitter.sex"]
    assert [e.text("en") for e in sex] == ["Sex is Nam or Nữ"]
    assert [e.text("vi") for e in sex] == ["Giới tính là Nam hoặc Nữ"]
