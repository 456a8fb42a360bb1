# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'today.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

class Ui_TodayForm(object):
    def setupUi(self, TodayForm):
        if not TodayForm.objectName():
            TodayForm.setObjectName(u"TodayForm")
        self.layout = QVBoxLayout(TodayForm)
        self.layout.setObjectName(u"layout")
        self.search_row = QHBoxLayout()
        self.search_row.setObjectName(u"search_row")
        self.search_label = QLabel(TodayForm)
        self.search_label.setObjectName(u"search_label")

        self.search_row.addWidget(self.search_label)

        self.search_edit = QLineEdit(TodayForm)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.search_row.addWidget(self.search_edit)

        self.refresh_button = QPushButton(TodayForm)
        self.refresh_button.setObjectName(u"refresh_button")
        self.refresh_button.setAutoDefault(False)

        self.search_row.addWidget(self.refresh_button)

        self.reprint_button = QPushButton(TodayForm)
        self.reprint_button.setObjectName(u"reprint_button")
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.setEnabled(False)

        self.search_row.addWidget(self.reprint_button)


        self.layout.addLayout(self.search_row)

        self.table = QTableView(TodayForm)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)

        self.layout.addWidget(self.table)

        self.summary_label = QLabel(TodayForm)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setProperty(u"role", u"hint")

        self.layout.addWidget(self.summary_label)

#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.search_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.search_edit, self.table)
        QWidget.setTabOrder(self.table, self.reprint_button)
        QWidget.setTabOrder(self.reprint_button, self.refresh_button)

        self.retranslateUi(TodayForm)

        QMetaObject.connectSlotsByName(TodayForm)
    # setupUi

    def retranslateUi(self, TodayForm):
        self.search_label.setText(QCoreApplication.translate("TodayForm", u"&T\u00ecm h\u1ed3 s\u01a1:", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("TodayForm", u"M\u00e3 h\u1ed3 s\u01a1, s\u1ed1 \u0111\u1ecbnh danh, h\u1ecd t\u00ean (kh\u00f4ng c\u1ea7n d\u1ea5u) ho\u1eb7c s\u1ed1 \u0111i\u1ec7n tho\u1ea1i", None))
        self.refresh_button.setText(QCoreApplication.translate("TodayForm", u"L\u00e0m m\u1edbi (F5)", None))
        self.reprint_button.setText(QCoreApplication.translate("TodayForm", u"&In l\u1ea1i phi\u1ebfu (Ctrl+P)", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("TodayForm", u"Danh s\u00e1ch h\u1ed3 s\u01a1", None))
#endif // QT_CONFIG(accessibility)
        self.summary_label.setText("")
        pass
    # retranslateUi

