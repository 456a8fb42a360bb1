"""Autosave of the dossier being typed, so a crash or power cut loses at most a second of work.

Every change restarts a short timer; when typing pauses, a snapshot of the form (plain dict) is
written on the database lane.  A submitted or abandoned form finishes its draft.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hcc_desk.ui.tasks import TaskRunner

Snapshot = Callable[[], "dict[str, Any] | None"]  # None: the form is blank, nothing to keep


class DraftKeeper(QObject):
    """Signals: saved(datetime) after a draft reached the store."""

    saved = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        save: Callable[[str, dict], Any],
        discard: Callable[[str], Any],
        snapshot: Snapshot,
        delay_ms: int = 1000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._runner, self._save, self._discard, self._snapshot = runner, save, discard, snapshot
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._draft_id = uuid.uuid4().hex
        self._stored = False  # a version of this draft is (or is being) written
        self._suspended = 0

    @property
    def draft_id(self) -> str:
        return self._draft_id

    def touch(self) -> None:
        """The form changed: save once the officer pauses."""
        if not self._suspended:
            self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Save now if a change is waiting (closing the window, locking the screen)."""
        if self._timer.isActive():
            self._timer.stop()
            self.save_now()

    def save_now(self) -> None:
        payload = self._snapshot()
        draft_id = self._draft_id
        if payload is None:
            if self._stored:
                self._stored = False
                self._runner.db(lambda: self._discard(draft_id), owner=self)
            return
        self._stored = True
        self._runner.db(
            lambda: self._save(draft_id, payload),
            on_done=lambda _r: self.saved.emit(datetime.now()),
            owner=self,
        )

    def finish(self) -> None:
        """The dossier was submitted or dropped: forget its draft and start a fresh one."""
        self._timer.stop()
        if self._stored:
            draft_id = self._draft_id
            self._runner.db(lambda: self._discard(draft_id), owner=self)
        self._draft_id = uuid.uuid4().hex
        self._stored = False

    def adopt(self, draft_id: str) -> None:
        """Continue an existing draft (after restoring it) instead of creating a second one."""
        self._timer.stop()
        self._draft_id = draft_id
        self._stored = True

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """Programmatic fills that must not count as the officer's edits (clearing the form)."""
        self._suspended += 1
        try:
            yield
        finally:
            self._suspended -= 1
