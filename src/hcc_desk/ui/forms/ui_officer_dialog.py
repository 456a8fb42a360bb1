# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'officer_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_OfficerDialog(object):
    def setupUi(self, OfficerDialog):
        if not OfficerDialog.objectName():
            OfficerDialog.setObjectName(u"OfficerDialog")
        OfficerDialog.setMinimumSize(QSize(460, 0))
        self.outer = QVBoxLayout(OfficerDialog)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.username_label = QLabel(OfficerDialog)
        self.username_label.setObjectName(u"username_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(OfficerDialog)
        self.username_edit.setObjectName(u"username_edit")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.full_name_label = QLabel(OfficerDialog)
        self.full_name_label.setObjectName(u"full_name_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name_edit = QLineEdit(OfficerDialog)
        self.full_name_edit.setObjectName(u"full_name_edit")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.full_name_edit)

        self.role_label = QLabel(OfficerDialog)
        self.role_label.setObjectName(u"role_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(OfficerDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.officer_label = QLabel(OfficerDialog)
        self.officer_label.setObjectName(u"officer_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officer_label)

        self.officer_name = QLabel(OfficerDialog)
        self.officer_name.setObjectName(u"officer_name")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officer_name)

        self.password_label = QLabel(OfficerDialog)
        self.password_label.setObjectName(u"password_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(OfficerDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.confirm_label = QLabel(OfficerDialog)
        self.confirm_label.setObjectName(u"confirm_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(OfficerDialog)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.confirm_edit)


        self.outer.addLayout(self.fields)

        self.hint = QLabel(OfficerDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)
        self.hint.setProperty(u"role", u"hint")

        self.outer.addWidget(self.hint)

        self.error = QLabel(OfficerDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.outer.addWidget(self.error)

        self.buttons = QDialogButtonBox(OfficerDialog)
        self.buttons.setObjectName(u"buttons")

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label.setBuddy(self.full_name_edit)
        self.role_label.setBuddy(self.role_combo)
        self.password_label.setBuddy(self.password_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficerDialog)

        QMetaObject.connectSlotsByName(OfficerDialog)
    # setupUi

    def retranslateUi(self, OfficerDialog):
        self.username_label.setText(QCoreApplication.translate("OfficerDialog", u"&T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.username_edit.setPlaceholderText(QCoreApplication.translate("OfficerDialog", u"vd. lan.nguyen (ch\u1eef th\u01b0\u1eddng kh\u00f4ng d\u1ea5u)", None))
        self.full_name_label.setText(QCoreApplication.translate("OfficerDialog", u"&H\u1ecd v\u00e0 t\u00ean:", None))
        self.role_label.setText(QCoreApplication.translate("OfficerDialog", u"&Vai tr\u00f2:", None))
        self.officer_label.setText(QCoreApplication.translate("OfficerDialog", u"C\u00e1n b\u1ed9:", None))
        self.officer_name.setText("")
        self.password_label.setText(QCoreApplication.translate("OfficerDialog", u"&M\u1eadt kh\u1ea9u:", None))
        self.confirm_label.setText(QCoreApplication.translate("OfficerDialog", u"&Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.hint.setText(QCoreApplication.translate("OfficerDialog", u"\u00cdt nh\u1ea5t 10 k\u00fd t\u1ef1 (qu\u1ea3n tr\u1ecb: 12), kh\u00f4ng tr\u00f9ng t\u00ean \u0111\u0103ng nh\u1eadp, kh\u00f4ng ph\u1ea3i m\u1eadt kh\u1ea9u ph\u1ed5 bi\u1ebfn.", None))
        self.error.setText("")
        pass
    # retranslateUi

