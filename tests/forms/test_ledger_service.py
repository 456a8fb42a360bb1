"""The ledger from the desk's own dossiers: rows checked against the dossiers the steps created
(openpyxl read-back) and against the PDF's text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hcc_core.domain.status import DossierStatus
from hcc_desk.core.printing.forms.ledger import COLUMNS
from hcc_desk.core.printing.forms.ledger_xlsx import FIRST_DATA_ROW
from hcc_desk.core.store.models import AuditLog, Dossier
from hcc_desk.services.errors import InvalidInput
from hcc_desk.services.forms import FormsService
from tests.forms.desk_walk import APPLICANT, PROXY, Desk
from tests.support.printed import pdf_text

NOW = datetime(2026, 12, 20, 8, 0)  # after every appointment of the walk
PERIOD = (date(2026, 11, 25), date(2026, 11, 30))
IN_PERIOD = ["full", "refused", "early", "waiting"]  # in order received


@pytest.fixture
def forms(walked: Desk, tmp_path: Path) -> FormsService:
    return FormsService(walked.ctx.store, walked.ctx.settings, tmp_path, clock=lambda: NOW)


def _dossiers(desk: Desk) -> dict[str, Dossier]:
    with desk.ctx.store.session() as s:
        rows = s.scalars(select(Dossier).where(Dossier.code.in_(desk.codes.values()))).all()
        s.expunge_all()
    by_code = {d.code: d for d in rows}
    return {name: by_code[code] for name, code in desk.codes.items()}


def test_workbook_rows_are_the_dossiers_received_in_the_period(
    walked: Desk, forms: FormsService, tmp_path: Path
) -> None:
    out = tmp_path / "so-theo-doi.xlsx"
    done = forms.ledger(*PERIOD, xlsx=out, officer_username="demo")
    assert (done.rows, done.xlsx, done.pdf) == (4, out, None)
    ws = load_workbook(out).active
    col = {c.title: i + 1 for i, c in enumerate(COLUMNS)}
    rows = [
        [ws.cell(r, c).value for c in range(1, len(COLUMNS) + 1)]
        for r in range(FIRST_DATA_ROW, FIRST_DATA_ROW + done.rows)
    ]
    dossiers = _dossiers(walked)
    assert [r[col["Mã hồ sơ"] - 1] for r in rows] == [dossiers[n].code for n in IN_PERIOD]
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    for name, row in zip(IN_PERIOD, rows, strict=True):
        d = dossiers[name]
        got = {title: row[i - 1] for title, i in col.items()}
        assert got["Nhận hồ sơ"] == d.received_at
        assert got["Hẹn trả kết quả"] == d.due_at
        assert got["Có kết quả giải quyết"] == d.result_ready_at
        assert got["Trả kết quả"] == d.returned_at
        assert got["Trạng thái"] == DossierStatus(d.status).text("vi")
        assert got["Tên cá nhân, tổ chức"] == "Nguyễn Thị Hương"
        assert got["Cơ quan chủ trì giải quyết"] == "Công an cấp tỉnh"
    timing = [r[col["Tiến độ"] - 1] for r in rows]
    assert timing == ["Quá hạn", None, "Trước hạn", "Quá hạn (chưa có kết quả)"]
    assert [r[col["Chuyển hồ sơ đến cơ quan giải quyết"] - 1] for r in rows] == [
        datetime(2026, 11, 25, 10, 0),
        None,
        datetime(2026, 11, 26, 9, 0),
        None,
    ]
    assert [r[col["Ký nhận"] - 1] for r in rows] == [
        "Trần Văn Phước",
        None,
        "Nguyễn Thị Hương",
        None,
    ]
    assert rows[0][col["Ghi chú"] - 1] == (
        "Yêu cầu bổ sung: 1 lần; Xin lỗi, hẹn lại 10:00 10/12/2026"
    )
    assert rows[1][col["Ghi chú"] - 1] == "Từ chối tiếp nhận"
    assert rows[0][col["Phương thức nhận kết quả"] - 1] == "Tại quầy"
    with walked.ctx.store.session() as s:
        audit = s.scalars(
            select(AuditLog).where(AuditLog.action == "ledger.export").order_by(AuditLog.id.desc())
        ).first()
    assert audit.actor == "demo"
    assert audit.detail["rows"] == 4 and audit.detail["from"] == "2026-11-25"


def test_pdf_lists_the_same_dossiers(walked: Desk, forms: FormsService, tmp_path: Path) -> None:
    out = tmp_path / "so.pdf"
    assert forms.ledger(*PERIOD, pdf=out).rows == 4
    text = pdf_text(out)
    for name, code in walked.codes.items():
        assert (code in text) == (name in IN_PERIOD)
    # Who received each result, as the hand-backs recorded: the proxy, then the owner.
    cells = pdf_text(out, raw=True)  # content order: a wrapped cell reads as one
    assert cells.count(PROXY.name) == 1 and cells.count(APPLICANT) == 4 + 1
    assert "Từ ngày 25/11/2026 đến ngày 30/11/2026" in text
    assert "Huế, ngày 20 tháng 12 năm 2026" in text
    assert "Tổng số: 4 hồ sơ; trong đó trước hạn 1, quá hạn 1, quá hạn (chưa có kết quả) 1" in text


def test_one_day_period_and_an_empty_one(walked: Desk, forms: FormsService, tmp_path: Path) -> None:
    assert forms.ledger(date(2026, 11, 24), date(2026, 11, 24), xlsx=tmp_path / "a.xlsx").rows == 1
    assert forms.ledger(date(2027, 1, 1), date(2027, 1, 31), pdf=tmp_path / "b.pdf").rows == 0
    assert "(Không có hồ sơ trong khoảng thời gian này)" in pdf_text(tmp_path / "b.pdf")


def test_bad_requests_are_refused_before_writing(forms: FormsService, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="sau ngày kết thúc"):
        forms.ledger(PERIOD[1], PERIOD[0], xlsx=tmp_path / "x.xlsx")
    with pytest.raises(InvalidInput, match="--xlsx hoặc --pdf"):
        forms.ledger(*PERIOD)
    with pytest.raises(InvalidInput, match="quá dài"):
        forms.ledger(date(2000, 1, 1), date(2026, 1, 1), pdf=tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
