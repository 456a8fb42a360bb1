# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

class Ui_RecoveryDialog(object):
    def setupUi(self, RecoveryDialog):
        if not RecoveryDialog.objectName():
            RecoveryDialog.setObjectName(u"RecoveryDialog")
        self.outer = QVBoxLayout(RecoveryDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(RecoveryDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.backup_label = QLabel(RecoveryDialog)
        self.backup_label.setObjectName(u"backup_label")
        self.backup_label.setWordWrap(True)

        self.outer.addWidget(self.backup_label)

        self.unsynced_label = QLabel(RecoveryDialog)
        self.unsynced_label.setObjectName(u"unsynced_label")

        self.outer.addWidget(self.unsynced_label)

        self.unsynced = QPlainTextEdit(RecoveryDialog)
        self.unsynced.setObjectName(u"unsynced")
        self.unsynced.setReadOnly(True)

        self.outer.addWidget(self.unsynced)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.username_label = QLabel(RecoveryDialog)
        self.username_label.setObjectName(u"username_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username = QLineEdit(RecoveryDialog)
        self.username.setObjectName(u"username")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.password_label = QLabel(RecoveryDialog)
        self.password_label.setObjectName(u"password_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(RecoveryDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.outer.addLayout(self.fields)

        self.error_label = QLabel(RecoveryDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty(u"role", u"error")

        self.outer.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(RecoveryDialog)
        self.buttons.setObjectName(u"buttons")

        self.outer.addWidget(self.buttons)

        self.outer.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.unsynced_label.setBuddy(self.unsynced)
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecoveryDialog)

        QMetaObject.connectSlotsByName(RecoveryDialog)
    # setupUi

    def retranslateUi(self, RecoveryDialog):
        RecoveryDialog.setWindowTitle(QCoreApplication.translate("RecoveryDialog", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u b\u1ecb h\u1ecfng \u2014 HCC Desk", None))
        self.intro.setText("")
        self.backup_label.setText("")
        self.unsynced_label.setText(QCoreApplication.translate("RecoveryDialog", u"H\u1ed3 s\u01a1 ch\u01b0a g\u1eedi l\u00ean trung t\u00e2m (c\u1ea7n nh\u1eadp l\u1ea1i n\u1ebfu b\u1ea3n sao l\u01b0u kh\u00f4ng c\u00f3):", None))
        self.username_label.setText(QCoreApplication.translate("RecoveryDialog", u"Qu\u1ea3n tr\u1ecb vi\u00ean:", None))
        self.password_label.setText(QCoreApplication.translate("RecoveryDialog", u"M\u1eadt kh\u1ea9u:", None))
        self.error_label.setText("")
    # retranslateUi

