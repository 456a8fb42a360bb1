"""Today's dossiers at this counter, with search (code, ID number, accent-free name, phone)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from hcc_desk.ui import i18n
from hcc_desk.ui.dossier_model import DossierTableModel
from hcc_desk.ui.forms.ui_today import Ui_TodayForm
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class TodayView(QWidget):
    """Signals: reprint_requested(str) with a dossier code; loaded(int) after each refresh."""

    reprint_requested = Signal(str)
    loaded = Signal(int)

    def __init__(
        self, ctx: AppContext, officer: Officer, runner: TaskRunner, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.officer, self.runner = ctx, officer, runner
        self.ui = Ui_TodayForm()
        self.ui.setupUi(self)
        self.model = DossierTableModel(self)
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ui.table.verticalHeader().hide()
        self._seq = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)  # search as the officer types, not on every key
        self._debounce.timeout.connect(self.refresh)
        self.ui.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.ui.search_edit.returnPressed.connect(self._search_now)
        self.ui.refresh_button.clicked.connect(self.refresh)
        self.ui.reprint_button.clicked.connect(self.request_reprint)
        self.ui.table.activated.connect(lambda _i: self.request_reprint())
        self.ui.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.scan_button = None
        if getattr(ctx, "capture", None) is not None:  # this PC can scan: papers of a saved dossier
            self.scan_button = QPushButton(self.tr("Quét giấy tờ"), self)
            self.scan_button.setAutoDefault(False)
            self.ui.search_row.addWidget(self.scan_button)
            self.scan_button.clicked.connect(self.open_scan)

    def focus_search(self) -> None:
        self.ui.search_edit.setFocus()
        self.ui.search_edit.selectAll()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.refresh()
        self.ui.table.setFocus()

    def refresh(self) -> None:
        self._debounce.stop()
        self._seq += 1
        seq, query, username = self._seq, self.ui.search_edit.text().strip(), self.officer.username
        dossiers, sync = self.ctx.dossiers, getattr(self.ctx, "sync", None)

        def load() -> tuple[list, dict]:
            rows = dossiers.search(query, username) if query else dossiers.today(username)
            states = (
                sync.dossier_sync_states([r.uuid for r in rows])
                if sync is not None and sync.is_enrolled()
                else {}
            )
            return rows, states

        self.runner.db(load, on_done=lambda loaded: self._show(*loaded, seq, query), owner=self)

    def _show(self, rows: list, states: dict, seq: int, query: str) -> None:
        if seq != self._seq:
            return  # an older query finished after a newer one started
        self.model.set_rows(rows, states)
        if rows:
            self.ui.table.selectRow(0)
        if query:
            text = i18n.tr("today.found", n=len(rows), query=query)
        else:
            text = i18n.tr("today.received_today", n=len(rows))
        self.ui.summary_label.setText(text)
        self._on_selection()
        self.loaded.emit(len(rows))

    def _on_selection(self, *_args: QItemSelection) -> None:
        self.ui.reprint_button.setEnabled(self.selected_code() is not None)
        if self.scan_button is not None:
            self.scan_button.setEnabled(self.selected_code() is not None)

    def selected_code(self) -> str | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()).code if rows else None

    def request_reprint(self) -> None:
        code = self.selected_code()
        if code:
            self.reprint_requested.emit(code)

    def open_scan(self) -> Any:
        code = self.selected_code()
        if not code:
            return None
        from hcc_desk.ui.capture.dossier_scan import DossierScanDialog

        dialog = DossierScanDialog(self.ctx, self.runner, self.officer, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def keyPressEvent(self, event: Any) -> None:
        # Down from the search box goes to the results, as in the procedure picker.
        if event.key() == Qt.Key.Key_Down and self.ui.search_edit.hasFocus():
            self.ui.table.setFocus()
            return
        super().keyPressEvent(event)
