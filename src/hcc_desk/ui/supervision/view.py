"""Giám sát (supervisors only): the four lists with counts, on-time rates with a chart, exports.

The lists are recomputed on the local clock every half minute, so a dossier turns overdue on
screen the moment its appointment passes — offline too. "Làm mới" fetches every counter's
dossiers from central into the local cache (in the background); without central the view
shows this counter's own dossiers and says so.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableView, QWidget

from hcc_core.vn_format import vn_percent
from hcc_desk.ui import i18n
from hcc_desk.ui.banner import Banner
from hcc_desk.ui.errors import is_expected, report_bug
from hcc_desk.ui.formatting import short_datetime
from hcc_desk.ui.forms.ui_supervision import Ui_SupervisionView
from hcc_desk.ui.supervision.chart import TIMING_SERIES, Bar, Series
from hcc_desk.ui.supervision.due_list_model import PROCEDURE_COLUMN, SORT_ROLE, DueListModel
from hcc_desk.ui.supervision.rates_model import RatesModel
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer

LISTS = ("overdue", "due_today", "due_soon", "waiting")  # the tabs, in the form's order
GROUPS = ("agency", "procedure", "officer")  # the group combo's items, in the form's order
COUNT_SERIES = (Series("", "#5f6368"),)
LIST_COLORS = {
    "overdue": "#d93025",
    "due_today": "#e8710a",
    "due_soon": "#f9ab00",
    "waiting": "#5f6368",
}
TICK_MS = 30_000  # recompute the lists on the local clock
CENTRAL_MS = 300_000  # fetch the other counters' changes from central


class SupervisionView(QWidget):
    """Signals: loaded(Overview) after each recomputation, rates_loaded(list), exported(list).

    The layout is forms/supervision.ui; the lists and the rates are item models
    (due_list_model, rates_model), the lists sortable by any column through a proxy."""

    loaded = Signal(object)
    rates_loaded = Signal(object)
    refreshed = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        officer: Officer,
        runner: TaskRunner,
        parent: QWidget | None = None,
        tick_ms: int = TICK_MS,
        central_ms: int = CENTRAL_MS,
    ):
        super().__init__(parent)
        self.ctx, self.officer, self.runner = ctx, officer, runner
        self.overview: Any = None
        self.rate_rows: list = []
        self.file_dialog: QFileDialog | None = None
        self._period_warning = False
        self.ui = Ui_SupervisionView()
        self.ui.setupUi(self)
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.reload)
        self._central_timer = QTimer(self)
        self._central_timer.setInterval(central_ms)
        self._central_timer.timeout.connect(lambda: self.refresh_from_central(quiet=True))
        self._refreshing = False

    @property
    def service(self) -> Any:  # looked up on first use: the store opens after the window shows
        return self.ctx.supervision

    # -- construction -------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        # The widgets tests and the main window reach, under their old names.
        self.refresh_button, self.source_label = ui.refresh_button, ui.source_label
        self.xlsx_button, self.pdf_button = ui.xlsx_button, ui.pdf_button
        self.list_tabs, self.rates_table = ui.list_tabs, ui.rates_table
        self.from_edit, self.to_edit, self.group_combo = ui.from_edit, ui.to_edit, ui.group_combo
        self.rates_chart, self.counts_chart = ui.rates_chart, ui.counts_chart
        self.banner = Banner(ui.banner, ui.banner_label, ui.banner_close)
        self.count_labels = {name: getattr(ui, f"count_{name}") for name in LISTS}
        self.rates_chart.set_series(TIMING_SERIES)
        self.counts_chart.set_series(COUNT_SERIES)

        self.tables: dict[str, QTableView] = {}
        self.list_models: dict[str, DueListModel] = {}
        for name in LISTS:
            model = DueListModel(waiting=name == "waiting", parent=self)
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setSortRole(SORT_ROLE)
            table: QTableView = getattr(ui, f"table_{name}")
            table.setModel(proxy)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(PROCEDURE_COLUMN, QHeaderView.ResizeMode.Stretch)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order
            table.setSortingEnabled(True)
            self.tables[name], self.list_models[name] = table, model

        self.rates_model = RatesModel(self)
        self.rates_table.setModel(self.rates_model)
        header = self.rates_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        today = date.today()
        self.from_edit.setDate(QDate(today.year, today.month, 1))
        self.to_edit.setDate(QDate(today.year, today.month, today.day))

        self.refresh_button.clicked.connect(self.refresh_from_central)
        self.xlsx_button.clicked.connect(lambda: self.ask_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.from_edit.dateChanged.connect(lambda _d: self.load_rates())
        self.to_edit.dateChanged.connect(lambda _d: self.load_rates())
        self.group_combo.currentIndexChanged.connect(lambda _i: self.load_rates())

    def _list_titles(self) -> dict[str, str]:
        return {
            "overdue": self.tr("Quá hạn"),
            "due_today": self.tr("Đến hạn hôm nay"),
            "due_soon": self.tr("Đến hạn trong 2 ngày làm việc"),
            "waiting": self.tr("Chờ bổ sung"),
        }

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> None:
        """When the tab is first shown: compute now, fetch from central, keep ticking."""
        self.reload()
        self.load_rates()
        self.refresh_from_central()
        self._timer.start()
        self._central_timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._central_timer.stop()

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def set_period(self, date_from: date, date_to: date) -> None:
        for edit, day in ((self.from_edit, date_from), (self.to_edit, date_to)):
            edit.blockSignals(True)  # one reload for the pair, never a half-set period
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.load_rates()

    # -- lists --------------------------------------------------------------------------------
    def reload(self) -> None:
        user = self.officer.username
        self.runner.db(
            lambda: self.service.overview(user),
            on_done=self._show_overview,
            on_error=self._failed,
            owner=self,
        )

    def _show_overview(self, overview: Any) -> None:
        self.overview = overview
        titles = self._list_titles()
        counts = overview.lists.counts()
        for name in LISTS:
            rows = getattr(overview.lists, name)
            self.count_labels[name].setText(f"{titles[name]}: {counts[name]}")
            self.list_tabs.setTabText(LISTS.index(name), f"{titles[name]} ({counts[name]})")
            self.list_models[name].set_rows(rows)
        self.counts_chart.set_bars(
            [Bar(titles[n], (counts[n],), color=LIST_COLORS[n]) for n in LISTS]
        )
        if overview.last_fetch is None:
            self.source_label.setText(
                self.tr(
                    "Chưa lấy dữ liệu các quầy từ máy chủ trung tâm: chỉ có hồ sơ của quầy này."
                )
            )
        else:
            self.source_label.setText(
                i18n.tr(
                    "supervision_view.clock_note",
                    fetched=short_datetime(overview.last_fetch),
                    now=short_datetime(overview.now),
                )
            )
        self.loaded.emit(overview)

    # -- rates --------------------------------------------------------------------------------
    def load_rates(self) -> None:
        date_from, date_to = self.period()
        if date_to < date_from:  # while the officer is still editing the pair of dates
            self.banner.show("warning", self.tr("Ngày kết thúc phải sau ngày bắt đầu."))
            self._period_warning = True
            return
        if self._period_warning:
            self._period_warning = False
            self.banner.hide()
        by, user = GROUPS[max(self.group_combo.currentIndex(), 0)], self.officer.username
        self.runner.db(
            lambda: self.service.rates(user, date_from, date_to, by),
            on_done=self._show_rates,
            on_error=self._failed,
            owner=self,
        )

    def _show_rates(self, rows: list) -> None:
        self.rate_rows = rows
        self.rates_model.set_rows(rows)
        self.rates_chart.set_bars(
            [
                Bar(
                    r.key,
                    (r.early, r.on_time, r.late),
                    vn_percent(r.on_time_share, 0, ratio=True) if r.total else "",
                )
                for r in rows
                if r.key
            ]
        )
        self.rates_loaded.emit(rows)

    # -- central ------------------------------------------------------------------------------
    def refresh_from_central(self, quiet: bool = False) -> None:
        """Fetch in the background; ``quiet`` (the periodic fetch) only reports problems."""
        if self._refreshing:
            return
        user = self.officer.username
        self._refreshing = True
        self.refresh_button.setEnabled(False)
        self.runner.io(
            lambda: self.service.refresh(user),
            on_done=lambda r: self._refreshed(r, quiet),
            on_error=self._refresh_failed,
            owner=self,
        )

    def _refreshed(self, result: Any, quiet: bool = False) -> None:
        self._refreshing = False
        self.refresh_button.setEnabled(True)
        text = i18n.text(result)
        if not (quiet and result.complete):
            self.banner.show("success" if result.complete else "warning", text)
        self.refreshed.emit(result)
        self.reload()
        self.load_rates()

    def _refresh_failed(self, failure: Failure) -> None:
        self._refreshing = False
        self.refresh_button.setEnabled(True)
        self._failed(failure)

    # -- export -------------------------------------------------------------------------------
    def ask_export(self, kind: str) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Xuất báo cáo giám sát"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter("Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)")
        dialog.setDefaultSuffix(kind)
        dialog.selectFile(f"giam-sat-{datetime.now():%Y%m%d}.{kind}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), kind))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: Path, kind: str) -> None:
        date_from, date_to = self.period()
        user = self.officer.username
        args = {"xlsx": path} if kind == "xlsx" else {"pdf": path}
        self.runner.io(
            lambda: self.service.export(user, date_from, date_to, **args),
            on_done=self._exported,
            on_error=self._failed,
            owner=self,
        )

    def _exported(self, paths: list) -> None:
        self.banner.show(
            "success", i18n.tr("supervision_view.exported", files=", ".join(str(p) for p in paths))
        )
        self.exported.emit(paths)

    def _failed(self, failure: Failure) -> None:
        if is_expected(failure.exc):
            self.banner.show("error", i18n.text(failure.exc))
        else:
            report_bug(type(failure.exc), failure.exc, failure.traceback_text)
