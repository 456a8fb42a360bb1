"""Validation messages shown in the red label under each field, and focus on the first one.

Fields are registered in form order, so "the first error" is the first on screen whatever order
the validator reported them in.  A field's message disappears as soon as the officer edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hcc_desk.services.errors import FieldError
from hcc_desk.ui import i18n
from hcc_desk.ui.style import set_flag

# Checks the form makes itself (date typing) report the services' FieldError.
LocalError = FieldError


@dataclass
class _Target:
    label: QLabel
    widget: QWidget


# For paths not registered one by one (``papers[3].name``): path -> (label, widget, prefix) or None
Resolver = Callable[[str], "tuple[QLabel, QWidget, str] | None"]


class FieldErrorView:
    def __init__(self, resolver: Resolver | None = None):
        self._targets: dict[str, _Target] = {}
        self._resolver = resolver
        self._shown: list[tuple[QLabel, QWidget]] = []

    def register(self, path: str, label: QLabel, widget: QWidget, *also: SignalInstance) -> None:
        """``also``: more signals that mean the officer changed what the message is about (a
        procedure picked from the list, another delivery choice)."""
        label.hide()
        self._targets[path] = _Target(label, widget)
        for signal in [*_edit_signals(widget), *also]:
            signal.connect(lambda *_a, lb=label, w=widget: self._clear_one(lb, w))

    def show(self, errors: list) -> list:
        """Display ``errors`` (FieldError-like); returns those no field could take."""
        self.clear()
        order = list(self._targets)
        placed: list[tuple[int, QLabel, QWidget, str]] = []
        unplaced = []
        for err in errors:
            target = self._targets.get(err.field)
            prefix = ""
            if target is None and self._resolver is not None:
                resolved = self._resolver(err.field)
                if resolved is not None:
                    target = _Target(resolved[0], resolved[1])
                    prefix = resolved[2]
            if target is None:
                unplaced.append(err)
                continue
            rank = next(
                (i for i, p in enumerate(order) if self._targets[p].label is target.label),
                len(order),
            )
            placed.append((rank, target.label, target.widget, prefix + i18n.text(err)))
        texts: dict[int, str] = {}
        for _rank, label, widget, text in sorted(placed, key=lambda p: p[0]):
            key = id(label)
            texts[key] = f"{texts[key]}\n{text}" if key in texts else text
            label.setText(texts[key])
            label.show()
            set_flag(widget, "invalid", True)
            self._shown.append((label, widget))
        if placed:
            first = min(placed, key=lambda p: p[0])[2]
            first.setFocus()
            if isinstance(first, QLineEdit):
                first.selectAll()
        return unplaced

    def clear(self) -> None:
        for label, widget in self._shown:
            self._clear_one(label, widget)
        self._shown = []

    def visible_errors(self) -> dict[str, str]:
        return {path: t.label.text() for path, t in self._targets.items() if not t.label.isHidden()}

    @staticmethod
    def _clear_one(label: QLabel, widget: QWidget) -> None:
        if not label.isHidden():
            label.hide()
            label.clear()
        set_flag(widget, "invalid", False)


def _edit_signals(widget: QWidget) -> list[SignalInstance]:
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.activated]
    if isinstance(widget, QAbstractSpinBox):
        return [widget.editingFinished]
    changed = getattr(widget, "changed", None)  # our composite editors (the papers table)
    return [changed] if isinstance(changed, SignalInstance) else []
