"""Qt tests run headless; helpers to type Vietnamese text without Qt's ASCII-only key helpers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from hcc_desk.ui import i18n, style
from hcc_desk.ui.tasks import TaskRunner

from .fakes import FakeContext

QR = "046190001234|197123456|Nguyễn Văn Ánh|15031990|Nam|12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"


def type_text(widget: QWidget, text: str) -> None:
    """One key event per character: QTest.keyClicks aborts on non-ASCII (docs/testing.md)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def press_enter(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture(autouse=True)
def _vietnamese(qapp: QApplication):
    i18n.install(qapp, "vi")
    style.apply(qapp)
    yield
    i18n.install(qapp, "vi")


@pytest.fixture
def fake_ctx() -> FakeContext:
    return FakeContext()


@pytest.fixture
def runner(qapp: QApplication):
    r = TaskRunner()
    yield r
    r.wait_idle()
    r.shutdown()
    r.deleteLater()
