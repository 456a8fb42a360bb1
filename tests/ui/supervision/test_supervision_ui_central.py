"""The supervision screen against a real hcc-central: another counter's dossier appears after
the background fetch, and turns overdue on screen with central gone."""

from __future__ import annotations

from datetime import datetime

import pytest

pytest.importorskip("hcc_central.app")

from hcc_desk.app import open_context
from hcc_desk.services.supervision import SupervisionService
from hcc_desk.ui.supervision.view import SupervisionView
from tests.services.after_intake_helpers import Clock, intake
from tests.services.test_supervision_central import (
    RECEIVED,
    _centre,
    _desk,
    _sync,
    server,  # noqa: F401 (fixture)
)
from tests.ui.supervision.tables import cell


def test_other_counters_dossier_turns_overdue_offline(qtbot, server, tmp_path, runner):  # noqa: F811
    _, (code1, code2) = _centre(server)
    one = _desk(server, code1, tmp_path / "quay1", ("giamsat",))
    two = _desk(server, code2, tmp_path / "quay2", ("mai",))
    try:
        theirs = intake(two, RECEIVED, "mai")
        _sync(two)
        clock = Clock(datetime(2026, 12, 7, 8, 0))
        one.close()  # the same desk again, its supervision on a clock the test moves
        one = open_context(
            tmp_path / "quay1",
            supervision=lambda c: SupervisionService(c.store, c.calendars, c.credentials, clock),
        )
        supervisor = one.auth.officer("giamsat")
        view = SupervisionView(one, supervisor, runner, tick_ms=50)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.refreshed, timeout=20000) as fetched:
            view.start()
        assert fetched.args[0].rows == 1 and view.banner.kind() == "success"
        qtbot.waitUntil(lambda: view.tables["due_today"].model().rowCount() == 1, timeout=10000)
        table = view.tables["due_today"]
        assert cell(table, 0, 0) == theirs and cell(table, 0, 3) == "2"
        assert "Dữ liệu các quầy cập nhật lúc" in view.source_label.text()

        server.stop()  # central gone: the screen keeps counting on the local clock
        clock.set(datetime(2026, 12, 7, 9, 0, 1))
        qtbot.waitUntil(lambda: view.tables["overdue"].model().rowCount() == 1, timeout=5000)
        assert cell(view.tables["overdue"], 0, 0) == theirs
        with qtbot.waitSignal(view.refreshed, timeout=20000) as offline:
            view.refresh_button.click()
        assert offline.args[0].rows == 0 and view.banner.kind() == "warning"
        assert view.tables["overdue"].model().rowCount() == 1
        view.stop()
        runner.wait_idle()
    finally:
        one.close()
        two.close()
