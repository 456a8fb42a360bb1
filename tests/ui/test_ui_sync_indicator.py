"""The status-bar sync indicator: state text, counts, progress, "sync now" and refused records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from hcc_desk.ui.sync_indicator import ParkedDialog, SyncIndicator, describe


@dataclass
class FakeStatus:
    online: bool | None = True
    auth_failed: bool = False
    pending: int = 0
    parked: int = 0
    parked_items: tuple = ()
    last_success_at: datetime | None = None
    last_error: str | None = None
    upload: object = None


@dataclass
class FakeSync:
    status_value: FakeStatus = field(default_factory=FakeStatus)
    enrolled: bool = True
    started: int = 0
    synced: int = 0
    retried: int = 0

    def is_enrolled(self):
        return self.enrolled

    def start_background(self):
        self.started += 1
        return self.enrolled

    def status(self):
        return self.status_value

    def sync_now(self):
        self.synced += 1
        self.status_value.pending = 0

    def retry_parked(self):
        self.retried += 1
        return 1


def test_describe_states():
    assert "Chưa đăng ký" in describe(None)[0]
    text, tip = describe(
        FakeStatus(online=False, pending=3, parked=1, last_error="connection refused")
    )
    assert text == "○ Ngoại tuyến · chờ gửi: 3 · lỗi: 1"
    assert "chưa lần nào" in tip and "connection refused" in tip
    text, tip = describe(FakeStatus(last_success_at=datetime(2026, 11, 25, 9, 5)))
    assert text == "● Trực tuyến" and "09:05" in tip
    assert describe(FakeStatus(auth_failed=True))[0].startswith("⚠")


def test_indicator_polls_shows_progress_and_syncs_now(qtbot, runner):
    sync = FakeSync(
        FakeStatus(
            online=True,
            pending=2,
            upload=SimpleNamespace(filename="giay-to.pdf", sent=50, total=200),
        )
    )
    w = SyncIndicator(SimpleNamespace(sync=sync), runner)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: "chờ gửi: 2" in w.button.text())
    assert sync.started == 1
    assert w.progress.isVisible() and w.progress.value() == 50 and w.progress.maximum() == 200
    w.sync_now()
    qtbot.waitUntil(lambda: sync.synced == 1 and w.button.text() == "● Trực tuyến")


def test_parked_dialog_lists_reasons_and_retries(qtbot, runner):
    item = SimpleNamespace(
        kind="op", entity_uuid="0123456789abcdef", code=409, reason="mã hồ sơ đã được dùng"
    )
    sync = FakeSync(FakeStatus(parked=1, parked_items=(item,)))
    w = SyncIndicator(SimpleNamespace(sync=sync), runner)
    qtbot.addWidget(w)
    w.poll()
    qtbot.waitUntil(lambda: w.parked_action.isEnabled())
    w.show_parked()
    dialog = w.findChild(ParkedDialog)
    assert "(409): mã hồ sơ đã được dùng" in dialog.list.model().index(0, 0).data()
    assert dialog.windowTitle() == "Hồ sơ bị máy chủ từ chối"  # from forms/sync_parked.ui
    dialog.retry_requested.emit()
    qtbot.waitUntil(lambda: sync.retried == 1)
    dialog.close()


def test_not_enrolled_desk_says_so_and_never_polls(qtbot, runner):
    sync = FakeSync(enrolled=False)
    w = SyncIndicator(SimpleNamespace(sync=sync), runner)
    qtbot.addWidget(w)
    w.start()
    w.poll()
    runner.wait_idle()
    assert "Chưa đăng ký" in w.button.text() and not w.sync_action.isEnabled()
