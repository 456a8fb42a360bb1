"""Address entry at intake: province, then commune/ward typed without accents (real window,
real services on the demo centre of Thành phố Huế), and the saved and printed address."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from hcc_desk.core.store.models import Applicant
from tests.support.printed import pdf_text

from .conftest import press_enter, type_text
from .test_ui_end_to_end import ctx, fill_intake, make_window, officer, profile  # noqa: F401

ADDRESS = "12 Lê Lợi, phường Phú Xuân, thành phố Huế"


def _picker(qtbot, w):
    picker = w.intake.ui.submitter.places
    qtbot.waitUntil(lambda: picker.places is not None, timeout=10_000)  # loaded off the GUI thread
    return picker


def test_officer_picks_the_ward_by_typing_without_accents(qtbot, ctx, officer, runner, tmp_path):  # noqa: F811 - fixtures imported above
    w = make_window(qtbot, ctx, officer, runner)
    fill_intake(qtbot, w)
    picker = _picker(qtbot, w)
    assert picker.province.currentText() == "Thành phố Huế"  # the centre's own province
    address = w.intake.ui.submitter.ui.address
    address.setText("12 Lê Lợi")  # the street and house stay free text
    picker.commune.setFocus()
    type_text(picker.commune, "phu xuan")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Phường Phú Xuân"
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert picker.commune.text() == "Phường Phú Xuân"
    assert address.text() == ADDRESS
    # picking again replaces the place, not the street
    picker.commune.selectAll()
    type_text(picker.commune, "vy da")
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert address.text() == "12 Lê Lợi, phường Vỹ Dạ, thành phố Huế"
    picker.commune.selectAll()
    type_text(picker.commune, "phu xuan")
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)

    done = []
    w.intake.submitted.connect(done.append)
    w.intake.save()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    with ctx.store.session() as s:
        assert s.scalar(select(Applicant.address).order_by(Applicant.id.desc())) == ADDRESS
    pdf = ctx.receipts.render_pdf(done[0].code, tmp_path / "receipt.pdf")
    assert f"Địa chỉ: {ADDRESS}" in pdf_text(pdf)  # Mẫu 01 prints it as saved


def test_a_place_not_in_the_list_is_kept_as_typed(qtbot, ctx, officer, runner):  # noqa: F811 - fixtures imported above
    w = make_window(qtbot, ctx, officer, runner)
    picker = _picker(qtbot, w)
    address = w.intake.ui.submitter.ui.address
    address.setText("Thôn 3")
    picker.commune.setFocus()
    type_text(picker.commune, "xã Mới Lập")  # not in the list: no popup, Enter keeps it
    qtbot.waitUntil(lambda: not picker.completer.popup().isVisible())
    press_enter(picker.commune)
    assert address.text() == "Thôn 3, xã Mới Lập, thành phố Huế"
    # another province, by keyboard
    picker.province.setFocus()
    picker.province.setCurrentIndex(picker.province.findText("Thành phố Đà Nẵng"))
    picker.province.activated.emit(picker.province.currentIndex())
    assert picker.commune.text() == ""
    type_text(picker.commune, "hai chau")
    qtbot.waitUntil(picker.completer.popup().isVisible)
    QTest.keyClick(picker.completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(picker.completer.popup(), Qt.Key.Key_Return)
    assert address.text() == "Thôn 3, phường Hải Châu, thành phố Đà Nẵng"


def test_picking_replaces_the_place_a_card_printed(qtbot, ctx, officer, runner):  # noqa: F811 - fixtures imported above
    w = make_window(qtbot, ctx, officer, runner)
    fill_intake(qtbot, w)  # the card's QR: "12 Lê Lợi, phường Thuận Hóa, thành phố Huế"
    picker = _picker(qtbot, w)
    address = w.intake.ui.submitter.ui.address
    assert address.text() == "12 Lê Lợi, phường Thuận Hóa, thành phố Huế"
    picker.commune.setFocus()
    type_text(picker.commune, "tay loc")  # the old ward, now part of Phú Xuân
    qtbot.waitUntil(picker.completer.popup().isVisible)
    QTest.keyClick(picker.completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(picker.completer.popup(), Qt.Key.Key_Return)
    assert address.text() == ADDRESS


def test_the_picker_from_its_form_speaks_english(qtbot, qapp):
    from PySide6.QtWidgets import QLineEdit

    from hcc_desk.ui import i18n
    from hcc_desk.ui.address_picker import AddressPicker

    i18n.install(qapp, "en")
    picker = AddressPicker(QLineEdit())
    qtbot.addWidget(picker)
    # forms/address_picker.ui keeps the class's context and the object names tests look up
    assert picker.findChild(QLineEdit, "address_commune") is picker.commune
    assert picker.ui.province_label.buddy() is picker.province
    assert picker.commune.placeholderText() != "Xã/phường: gõ tên không dấu, vd. phu xuan"
