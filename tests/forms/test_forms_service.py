"""FormsService on a real desk: every form filled from the facts the after-intake steps recorded
(SQLite on disk), audited; missing facts and bad settings refused with a clear message."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_desk.core.printing.vn_dates import format_vn_datetime
from hcc_desk.core.store.models import AuditLog, Dossier, DossierNotice
from hcc_desk.services.dossier_steps import COUNTER_PARTY
from hcc_desk.services.errors import InvalidInput, NotFound
from hcc_desk.services.forms import FormsService, MissingFacts
from tests.forms.desk_walk import (
    APOLOGY_REASON,
    APPLICANT,
    IMMIGRATION,
    MISSING_PAPERS,
    POLICE,
    PROXY,
    REFUSAL_REASON,
    RESULT_SUMMARY,
    SUPPLEMENT_REASON,
    Desk,
)
from tests.support.printed import barcodes, pdf_text


def _apology_notice(desk: Desk) -> DossierNotice:
    with desk.ctx.store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == desk.codes["full"]))
        return s.scalar(
            select(DossierNotice).where(
                DossierNotice.dossier_id == d.id, DossierNotice.kind == "apology"
            )
        )


def _expected(desk: Desk) -> dict[str, list[str]]:
    apology = _apology_notice(desk)
    old_due = format_vn_datetime(apology.previous_due_at)
    return {
        "supplement": [
            "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "Huế, ngày 26 tháng 11 năm 2026",
            f"Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: {APPLICANT}",
            "Địa chỉ: 12 Lê Lợi, Huế",
            "Số điện thoại: 0912345678",
            f"Cơ quan yêu cầu bổ sung: {IMMIGRATION}",
            *MISSING_PAPERS,
            f"Lý do: {SUPPLEMENT_REASON}",
            "tạm dừng từ 15 giờ 00 phút, ngày 26 tháng 11 năm 2026",
            "Cán bộ Demo",
        ],
        "refusal": [
            "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            "Huế, ngày 25 tháng 11 năm 2026",
            f"Tiếp nhận hồ sơ của: {APPLICANT}",
            REFUSAL_REASON,
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "Cán bộ Demo",
        ],
        "apology": [
            "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",  # received in 2026
            "Huế, ngày 07 tháng 12 năm 2026",
            f"Kính gửi: Ông/Bà {APPLICANT}",
            f"Thời gian hẹn trả kết quả là {old_due}",
            f"Đến nay, {POLICE} chưa có kết quả",
            f"Lý do: {APOLOGY_REASON}",
            "10 giờ 00 phút, ngày 10 tháng 12 năm 2026",
        ],
        "control": [
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 25 tháng 11 năm 2026",
            f"Cơ quan phối hợp giải quyết hồ sơ: {IMMIGRATION}; {POLICE}",
            f"1. Giao: {COUNTER_PARTY}",
            f"2. Nhận: {IMMIGRATION}",
            f"3. Giao: {IMMIGRATION}",
            f"4. Nhận: {POLICE}",
            f"5. Giao: {POLICE}",
            f"6. Nhận: {COUNTER_PARTY}",
            "10 giờ 00 phút, ngày 25 tháng 11 năm 2026",
            "Giao đủ hồ sơ",
            "Xác minh nhân thân",
            "Quá hạn",
            "Có kết quả giải quyết: 09 giờ 00 phút, ngày 09 tháng 12 năm 2026",
            "Đã trả kết quả: 14 giờ 00 phút, ngày 09 tháng 12 năm 2026",
        ],
        "result": [
            "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
            "Huế, ngày 09 tháng 12 năm 2026",
            f"Thời gian hẹn trả kết quả: {old_due}",
            "Thời gian hẹn lại (theo văn bản xin lỗi): 10 giờ 00 phút, ngày 10 tháng 12 năm 2026",
            "Thời gian trả kết quả: 14 giờ 00 phút, ngày 09 tháng 12 năm 2026",
            "Tiến độ giải quyết: Quá hạn",
            f"Kết quả giải quyết: {RESULT_SUMMARY}",
            f"Người nộp hồ sơ: {APPLICANT}",
            f"Họ và tên: {PROXY.name}",
            PROXY.id_number,
            "Quan hệ với hồ sơ: Người được ủy quyền",
            f"Giấy ủy quyền: {PROXY.authorisation_ref}",
            "NGƯỜI TRẢ KẾT QUẢ",
            "Cán bộ Demo",
        ],
    }


@pytest.mark.parametrize("kind", ["supplement", "refusal", "apology", "control", "result"])
def test_each_form_prints_the_recorded_facts_and_scans(
    walked: Desk, kind: str, tmp_path: Path
) -> None:
    code = walked.codes["refused" if kind == "refusal" else "full"]
    pdf = walked.ctx.forms.render(kind, code, tmp_path / f"{kind}.pdf", "demo")
    text = pdf_text(pdf)
    missing = [f for f in [f"Mã hồ sơ: {code}", *_expected(walked)[kind]] if f not in text]
    assert not missing
    assert barcodes(pdf)["code128"] == [code]


def test_a_render_goes_where_asked_and_is_audited(walked: Desk, tmp_path: Path) -> None:
    code = walked.codes["full"]
    pdf = walked.ctx.forms.render("control", code, tmp_path / "c.pdf", officer_username="demo")
    assert pdf == tmp_path / "c.pdf"
    assert f"Mã hồ sơ: {code}" in pdf_text(pdf) and not list(pdf.parent.glob("*.part"))
    with walked.ctx.store.session() as s:
        uuid = s.scalar(select(Dossier.uuid).where(Dossier.code == code))
        row = s.scalars(
            select(AuditLog)
            .where(AuditLog.action == "form.control.render")
            .order_by(AuditLog.id.desc())
        ).first()
        assert (row.actor, row.entity_uuid) == ("demo", uuid)
        assert row.detail == {"code": code, "legal_basis": "2025", "paper": "A4"}


def test_the_receipt_lookup_url_finds_the_dossier_too(walked: Desk, tmp_path: Path) -> None:
    code = walked.codes["full"]
    pdf = walked.ctx.forms.render(
        "result", f"https://x.vn/tra-cuu?ma={code}&pin=K7Q2", tmp_path / "r.pdf"
    )
    assert f"Mã hồ sơ: {code}" in pdf_text(pdf)


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("supplement", "chưa có yêu cầu bổ sung nào"),
        ("refusal", "chưa có quyết định từ chối nào"),
        ("apology", "chưa có văn bản xin lỗi, hẹn lại nào"),
        ("result", "chưa trả kết quả"),
    ],
)
def test_a_form_without_its_facts_is_refused_and_nothing_written(
    walked: Desk, kind: str, says: str, tmp_path: Path
) -> None:
    code = walked.codes["waiting"]
    out = tmp_path / "x.pdf"
    with pytest.raises(MissingFacts) as e:
        walked.ctx.forms.render(kind, code, out)
    assert code in e.value.message and says in e.value.message
    assert code in e.value.text("en")
    assert not out.exists()


def test_control_slip_prints_at_intake_with_blank_hops(walked: Desk, tmp_path: Path) -> None:
    text = pdf_text(walked.ctx.forms.render("control", walked.codes["waiting"], tmp_path / "c.pdf"))
    assert "1. Giao: …" in text and "Cơ quan phối hợp giải quyết hồ sơ: Không" in text


def test_unknown_code_and_kind(walked: Desk) -> None:
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ"):
        walked.ctx.forms.render("control", "000.00.61.H57-991231-0001", Path("x.pdf"))
    with pytest.raises(InvalidInput, match="Không có mẫu phiếu 'receipt'"):
        walked.ctx.forms.render("receipt", walked.codes["full"], Path("x.pdf"))


def test_legal_basis_setting_switches_the_template_set(walked: Desk, tmp_path: Path) -> None:
    settings, code = walked.ctx.settings, walked.codes["full"]  # received 25/11/2026
    text = pdf_text(walked.ctx.forms.render("control", code, tmp_path / "c0.pdf"))
    assert "Mẫu số 06 Thông tư số 03/2025/TT-VPCP" in text  # "auto": the set of its day
    try:
        settings.set("forms.legal_basis", "2018")  # forced for every dossier
        text = pdf_text(walked.ctx.forms.render("control", code, tmp_path / "c.pdf"))
        assert "Mẫu số 05 Thông tư số 01/2018/TT-VPCP" in text
        text = pdf_text(walked.ctx.forms.render("apology", code, tmp_path / "a.pdf"))
        assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
        settings.set("forms.legal_basis", "auto")
        settings.set("forms.basis_2025_from", "2027-01-01")  # a later switch: still 2018
        text = pdf_text(walked.ctx.forms.render("control", code, tmp_path / "c1.pdf"))
        assert "Mẫu số 05 Thông tư số 01/2018/TT-VPCP" in text
        settings.set("forms.basis_2025_from", "2025-09-15")
        settings.set("forms.templates", {"2025": {"control": {"number": "06/TT03"}}})
        text = pdf_text(walked.ctx.forms.render("control", code, tmp_path / "c2.pdf"))
        assert "Mẫu số 06/TT03 Thông tư số 03/2025/TT-VPCP" in text
        settings.set("forms.templates", {"2025": {"control": "x"}})
        with pytest.raises(InvalidInput, match=r"forms\.templates"):
            walked.ctx.forms.render("control", code, tmp_path / "c3.pdf")
        settings.set("forms.templates", {})
        settings.set("forms.legal_basis", "2019")
        with pytest.raises(InvalidInput, match=r"forms\.legal_basis") as e:
            walked.ctx.forms.render("control", code, tmp_path / "c4.pdf")
        assert all(v in e.value.message for v in ("auto", "2018", "2025"))
        settings.set("forms.legal_basis", "auto")
        settings.set("forms.basis_2025_from", "15/09/2025")
        with pytest.raises(InvalidInput, match=r"forms\.basis_2025_from"):
            walked.ctx.forms.render("control", code, tmp_path / "c5.pdf")
    finally:
        settings.set("forms.legal_basis", "auto")
        settings.set("forms.basis_2025_from", "2025-09-15")
        settings.set("forms.templates", {})


def test_paper_a5_and_a_bad_paper(walked: Desk, tmp_path: Path) -> None:
    forms = FormsService(
        walked.ctx.store, walked.ctx.settings, tmp_path, clock=lambda: datetime(2026, 12, 20)
    )
    pdf = forms.render("supplement", walked.codes["full"], tmp_path / "s.pdf", paper="A5")
    assert "Ảnh chân dung 4x6 cm" in pdf_text(pdf)
    with pytest.raises(InvalidInput, match="A4 hoặc A5"):
        forms.render("supplement", walked.codes["full"], tmp_path / "s2.pdf", paper="Letter")
