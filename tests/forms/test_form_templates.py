"""Templates per legal basis, and a centre's overrides for what is not confirmed (docs/legal-basis.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcc_desk.core.printing.forms.data import FormSet
from hcc_desk.core.printing.forms.render import render_form
from hcc_desk.core.printing.forms.templates import FORM_KINDS, template_for
from tests.forms import form_samples as samples
from tests.support.printed import pdf_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2018", FormSet.TT01_2018), (2025, FormSet.TT03_2025), (" 2025 ", FormSet.TT03_2025)],
)
def test_setting_values_name_a_set(value, expected) -> None:
    assert FormSet.parse(value) is expected


@pytest.mark.parametrize("value", ["2019", "", None, "TT01"])
def test_unknown_sets_are_refused(value) -> None:
    with pytest.raises(ValueError, match=r"forms\.legal_basis"):
        FormSet.parse(value)


def test_form_numbers_shift_in_the_2025_set() -> None:
    numbers = {s: {k: template_for(k, s).number for k in FORM_KINDS} for s in FormSet}
    assert numbers[FormSet.TT01_2018] == {
        "receipt": "01",
        "supplement": "02",
        "refusal": "03",
        "apology": "04",
        "control": "05",
        "ledger": "06",
        "result": None,
        "stop": None,
    }  # no stop form in TT 01/2018
    assert numbers[FormSet.TT03_2025] == {
        "receipt": "01",
        "supplement": "02",
        "refusal": "03",
        "apology": "04",
        "stop": "05",
        "control": "06",
        "ledger": "07",
        "result": None,
    }


def test_the_2025_set_starts_on_its_day_and_earlier_dossiers_keep_2018() -> None:
    from datetime import date, datetime

    from hcc_desk.core.printing.forms.data import BASIS_2025_FROM

    assert date(2025, 9, 15) == BASIS_2025_FROM
    assert FormSet.for_received(datetime(2025, 9, 14, 23, 59)) is FormSet.TT01_2018
    assert FormSet.for_received(datetime(2025, 9, 15, 0, 0)) is FormSet.TT03_2025
    assert FormSet.for_received(date(2025, 7, 1), date(2025, 7, 1)) is FormSet.TT03_2025


def test_overrides_apply_to_their_set_only(tmp_path: Path) -> None:
    overrides = {
        "2025": {
            "basis": "Thông tư số 03/2025/TT-VPCP (bản chính thức)",
            "control": {"number": "6A", "title": "PHIẾU KIỂM SOÁT (MẪU MỚI)"},
        }
    }
    tpl = template_for("control", FormSet.TT03_2025, overrides)
    assert (tpl.number, tpl.title) == ("6A", "PHIẾU KIỂM SOÁT (MẪU MỚI)")
    assert template_for("control", FormSet.TT01_2018, overrides).number == "05"
    pdf = tmp_path / "c.pdf"
    render_form(samples.control(), pdf, form_set=FormSet.TT03_2025, overrides=overrides)
    text = pdf_text(pdf)
    assert "Mẫu số 6A Thông tư số 03/2025/TT-VPCP (bản chính thức)" in text
    assert "PHIẾU KIỂM SOÁT (MẪU MỚI)" in text


def test_an_override_can_drop_the_form_number() -> None:
    tpl = template_for("apology", FormSet.TT03_2025, {"2025": {"apology": {"number": None}}})
    assert tpl.number is None


@pytest.mark.parametrize(
    "overrides",
    [
        {"2025": "x"},
        {"2025": {"control": ["06"]}},
        {"2025": {"control": {"title": ""}}},
        {"2025": {"basis": {"x": 1}}},
    ],
)
def test_malformed_overrides_say_which_key(overrides) -> None:
    with pytest.raises((TypeError, ValueError), match="2025"):
        template_for("control", FormSet.TT03_2025, overrides)


def test_the_letters_subject_line_can_be_corrected(tmp_path: Path) -> None:
    overrides = {
        "2025": {
            "stop": {"subtitle": "V/v thông báo dừng giải quyết hồ sơ (mẫu mới)"},
            "apology": {"subtitle": "V/v đề nghị gia hạn (mẫu mới)"},
        }
    }
    for kind, wanted in (
        ("stop", "V/v thông báo dừng giải quyết hồ sơ (mẫu mới)"),
        ("apology", "V/v đề nghị gia hạn (mẫu mới)"),
    ):
        pdf = tmp_path / f"{kind}.pdf"
        render_form(samples.SAMPLES[kind](), pdf, form_set=FormSet.TT03_2025, overrides=overrides)
        assert wanted in pdf_text(pdf)
        render_form(samples.SAMPLES[kind](), pdf, form_set=FormSet.TT01_2018, overrides=overrides)
        assert "mẫu mới" not in pdf_text(pdf)  # the 2018 set keeps its own wording
