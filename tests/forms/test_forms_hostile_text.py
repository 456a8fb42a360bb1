"""Whatever users typed is printed literally, cut to a bound, and never breaks a form."""

from __future__ import annotations

import dataclasses
import io
import typing
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcc_desk.core.printing.forms.data import FormSet, HopRow
from hcc_desk.core.printing.forms.render import render_form
from hcc_desk.core.printing.forms.templates import template_for
from hcc_desk.core.printing.text import ELLIPSIS
from tests.forms import form_samples as samples
from tests.support.printed import barcodes, page_count, pdf_text

MARKUP = '<b>Lê</b> & <i>Trần</i> <font size="40">Ánh</font> &amp; <br/> "Phước" \'Đặng\''
DIACRITICS = "Nguyễn Thị Ngọc Ánh Đặng Hữu Phước Ưng Ỷ Ỹ ỵ"

# Every free-text field of each form, set to the markup, and where it must show.
FIELDS = {
    "supplement": {
        "applicant_name": MARKUP,
        "reason": MARKUP,
        "missing_papers": (MARKUP,),
        "officer_name": MARKUP,
        "agency_name": MARKUP,
    },
    "refusal": {"applicant_name": MARKUP, "reasons": MARKUP, "officer_name": MARKUP},
    "apology": {"applicant_name": MARKUP, "reason": MARKUP, "procedure_name": MARKUP},
    "control": {
        "applicant_name": MARKUP,
        "hops": (HopRow(MARKUP, MARKUP, samples.RECEIVED, MARKUP),),
    },
    "result": {"recipient_name": MARKUP, "authorisation_ref": MARKUP, "result_summary": MARKUP},
}


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_markup_and_entities_are_printed_as_typed(kind: str, tmp_path: Path) -> None:
    pdf = tmp_path / "f.pdf"
    render_form(samples.SAMPLES[kind](**FIELDS[kind]), pdf)
    text = pdf_text(pdf)
    expected = " ".join(MARKUP.split())
    assert text.count(expected) >= len(FIELDS[kind]) - (kind == "control")
    assert barcodes(pdf)["code128"] == [samples.CODE]


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_vietnamese_diacritics_survive(kind: str, tmp_path: Path) -> None:
    field = "recipient_name" if kind == "result" else "applicant_name"
    pdf = tmp_path / "f.pdf"
    render_form(samples.SAMPLES[kind](**{field: DIACRITICS}), pdf)
    assert DIACRITICS in pdf_text(pdf)


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_very_long_name_is_cut_with_an_ellipsis_and_keeps_one_page(
    kind: str, tmp_path: Path
) -> None:
    field = "recipient_name" if kind == "result" else "applicant_name"
    pdf = tmp_path / "f.pdf"
    render_form(samples.SAMPLES[kind](**{field: "Nguyễn " * 5000}), pdf)
    text = pdf_text(pdf)
    assert ELLIPSIS in text
    assert text.count("Nguyễn") < 200
    assert page_count(pdf) == 1


def test_pasted_essay_as_reason_stays_bounded(tmp_path: Path) -> None:
    pdf = tmp_path / "f.pdf"
    render_form(samples.refusal(reasons="Lý do dài.\n" * 20000), pdf)
    assert page_count(pdf) <= 3
    assert ELLIPSIS in pdf_text(pdf)


def test_a_code_with_characters_code128_cannot_carry_still_prints_as_text(tmp_path: Path) -> None:
    pdf = tmp_path / "f.pdf"
    render_form(samples.control(code="MÃ-Đ-001"), pdf)
    assert "Mã hồ sơ: MÃ-Đ-001" in pdf_text(pdf)
    assert barcodes(pdf)["code128"] == []


# --- fuzz: any text in any text field of any form renders --------------------------------------

texts = st.one_of(st.text(max_size=60), st.text(min_size=1, max_size=12).map(lambda s: s * 300))
times = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31))


def _fuzzed(kind: str) -> st.SearchStrategy[typing.Any]:
    cls = type(samples.SAMPLES[kind]())
    hints = typing.get_type_hints(cls)
    fields: dict[str, st.SearchStrategy[typing.Any]] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if hint is str:
            fields[f.name] = texts
        elif hint == str | None:
            fields[f.name] = st.none() | texts
        elif hint is datetime:
            fields[f.name] = times
        elif hint == datetime | None:
            fields[f.name] = st.none() | times
        elif hint == tuple[str, ...]:
            fields[f.name] = st.lists(texts, max_size=8).map(tuple)
    return st.builds(samples.SAMPLES[kind], **fields)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    kind_data=st.sampled_from(sorted(FIELDS)).flatmap(
        lambda kind: _fuzzed(kind).map(lambda data: (kind, data))
    ),
    form_set=st.sampled_from(list(FormSet)),
    paper=st.sampled_from(["A4", "A5"]),
)
def test_any_text_in_any_field_renders(kind_data, form_set: FormSet, paper: str) -> None:
    kind, data = kind_data
    buf = io.BytesIO()
    render_form(data, buf, paper=paper, form_set=form_set)
    assert template_for(kind, form_set).title in pdf_text(buf.getvalue())
