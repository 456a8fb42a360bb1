# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scan_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from hcc_desk.ui.capture.fault_strip import FaultStrip

class Ui_ScanPanel(object):
    def setupUi(self, ScanPanel):
        if not ScanPanel.objectName():
            ScanPanel.setObjectName(u"ScanPanel")
        self.outer = QVBoxLayout(ScanPanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(ScanPanel)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)

        self.outer.addWidget(self.title)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.scan_button = QPushButton(ScanPanel)
        self.scan_button.setObjectName(u"scan_button")
        self.scan_button.setAutoDefault(False)

        self.actions.addWidget(self.scan_button)

        self.files_button = QPushButton(ScanPanel)
        self.files_button.setObjectName(u"files_button")
        self.files_button.setAutoDefault(False)

        self.actions.addWidget(self.files_button)

        self.cancel_button = QPushButton(ScanPanel)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.actions.addWidget(self.cancel_button)

        self.progress = QProgressBar(ScanPanel)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximumSize(QSize(160, 16777215))
        self.progress.setMaximum(100)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

        self.actions.addWidget(self.progress)

        self.status = QLabel(ScanPanel)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)
        self.status.setProperty(u"role", u"hint")

        self.actions.addWidget(self.status)

        self.actions.setStretch(4, 1)

        self.outer.addLayout(self.actions)

        self.faults = FaultStrip(ScanPanel)
        self.faults.setObjectName(u"faults")

        self.outer.addWidget(self.faults)


        self.retranslateUi(ScanPanel)

        QMetaObject.connectSlotsByName(ScanPanel)
    # setupUi

    def retranslateUi(self, ScanPanel):
        self.title.setText("")
#if QT_CONFIG(tooltip)
        self.scan_button.setToolTip(QCoreApplication.translate("ScanPanel", u"Qu\u00e9t gi\u1ea5y t\u1edd \u0111ang ch\u1ecdn (F7). V\u1edbi khay n\u1ea1p gi\u1ea5y, qu\u00e9t \u0111\u1ebfn khi h\u1ebft gi\u1ea5y.", None))
#endif // QT_CONFIG(tooltip)
        self.scan_button.setText(QCoreApplication.translate("ScanPanel", u"Qu\u00e9t (F7)", None))
#if QT_CONFIG(tooltip)
        self.files_button.setToolTip(QCoreApplication.translate("ScanPanel", u"Th\u00eam trang t\u1eeb t\u1ec7p PDF, JPEG, PNG, TIFF (Ctrl+O); c\u0169ng c\u00f3 th\u1ec3 k\u00e9o th\u1ea3 t\u1ec7p v\u00e0o \u0111\u00e2y.", None))
#endif // QT_CONFIG(tooltip)
        self.files_button.setText(QCoreApplication.translate("ScanPanel", u"Th\u00eam t\u1ec7p\u2026", None))
#if QT_CONFIG(tooltip)
        self.cancel_button.setToolTip(QCoreApplication.translate("ScanPanel", u"D\u1eebng sau trang \u0111ang qu\u00e9t (Shift+F7); c\u00e1c trang \u0111\u00e3 qu\u00e9t \u0111\u01b0\u1ee3c gi\u1eef.", None))
#endif // QT_CONFIG(tooltip)
        self.cancel_button.setText(QCoreApplication.translate("ScanPanel", u"D\u1eebng qu\u00e9t", None))
        self.status.setText("")
        pass
    # retranslateUi

