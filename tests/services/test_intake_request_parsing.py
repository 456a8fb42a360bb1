"""The intake JSON reader: any text gives a request or a RequestFormatError, nothing else."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core import i18n
from hcc_desk.services.intake_request import (
    IntakeRequest,
    PersonInput,
    RequestFormatError,
    request_from_dict,
    request_from_json_text,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(
    [
        "procedure_code",
        "applicant_kind",
        "submitter",
        "owner_person",
        "owner_organisation",
        "papers",
        "sets",
        "delivery_method",
        "notes",
        "citizen_qr",
        "received_at",
        "owner_is_submitter",
        "delivery_address",
    ]
)


def _parses_or_explains(parse, value):
    try:
        result = parse(value)
    except RequestFormatError as exc:
        result = exc
    if isinstance(result, RequestFormatError):
        assert result.msg_id in i18n.catalogue("vi").messages
        assert result.message and result.text("en")
    else:
        assert isinstance(result, IntakeRequest)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_or_is_a_format_error(text):
    _parses_or_explains(request_from_json_text, text)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, json_values, max_size=6))
def test_any_json_object_with_known_keys_parses_or_is_a_format_error(obj):
    _parses_or_explains(request_from_dict, obj)


# Any text but NUL and lone surrogates ("\ud800" escapes, never typed: not a character), which
# the reader refuses (test_intake_json.py).
typed = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))


@given(
    st.builds(
        PersonInput,
        full_name=st.text(typed, max_size=50),
        id_number=st.text(typed, max_size=15),
        address=st.text(typed, max_size=50),
        phone=st.text(typed, max_size=15),
    ),
    st.integers(1, 99),
    st.text(typed, max_size=100),
)
def test_round_trip_through_json(person, sets, notes):
    req = IntakeRequest(procedure_code="1.001456", submitter=person, sets=sets, notes=notes)
    assert request_from_json_text(json.dumps(req.to_json_dict())) == req
