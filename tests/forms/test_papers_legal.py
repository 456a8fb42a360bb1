"""The audited cases of the printed papers (issue 10), on a real desk (SQLite on disk):
Mẫu 01 lists exactly the papers received, labels follow Luật Căn cước 2023 and name an
organisation by its tax code, the fee comes from structured data; a dossier stopped during
processing gets the stop notice, not the refusal to receive; each dossier's papers follow the
legal basis of the day it was received, reprints included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_desk.core.printing.fees import UNKNOWN
from hcc_desk.core.printing.paper_qr import parse_fragment
from hcc_desk.core.store.models import Procedure
from hcc_desk.services.intake_request import OrganisationInput, PaperInput
from tests.forms.desk_walk import APPLICANT, IMMIGRATION, PROCEDURE, Desk, open_desk
from tests.support.printed import barcodes, pdf_text

ORG = OrganisationInput(
    name="Công ty TNHH Hương Giang", tax_code="3301234568", address="5 Hà Nội, Huế"
)
FEES = [
    {
        "case": "Cấp lần đầu",
        "amount_vnd": 1234567,
        "text": "1.234.567 đồng/hồ sơ",
        "basis": "Thông tư 25/2021/TT-BTC",
    },
    {"case": "Cấp lại do hỏng", "amount_vnd": None, "text": "Theo mức thu của tỉnh", "basis": None},
    {
        "case": "Mức cũ",
        "amount_vnd": 100,
        "text": "100 đồng đến hết ngày 31/12/2023",
        "basis": "Thông tư 44/2023/TT-BTC",
    },  # expired: never printed
]
RAW_FEES = "Lệ phí theo Thông tư 44/2023/TT-BTC (hết hiệu lực) …"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    d = open_desk(tmp_path_factory.mktemp("desk") / "profile")
    with d.ctx.store.write() as s:
        proc = s.scalar(select(Procedure).where(Procedure.code == PROCEDURE))
        assert proc.papers, "the demo procedure lists papers (the fallback must not use them)"
        proc.fees, proc.fees_text = FEES, RAW_FEES
    yield d
    d.ctx.close()


def receipt(desk: Desk, code: str, tmp_path: Path) -> tuple[str, Path]:
    pdf = desk.ctx.receipts.render_pdf(code, tmp_path / f"{code}.pdf")
    return pdf_text(pdf, 1), pdf  # the first copy (Liên 1)


def test_no_papers_named_lists_none(desk: Desk, tmp_path: Path) -> None:
    code = desk.take("none", datetime(2026, 11, 25, 9, 0))
    text, _ = receipt(desk, code, tmp_path)
    assert "(Không có giấy tờ)" in text
    with desk.ctx.store.session() as s:
        listed = [
            p.name for p in s.scalar(select(Procedure).where(Procedure.code == PROCEDURE)).papers
        ]
    assert not [name for name in listed if name in text]


def test_exactly_the_papers_named_are_listed(desk: Desk, tmp_path: Path) -> None:
    code = desk.take(
        "two",
        datetime(2026, 11, 25, 9, 30),
        papers=[PaperInput("Tờ khai TK01", 1, 0, 0), PaperInput("Ảnh chân dung 4x6 cm", 0, 0, 2)],
    )
    text, _ = receipt(desk, code, tmp_path)
    table = text.split("1. Thành phần hồ sơ nộp gồm:")[1].split("2. Số lượng hồ sơ")[0]
    # Read column by column: the two rows' names, then the counts (1 original, 2 photocopies).
    assert table.strip() == (
        "STT Tên giấy tờ 1 Tờ khai TK01 2 Ảnh chân dung 4x6 cm "
        "Bản chính Bản sao chứng thực Bản photo 1 2"
    )


def test_labels_follow_the_identification_law_and_organisations_print_their_tax_code(
    desk: Desk, tmp_path: Path
) -> None:
    code = desk.take(
        "org",
        datetime(2026, 11, 25, 10, 0),
        applicant_kind="organisation",
        owner_is_submitter=False,
        owner_organisation=ORG,
    )
    text, pdf = receipt(desk, code, tmp_path)
    assert "Số định danh cá nhân: 046185012345" in text  # the person who filed
    assert f"Chủ hồ sơ: {ORG.name}; Mã số doanh nghiệp/Mã số thuế: {ORG.tax_code}" in text
    assert "CMND" not in text and "Hộ chiếu" not in text
    assert "Email:" not in text  # none given: no empty label
    [qr] = barcodes(pdf, top=0.15)["qr"]
    assert parse_fragment(qr)["dd"] == ORG.tax_code  # the party the procedure is for


def test_fee_cases_with_amount_and_basis_in_force_never_the_raw_text(
    desk: Desk, tmp_path: Path
) -> None:
    text, _ = receipt(desk, desk.take("fee", datetime(2026, 11, 25, 10, 30)), tmp_path)
    assert (
        "- Cấp lần đầu: 1.234.567 đồng (1.234.567 đồng/hồ sơ) — căn cứ Thông tư 25/2021/TT-BTC"
    ) in text
    assert "- Cấp lại do hỏng: Theo mức thu của tỉnh" in text
    assert "Mức cũ" not in text and "44/2023" not in text and RAW_FEES not in text
    with desk.ctx.store.write() as s:
        s.scalar(select(Procedure).where(Procedure.code == PROCEDURE)).fees = []
    try:
        text, _ = receipt(desk, desk.take("nofee", datetime(2026, 11, 25, 11, 0)), tmp_path)
        assert f"Phí, lệ phí: {UNKNOWN}" in text and RAW_FEES not in text
    finally:
        with desk.ctx.store.write() as s:
            s.scalar(select(Procedure).where(Procedure.code == PROCEDURE)).fees = FEES


def test_a_dossier_stopped_during_processing_gets_the_stop_notice(
    desk: Desk, tmp_path: Path
) -> None:
    stopped = desk.take("stopped", datetime(2026, 11, 26, 8, 0))
    desk.at(datetime(2026, 11, 26, 9, 0)).steps.transfer(stopped, IMMIGRATION, "demo")
    desk.at(datetime(2026, 11, 27, 9, 0)).steps.refuse(
        stopped, "demo", reasons="Người yêu cầu xin dừng"
    )
    refused = desk.take("refused", datetime(2026, 11, 26, 8, 30))
    desk.at(datetime(2026, 11, 26, 8, 45)).steps.refuse(
        refused, "demo", reasons="Không thuộc thẩm quyền"
    )
    for kind in ("refusal", "stop"):  # what the return desk asks, and the explicit name
        text = pdf_text(desk.ctx.forms.render(kind, stopped, tmp_path / f"s-{kind}.pdf"))
        assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 05" in text
        assert "TỪ CHỐI TIẾP NHẬN" not in text and "Mẫu số 03" not in text
        assert "Người yêu cầu xin dừng" in text and f"Kính gửi: Ông/Bà {APPLICANT}" in text
    text = pdf_text(desk.ctx.forms.render("refusal", refused, tmp_path / "r.pdf"))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 03" in text
    assert "DỪNG GIẢI QUYẾT" not in text


def test_printing_says_which_form_was_made(desk: Desk, monkeypatch) -> None:
    """The return desk names what went to the printer: a stop notice, not "Mẫu 03"."""
    from hcc_desk.services import forms as forms_service

    monkeypatch.setattr(forms_service, "print_pdf", lambda *_a, **_k: "queue-1")
    stopped = desk.take("stopped", datetime(2026, 11, 26, 8, 0))
    desk.at(datetime(2026, 11, 26, 9, 0)).steps.transfer(stopped, IMMIGRATION, "demo")
    desk.at(datetime(2026, 11, 27, 9, 0)).steps.refuse(stopped, "demo", reasons="Xin dừng")
    refused = desk.take("refused", datetime(2026, 11, 26, 8, 30))
    desk.at(datetime(2026, 11, 26, 8, 45)).steps.refuse(refused, "demo", reasons="Sai thẩm quyền")
    assert desk.ctx.forms.print_form("refusal", stopped, "demo", printer="q").made == "stop"
    assert desk.ctx.forms.print_form("refusal", refused, "demo", printer="q").made == "refusal"


def test_each_dossier_keeps_the_legal_basis_of_its_received_day(desk: Desk, tmp_path: Path) -> None:
    old = desk.take("old", datetime(2025, 9, 12, 9, 0))  # before TT 03/2025 applied
    new = desk.take("new", datetime(2025, 9, 15, 8, 0))
    for code, basis, control in ((old, "01/2018", "05"), (new, "03/2025", "06")):
        text, _pdf = receipt(desk, code, tmp_path)
        assert f"Mẫu số 01 Thông tư số {basis}/TT-VPCP" in text
        slip = pdf_text(desk.ctx.forms.render("control", code, tmp_path / f"c-{code}.pdf"))
        assert f"Mẫu số {control} Thông tư số {basis}/TT-VPCP" in slip
        again, _ = receipt(desk, code, tmp_path)  # a reprint, now: the same form
        assert f"Mẫu số 01 Thông tư số {basis}/TT-VPCP" in again


def test_the_procedure_picker_shows_the_fees_in_force_not_the_raw_text(desk: Desk) -> None:
    [choice] = [c for c in desk.ctx.catalogue.search(PROCEDURE) if c.national_code == PROCEDURE]
    assert "Cấp lần đầu: 1.234.567 đồng/hồ sơ" in choice.fees_text
    assert RAW_FEES not in choice.fees_text and "44/2023" not in choice.fees_text
