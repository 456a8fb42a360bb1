# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        CrashDialog.resize(720, 420)
        self.layout = QVBoxLayout(CrashDialog)
        self.layout.setObjectName(u"layout")
        self.message = QLabel(CrashDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.report = QPlainTextEdit(CrashDialog)
        self.report.setObjectName(u"report")
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.layout.addWidget(self.report)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.sp = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.sp)

        self.copy_button = QPushButton(CrashDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.buttons.addWidget(self.copy_button)

        self.close_button = QPushButton(CrashDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons.addWidget(self.close_button)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(CrashDialog)

        self.close_button.setDefault(True)


        QMetaObject.connectSlotsByName(CrashDialog)
    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"L\u1ed7i ngo\u00e0i d\u1ef1 ki\u1ebfn \u2014 HCC Desk", None))
        self.message.setText(QCoreApplication.translate("CrashDialog", u"\u0110\u00e3 x\u1ea3y ra l\u1ed7i ngo\u00e0i d\u1ef1 ki\u1ebfn. D\u1eef li\u1ec7u \u0111ang nh\u1eadp \u0111\u00e3 \u0111\u01b0\u1ee3c l\u01b0u nh\u00e1p. Vui l\u00f2ng sao ch\u00e9p b\u00e1o c\u00e1o d\u01b0\u1edbi \u0111\u00e2y g\u1eedi b\u1ed9 ph\u1eadn k\u1ef9 thu\u1eadt.", None))
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", u"&Sao ch\u00e9p b\u00e1o c\u00e1o", None))
        self.close_button.setText(QCoreApplication.translate("CrashDialog", u"\u0110\u00f3&ng", None))
    # retranslateUi

