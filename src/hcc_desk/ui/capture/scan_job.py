"""One scanner batch on its own thread, reporting to the GUI thread through signals.

The batch blocks for as long as the feeder has paper (a minute for a thick ADF stack), so it gets
a thread of its own rather than a slot in the shared I/O pool. The scanner driver itself runs in
a separate process (core/capture/scanner.py); this thread only waits for it. Page and progress
callbacks are emitted as signals, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import threading
import traceback
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThread, Signal

from hcc_desk.ui.tasks import Failure

if TYPE_CHECKING:
    from hcc_desk.services.capture import CaptureService


class ScanJob(QThread):
    """Signals: page_arrived(PageInfo) — already on disk; progress(float 0..1 of the current
    page); outcome(BatchOutcome) at the end; crashed(Failure) if the service raised."""

    page_arrived = Signal(object)
    progress = Signal(float)
    outcome = Signal(object)
    crashed = Signal(object)

    def __init__(
        self,
        capture: CaptureService,
        session: Any,
        profile: Any,
        parent: Any = None,
        *,
        officer_username: str | None = None,
        options: dict | None = None,
    ):
        super().__init__(parent)
        self._capture, self.session, self.profile = capture, session, profile
        self._officer, self._options = officer_username, dict(options or {})
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """Stop after the page being scanned; pages already scanned stay in the session."""
        self.cancel_event.set()

    def run(self) -> None:
        try:
            result = self._capture.scan(
                self.session,
                self.profile,
                self.page_arrived.emit,
                on_progress=self.progress.emit,
                cancel=self.cancel_event,
                officer_username=self._officer,
                **self._options,
            )
        except BaseException as exc:  # noqa: BLE001 - shown to the officer, never lost
            self.crashed.emit(Failure(exc, traceback.format_exc()))
        else:
            self.outcome.emit(result)
