# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'admin_imports.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QToolButton, QVBoxLayout

class Ui_ImportsPage(object):
    def setupUi(self, ImportsPage):
        if not ImportsPage.objectName():
            ImportsPage.setObjectName(u"ImportsPage")
        self.outer = QVBoxLayout(ImportsPage)
        self.outer.setObjectName(u"outer")
        self.banner = QFrame(ImportsPage)
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

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.calendar_button = QPushButton(ImportsPage)
        self.calendar_button.setObjectName(u"calendar_button")
        self.calendar_button.setAutoDefault(True)

        self.file_row.addWidget(self.calendar_button)

        self.catalogue_button = QPushButton(ImportsPage)
        self.catalogue_button.setObjectName(u"catalogue_button")
        self.catalogue_button.setAutoDefault(True)

        self.file_row.addWidget(self.catalogue_button)

        self.retire_check = QCheckBox(ImportsPage)
        self.retire_check.setObjectName(u"retire_check")

        self.file_row.addWidget(self.retire_check)

        self.file_row.setStretch(2, 1)

        self.outer.addLayout(self.file_row)

        self.summary = QLabel(ImportsPage)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.outer.addWidget(self.summary)

        self.table = QTableView(ImportsPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.outer.addWidget(self.table)

        self.warnings = QPlainTextEdit(ImportsPage)
        self.warnings.setObjectName(u"warnings")
        self.warnings.setReadOnly(True)
        self.warnings.setTabChangesFocus(True)
        self.warnings.setMaximumSize(QSize(16777215, 110))

        self.outer.addWidget(self.warnings)

        self.apply_row = QHBoxLayout()
        self.apply_row.setObjectName(u"apply_row")
        self.apply_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.apply_row.addItem(self.apply_row_spacer)

        self.apply_button = QPushButton(ImportsPage)
        self.apply_button.setObjectName(u"apply_button")
        self.apply_button.setEnabled(False)

        self.apply_row.addWidget(self.apply_button)


        self.outer.addLayout(self.apply_row)

        self.outer.setStretch(3, 1)

        self.retranslateUi(ImportsPage)

        self.apply_button.setDefault(True)


        QMetaObject.connectSlotsByName(ImportsPage)
    # setupUi

    def retranslateUi(self, ImportsPage):
        self.banner_label.setText("")
        self.calendar_button.setText(QCoreApplication.translate("ImportsPage", u"Ch\u1ecdn t\u1ec7p &l\u1ecbch ngh\u1ec9 l\u1ec5\u2026", None))
        self.catalogue_button.setText(QCoreApplication.translate("ImportsPage", u"Ch\u1ecdn t\u1ec7p &danh m\u1ee5c th\u1ee7 t\u1ee5c\u2026", None))
        self.retire_check.setText(QCoreApplication.translate("ImportsPage", u"Ng\u1eebng c\u00e1c th\u1ee7 t\u1ee5c kh\u00f4ng c\u00f3 trong t\u1ec7p (t\u1ec7p l\u00e0 danh m\u1ee5c \u0111\u1ea7&y \u0111\u1ee7)", None))
        self.summary.setText(QCoreApplication.translate("ImportsPage", u"Ch\u1ecdn m\u1ed9t t\u1ec7p \u0111\u1ec3 xem tr\u01b0\u1edbc nh\u1eefng g\u00ec s\u1ebd thay \u0111\u1ed5i.", None))
        self.apply_button.setText(QCoreApplication.translate("ImportsPage", u"&Nh\u1eadp v\u00e0o qu\u1ea7y", None))
        pass
    # retranslateUi

