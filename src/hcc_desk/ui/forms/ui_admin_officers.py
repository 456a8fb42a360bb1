# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'admin_officers.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QToolButton, QVBoxLayout

class Ui_OfficersPage(object):
    def setupUi(self, OfficersPage):
        if not OfficersPage.objectName():
            OfficersPage.setObjectName(u"OfficersPage")
        self.outer = QVBoxLayout(OfficersPage)
        self.outer.setObjectName(u"outer")
        self.banner = QFrame(OfficersPage)
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

        self.central_note = QLabel(OfficersPage)
        self.central_note.setObjectName(u"central_note")
        self.central_note.setWordWrap(True)
        self.central_note.setProperty(u"role", u"hint")

        self.outer.addWidget(self.central_note)

        self.table = QTableView(OfficersPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.outer.addWidget(self.table)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.add_button = QPushButton(OfficersPage)
        self.add_button.setObjectName(u"add_button")
        self.add_button.setAutoDefault(False)

        self.button_row.addWidget(self.add_button)

        self.reset_button = QPushButton(OfficersPage)
        self.reset_button.setObjectName(u"reset_button")
        self.reset_button.setAutoDefault(False)

        self.button_row.addWidget(self.reset_button)

        self.active_button = QPushButton(OfficersPage)
        self.active_button.setObjectName(u"active_button")
        self.active_button.setAutoDefault(False)

        self.button_row.addWidget(self.active_button)

        self.unlock_button = QPushButton(OfficersPage)
        self.unlock_button.setObjectName(u"unlock_button")
        self.unlock_button.setAutoDefault(False)

        self.button_row.addWidget(self.unlock_button)

        self.reload_button = QPushButton(OfficersPage)
        self.reload_button.setObjectName(u"reload_button")
        self.reload_button.setAutoDefault(False)

        self.button_row.addWidget(self.reload_button)

        self.button_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_row_spacer)


        self.outer.addLayout(self.button_row)

        self.outer.setStretch(2, 1)

        self.retranslateUi(OfficersPage)

        QMetaObject.connectSlotsByName(OfficersPage)
    # setupUi

    def retranslateUi(self, OfficersPage):
        self.banner_label.setText("")
        self.central_note.setText(QCoreApplication.translate("OfficersPage", u"Qu\u1ea7y \u0111\u00e3 \u0111\u0103ng k\u00fd v\u1edbi m\u00e1y ch\u1ee7 trung t\u00e2m: c\u00e1n b\u1ed9 \u0111\u01b0\u1ee3c qu\u1ea3n l\u00fd tr\u00ean m\u00e1y ch\u1ee7 trung t\u00e2m (th\u00eam, kho\u00e1, \u0111\u1eb7t l\u1ea1i m\u1eadt kh\u1ea9u). \u1ede \u0111\u00e2y ch\u1ec9 xem v\u00e0 m\u1edf kho\u00e1 \u0111\u0103ng nh\u1eadp t\u1ea1i qu\u1ea7y.", None))
        self.add_button.setText(QCoreApplication.translate("OfficersPage", u"&Th\u00eam c\u00e1n b\u1ed9\u2026", None))
        self.reset_button.setText(QCoreApplication.translate("OfficersPage", u"\u0110\u1eb7t l\u1ea1i &m\u1eadt kh\u1ea9u\u2026", None))
        self.active_button.setText(QCoreApplication.translate("OfficersPage", u"&Ng\u1eebng ho\u1ea1t \u0111\u1ed9ng", None))
        self.unlock_button.setText(QCoreApplication.translate("OfficersPage", u"M\u1edf &kho\u00e1 \u0111\u0103ng nh\u1eadp", None))
        self.reload_button.setText(QCoreApplication.translate("OfficersPage", u"&L\u00e0m m\u1edbi", None))
        pass
    # retranslateUi

