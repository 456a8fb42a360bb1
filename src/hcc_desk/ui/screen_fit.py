"""Windows sized for the screen they open on, and their size remembered per screen.

Counter PCs mostly have 1366×768 monitors, often at 125 % scaling (1093×614 logical pixels)
with a taskbar: a window opened at its designed size would put its action buttons off-screen.
``fit_to_screen`` shrinks a window to the screen's available area (scroll areas inside take
up the rest) and centres it; ``restore_geometry`` brings back the size and place the officer last
gave it on the same screen size, and forgets it on another.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 8
# Room kept free below a fitted window for a taskbar or panel the platform may not report as
# unavailable (Linux desktops, some remote sessions).
TASKBAR_ROOM = 48
TITLE_BAR = 32  # the window manager's frame above the client area, not in window.height()


def _screen_of(window: QWidget):
    return window.screen() or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget) -> None:
    """At most the screen's available area less a taskbar's room; placed at the top, centred
    across, so the bottom row of buttons is above any taskbar."""
    screen = _screen_of(window)
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(window.width(), area.width() - 2 * MARGIN)
    height = min(window.height(), area.height() - TASKBAR_ROOM - TITLE_BAR - MARGIN)
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    x = area.left() + max(MARGIN, (area.width() - window.frameGeometry().width()) // 2)
    window.move(x, area.top() + MARGIN)


def _geometry_key(window: QWidget, name: str) -> str | None:
    screen = _screen_of(window)
    if screen is None:
        return None
    size = screen.availableGeometry().size()
    return f"geometry/{name}/{size.width()}x{size.height()}"


def restore_geometry(window: QWidget, name: str) -> None:
    """The geometry saved for ``name`` on a screen of this size, else the window fitted."""
    key = _geometry_key(window, name)
    saved = QSettings().value(key) if key else None
    if saved is None or not window.restoreGeometry(saved):
        fit_to_screen(window)


def save_geometry(window: QWidget, name: str) -> None:
    key = _geometry_key(window, name)
    if key:
        QSettings().setValue(key, window.saveGeometry())
