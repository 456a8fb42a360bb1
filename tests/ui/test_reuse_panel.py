"""The intake's reuse panel (ui/reuse_panel.py): after a card's QR is read, the signed copies
central listed appear in the background; ticking one (keyboard) marks its checklist paper as
handed in as a reused copy and downloads it; a failure is one line and changes nothing else;
offline is one muted line; a draft keeps the choice; it fits the counters' screens."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hcc_core.i18n import msg
from hcc_core.wire.papers import ReusablePaper
from hcc_desk.services.reuse import ReuseLookup, ReuseRefused, choice
from hcc_desk.ui.intake_view import IntakeView

from .conftest import QR, press_enter, type_text
from .fakes import FakeContext, Officer

ID, NAME, BORN = "046190001234", "Nguyễn Văn Ánh", date(1990, 3, 15)  # what QR says
MARK = "tái sử dụng bản số hoá"
OFFLINE = "Không kết nối được máy chủ — nhận giấy tờ như thường"


def _paper(n: int = 1, kind: str = "Giấy chứng sinh") -> ReusablePaper:
    return ReusablePaper(
        paper_uuid=f"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6{n}",
        kind=kind,
        number=f"12{n}/2020",
        issuer="Bệnh viện Trung ương Huế",
        issued_on=date(2020, 1, 2),
        valid_until=None,
        dossier_code="000.00.61.H57-261125-0001",
        centre_name="TRUNG TÂM PVHCC TỈNH THỬ",
        signer="Nguyễn Thị Hương",
        filename="giay-chung-sinh.pdf",
        size=1234,
        sha256="a" * 64,
    )


class FakeReuse:
    """services.reuse.ReuseService as the panel sees it; answers off the GUI thread."""

    def __init__(self, found: ReuseLookup, refuse: bool = False):
        self.found, self.refuse = found, refuse
        self.asked: list[tuple] = []
        self.fetched: list[str] = []
        self.threads: set[bool] = set()

    def lookup(self, id_number, full_name, date_of_birth, *, officer):
        self.threads.add(threading.current_thread() is threading.main_thread())
        self.asked.append((id_number, full_name, date_of_birth, officer))
        return self.found

    def fetch(self, paper, *, officer):
        self.threads.add(threading.current_thread() is threading.main_thread())
        if self.refuse:
            raise ReuseRefused("reuse.copy_refused", reason=msg("verify.modified"))
        self.fetched.append(paper.paper_uuid)
        return Path("/nowhere") / f"{paper.paper_uuid}.pdf"


def _view(qtbot, runner, reuse: FakeReuse, size=(1200, 900)) -> IntakeView:
    ctx = FakeContext()
    ctx.reuse = reuse  # type: ignore[attr-defined]
    v = IntakeView(ctx, Officer("demo", "Demo"), runner, autosave_ms=50)
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    return v


def _scan(view) -> None:
    view.ui.qr_edit.setFocus()
    type_text(view.ui.qr_edit, QR)
    press_enter(view.ui.qr_edit)
    view.runner.wait_idle()


def _pick_birth_registration(view) -> None:
    type_text(view.ui.procedure_search, "khai sinh")
    press_enter(view.ui.procedure_search)
    view.runner.wait_idle()


def _tick_with_space(view, row: int = 0) -> None:
    lst = view.reuse_panel.list
    lst.setFocus()
    lst.setCurrentRow(row)
    QTest.keyClick(lst, Qt.Key.Key_Space)
    view.runner.wait_idle()


def _row(view, name: str) -> int:
    table = view.ui.papers_table
    return next(i for i in range(table.row_count()) if table.paper_name(i) == name)


def test_the_panel_lists_the_copies_after_a_qr_read_and_ticking_marks_the_paper(qtbot, runner):
    reuse = FakeReuse(ReuseLookup([_paper()]))
    view = _view(qtbot, runner, reuse)
    panel = view.reuse_panel
    assert not panel.isVisible()
    _scan(view)
    assert reuse.asked == [(ID, NAME, BORN, "demo")]
    assert reuse.threads == {False}  # never on the GUI thread
    assert panel.isVisible() and panel.list.count() == 1
    shown = panel.list.item(0).text()
    for part in ("Giấy chứng sinh", "121/2020", "Bệnh viện Trung ương Huế", "02/01/2020"):
        assert part in shown
    assert "không thời hạn" in shown and "Nguyễn Thị Hương" in shown
    assert "TRUNG TÂM PVHCC TỈNH THỬ" in shown

    _pick_birth_registration(view)
    row = _row(view, "Giấy chứng sinh")
    table = view.ui.papers_table
    assert not table.is_checked(row)
    _tick_with_space(view)
    assert panel.list.item(0).checkState() == Qt.CheckState.Checked
    assert table.is_checked(row) and table.scan_text(row) == MARK
    assert reuse.fetched == [_paper().paper_uuid]
    assert "đã tải về" in panel.list.item(0).text()

    req, _local = view.collect()
    by_name = {p.name: p for p in req.papers or []}
    assert by_name["Giấy chứng sinh"].reused == choice(_paper())

    # Untick: the checklist row is as it was.
    _tick_with_space(view)
    assert not table.is_checked(row) and table.scan_text(row) == ""
    req, _local = view.collect()
    assert all(p.reused is None for p in req.papers or [])


def test_typing_the_cards_facts_asks_too_and_once(qtbot, runner):
    """A worn card or no scanner: the officer types ID number, name and birth date; the same
    look-up runs once all three are there, and not again for the same person (ticks stay)."""
    reuse = FakeReuse(ReuseLookup([_paper()]))
    view = _view(qtbot, runner, reuse)
    who = view.ui.submitter.ui
    for edit, text in ((who.full_name, NAME), (who.id_number, ID)):
        edit.setFocus()
        type_text(edit, text)
        who.date_of_birth.setFocus()  # leaving the field finishes its editing
    view.runner.wait_idle()
    assert reuse.asked == []  # no birth date yet
    type_text(who.date_of_birth, BORN.strftime("%d/%m/%Y"))
    who.phone.setFocus()
    view.runner.wait_idle()
    assert reuse.asked == [(ID, NAME, BORN, "demo")]
    assert view.reuse_panel.list.count() == 1
    _pick_birth_registration(view)
    _tick_with_space(view)
    who.full_name.setFocus()
    who.phone.setFocus()  # the same facts again
    view.runner.wait_idle()
    assert len(reuse.asked) == 1
    assert view.reuse_panel.list.item(0).checkState() == Qt.CheckState.Checked


def test_a_copy_of_another_name_goes_to_the_paper_the_officer_picks(qtbot, runner, monkeypatch):
    reuse = FakeReuse(ReuseLookup([_paper(kind="Giấy báo sinh")]))
    view = _view(qtbot, runner, reuse)
    _scan(view)
    _pick_birth_registration(view)
    from PySide6.QtWidgets import QInputDialog

    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items, *_args):
        offered.append(list(items))
        return "Giấy chứng sinh", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    _tick_with_space(view)
    assert offered == [["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]]
    row = _row(view, "Giấy chứng sinh")
    assert view.ui.papers_table.scan_text(row) == MARK


def test_offline_is_one_muted_line(qtbot, runner):
    reuse = FakeReuse(ReuseLookup(problem=msg("reuse.offline"), offline=True))
    view = _view(qtbot, runner, reuse)
    _scan(view)
    panel = view.reuse_panel
    assert panel.isVisible() and panel.status.text() == OFFLINE
    assert panel.status.property("role") == "hint"
    assert not panel.list.isVisible() and not panel.problem.isVisible()


def test_a_desk_without_central_shows_nothing(qtbot, runner):
    reuse = FakeReuse(ReuseLookup(problem=msg("reuse.not_enrolled")))
    view = _view(qtbot, runner, reuse)
    _scan(view)
    assert not view.reuse_panel.isVisible()


def test_a_refused_copy_is_one_line_and_changes_nothing_else(qtbot, runner):
    reuse = FakeReuse(ReuseLookup([_paper()]), refuse=True)
    view = _view(qtbot, runner, reuse)
    _scan(view)
    _pick_birth_registration(view)
    before, _ = view.collect()
    _tick_with_space(view)
    panel, table = view.reuse_panel, view.ui.papers_table
    row = _row(view, "Giấy chứng sinh")
    assert panel.problem.isVisible()
    assert "Giấy chứng sinh" in panel.problem.text() and "bị sửa" in panel.problem.text()
    assert panel.list.item(0).checkState() == Qt.CheckState.Unchecked
    assert not table.is_checked(row) and table.scan_text(row) == ""
    after, _ = view.collect()
    assert after.papers == before.papers


def test_a_restored_draft_keeps_the_reused_copy(qtbot, runner):
    reuse = FakeReuse(ReuseLookup([_paper()]))
    view = _view(qtbot, runner, reuse)
    _scan(view)
    _pick_birth_registration(view)
    _tick_with_space(view)
    draft = view.collect()[0].to_json_dict()

    from hcc_desk.services.intake_request import request_from_dict

    other = _view(qtbot, runner, FakeReuse(ReuseLookup()))
    other.load_request(request_from_dict(draft))
    other.runner.wait_idle()
    row = _row(other, "Giấy chứng sinh")
    assert other.ui.papers_table.is_checked(row)
    assert other.ui.papers_table.scan_text(row) == MARK
    assert other.reuse_panel.list.item(0).checkState() == Qt.CheckState.Checked
    req, _ = other.collect()
    assert {p.name: p.reused for p in req.papers or []}["Giấy chứng sinh"] == choice(_paper())


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_panel_fits_the_counters_screens(qtbot, runner, size):
    width, height = size
    papers = [_paper(n, kind=f"Giấy chứng sinh bản {n} " + "rất dài " * 12) for n in range(1, 7)]
    view = _view(qtbot, runner, FakeReuse(ReuseLookup(papers)), size=(width, height - 80))
    _scan(view)
    panel = view.reuse_panel
    assert panel.list.count() == 6
    assert view.ui.scroll.horizontalScrollBar().maximum() == 0  # nothing cut off sideways
    assert panel.list.horizontalScrollBar().maximum() == 0
    assert panel.height() < (height - 80) / 2  # the list scrolls instead of pushing the form
    assert panel.mapTo(view, panel.rect().topRight()).x() <= view.width()


def test_a_hostile_listing_is_cut_short(qtbot, runner):
    huge = _paper(kind="Giấy\n" + "x" * 100_000).model_copy(update={"signer": "A\n" * 5000})
    view = _view(qtbot, runner, FakeReuse(ReuseLookup([huge])))
    _scan(view)
    text = view.reuse_panel.list.item(0).text()
    # Three lines whatever central sends: the kind, its details, the signer.
    assert len(text) < 1000 and text.count("\n") == 2
