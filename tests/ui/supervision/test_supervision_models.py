"""The supervision lists' and rates' item models: what each cell shows, and sorting by date."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from PySide6.QtCore import QSortFilterProxyModel, Qt

from hcc_core.domain.status import DossierStatus
from hcc_desk.ui.supervision.due_list_model import SORT_ROLE, DueListModel
from hcc_desk.ui.supervision.rates_model import RatesModel


def row(code: str, due: datetime, slot: int, **kw) -> SimpleNamespace:
    base = {
        "code": code,
        "procedure_name": "Cấp hộ chiếu",
        "agency": "Công an cấp tỉnh",
        "counter_slot": slot,
        "officer": "Cán bộ Demo (demo)",
        "due_at": due,
        "waiting_since": None,
        "apologised": False,
        "statutory_due_at": due,
        "status": int(DossierStatus.PROCESSING),
    }
    return SimpleNamespace(**{**base, **kw})


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_lists_sort_by_date_and_counter_number_not_by_text(qapp):
    model = DueListModel()
    model.set_rows(
        [
            row("A", datetime(2026, 12, 3, 9, 0), 10),  # "09:00 03/12" sorts first as text
            row("B", datetime(2026, 12, 1, 14, 0), 9),
        ]
    )
    assert column(model, 5) == ["09:00 03/12/2026", "14:00 01/12/2026"]
    assert column(model, 7) == ["Đang xử lý", "Đang xử lý"]
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(5, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 0) == ["B", "A"]
    proxy.sort(3, Qt.SortOrder.AscendingOrder)  # counter 9 before 10
    assert column(proxy, 0) == ["B", "A"]


def test_second_date_column_says_what_it_holds(qapp):
    waiting = DueListModel(waiting=True)
    since = datetime(2026, 11, 26, 10, 0)
    waiting.set_rows([row("W", None, 1, waiting_since=since)])
    assert waiting.headerData(6, Qt.Orientation.Horizontal) == "Chờ bổ sung từ"
    assert column(waiting, 6) == ["10:00 26/11/2026"] and column(waiting, 5) == [""]
    late = DueListModel()
    first = datetime(2026, 12, 7, 9, 0)
    late.set_rows(
        [row("L", datetime(2026, 12, 10, 16), 1, apologised=True, statutory_due_at=first)]
    )
    assert late.headerData(6, Qt.Orientation.Horizontal) == "Hẹn ban đầu"
    assert column(late, 6) == ["09:00 07/12/2026"]


def test_rates_end_with_the_total_in_bold(qapp):
    model = RatesModel()
    rate = SimpleNamespace(key="Sở Tư pháp", early=1, on_time=0, late=1, total=2, on_time_share=0.5)
    total = SimpleNamespace(key="", early=1, on_time=0, late=1, total=2, on_time_share=0.5)
    empty = SimpleNamespace(key="Sở Xây dựng", early=0, on_time=0, late=0, total=0, on_time_share=0)
    model.set_rows([rate, empty, total])
    assert [model.index(0, c).data() for c in range(6)] == [
        "Sở Tư pháp",
        "1",
        "0",
        "1",
        "2",
        "50,0 %",
    ]
    assert model.index(1, 5).data() == "—"
    assert model.index(2, 0).data() == "Tổng cộng"
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
