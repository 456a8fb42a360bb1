# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_indicator.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QMetaObject, QSize
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton

class Ui_SyncIndicator(object):
    def setupUi(self, SyncIndicator):
        if not SyncIndicator.objectName():
            SyncIndicator.setObjectName(u"SyncIndicator")
        self.row = QHBoxLayout(SyncIndicator)
        self.row.setObjectName(u"row")
        self.row.setContentsMargins(4, 0, 4, 0)
        self.button = QToolButton(SyncIndicator)
        self.button.setObjectName(u"button")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAutoRaise(True)

        self.row.addWidget(self.button)

        self.progress = QProgressBar(SyncIndicator)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximumSize(QSize(140, 16777215))
        self.progress.setTextVisible(True)

        self.row.addWidget(self.progress)


        self.retranslateUi(SyncIndicator)

        QMetaObject.connectSlotsByName(SyncIndicator)
    # setupUi

    def retranslateUi(self, SyncIndicator):
        pass
    # retranslateUi

