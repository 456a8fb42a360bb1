"""The printed-output checks can fail: a copy differing by one diacritic, one digit or a missing
name is told apart from the PDF sent; receipts are split into their two copies."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hcc_desk.core.printing.receipt import render_receipt_pdf
from hcc_desk.core.printing.receipt_data import ReceiptData
from hcc_desk.core.printing.sample import sample_receipt
from tests.support.printed import (
    assert_printed_as_sent,
    barcodes,
    receipt_copies,
    skeleton,
)


def rendered(tmp_path: Path, name: str, data: ReceiptData) -> Path:
    out = tmp_path / f"{name}.pdf"
    render_receipt_pdf(data, out, paper="A5")
    return out


def test_what_a_re_render_still_reads() -> None:
    assert (
        skeleton("Tiếp nhận hồ sơ của: Nguyễn  Thị\nHương") == "Ti p nh n h s c a: Nguy n Th H ng"
    )


def test_the_same_pdf_passes(tmp_path: Path) -> None:
    sent = rendered(tmp_path, "sent", sample_receipt())
    assert_printed_as_sent(sent, sent)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"applicant_name": "Nguyễn Thị Hường"}, r"page 1: \d+ px of the sent ink not printed"),
        ({"applicant_name": ""}, r"only sent: Counter\(\{.*'Nguy': 4"),
        (
            {"dossier_code": "000.00.22.H57-250205-0008"},
            r"only printed: Counter\(\{'000.00.22.H57-250205-0008': 4",
        ),
    ],
)
def test_a_different_copy_fails(tmp_path: Path, change: dict, says: str) -> None:
    receipt = sample_receipt()
    sent = rendered(tmp_path, "sent", receipt)
    other = rendered(tmp_path, "other", dataclasses.replace(receipt, **change))
    with pytest.raises(AssertionError, match=says):
        assert_printed_as_sent(sent, other)


def test_a_receipt_is_split_into_its_copies(tmp_path: Path) -> None:
    receipt = sample_receipt(papers=60)  # a papers list long enough to run over pages
    pdf = rendered(tmp_path, "long", receipt)
    first, second = receipt_copies(pdf)
    assert len(first) == len(second) > 1 and second[0] == first[-1] + 1
    assert [barcodes(pdf, pages[0])["code128"] for pages in (first, second)] == [
        [receipt.dossier_code]
    ] * 2
