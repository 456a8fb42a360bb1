# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'admin.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QMetaObject
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

class Ui_AdminView(object):
    def setupUi(self, AdminView):
        if not AdminView.objectName():
            AdminView.setObjectName(u"AdminView")
        self.outer = QVBoxLayout(AdminView)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget(AdminView)
        self.pages.setObjectName(u"pages")

        self.outer.addWidget(self.pages)


        self.retranslateUi(AdminView)

        QMetaObject.connectSlotsByName(AdminView)
    # setupUi

    def retranslateUi(self, AdminView):
        pass
    # retranslateUi

