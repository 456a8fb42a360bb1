"""PySide6 user interface of HCC Desk.

Only ``run_gui`` is exported, and lazily: importing ``hcc_desk.ui`` must stay free so that the CLI and
the start-up benchmark do not pay for Qt modules they never use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hcc_desk.ui.launcher import run_gui

__all__ = ["run_gui"]


def __getattr__(name: str) -> Any:
    if name == "run_gui":
        from hcc_desk.ui.launcher import run_gui

        return run_gui
    raise AttributeError(name)
