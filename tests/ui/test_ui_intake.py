"""The intake screen against the in-memory context: QR, search, errors, save, drafts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hcc_desk.services.intake_request import request_from_dict
from hcc_desk.ui.intake_view import IntakeView

from .conftest import QR, press_enter, type_text
from .fakes import Officer


@pytest.fixture
def view(qtbot, fake_ctx, runner):
    v = IntakeView(fake_ctx, Officer("demo", "Demo"), runner, autosave_ms=50)
    qtbot.addWidget(v)
    v.resize(1200, 900)
    v.show()
    return v


def scan(view, raw=QR):
    view.ui.qr_edit.setFocus()
    type_text(view.ui.qr_edit, raw)
    press_enter(view.ui.qr_edit)


def settle(view):
    """The database lane's answers are in: search results, the appointment, the checks run
    on saving (none of them runs on the GUI thread: ARCHITECTURE.md, "The GUI thread")."""
    view.runner.wait_idle()


def fill_valid(view):
    scan(view)
    type_text(view.ui.submitter.ui.phone, "0912345678")
    type_text(view.ui.procedure_search, "chung thuc")
    press_enter(view.ui.procedure_search)  # before the results are in: takes the first
    settle(view)
    view.ui.papers_table.check_all()


def test_qr_scan_fills_submitter_and_focuses_phone(view):
    scan(view, QR.replace("20072021", "20072001"))
    s = view.ui.submitter.ui
    assert s.full_name.text() == "Nguyễn Văn Ánh"
    assert s.id_number.text() == "046190001234"
    assert s.old_id_number.text() == "197123456"
    assert s.date_of_birth.text() == "15/03/1990"
    assert s.sex.currentData() == "Nam"
    assert s.address.text().startswith("12 Lê Lợi")
    assert view.ui.qr_edit.text() == ""
    assert view.banner.kind() == "warning"
    assert "Thẻ đã hết hạn" in view.banner.text()
    assert s.phone.hasFocus()


def test_unreadable_qr_shows_error_and_keeps_text(view):
    scan(view, "không phải mã QR")
    assert view.banner.kind() == "error"
    assert "Không đọc được" in view.banner.text()
    assert view.ui.qr_edit.text() == "không phải mã QR"


def test_procedure_search_is_accent_free_and_keyboard_driven(view):
    view.ui.procedure_search.setFocus()
    type_text(view.ui.procedure_search, "dang ky")
    settle(view)
    names = [view.ui.procedure_list.item(i).text() for i in range(view.ui.procedure_list.count())]
    assert len(names) == 2 and all("Đăng ký" in n for n in names)
    QTest.keyClick(view.ui.procedure_search, Qt.Key.Key_Down)
    press_enter(view.ui.procedure_search)
    settle(view)
    assert view.picker.current().name == "Đăng ký khai sinh"
    assert view.ui.papers_table.row_count() == 2
    assert view.ui.papers_table.focus_chain()[0].hasFocus()  # focus moved on to the papers
    assert "Hẹn trả kết quả: 16:00" in view.ui.appointment_label.text()


def test_errors_shown_under_fields_and_focus_first(view):
    type_text(view.ui.submitter.ui.id_number, "123")
    type_text(view.ui.submitter.ui.date_of_birth, "31/02/1990")
    view.ui.delivery_post.setChecked(True)
    view.save()
    settle(view)
    shown = view.visible_errors()
    assert set(shown) >= {
        "submitter.full_name",
        "submitter.id_number",
        "submitter.date_of_birth",
        "submitter.phone",
        "procedure_code",
        "delivery_address",
    }
    assert "12 chữ số" in shown["submitter.id_number"]
    assert "dd/mm/yyyy" in shown["submitter.date_of_birth"]
    assert view.ui.submitter.ui.full_name.hasFocus()
    assert view.ui.submitter.ui.full_name.property("invalid") is True
    assert view.banner.kind() == "error"
    # Typing in a field clears its message.
    type_text(view.ui.submitter.ui.full_name, "A")
    assert "submitter.full_name" not in view.visible_errors()


def test_paper_row_error_points_at_the_row(view):
    fill_valid(view)
    view.ui.papers_table.add_row()
    view.save()
    settle(view)
    assert "Giấy tờ thứ 2" in view.visible_errors()["papers"]
    assert view.ui.papers_table.focus_chain()[-4].hasFocus()  # the added row's name editor


def test_delivery_address_enabled_only_for_post(view):
    assert not view.ui.delivery_address.isEnabled()
    view.ui.delivery_post.setChecked(True)
    assert view.ui.delivery_address.isEnabled()


def test_owner_blocks_follow_choices(view):
    assert not view.ui.owner_group.isVisible()
    view.ui.owner_differs.setChecked(True)
    assert view.ui.owner_group.isVisible()
    assert view.ui.owner_stack.currentWidget() is view.ui.owner_person_page
    view.ui.kind_organisation.setChecked(True)
    assert view.ui.owner_stack.currentWidget() is view.ui.owner_org_page
    assert not view.ui.owner_differs.isVisible()
    type_text(view.ui.owner_organisation.ui.name, "Công ty TNHH Sông Hương")
    req, _ = view.collect()
    assert req.applicant_kind == "organisation" and not req.owner_is_submitter
    assert req.owner_organisation.name == "Công ty TNHH Sông Hương"


def test_save_submits_clears_and_discards_draft(qtbot, view, fake_ctx, runner):
    fill_valid(view)
    qtbot.waitUntil(lambda: bool(fake_ctx.drafts.store), timeout=3000)
    with qtbot.waitSignal(view.submitted, timeout=5000) as sig:
        view.save()
    runner.wait_idle()
    dossier = sig.args[0]
    req, summary = fake_ctx.submitted[0]
    assert summary.code == dossier.code
    assert req.submitter.phone == "0912345678" and req.citizen_qr == QR
    assert req.papers[0].name == "Bản chính giấy tờ"
    assert dossier.code in view.banner.text()
    assert view.is_blank() and view.ui.qr_edit.hasFocus()
    assert fake_ctx.drafts.store == {}


def test_autosave_and_restore(qtbot, view, fake_ctx, runner):
    fill_valid(view)
    view.ui.papers_table.spin(0, "photocopies").setValue(2)
    type_text(view.ui.notes, "Nộp thay mẹ")
    qtbot.waitUntil(lambda: "Nộp thay mẹ" in str(fake_ctx.drafts.store), timeout=3000)
    runner.wait_idle()
    (draft,) = fake_ctx.drafts.store.values()
    other = IntakeView(fake_ctx, Officer("demo", "Demo"), runner, autosave_ms=50)
    qtbot.addWidget(other)
    other.load_request(request_from_dict(draft.payload), draft.draft_id)
    settle(other)
    assert other.ui.submitter.ui.full_name.text() == "Nguyễn Văn Ánh"
    assert other.ui.submitter.ui.date_of_birth.text() == "15/03/1990"
    assert other.picker.current().code.startswith("2.000815")
    assert other.ui.papers_table.all_papers()[0][0] is True
    assert other.ui.papers_table.spin(0, "photocopies").value() == 2
    assert other.ui.notes.toPlainText() == "Nộp thay mẹ"
    assert other.drafts.draft_id == draft.draft_id


def test_new_dossier_asks_before_dropping_work(qtbot, view, fake_ctx):
    type_text(view.ui.submitter.ui.full_name, "Trần Thị Bình")
    view.request_new()
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    drop = next(b for b in box.buttons() if "Bỏ" in b.text())
    drop.click()
    qtbot.waitUntil(view.is_blank)


def test_person_date_formats():
    from hcc_desk.ui.formatting import parse_date

    assert parse_date("05/02/1990") == date(1990, 2, 5)
    assert parse_date("5-2-1990") == date(1990, 2, 5)
    assert parse_date("05021990") == date(1990, 2, 5)
    assert parse_date("") is None
    with pytest.raises(ValueError):
        parse_date("1990")


def test_a_message_goes_when_its_cause_is_fixed_another_way(view, qtbot):
    view.ui.delivery_post.setChecked(True)
    view.save()
    settle(view)
    shown = view.visible_errors()
    assert {"procedure_code", "delivery_address"} <= set(shown)
    view.ui.delivery_counter.setChecked(True)  # no post after all: no address needed
    assert "delivery_address" not in view.visible_errors()
    type_text(view.ui.procedure_search, "khai sinh")
    qtbot.keyClick(view.ui.procedure_search, Qt.Key.Key_Down)
    settle(view)
    qtbot.keyClick(view.ui.procedure_list, Qt.Key.Key_Return)
    assert view.picker.current() is not None
    assert "procedure_code" not in view.visible_errors()


def test_a_quoted_message_in_the_banner_is_shown_as_written(view):
    from PySide6.QtGui import QTextDocument

    message = "Mã QR 'ABC' <không hợp lệ> & thiếu trường"
    view.banner.show("error", message)
    assert view.banner.label.textFormat() == Qt.TextFormat.RichText
    doc = QTextDocument()
    doc.setHtml(view.banner.text())
    assert doc.toPlainText() == message


def _mnemonic(text: str) -> str | None:
    import re

    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_two_visible_fields_share_an_alt_key(view):
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    view.show()
    keys: dict[str, list[str]] = {}
    for w in (
        view.findChildren(QLabel)
        + view.findChildren(QAbstractButton)
        + view.findChildren(QGroupBox)
    ):
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        key = _mnemonic(text)
        if key and w.isVisible():
            keys.setdefault(key, []).append(text)
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}


def test_received_all_leaves_papers_for_a_case_to_the_officer(qtbot):
    from types import SimpleNamespace

    from hcc_desk.ui.papers_table import PapersTable

    table = PapersTable()
    qtbot.addWidget(table)
    papers = [
        SimpleNamespace(name=n, originals=1, certified_copies=0, photocopies=0, note=None)
        for n in (
            "Tờ khai đăng ký khai sinh",
            "Giấy chứng sinh",
            "Văn bản ủy quyền (trong trường hợp nộp thay)",
            "Giấy tờ chứng minh nơi cư trú (nếu có)",
        )
    ]
    table.set_papers(papers)
    table.check_all()
    assert [ticked for ticked, _p in table.all_papers()] == [True, True, False, False]
    table.set_checked(2, True)  # this applicant's case: someone files for them
    assert [ticked for ticked, _p in table.all_papers()][2] is True


def test_a_new_dossier_starts_at_the_top_of_the_form(view, qtbot):
    view.resize(900, 400)  # short enough for the form to scroll
    view.show()
    bar = view.ui.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    view.request_new()  # nothing typed: cleared at once
    assert bar.value() == 0
    assert view.ui.qr_edit.hasFocus()
