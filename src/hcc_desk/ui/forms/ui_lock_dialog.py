# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_LockDialog(object):
    def setupUi(self, LockDialog):
        if not LockDialog.objectName():
            LockDialog.setObjectName(u"LockDialog")
        LockDialog.resize(400, 180)
        self.layout = QVBoxLayout(LockDialog)
        self.layout.setObjectName(u"layout")
        self.title_label = QLabel(LockDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setProperty(u"role", u"title")

        self.layout.addWidget(self.title_label)

        self.officer_label = QLabel(LockDialog)
        self.officer_label.setObjectName(u"officer_label")
        self.officer_label.setWordWrap(True)

        self.layout.addWidget(self.officer_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.password_label = QLabel(LockDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(LockDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.password)

        self.error_label = QLabel(LockDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty(u"role", u"error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.error_label)


        self.layout.addLayout(self.form)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.sp = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.sp)

        self.unlock_button = QPushButton(LockDialog)
        self.unlock_button.setObjectName(u"unlock_button")

        self.buttons.addWidget(self.unlock_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LockDialog)

        self.unlock_button.setDefault(True)


        QMetaObject.connectSlotsByName(LockDialog)
    # setupUi

    def retranslateUi(self, LockDialog):
        LockDialog.setWindowTitle(QCoreApplication.translate("LockDialog", u"\u0110\u00e3 kh\u00f3a \u2014 HCC Desk", None))
        self.title_label.setText(QCoreApplication.translate("LockDialog", u"M\u00e0n h\u00ecnh \u0111\u00e3 kh\u00f3a", None))
        self.officer_label.setText("")
        self.password_label.setText(QCoreApplication.translate("LockDialog", u"&M\u1eadt kh\u1ea9u:", None))
        self.error_label.setText("")
        self.unlock_button.setText(QCoreApplication.translate("LockDialog", u"M\u1edf &kh\u00f3a", None))
    # retranslateUi

