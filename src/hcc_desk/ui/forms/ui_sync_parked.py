# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_parked.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLabel, QListView, QVBoxLayout

class Ui_ParkedDialog(object):
    def setupUi(self, ParkedDialog):
        if not ParkedDialog.objectName():
            ParkedDialog.setObjectName(u"ParkedDialog")
        self.outer = QVBoxLayout(ParkedDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(ParkedDialog)
        self.intro.setObjectName(u"intro")

        self.outer.addWidget(self.intro)

        self.list = QListView(ParkedDialog)
        self.list.setObjectName(u"list")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.outer.addWidget(self.list)

        self.buttons = QDialogButtonBox(ParkedDialog)
        self.buttons.setObjectName(u"buttons")

        self.outer.addWidget(self.buttons)


        self.retranslateUi(ParkedDialog)

        QMetaObject.connectSlotsByName(ParkedDialog)
    # setupUi

    def retranslateUi(self, ParkedDialog):
        ParkedDialog.setWindowTitle(QCoreApplication.translate("ParkedDialog", u"H\u1ed3 s\u01a1 b\u1ecb m\u00e1y ch\u1ee7 t\u1eeb ch\u1ed1i", None))
        self.intro.setText(QCoreApplication.translate("ParkedDialog", u"C\u00e1c b\u1ea3n ghi d\u01b0\u1edbi \u0111\u00e2y ch\u01b0a \u0111\u01b0\u1ee3c m\u00e1y ch\u1ee7 nh\u1eadn. S\u1eeda nguy\u00ean nh\u00e2n r\u1ed3i b\u1ea5m Th\u1eed l\u1ea1i; c\u00e1c h\u1ed3 s\u01a1 kh\u00e1c v\u1eabn \u0111\u1ed3ng b\u1ed9 b\u00ecnh th\u01b0\u1eddng.", None))
    # retranslateUi

