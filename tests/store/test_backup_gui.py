"""The GUI start on a damaged database: the real launcher and AppContext on a real profile. The
integrity check runs on the warm-up thread; its finding replaces whatever window was shown by the
recovery dialog, which lists the dossiers to retake and restores the backup for an admin."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from hcc_desk.app import open_context
from hcc_desk.core.store import backup as bk
from tests.store.backup_helpers import NAME, damage_middle_page, take


@pytest.fixture
def damaged(tmp_path):
    """A demo desk with a backup of 2 dossiers, 30 more since, and a damaged page."""
    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    take(ctx, 2)
    backup = ctx.backups.backup_to()
    unsynced = take(ctx, 30)
    key = ctx.key
    ctx.close()
    damage_middle_page(ctx.profile.db_path, key, tmp_path)
    return ctx.profile.root, backup, unsynced


def _flow(root):
    from hcc_desk.ui.launcher import Flow

    ctx = open_context(root)
    flow = Flow(ctx)
    flow.begin()
    return ctx, flow


def _end(ctx, flow):
    flow.runner.wait_idle()
    if flow.window is not None:
        flow.window.blockSignals(True)
        flow.window.close()
    flow.runner.shutdown()
    ctx.close()


@pytest.mark.expect_log_warnings  # the damage is logged as an ERROR
def test_damage_found_at_start_offers_the_backup_and_restores_it(qtbot, damaged):
    from hcc_desk.ui.login import LoginDialog
    from hcc_desk.ui.recovery_dialog import RecoveryDialog

    root, backup, unsynced = damaged
    ctx, flow = _flow(root)
    try:
        assert isinstance(flow.window, LoginDialog)  # shown at once; the check runs behind it
        qtbot.waitUntil(lambda: isinstance(flow.window, RecoveryDialog), timeout=30_000)
        dialog = flow.window
        assert dialog.isVisible()
        assert backup.name in dialog.backup_label.text()
        listed = dialog.unsynced.toPlainText()
        assert all(code in listed for code in unsynced) and NAME in listed
        assert not ctx.profile.db_path.exists()  # set aside, not deleted:
        assert len(bk.set_aside_files(root / "set-aside", "damaged")) == 1
        # Fits a 1280×720 screen.
        assert dialog.width() <= 1280 and dialog.height() <= 680

        dialog.username.setText("demo")
        dialog.password.setText("wrong")
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=30_000)
        assert not ctx.profile.db_path.exists()

        dialog.password.setText("demo")
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: isinstance(flow.window, LoginDialog), timeout=30_000)
        assert ctx.profile.db_path.exists() and not ctx.recovery_pending()
        flow.runner.wait_idle()
        assert len(ctx.dossiers.search("Hương", "demo")) == 2
    finally:
        _end(ctx, flow)


@pytest.mark.expect_log_warnings  # the damage is logged as an ERROR
def test_a_damaged_first_page_never_leaves_the_setup_screen_up(qtbot, tmp_path):
    from hcc_desk.ui.recovery_dialog import RecoveryDialog
    from hcc_desk.ui.setup_wizard import SetupWizard

    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    ctx.backups.backup_to()
    ctx.close()
    with ctx.profile.db_path.open("r+b") as f:
        f.seek(100)
        f.write(b"\x00" * 300)
    ctx, flow = _flow(tmp_path / "desk")
    try:
        assert isinstance(flow.window, SetupWizard)  # the peek could not read the centre
        qtbot.waitUntil(lambda: isinstance(flow.window, RecoveryDialog), timeout=30_000)
        assert (
            "could not be read" in flow.window.unsynced.toPlainText()
            or "Không đọc được" in flow.window.unsynced.toPlainText()
        )
    finally:
        _end(ctx, flow)


@pytest.mark.expect_log_warnings  # the damage is logged as an ERROR
def test_a_later_start_after_the_set_aside_goes_to_the_dialog_not_the_setup(qtbot, damaged):
    from hcc_desk.services.backups import DatabaseDamaged
    from hcc_desk.ui.login import LoginDialog
    from hcc_desk.ui.recovery_dialog import RecoveryDialog

    root, _, _ = damaged
    first = open_context(root)
    with pytest.raises(DatabaseDamaged):
        first.store.get()  # e.g. a CLI command found it and set it aside
    first.close()
    ctx, flow = _flow(root)
    try:
        assert isinstance(flow.window, LoginDialog)
        qtbot.waitUntil(lambda: isinstance(flow.window, RecoveryDialog), timeout=30_000)
    finally:
        _end(ctx, flow)
