"""The intake JSON's pydantic model: what it refuses (and says so per field, in both languages),
what it keeps, and the schema docs/intake-schema.json publishes."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from hcc_desk.services.intake_json import IntakeJson, json_schema_text
from hcc_desk.services.intake_request import (
    IntakeRequest,
    OrganisationInput,
    PaperInput,
    PersonInput,
    RequestFormatError,
    request_from_dict,
    request_from_json_text,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "intake-schema.json"
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("intake-*.json"))


def _refusal(data) -> RequestFormatError:
    with pytest.raises(RequestFormatError) as caught:
        request_from_dict(data)
    return caught.value


def test_the_published_schema_is_the_models_current_schema():
    # After changing the model: python3 scripts/intake_schema.py
    assert SCHEMA.read_text(encoding="utf-8") == json_schema_text()
    published = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert published["additionalProperties"] is False
    person = published["$defs"]["PersonJson"]
    assert person["additionalProperties"] is False and "id_number" in person["properties"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_documented_examples_parse(example):
    request = request_from_json_text(example.read_text(encoding="utf-8"))
    assert request.procedure_code and (request.submitter.full_name or request.citizen_qr)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"submiter": {}}, "submiter"),
        ({"submitter": {"fullname": "A"}}, "submitter.fullname"),
        ({"owner_organisation": {"name": "X", "vat": "1"}}, "owner_organisation.vat"),
        ({"papers": [{"name": "Tờ khai", "copies": 1}]}, "papers[0].copies"),
    ],
)
def test_unknown_fields_are_refused_at_every_level(data, field):
    err = _refusal(data)
    assert field in err.message and field in err.text("en")
    assert "không được hỗ trợ" in err.message and "Unknown field" in err.text("en")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"sets": "2"}, "sets"),
        ({"sets": 2.0}, "sets"),
        ({"sets": True}, "sets"),
        ({"owner_is_submitter": 1}, "owner_is_submitter"),
        ({"procedure_code": 1.001456}, "procedure_code"),
        ({"submitter": None}, "submitter"),
        ({"papers": {"name": "x"}}, "papers"),
        ({"papers": [{"name": "x", "originals": "1"}]}, "papers[0].originals"),
        ({"applicant_kind": "company"}, "applicant_kind"),
        ({"delivery_method": "email"}, "delivery_method"),
        ({"submitter": {"date_of_birth": "12/03/1985"}}, "submitter.date_of_birth"),
        ({"submitter": {"date_of_birth": 1985}}, "submitter.date_of_birth"),
        ({"received_at": "tomorrow"}, "received_at"),
        ({"received_at": "2025-11-26T09:00+07:00"}, "received_at"),
    ],
)
def test_wrong_types_are_refused_naming_the_field(data, field):
    err = _refusal(data)
    assert err.message.startswith(field) and err.text("en").startswith(field)
    assert err.message != err.text("en")  # Vietnamese, then English


def test_hostile_sizes_and_nul_are_refused_before_any_rule_runs():
    err = _refusal({"submitter": {"full_name": "Â" * 10_000_000}})
    assert "submitter.full_name" in err.text("en") and "too long" in err.text("en")
    assert len(err.message) < 200  # the 10 MB are never echoed
    err = _refusal({"papers": [{"name": "Tờ khai\x00"}], "notes": "a\x00b"})
    assert "papers[0].name" in err.text("en") and "notes" in err.text("en")
    assert "NUL" in err.message and "NUL" in err.text("en")
    # Text a draft may hold (up to what clean_text could still bring under its limit) passes.
    assert request_from_dict({"notes": "x " * 2000}).notes == "x " * 2000


def test_a_lone_surrogate_escape_is_refused_naming_the_field():
    # "\ud800" in a JSON file decodes to half a character: no keyboard types it, a PDF or the
    # database could not hold it, so it is refused like NUL rather than stored.
    err = _refusal(json.loads('{"submitter": {"full_name": "A", "phone": "\\ud800"}}'))
    assert "submitter.phone" in err.text("en")


def test_a_file_broken_everywhere_reports_a_bounded_list():
    data = {"papers": [{"name": i} for i in range(50)]}
    err = _refusal(data)
    assert "papers[0].name" in err.text("en") and "and 40 more" in err.text("en")
    assert len(err.text("en")) < 1000


def test_broken_and_too_deep_json_are_format_errors():
    with pytest.raises(RequestFormatError, match="dòng 1, cột"):
        request_from_json_text('{"procedure_code": "1.001456",')
    with pytest.raises(RequestFormatError):
        request_from_json_text("[" * 100_000)
    with pytest.raises(RequestFormatError, match="đối tượng JSON"):
        request_from_json_text("[1, 2, 3]")


def test_nulls_and_empty_dates_read_as_empty():
    request = request_from_dict(
        {"notes": None, "citizen_qr": None, "submitter": {"date_of_birth": "", "email": None}}
    )
    assert request.notes == "" and request.citizen_qr is None
    assert request.submitter.date_of_birth is None and request.submitter.email == ""


def test_a_full_draft_round_trips():
    person = PersonInput(
        full_name="Nguyễn Thị Hương",
        id_number="046185012345",
        date_of_birth=date(1985, 3, 12),
        sex="Nữ",
        address="25 Hùng Vương",
        phone="0905123456",
        email="huong@example.vn",
    )
    request = IntakeRequest(
        procedure_code="2.001583",
        applicant_kind="organisation",
        submitter=person,
        owner_is_submitter=False,
        owner_person=PersonInput(full_name="Trần Văn Minh"),
        owner_organisation=OrganisationInput(name="Công ty X", tax_code="3300123456"),
        papers=[PaperInput("Tờ khai", 1, 0, 2), PaperInput("Giấy phép", 0, 1, 0)],
        sets=2,
        delivery_method="post",
        delivery_address="88 Nguyễn Huệ",
        notes="Ghi chú",
        citizen_qr="046185012345||Nguyễn Thị Hương|12031985|Nữ|25 Hùng Vương|01012024",
        received_at=datetime(2025, 11, 26, 9, 30),
    )
    assert request_from_dict(request.to_json_dict()) == request
    assert request_from_json_text(json.dumps(request.to_json_dict())) == request


def test_every_request_field_is_in_the_model():
    """A field added to the dataclass but not to the model would be refused as unknown."""
    assert set(IntakeJson.model_fields) == set(IntakeRequest.__dataclass_fields__)
