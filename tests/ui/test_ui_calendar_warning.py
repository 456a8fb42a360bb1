"""An admin sees in the status bar that next year's calendar is not loaded; it is read on a
worker thread; officers never get the warning."""

from __future__ import annotations

import threading
from datetime import date

from hcc_desk.services.calendars import CalendarService
from hcc_desk.ui.main_window import MainWindow
from tests.services.after_intake_helpers import add_officer
from tests.ui.return_desk.conftest import clock, ctx, officer  # noqa: F401 (fixtures)


def _window(qtbot, ctx, who, runner):  # noqa: F811
    w = MainWindow(ctx, who, runner, autosave_ms=50)
    qtbot.addWidget(w)
    w.show()
    w.start()
    runner.wait_idle()
    return w


def test_admin_sees_the_missing_calendar_warning(
    qtbot,
    ctx,  # noqa: F811 - fixture imported above
    officer,  # noqa: F811
    runner,
    monkeypatch,
):
    threads = []
    real = CalendarService.admin_warning

    def in_december(self, today=None):
        threads.append(threading.current_thread())
        return real(self, date(2026, 12, 4))  # 2027 is not in the bundled file

    monkeypatch.setattr(CalendarService, "admin_warning", in_december)
    w = _window(qtbot, ctx, officer, runner)
    qtbot.waitUntil(lambda: getattr(w, "calendar_warning", None) is not None, timeout=5000)
    assert "2027" in w.calendar_warning.text()
    assert threads and threading.main_thread() not in threads  # never on the GUI thread
    w.close()


def test_officer_gets_no_calendar_warning(qtbot, ctx, runner, monkeypatch):  # noqa: F811
    add_officer(ctx, "lan", "officer")
    calls = []
    monkeypatch.setattr(CalendarService, "admin_warning", lambda self, today=None: calls.append(1))
    w = _window(qtbot, ctx, ctx.auth.login("lan", "mat-khau-123"), runner)
    assert calls == [] and getattr(w, "calendar_warning", None) is None
    w.close()
