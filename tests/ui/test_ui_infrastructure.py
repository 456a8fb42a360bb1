"""Task runner, crash reporting, translations, start-up flow and generated forms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from hcc_desk.services.errors import AuthError
from hcc_desk.ui import errors, i18n
from hcc_desk.ui.forms import build
from hcc_desk.ui.launcher import Flow, run_gui
from hcc_desk.ui.tasks import Failure, TaskRunner

from .fakes import FakeContext

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_crash_dialog():
    yield
    dialog = errors._state["dialog"]
    if dialog is not None:
        dialog.close()
        QCoreApplication.processEvents()


def test_runner_delivers_results_on_the_gui_thread(qtbot, runner):
    import threading

    seen = []
    main = threading.get_ident()
    runner.db(
        threading.get_ident,
        on_done=lambda tid: seen.append((tid != main, threading.get_ident() == main)),
    )
    runner.io(lambda: 1 / 0, on_error=lambda f: seen.append(type(f.exc).__name__))
    assert runner.wait_idle()
    assert sorted(map(str, seen)) == sorted(map(str, [(True, True), "ZeroDivisionError"]))


def test_runner_db_lane_keeps_order(runner):
    out = []
    for i in range(20):
        runner.db(lambda i=i: out.append(i))
    runner.wait_idle()
    assert out == list(range(20))


def test_runner_skips_callbacks_of_deleted_owners(qtbot, runner):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    called = []
    runner.db(lambda: 1, on_done=called.append, owner=owner)
    shiboken6.delete(owner)  # the dialog went away before its job finished
    runner.wait_idle()
    assert called == []


def test_synchronous_runner_runs_inline():
    r = TaskRunner(synchronous=True)
    got = []
    r.db(lambda: 42, on_done=got.append)
    assert got == [42]


@pytest.mark.expect_log_warnings  # the bug is logged as an ERROR
def test_bug_in_worker_opens_one_crash_dialog(qtbot, no_crash_dialog):
    r = TaskRunner()
    r.db(lambda: {}["missing"])
    r.db(lambda: int("x"))
    r.wait_idle()
    dialog = errors._state["dialog"]
    assert dialog is not None and dialog.isVisible()
    report = dialog.report_text()
    assert "KeyError" in report and "ValueError" in report and "Traceback" in report
    dialog.copy_report()
    assert "KeyError" in QApplication.clipboard().text()


def test_expected_errors_are_messages_not_crashes(qtbot, no_crash_dialog):
    box = errors.show_message(None, "x")
    box.close()
    errors.present_failure(None, Failure(AuthError("auth.wrong_user_name_password"), ""))
    assert errors._state["dialog"] is None


def test_english_translation(qapp, fake_ctx, runner, qtbot):
    from hcc_desk.ui.login import LoginDialog

    assert i18n.install(qapp, "en") == "en"
    dialog = LoginDialog(fake_ctx, runner)
    qtbot.addWidget(dialog)
    assert dialog.ui.login_button.text() == "&Log in"
    wrong = AuthError("auth.wrong_user_name_password")
    assert i18n.text(wrong) == "Wrong user name or password"
    assert QCoreApplication.translate("Formatting", "Thứ Hai") == "Monday"
    i18n.install(qapp, "vi")
    assert i18n.text(wrong) == "Sai tên đăng nhập hoặc mật khẩu"
    assert QCoreApplication.translate("Formatting", "Thứ Hai") == "Thứ Hai"


def test_every_form_string_has_an_english_translation_in_the_catalogue():
    import xml.etree.ElementTree as ET

    from hcc_core import i18n as catalogue

    qt = catalogue.catalogue("en").qt
    missing = []
    for ui_file in sorted(build.FORMS_DIR.glob("*.ui")):
        root = ET.parse(ui_file).getroot()
        context = root.findtext("class")
        missing += [
            (context, s.text)
            for s in root.iter("string")
            if s.text and s.text.strip() and s.get("notr") != "true"
            if s.text not in qt.get(context, {})
        ]
    assert missing == []


def test_generated_forms_are_up_to_date():
    for ui_file in sorted(build.FORMS_DIR.glob("*.ui")):
        assert build.target(ui_file).read_text(encoding="utf-8") == build.generate(ui_file), (
            f"run python3 -m hcc_desk.ui.forms.build ({ui_file.name} changed)"
        )


def test_run_gui_exits_when_first_window_is_shown(qapp):
    from hcc_desk.ui.setup_wizard import SetupWizard

    before = set(QApplication.topLevelWidgets())
    hook = sys.excepthook
    assert run_gui(FakeContext(set_up=False), exit_when_ready=True) == 0
    assert sys.excepthook is hook
    new = [w for w in QApplication.topLevelWidgets() if w not in before]
    assert any(isinstance(w, SetupWizard) for w in new)
    for w in new:
        w.deleteLater()


def test_flow_from_login_to_main_window(qtbot):
    from hcc_desk.ui.login import LoginDialog
    from hcc_desk.ui.main_window import MainWindow

    flow = Flow(FakeContext())
    flow.begin()
    login = flow.window
    assert isinstance(login, LoginDialog)
    login.ui.username.setText("demo")
    login.ui.password.setText("demo")
    login.ui.login_button.click()
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=5000)
    main = flow.window
    assert main.isVisible() and not login.isVisible()
    main.close()
    flow.runner.wait_idle()
    main.deleteLater()
    login.deleteLater()


def test_start_up_imports_stay_small():
    code = (
        "import sys, hcc_desk.ui.launcher, hcc_desk.ui.login;"
        "heavy = [m for m in sys.modules if m.startswith(('pypdfium2', 'PySide6.QtPrintSupport',"
        " 'PySide6.QtUiTools', 'hcc_desk.ui.intake_view', 'hcc_desk.ui.main_window'))];"
        "print(heavy)"
    )
    assert _fresh_process_prints(code) == "[]"


def test_first_window_builds_no_large_qt_enum():
    """PySide builds a Python enum type the first time it is reached: Qt's namespace (Qt.Key
    alone has 471 members), QMessageBox's, or QEvent's for a Python showEvent cost the start-up
    a fifth of a bare window's. The login window must appear without any of them."""
    code = (
        "from PySide6 import QtCore, QtWidgets\n"
        "from hcc_desk.ui.launcher import run_gui\n"
        "from tests.ui.fakes import FakeContext\n"
        "assert run_gui(FakeContext(), exit_when_ready=True) == 0\n"
        "print([n for n in ('Qt', 'QEvent') if n in vars(QtCore)]"
        " + [n for n in ('QMessageBox',) if n in vars(QtWidgets)])\n"
    )
    assert _fresh_process_prints(code) == "[]"


def _fresh_process_prints(code: str) -> str:
    """What ``code`` prints in a new interpreter (the sources and tests on its path, no display):
    what a start-up loads is only seen before anything else has loaded it."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": f"{REPO / 'src'}:{REPO}", "QT_QPA_PLATFORM": "offscreen"},
    )
    return out.stdout.strip()
