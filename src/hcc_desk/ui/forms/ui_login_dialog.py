# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(420, 240)
        self.layout = QVBoxLayout(LoginDialog)
        self.layout.setObjectName(u"layout")
        self.centre_label = QLabel(LoginDialog)
        self.centre_label.setObjectName(u"centre_label")
        self.centre_label.setProperty(u"role", u"title")
        self.centre_label.setWordWrap(True)

        self.layout.addWidget(self.centre_label)

        self.hint_label = QLabel(LoginDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setProperty(u"role", u"hint")
        self.hint_label.setWordWrap(True)

        self.layout.addWidget(self.hint_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.username_label = QLabel(LoginDialog)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username = QLineEdit(LoginDialog)
        self.username.setObjectName(u"username")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(LoginDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)

        self.error_label = QLabel(LoginDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty(u"role", u"error")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.error_label)


        self.layout.addLayout(self.form)

        self.vsp = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.vsp)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.sp = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.sp)

        self.quit_button = QPushButton(LoginDialog)
        self.quit_button.setObjectName(u"quit_button")
        self.quit_button.setAutoDefault(False)

        self.buttons.addWidget(self.quit_button)

        self.login_button = QPushButton(LoginDialog)
        self.login_button.setObjectName(u"login_button")

        self.buttons.addWidget(self.login_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.login_button)
        QWidget.setTabOrder(self.login_button, self.quit_button)

        self.retranslateUi(LoginDialog)

        self.login_button.setDefault(True)


        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\u0110\u0103ng nh\u1eadp \u2014 HCC Desk", None))
        self.centre_label.setText(QCoreApplication.translate("LoginDialog", u"HCC Desk", None))
        self.hint_label.setText(QCoreApplication.translate("LoginDialog", u"\u0110\u0103ng nh\u1eadp b\u1eb1ng t\u00e0i kho\u1ea3n c\u00e1n b\u1ed9 ti\u1ebfp nh\u1eadn.", None))
        self.username_label.setText(QCoreApplication.translate("LoginDialog", u"&T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"&M\u1eadt kh\u1ea9u:", None))
        self.error_label.setText("")
        self.quit_button.setText(QCoreApplication.translate("LoginDialog", u"&Tho\u00e1t", None))
        self.login_button.setText(QCoreApplication.translate("LoginDialog", u"\u0110\u0103ng &nh\u1eadp", None))
    # retranslateUi

