"""First-run wizard and login dialog against the in-memory context."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from hcc_desk.ui.login import LoginDialog
from hcc_desk.ui.setup_wizard import SetupWizard

from .conftest import type_text
from .fakes import FakeContext


@pytest.fixture
def wizard(qtbot, runner):
    ctx = FakeContext(set_up=False)
    w = SetupWizard(ctx, runner)
    qtbot.addWidget(w)
    w.show()
    return w


def next_page(w):
    w.button(QWizard.WizardButton.NextButton).click()


def fill_all(w, centre="Trung tâm Phục vụ hành chính công thành phố Huế"):
    u = w.ui
    u.centre_name.setText(centre)
    u.governing_body.setText("Ủy ban nhân dân thành phố Huế")
    u.place_name.setText("Huế")
    next_page(w)
    row = w.rows[0].ui
    row.name.setText("Sở Tư pháp")
    row.short_name.setText("STP")
    row.unit_code.clear()
    type_text(row.unit_code, "000.00.12.h57")
    next_page(w)
    u.counter_name.setText("Quầy 1")
    u.counter_slot.setValue(3)
    next_page(w)
    u.admin_username.setText("quantri")
    u.admin_full_name.setText("Lê Văn Quản")
    u.admin_password.setText("mat-khau-1")
    u.admin_password_confirm.setText("mat-khau-1")


def test_agencies_are_suggested_from_the_catalogue(wizard):
    assert len(wizard.rows) > 3
    assert wizard.rows[0].ui.name.text() == "Sở Tư pháp"
    wizard.rows[1].ui.remove_button.click()
    assert len(wizard.rows) > 2 and wizard.rows[1].ui.name.text() != "Sở Y tế"


def test_added_agency_rows_keep_the_tab_order(wizard):
    new = wizard.add_agency()
    assert new.ui.name.nextInFocusChain() is new.ui.short_name
    assert wizard.rows[-2].ui.remove_button.nextInFocusChain() is new.ui.name
    assert new.ui.remove_button.nextInFocusChain() is wizard.ui.add_agency_button


def test_required_fields_block_the_first_page(wizard):
    next_page(wizard)
    assert wizard.currentId() == 0
    shown = wizard.errors.visible_errors()
    assert {"centre_name", "governing_body", "place_name"} <= set(shown)
    assert "hotline" not in shown
    assert wizard.ui.centre_name.hasFocus()


def test_unit_code_format_checked_next_to_the_field(wizard):
    u = wizard.ui
    u.centre_name.setText("TT"), u.governing_body.setText("UBND"), u.place_name.setText("Huế")
    next_page(wizard)
    row = wizard.rows[0].ui
    row.name.setText("Sở Tư pháp")
    row.unit_code.setText("000.00.12.57")
    next_page(wizard)
    assert wizard.currentId() == 1
    assert not row.err_unit_code.isHidden()
    assert "000.00.00.H57" in row.err_unit_code.text()
    type_text(row.unit_code, "")  # an edit clears the message
    row.unit_code.setText("000.00.12.H57")
    next_page(wizard)
    assert wizard.currentId() == 2


def test_passwords_must_match(wizard):
    fill_all(wizard)
    wizard.ui.admin_password_confirm.setText("khac")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.ui.err_admin_password_confirm.isHidden()
    assert wizard.ctx.setup.inputs == []


def test_completion_calls_first_run(qtbot, wizard):
    fill_all(wizard)
    assert wizard.rows[0].ui.unit_code.text() == "000.00.12.H57"  # typed lower case, upper-cased
    with qtbot.waitSignal(wizard.completed, timeout=5000) as sig:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert sig.args == ["quantri"]
    (data,) = wizard.ctx.setup.inputs
    assert data.counter_slot == 3 and data.agencies[0].unit_code == "000.00.12.H57"
    assert not wizard.isVisible()


def test_service_errors_return_to_their_page(qtbot, wizard, runner):
    fill_all(wizard, centre="bad")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == 0, timeout=5000)
    assert "Tên không hợp lệ" in wizard.errors.visible_errors()["centre_name"]


def test_demo_button(qtbot, wizard):
    with qtbot.waitSignal(wizard.completed, timeout=5000) as sig:
        wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert sig.args == ["demo"] and wizard.ctx.setup.is_set_up()


def test_login_wrong_then_right(qtbot, fake_ctx, runner):
    dialog = LoginDialog(fake_ctx, runner, "Trung tâm HCC Huế", "demo")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.ui.password.hasFocus)  # user name given: straight to the password
    type_text(dialog.ui.password, "sai")
    dialog.ui.login_button.click()
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=5000)
    assert dialog.error_text() == "Sai tên đăng nhập hoặc mật khẩu"
    assert dialog.ui.password.text() == "" and dialog.ui.password.hasFocus()
    type_text(dialog.ui.password, "demo")
    with qtbot.waitSignal(dialog.logged_in, timeout=5000) as sig:
        dialog.ui.login_button.click()
    assert sig.args[0].username == "demo"
    assert not dialog.isVisible()


def test_login_and_lock_screen_show_the_lockout_with_the_time_left(qtbot, demo_ctx, runner):
    """Real demo profile: the fifth wrong password locks 'demo'; both windows say for how long."""
    from hcc_desk.ui.idle import LockDialog

    dialog = LoginDialog(demo_ctx, runner, "", "demo")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        type_text(dialog.ui.password, "sai")
        dialog.ui.login_button.click()
        qtbot.waitUntil(lambda: dialog.ui.login_button.isEnabled(), timeout=10000)
    assert "tạm khoá" in dialog.error_text() and "1 phút" in dialog.error_text()
    type_text(dialog.ui.password, "demo")  # the right password waits too
    dialog.ui.login_button.click()
    qtbot.waitUntil(lambda: dialog.ui.login_button.isEnabled(), timeout=10000)
    assert "tạm khoá" in dialog.error_text() and dialog.isVisible()

    lock = LockDialog(demo_ctx, runner, demo_ctx.auth.officer("demo"))
    qtbot.addWidget(lock)
    lock.show()
    type_text(lock.ui.password, "demo")
    lock.ui.unlock_button.click()
    qtbot.waitUntil(lambda: lock.ui.unlock_button.isEnabled(), timeout=10000)
    assert "tạm khoá" in lock.ui.error_label.text() and lock.isVisible()


def test_the_counter_slot_must_be_chosen_and_the_centre_level_is_asked(qtbot, wizard):
    u = wizard.ui
    u.centre_name.setText("TT PVHCC phường Phú Xuân"), u.governing_body.setText("UBND phường")
    u.place_name.setText("Huế")
    assert u.level.currentData() == "province"
    u.level.setCurrentIndex(u.level.findData("commune"))
    next_page(wizard)
    wizard.rows[0].ui.unit_code.setText("000.00.12.H57")
    next_page(wizard)
    u.counter_name.setText("Quầy 1")
    assert u.counter_slot.value() == 0 and u.counter_slot.text() == "— chọn —"  # no default
    next_page(wizard)
    assert wizard.currentId() == 2 and not u.err_counter_slot.isHidden()
    u.counter_slot.setValue(4)
    next_page(wizard)
    assert wizard.currentId() == 3
    u.admin_username.setText("quantri"), u.admin_full_name.setText("Lê Văn Quản")
    u.admin_password.setText("mat-khau-1"), u.admin_password_confirm.setText("mat-khau-1")
    with qtbot.waitSignal(wizard.completed, timeout=5000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    (data,) = wizard.ctx.setup.inputs
    assert data.level == "commune" and data.counter_slot == 4
