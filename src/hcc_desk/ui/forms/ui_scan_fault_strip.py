# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scan_fault_strip.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton

class Ui_FaultStrip(object):
    def setupUi(self, FaultStrip):
        if not FaultStrip.objectName():
            FaultStrip.setObjectName(u"FaultStrip")
        self.outer = QHBoxLayout(FaultStrip)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(FaultStrip)
        self.label.setObjectName(u"label")
        self.label.setWordWrap(True)

        self.outer.addWidget(self.label)

        self.continue_button = QPushButton(FaultStrip)
        self.continue_button.setObjectName(u"continue_button")
        self.continue_button.setAutoDefault(False)

        self.outer.addWidget(self.continue_button)

        self.retry_button = QPushButton(FaultStrip)
        self.retry_button.setObjectName(u"retry_button")
        self.retry_button.setAutoDefault(False)

        self.outer.addWidget(self.retry_button)

        self.close_button = QToolButton(FaultStrip)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setText(u"\u2715")

        self.outer.addWidget(self.close_button)

        self.outer.setStretch(0, 1)

        self.retranslateUi(FaultStrip)

        QMetaObject.connectSlotsByName(FaultStrip)
    # setupUi

    def retranslateUi(self, FaultStrip):
        self.label.setText("")
        self.continue_button.setText(QCoreApplication.translate("FaultStrip", u"Ti\u1ebfp t\u1ee5c qu\u00e9t", None))
        self.retry_button.setText(QCoreApplication.translate("FaultStrip", u"Th\u1eed l\u1ea1i", None))
#if QT_CONFIG(accessibility)
        self.close_button.setAccessibleName(QCoreApplication.translate("FaultStrip", u"\u0110\u00f3ng th\u00f4ng b\u00e1o", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

