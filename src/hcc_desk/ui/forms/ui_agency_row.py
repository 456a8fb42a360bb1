# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_row.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QToolButton

class Ui_AgencyRow(object):
    def setupUi(self, AgencyRow):
        if not AgencyRow.objectName():
            AgencyRow.setObjectName(u"AgencyRow")
        self.grid = QGridLayout(AgencyRow)
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(AgencyRow)
        self.name_label.setObjectName(u"name_label")

        self.grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(AgencyRow)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.short_name_label = QLabel(AgencyRow)
        self.short_name_label.setObjectName(u"short_name_label")

        self.grid.addWidget(self.short_name_label, 0, 2, 1, 1)

        self.short_name = QLineEdit(AgencyRow)
        self.short_name.setObjectName(u"short_name")
        self.short_name.setMaxLength(20)

        self.grid.addWidget(self.short_name, 0, 3, 1, 1)

        self.unit_code_label = QLabel(AgencyRow)
        self.unit_code_label.setObjectName(u"unit_code_label")

        self.grid.addWidget(self.unit_code_label, 0, 4, 1, 1)

        self.unit_code = QLineEdit(AgencyRow)
        self.unit_code.setObjectName(u"unit_code")
        self.unit_code.setMaxLength(13)

        self.grid.addWidget(self.unit_code, 0, 5, 1, 1)

        self.remove_button = QToolButton(AgencyRow)
        self.remove_button.setObjectName(u"remove_button")

        self.grid.addWidget(self.remove_button, 0, 6, 1, 1)

        self.err_name = QLabel(AgencyRow)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setWordWrap(True)
        self.err_name.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_name, 1, 1, 1, 1)

        self.err_short_name = QLabel(AgencyRow)
        self.err_short_name.setObjectName(u"err_short_name")
        self.err_short_name.setWordWrap(True)
        self.err_short_name.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_short_name, 1, 3, 1, 1)

        self.err_unit_code = QLabel(AgencyRow)
        self.err_unit_code.setObjectName(u"err_unit_code")
        self.err_unit_code.setWordWrap(True)
        self.err_unit_code.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_unit_code, 1, 5, 1, 1)

        self.grid.setColumnStretch(1, 4)
        self.grid.setColumnStretch(3, 1)
        self.grid.setColumnStretch(5, 2)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.short_name_label.setBuddy(self.short_name)
        self.unit_code_label.setBuddy(self.unit_code)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgencyRow)

        QMetaObject.connectSlotsByName(AgencyRow)
    # setupUi

    def retranslateUi(self, AgencyRow):
        self.name_label.setText(QCoreApplication.translate("AgencyRow", u"T\u00ean:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("AgencyRow", u"VD: S\u1edf T\u01b0 ph\u00e1p", None))
        self.short_name_label.setText(QCoreApplication.translate("AgencyRow", u"Vi\u1ebft t\u1eaft:", None))
        self.short_name.setPlaceholderText(QCoreApplication.translate("AgencyRow", u"VD: STP", None))
        self.unit_code_label.setText(QCoreApplication.translate("AgencyRow", u"M\u00e3 \u0111\u1ecbnh danh:", None))
        self.unit_code.setPlaceholderText(QCoreApplication.translate("AgencyRow", u"000.00.00.H57", None))
        self.remove_button.setText(QCoreApplication.translate("AgencyRow", u"X\u00f3a", None))
#if QT_CONFIG(tooltip)
        self.remove_button.setToolTip(QCoreApplication.translate("AgencyRow", u"X\u00f3a c\u01a1 quan n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.err_name.setText("")
        self.err_short_name.setText("")
        self.err_unit_code.setText("")
        pass
    # retranslateUi

