# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QToolButton, QVBoxLayout, QWidget

from hcc_desk.ui.supervision.chart import BarChart

class Ui_SupervisionView(object):
    def setupUi(self, SupervisionView):
        if not SupervisionView.objectName():
            SupervisionView.setObjectName(u"SupervisionView")
        self.outer = QVBoxLayout(SupervisionView)
        self.outer.setObjectName(u"outer")
        self.top_row = QHBoxLayout()
        self.top_row.setObjectName(u"top_row")
        self.refresh_button = QPushButton(SupervisionView)
        self.refresh_button.setObjectName(u"refresh_button")
        self.refresh_button.setAutoDefault(False)

        self.top_row.addWidget(self.refresh_button)

        self.source_label = QLabel(SupervisionView)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setProperty(u"role", u"hint")
        self.source_label.setWordWrap(True)

        self.top_row.addWidget(self.source_label)

        self.xlsx_button = QPushButton(SupervisionView)
        self.xlsx_button.setObjectName(u"xlsx_button")
        self.xlsx_button.setAutoDefault(False)

        self.top_row.addWidget(self.xlsx_button)

        self.pdf_button = QPushButton(SupervisionView)
        self.pdf_button.setObjectName(u"pdf_button")
        self.pdf_button.setAutoDefault(False)

        self.top_row.addWidget(self.pdf_button)

        self.top_row.setStretch(1, 1)

        self.outer.addLayout(self.top_row)

        self.banner = QFrame(SupervisionView)
        self.banner.setObjectName(u"banner")
        self.banner.setProperty(u"banner", u"info")
        self.banner_layout = QHBoxLayout(self.banner)
        self.banner_layout.setObjectName(u"banner_layout")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName(u"banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextFormat(Qt.TextFormat.RichText)

        self.banner_layout.addWidget(self.banner_label)

        self.banner_close = QToolButton(self.banner)
        self.banner_close.setObjectName(u"banner_close")
        self.banner_close.setText(u"\u00d7")
        self.banner_close.setAutoRaise(True)

        self.banner_layout.addWidget(self.banner_close)

        self.banner_layout.setStretch(0, 1)

        self.outer.addWidget(self.banner)

        self.counts_row = QHBoxLayout()
        self.counts_row.setObjectName(u"counts_row")
        self.count_overdue = QLabel(SupervisionView)
        self.count_overdue.setObjectName(u"count_overdue")
        self.count_overdue.setProperty(u"role", u"title")
        self.count_overdue.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.counts_row.addWidget(self.count_overdue)

        self.count_due_today = QLabel(SupervisionView)
        self.count_due_today.setObjectName(u"count_due_today")
        self.count_due_today.setProperty(u"role", u"title")
        self.count_due_today.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.counts_row.addWidget(self.count_due_today)

        self.count_due_soon = QLabel(SupervisionView)
        self.count_due_soon.setObjectName(u"count_due_soon")
        self.count_due_soon.setProperty(u"role", u"title")
        self.count_due_soon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.counts_row.addWidget(self.count_due_soon)

        self.count_waiting = QLabel(SupervisionView)
        self.count_waiting.setObjectName(u"count_waiting")
        self.count_waiting.setProperty(u"role", u"title")
        self.count_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.counts_row.addWidget(self.count_waiting)


        self.outer.addLayout(self.counts_row)

        self.splitter = QSplitter(SupervisionView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.list_tabs = QTabWidget(self.splitter)
        self.list_tabs.setObjectName(u"list_tabs")
        self.page_overdue = QWidget()
        self.page_overdue.setObjectName(u"page_overdue")
        self.page_overdue_layout = QVBoxLayout(self.page_overdue)
        self.page_overdue_layout.setObjectName(u"page_overdue_layout")
        self.page_overdue_layout.setContentsMargins(0, 0, 0, 0)
        self.table_overdue = QTableView(self.page_overdue)
        self.table_overdue.setObjectName(u"table_overdue")
        self.table_overdue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_overdue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_overdue.setAlternatingRowColors(True)
        self.table_overdue.setTabKeyNavigation(False)
        self.table_overdue.setWordWrap(False)
        self.table_overdue.verticalHeader().setVisible(False)

        self.page_overdue_layout.addWidget(self.table_overdue)

        self.list_tabs.addTab(self.page_overdue, "")
        self.page_due_today = QWidget()
        self.page_due_today.setObjectName(u"page_due_today")
        self.page_due_today_layout = QVBoxLayout(self.page_due_today)
        self.page_due_today_layout.setObjectName(u"page_due_today_layout")
        self.page_due_today_layout.setContentsMargins(0, 0, 0, 0)
        self.table_due_today = QTableView(self.page_due_today)
        self.table_due_today.setObjectName(u"table_due_today")
        self.table_due_today.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_due_today.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_due_today.setAlternatingRowColors(True)
        self.table_due_today.setTabKeyNavigation(False)
        self.table_due_today.setWordWrap(False)
        self.table_due_today.verticalHeader().setVisible(False)

        self.page_due_today_layout.addWidget(self.table_due_today)

        self.list_tabs.addTab(self.page_due_today, "")
        self.page_due_soon = QWidget()
        self.page_due_soon.setObjectName(u"page_due_soon")
        self.page_due_soon_layout = QVBoxLayout(self.page_due_soon)
        self.page_due_soon_layout.setObjectName(u"page_due_soon_layout")
        self.page_due_soon_layout.setContentsMargins(0, 0, 0, 0)
        self.table_due_soon = QTableView(self.page_due_soon)
        self.table_due_soon.setObjectName(u"table_due_soon")
        self.table_due_soon.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_due_soon.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_due_soon.setAlternatingRowColors(True)
        self.table_due_soon.setTabKeyNavigation(False)
        self.table_due_soon.setWordWrap(False)
        self.table_due_soon.verticalHeader().setVisible(False)

        self.page_due_soon_layout.addWidget(self.table_due_soon)

        self.list_tabs.addTab(self.page_due_soon, "")
        self.page_waiting = QWidget()
        self.page_waiting.setObjectName(u"page_waiting")
        self.page_waiting_layout = QVBoxLayout(self.page_waiting)
        self.page_waiting_layout.setObjectName(u"page_waiting_layout")
        self.page_waiting_layout.setContentsMargins(0, 0, 0, 0)
        self.table_waiting = QTableView(self.page_waiting)
        self.table_waiting.setObjectName(u"table_waiting")
        self.table_waiting.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_waiting.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_waiting.setAlternatingRowColors(True)
        self.table_waiting.setTabKeyNavigation(False)
        self.table_waiting.setWordWrap(False)
        self.table_waiting.verticalHeader().setVisible(False)

        self.page_waiting_layout.addWidget(self.table_waiting)

        self.list_tabs.addTab(self.page_waiting, "")
        self.splitter.addWidget(self.list_tabs)
        self.rates_box = QGroupBox(self.splitter)
        self.rates_box.setObjectName(u"rates_box")
        self.rates_layout = QVBoxLayout(self.rates_box)
        self.rates_layout.setObjectName(u"rates_layout")
        self.period_row = QHBoxLayout()
        self.period_row.setObjectName(u"period_row")
        self.from_label = QLabel(self.rates_box)
        self.from_label.setObjectName(u"from_label")

        self.period_row.addWidget(self.from_label)

        self.from_edit = QDateEdit(self.rates_box)
        self.from_edit.setObjectName(u"from_edit")
        self.from_edit.setDisplayFormat(u"dd/MM/yyyy")
        self.from_edit.setCalendarPopup(True)

        self.period_row.addWidget(self.from_edit)

        self.to_label = QLabel(self.rates_box)
        self.to_label.setObjectName(u"to_label")

        self.period_row.addWidget(self.to_label)

        self.to_edit = QDateEdit(self.rates_box)
        self.to_edit.setObjectName(u"to_edit")
        self.to_edit.setDisplayFormat(u"dd/MM/yyyy")
        self.to_edit.setCalendarPopup(True)

        self.period_row.addWidget(self.to_edit)

        self.group_combo = QComboBox(self.rates_box)
        self.group_combo.addItem("")
        self.group_combo.addItem("")
        self.group_combo.addItem("")
        self.group_combo.setObjectName(u"group_combo")

        self.period_row.addWidget(self.group_combo)

        self.period_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.period_row.addItem(self.period_stretch)


        self.rates_layout.addLayout(self.period_row)

        self.rates_body = QHBoxLayout()
        self.rates_body.setObjectName(u"rates_body")
        self.rates_table = QTableView(self.rates_box)
        self.rates_table.setObjectName(u"rates_table")
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates_table.setAlternatingRowColors(True)
        self.rates_table.setTabKeyNavigation(False)
        self.rates_table.setWordWrap(False)
        self.rates_table.verticalHeader().setVisible(False)

        self.rates_body.addWidget(self.rates_table)

        self.charts = QVBoxLayout()
        self.charts.setObjectName(u"charts")
        self.rates_chart = BarChart(self.rates_box)
        self.rates_chart.setObjectName(u"rates_chart")

        self.charts.addWidget(self.rates_chart)

        self.counts_chart = BarChart(self.rates_box)
        self.counts_chart.setObjectName(u"counts_chart")
        self.counts_chart.setMaximumSize(QSize(16777215, 190))

        self.charts.addWidget(self.counts_chart)

        self.charts.setStretch(0, 1)

        self.rates_body.addLayout(self.charts)

        self.rates_body.setStretch(0, 3)
        self.rates_body.setStretch(1, 2)

        self.rates_layout.addLayout(self.rates_body)

        self.rates_layout.setStretch(1, 1)
        self.splitter.addWidget(self.rates_box)

        self.outer.addWidget(self.splitter)

        self.outer.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SupervisionView)

        self.list_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SupervisionView)
    # setupUi

    def retranslateUi(self, SupervisionView):
        self.refresh_button.setText(QCoreApplication.translate("SupervisionView", u"&L\u00e0m m\u1edbi t\u1eeb m\u00e1y ch\u1ee7", None))
        self.source_label.setText("")
        self.xlsx_button.setText(QCoreApplication.translate("SupervisionView", u"Xu\u1ea5t &Excel\u2026", None))
        self.pdf_button.setText(QCoreApplication.translate("SupervisionView", u"Xu\u1ea5t &PDF\u2026", None))
        self.banner_label.setText("")
        self.count_overdue.setText("")
        self.count_due_today.setText("")
        self.count_due_soon.setText("")
        self.count_waiting.setText("")
#if QT_CONFIG(accessibility)
        self.table_overdue.setAccessibleName(QCoreApplication.translate("SupervisionView", u"Qu\u00e1 h\u1ea1n", None))
#endif // QT_CONFIG(accessibility)
        self.list_tabs.setTabText(self.list_tabs.indexOf(self.page_overdue), QCoreApplication.translate("SupervisionView", u"Qu\u00e1 h\u1ea1n", None))
#if QT_CONFIG(accessibility)
        self.table_due_today.setAccessibleName(QCoreApplication.translate("SupervisionView", u"\u0110\u1ebfn h\u1ea1n h\u00f4m nay", None))
#endif // QT_CONFIG(accessibility)
        self.list_tabs.setTabText(self.list_tabs.indexOf(self.page_due_today), QCoreApplication.translate("SupervisionView", u"\u0110\u1ebfn h\u1ea1n h\u00f4m nay", None))
#if QT_CONFIG(accessibility)
        self.table_due_soon.setAccessibleName(QCoreApplication.translate("SupervisionView", u"\u0110\u1ebfn h\u1ea1n trong 2 ng\u00e0y l\u00e0m vi\u1ec7c", None))
#endif // QT_CONFIG(accessibility)
        self.list_tabs.setTabText(self.list_tabs.indexOf(self.page_due_soon), QCoreApplication.translate("SupervisionView", u"\u0110\u1ebfn h\u1ea1n trong 2 ng\u00e0y l\u00e0m vi\u1ec7c", None))
#if QT_CONFIG(accessibility)
        self.table_waiting.setAccessibleName(QCoreApplication.translate("SupervisionView", u"Ch\u1edd b\u1ed5 sung", None))
#endif // QT_CONFIG(accessibility)
        self.list_tabs.setTabText(self.list_tabs.indexOf(self.page_waiting), QCoreApplication.translate("SupervisionView", u"Ch\u1edd b\u1ed5 sung", None))
        self.rates_box.setTitle(QCoreApplication.translate("SupervisionView", u"T\u1ef7 l\u1ec7 gi\u1ea3i quy\u1ebft \u0111\u00fang h\u1ea1n", None))
        self.from_label.setText(QCoreApplication.translate("SupervisionView", u"&T\u1eeb ng\u00e0y:", None))
        self.to_label.setText(QCoreApplication.translate("SupervisionView", u"\u0111\u1ebfn:", None))
        self.group_combo.setItemText(0, QCoreApplication.translate("SupervisionView", u"Theo c\u01a1 quan", None))
        self.group_combo.setItemText(1, QCoreApplication.translate("SupervisionView", u"Theo th\u1ee7 t\u1ee5c", None))
        self.group_combo.setItemText(2, QCoreApplication.translate("SupervisionView", u"Theo c\u00e1n b\u1ed9", None))

#if QT_CONFIG(accessibility)
        self.rates_table.setAccessibleName(QCoreApplication.translate("SupervisionView", u"T\u1ef7 l\u1ec7 gi\u1ea3i quy\u1ebft \u0111\u00fang h\u1ea1n", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

