"""Giám sát (supervisors only): the four lists with counts, on-time rates with a chart, exports.

The lists are recomputed on the local clock every half minute, so a dossier turns overdue on
screen the moment its appointment passes — offline too. "Làm mới" fetches every counter's
dossiers from central into the local cache (in the background); without central the view
shows this counter's own dossiers and says so.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcc_core.domain.status import DossierStatus
from hcc_core.vn_format import vn_percent
from hcc_desk.ui import i18n
from hcc_desk.ui.errors import is_expected, report_bug
from hcc_desk.ui.formatting import short_datetime
from hcc_desk.ui.return_desk.view import make_banner
from hcc_desk.ui.supervision.chart import TIMING_SERIES, Bar, BarChart, Series
from hcc_desk.ui.tasks import Failure, TaskRunner

LISTS = ("overdue", "due_today", "due_soon", "waiting")
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
    """Signals: loaded(Overview) after each recomputation, rates_loaded(list), exported(list)."""

    loaded = Signal(object)
    rates_loaded = Signal(object)
    refreshed = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        ctx: Any,
        officer: Any,
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
        self._build()
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
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("&Làm mới từ máy chủ"), self)
        self.refresh_button.setAutoDefault(False)
        self.source_label = QLabel(self)
        self.source_label.setProperty("role", "hint")
        self.xlsx_button = QPushButton(self.tr("Xuất &Excel…"), self)
        self.pdf_button = QPushButton(self.tr("Xuất &PDF…"), self)
        for b in (self.xlsx_button, self.pdf_button):
            b.setAutoDefault(False)
        top.addWidget(self.refresh_button)
        top.addWidget(self.source_label, 1)
        top.addWidget(self.xlsx_button)
        top.addWidget(self.pdf_button)
        outer.addLayout(top)
        frame, self.banner = make_banner(self)
        outer.addWidget(frame)

        counts = QHBoxLayout()
        self.count_labels: dict[str, QLabel] = {}
        titles = self._list_titles()
        for name in LISTS:
            label = QLabel(self)
            label.setObjectName(f"count_{name}")
            label.setProperty("role", "title")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.count_labels[name] = label
            counts.addWidget(label)
        outer.addLayout(counts)
        self.counts_chart = BarChart(COUNT_SERIES, self)
        self.counts_chart.setMaximumHeight(190)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(splitter, 1)
        self.list_tabs = QTabWidget(splitter)
        self.tables: dict[str, QTableWidget] = {}
        for name in LISTS:
            table = QTableWidget(0, 8, self.list_tabs)
            table.setObjectName(f"table_{name}")
            table.setHorizontalHeaderLabels(
                [
                    self.tr("Mã hồ sơ"),
                    self.tr("Thủ tục"),
                    self.tr("Cơ quan"),
                    self.tr("Quầy"),
                    self.tr("Cán bộ tiếp nhận"),
                    self.tr("Hẹn trả"),
                    self.tr("Chờ bổ sung từ") if name == "waiting" else self.tr("Hẹn ban đầu"),
                    self.tr("Trạng thái"),
                ]
            )
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            self.tables[name] = table
            self.list_tabs.addTab(table, titles[name])

        rates_box = QGroupBox(self.tr("Tỷ lệ giải quyết đúng hạn"), splitter)
        rates_layout = QVBoxLayout(rates_box)
        period = QHBoxLayout()
        today = date.today()
        self.from_edit = QDateEdit(QDate(today.year, today.month, 1), rates_box)
        self.to_edit = QDateEdit(QDate(today.year, today.month, today.day), rates_box)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.group_combo = QComboBox(rates_box)
        self.group_combo.addItem(self.tr("Theo cơ quan"), "agency")
        self.group_combo.addItem(self.tr("Theo thủ tục"), "procedure")
        self.group_combo.addItem(self.tr("Theo cán bộ"), "officer")
        from_label = QLabel(self.tr("&Từ ngày:"), rates_box)
        from_label.setBuddy(self.from_edit)
        period.addWidget(from_label)
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("đến:"), rates_box))
        period.addWidget(self.to_edit)
        period.addWidget(self.group_combo)
        period.addStretch(1)
        rates_layout.addLayout(period)
        body = QHBoxLayout()
        self.rates_table = QTableWidget(0, 6, rates_box)
        self.rates_table.setObjectName("rates_table")
        self.rates_table.setHorizontalHeaderLabels(
            [
                self.tr("Nhóm"),
                self.tr("Trước hạn"),
                self.tr("Đúng hạn"),
                self.tr("Quá hạn"),
                self.tr("Tổng"),
                self.tr("Tỷ lệ đúng hạn"),
            ]
        )
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.verticalHeader().hide()
        self.rates_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.rates_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rates_chart = BarChart(TIMING_SERIES, rates_box)
        body.addWidget(self.rates_table, 3)
        charts = QVBoxLayout()
        charts.addWidget(self.rates_chart, 1)
        charts.addWidget(self.counts_chart)
        body.addLayout(charts, 2)
        rates_layout.addLayout(body)

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
            self.list_tabs.setTabText(
                self.list_tabs.indexOf(self.tables[name]), f"{titles[name]} ({counts[name]})"
            )
            self._fill(self.tables[name], rows, name == "waiting")
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
                self.tr("Dữ liệu các quầy cập nhật lúc %1; tính theo đồng hồ máy này lúc %2.")
                .replace("%1", short_datetime(overview.last_fetch))
                .replace("%2", short_datetime(overview.now))
            )
        self.loaded.emit(overview)

    def _fill(self, table: QTableWidget, rows: list, waiting: bool) -> None:
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = DossierStatus(r.status)
            cells = [
                r.code,
                r.procedure_name,
                r.agency,
                str(r.counter_slot),
                r.officer,
                short_datetime(r.due_at) if r.due_at else "",
                (short_datetime(r.waiting_since) if r.waiting_since else "")
                if waiting
                else (short_datetime(r.statutory_due_at) if r.apologised else ""),
                status.label_en if i18n.language() == "en" else status.label_vi,
            ]
            for j, text in enumerate(cells):
                table.setItem(i, j, QTableWidgetItem(text))

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
        by, user = self.group_combo.currentData(), self.officer.username
        self.runner.db(
            lambda: self.service.rates(user, date_from, date_to, by),
            on_done=self._show_rates,
            on_error=self._failed,
            owner=self,
        )

    def _show_rates(self, rows: list) -> None:
        self.rate_rows = rows
        self.rates_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            share = vn_percent(r.on_time_share, ratio=True) if r.total else "—"
            cells = [
                r.key or self.tr("Tổng cộng"),
                str(r.early),
                str(r.on_time),
                str(r.late),
                str(r.total),
                share,
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not r.key:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.rates_table.setItem(i, j, item)
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
        text = result.message_en if i18n.language() == "en" else result.message
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
            "success", self.tr("Đã xuất: %1").replace("%1", ", ".join(str(p) for p in paths))
        )
        self.exported.emit(paths)

    def _failed(self, failure: Failure) -> None:
        if is_expected(failure.exc):
            self.banner.show("error", i18n.pick(failure.exc))
        else:
            report_bug(type(failure.exc), failure.exc, failure.traceback_text)
