# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_SignDialog(object):
    def setupUi(self, SignDialog):
        if not SignDialog.objectName():
            SignDialog.setObjectName(u"SignDialog")
        SignDialog.resize(480, 240)
        self.layout = QVBoxLayout(SignDialog)
        self.layout.setObjectName(u"layout")
        self.what_label = QLabel(SignDialog)
        self.what_label.setObjectName(u"what_label")
        self.what_label.setWordWrap(True)
        self.what_label.setProperty(u"role", u"title")

        self.layout.addWidget(self.what_label)

        self.signer_label = QLabel(SignDialog)
        self.signer_label.setObjectName(u"signer_label")
        self.signer_label.setWordWrap(True)

        self.layout.addWidget(self.signer_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.pin_label = QLabel(SignDialog)
        self.pin_label.setObjectName(u"pin_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pin_label)

        self.pin = QLineEdit(SignDialog)
        self.pin.setObjectName(u"pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pin)


        self.layout.addLayout(self.form)

        self.status_label = QLabel(SignDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.status_label)

        self.error_label = QLabel(SignDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty(u"role", u"error")

        self.layout.addWidget(self.error_label)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.ok_button = QPushButton(SignDialog)
        self.ok_button.setObjectName(u"ok_button")

        self.buttons.addWidget(self.ok_button)

        self.cancel_button = QPushButton(SignDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons.addWidget(self.cancel_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.pin_label.setBuddy(self.pin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pin, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)

        self.retranslateUi(SignDialog)

        self.ok_button.setDefault(True)


        QMetaObject.connectSlotsByName(SignDialog)
    # setupUi

    def retranslateUi(self, SignDialog):
        SignDialog.setWindowTitle(QCoreApplication.translate("SignDialog", u"K\u00fd s\u1ed1", None))
        self.what_label.setText("")
        self.signer_label.setText("")
        self.pin_label.setText(QCoreApplication.translate("SignDialog", u"&M\u00e3 PIN c\u1ee7a token:", None))
#if QT_CONFIG(accessibility)
        self.pin.setAccessibleName(QCoreApplication.translate("SignDialog", u"M\u00e3 PIN c\u1ee7a token", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText("")
        self.error_label.setText("")
        self.ok_button.setText(QCoreApplication.translate("SignDialog", u"&K\u00fd s\u1ed1", None))
        self.cancel_button.setText(QCoreApplication.translate("SignDialog", u"H\u1ee7y", None))
    # retranslateUi

