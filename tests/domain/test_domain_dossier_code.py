"""Dossier codes, strided per-counter sequences, lookup PINs and UUIDs."""

import random
import uuid
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core.domain.dossier_code import (
    DEFAULT_SLOTS,
    DEMO_FIRST,
    DEMO_SLOT,
    MAX_SEQUENCE,
    PIN_ALPHABET,
    CodeScheme,
    DossierCode,
    SequenceExhausted,
    format_code,
    is_demo_sequence,
    ledger_book,
    make_lookup_pin,
    new_uuid,
    parse_code,
    slot_of,
    validate_unit_code,
)
from hcc_core.domain.errors import DomainError, ValidationError

FAST = settings(deadline=None, max_examples=200)
HUE = "000.00.00.H57"


def test_real_example_parses():
    code = parse_code("000.17.22.H56-210531-0001")
    assert code == DossierCode("000.17.22.H56", date(2021, 5, 31), 1)
    assert str(code) == "000.17.22.H56-210531-0001"


def test_format_and_normalise():
    assert format_code(HUE, date(2026, 3, 2), 42) == "000.00.00.H57-260302-0042"
    assert format_code(" 000.00.00.h57 ", date(2026, 3, 2), 9999).endswith("-9999")
    assert parse_code(" 000.00.00.h57-260302-0042\n").unit_code == HUE


@pytest.mark.parametrize(
    "unit", ["", "000.00.00.57", "00.00.00.H57", "000.00.00.HH7", "000-00-00-H57", "000.00.00.H577"]
)
def test_invalid_unit_codes(unit):
    with pytest.raises(ValidationError) as info:
        validate_unit_code(unit)
    assert info.value.code == "code.unit_invalid"


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("000.00.00.H57-260230-0001", "code.date_invalid"),
        ("000.00.00.H57-260302-0000", "code.sequence_range"),
        ("000.00.00.H57-260302-001", "code.format"),
        ("000.00.00.H57260302-0001", "code.format"),
        ("", "code.format"),
        ("x" * 10_000, "code.format"),
    ],
)
def test_invalid_codes(code, error):
    with pytest.raises(ValidationError) as info:
        parse_code(code)
    assert info.value.code == error


@pytest.mark.parametrize(
    ("seq", "day"), [(0, date(2026, 1, 1)), (10_000, date(2026, 1, 1)), (1, date(1999, 12, 31))]
)
def test_format_rejects_out_of_range(seq, day):
    with pytest.raises(ValidationError):
        format_code(HUE, day, seq)


UNITS = st.from_regex(r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}", fullmatch=True)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@FAST
@given(UNITS, DAYS, st.integers(1, MAX_SEQUENCE))
def test_format_parse_round_trip(unit, day, seq):
    text = format_code(unit, day, seq)
    assert parse_code(text) == DossierCode(unit, day, seq)


@FAST
@given(st.text(max_size=40))
def test_parse_only_raises_validation_error(text):
    try:
        parse_code(text)
    except ValidationError:
        pass


def test_strided_scheme_examples():
    scheme = CodeScheme(HUE, slot=3, slots=10)
    assert [scheme.sequence(k) for k in (1, 2, 3)] == [3, 13, 23]
    assert scheme.code(date(2026, 3, 2), 2) == "000.00.00.H57-260302-0013"
    assert CodeScheme(HUE, 1).capacity_per_day == 990
    assert CodeScheme(HUE, 10).capacity_per_day == 989
    assert CodeScheme(HUE, 1, slots=1).capacity_per_day == DEMO_FIRST - 1


def test_sequence_exhausted():
    scheme = CodeScheme(HUE, slot=10, slots=10)
    assert scheme.sequence(989) == 9890
    with pytest.raises(SequenceExhausted) as info:
        scheme.sequence(990)
    assert isinstance(info.value, DomainError)
    assert info.value.code == "code.sequence_exhausted" and "989" in info.value.message


@pytest.mark.parametrize(
    ("slot", "slots"),
    [(0, 10), (11, 10), (1, 0), (1, 10_000), (1, DEMO_FIRST), (DEMO_SLOT - 1, 10)],
)
def test_invalid_slots(slot, slots):
    with pytest.raises(ValidationError):
        CodeScheme(HUE, slot, slots)


@FAST
@given(
    st.integers(1, 60).flatmap(
        lambda s: st.tuples(st.just(s), st.integers(1, s), st.integers(1, s))
    )
)
def test_two_slots_never_collide(case):
    slots, a, b = case
    first, second = CodeScheme(HUE, a, slots), CodeScheme(HUE, b, slots)
    seqs_a = {first.sequence(k) for k in range(1, first.capacity_per_day + 1)}
    seqs_b = {second.sequence(k) for k in range(1, second.capacity_per_day + 1)}
    assert all(1 <= s <= MAX_SEQUENCE and slot_of(s, slots) == a for s in seqs_a)
    if a != b:
        assert seqs_a.isdisjoint(seqs_b)
    # together all slots cover 1..9999 exactly once
    with pytest.raises(SequenceExhausted):
        first.sequence(first.capacity_per_day + 1)


def test_all_slots_partition_the_number_space():
    seen = []
    for slot in (*range(1, 11), DEMO_SLOT):
        scheme = CodeScheme(HUE, slot)
        seen += [scheme.sequence(k) for k in range(1, scheme.capacity_per_day + 1)]
    assert sorted(seen) == list(range(1, MAX_SEQUENCE + 1))


@FAST
@given(st.integers(1, DEMO_FIRST - 1).flatmap(lambda s: st.tuples(st.just(s), st.integers(1, s))))
def test_the_demo_slot_never_meets_a_real_counter_whatever_the_slot_count(case):
    slots, slot = case
    real = CodeScheme(HUE, slot, slots)
    demo = CodeScheme(HUE, DEMO_SLOT, DEFAULT_SLOTS)
    assert demo.is_demo and not real.is_demo
    last_real = real.sequence(real.capacity_per_day)
    assert last_real < DEMO_FIRST == demo.sequence(1)
    assert demo.sequence(demo.capacity_per_day) == MAX_SEQUENCE
    assert is_demo_sequence(demo.sequence(7)) and not is_demo_sequence(last_real)
    with pytest.raises(SequenceExhausted):
        demo.sequence(demo.capacity_per_day + 1)


def test_the_ledger_book_names_the_counter():
    assert ledger_book(3, 2026) == "Q03/2026"
    assert ledger_book(12, 2027) == "Q12/2027"
    assert ledger_book(DEMO_SLOT, 2026) == "DEMO/2026"


def test_lookup_pin():
    pin = make_lookup_pin()
    assert len(pin) == 6 and set(pin) <= set(PIN_ALPHABET)
    assert not set("0O1I") & set(PIN_ALPHABET)
    assert make_lookup_pin(random.Random(7)) == make_lookup_pin(random.Random(7))


def test_new_uuid():
    value = new_uuid()
    assert uuid.UUID(value).version == 4 and str(uuid.UUID(value)) == value
    assert new_uuid() != value
