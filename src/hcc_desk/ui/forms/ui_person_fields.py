# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_fields.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

class Ui_PersonFields(object):
    def setupUi(self, PersonFields):
        if not PersonFields.objectName():
            PersonFields.setObjectName(u"PersonFields")
        self.grid = QGridLayout(PersonFields)
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(3)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.full_name_label = QLabel(PersonFields)
        self.full_name_label.setObjectName(u"full_name_label")

        self.grid.addWidget(self.full_name_label, 0, 0, 1, 1)

        self.full_name = QLineEdit(PersonFields)
        self.full_name.setObjectName(u"full_name")

        self.grid.addWidget(self.full_name, 0, 1, 1, 3)

        self.err_full_name = QLabel(PersonFields)
        self.err_full_name.setObjectName(u"err_full_name")
        self.err_full_name.setWordWrap(True)
        self.err_full_name.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_full_name, 1, 1, 1, 3)

        self.id_number_label = QLabel(PersonFields)
        self.id_number_label.setObjectName(u"id_number_label")

        self.grid.addWidget(self.id_number_label, 2, 0, 1, 1)

        self.id_number = QLineEdit(PersonFields)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(12)

        self.grid.addWidget(self.id_number, 2, 1, 1, 1)

        self.old_id_number_label = QLabel(PersonFields)
        self.old_id_number_label.setObjectName(u"old_id_number_label")

        self.grid.addWidget(self.old_id_number_label, 2, 2, 1, 1)

        self.old_id_number = QLineEdit(PersonFields)
        self.old_id_number.setObjectName(u"old_id_number")
        self.old_id_number.setMaxLength(12)

        self.grid.addWidget(self.old_id_number, 2, 3, 1, 1)

        self.err_id_number = QLabel(PersonFields)
        self.err_id_number.setObjectName(u"err_id_number")
        self.err_id_number.setWordWrap(True)
        self.err_id_number.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_id_number, 3, 1, 1, 1)

        self.err_old_id_number = QLabel(PersonFields)
        self.err_old_id_number.setObjectName(u"err_old_id_number")
        self.err_old_id_number.setWordWrap(True)
        self.err_old_id_number.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_old_id_number, 3, 3, 1, 1)

        self.date_of_birth_label = QLabel(PersonFields)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.grid.addWidget(self.date_of_birth_label, 4, 0, 1, 1)

        self.date_of_birth = QLineEdit(PersonFields)
        self.date_of_birth.setObjectName(u"date_of_birth")
        self.date_of_birth.setMaxLength(10)

        self.grid.addWidget(self.date_of_birth, 4, 1, 1, 1)

        self.sex_label = QLabel(PersonFields)
        self.sex_label.setObjectName(u"sex_label")

        self.grid.addWidget(self.sex_label, 4, 2, 1, 1)

        self.sex = QComboBox(PersonFields)
        self.sex.addItem("")
        self.sex.addItem("")
        self.sex.addItem("")
        self.sex.setObjectName(u"sex")

        self.grid.addWidget(self.sex, 4, 3, 1, 1)

        self.err_date_of_birth = QLabel(PersonFields)
        self.err_date_of_birth.setObjectName(u"err_date_of_birth")
        self.err_date_of_birth.setWordWrap(True)
        self.err_date_of_birth.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_date_of_birth, 5, 1, 1, 1)

        self.err_sex = QLabel(PersonFields)
        self.err_sex.setObjectName(u"err_sex")
        self.err_sex.setWordWrap(True)
        self.err_sex.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_sex, 5, 3, 1, 1)

        self.phone_label = QLabel(PersonFields)
        self.phone_label.setObjectName(u"phone_label")

        self.grid.addWidget(self.phone_label, 6, 0, 1, 1)

        self.phone = QLineEdit(PersonFields)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(15)

        self.grid.addWidget(self.phone, 6, 1, 1, 1)

        self.email_label = QLabel(PersonFields)
        self.email_label.setObjectName(u"email_label")

        self.grid.addWidget(self.email_label, 6, 2, 1, 1)

        self.email = QLineEdit(PersonFields)
        self.email.setObjectName(u"email")

        self.grid.addWidget(self.email, 6, 3, 1, 1)

        self.err_phone = QLabel(PersonFields)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setWordWrap(True)
        self.err_phone.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_phone, 7, 1, 1, 1)

        self.err_email = QLabel(PersonFields)
        self.err_email.setObjectName(u"err_email")
        self.err_email.setWordWrap(True)
        self.err_email.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_email, 7, 3, 1, 1)

        self.address_label = QLabel(PersonFields)
        self.address_label.setObjectName(u"address_label")

        self.grid.addWidget(self.address_label, 8, 0, 1, 1)

        self.address = QLineEdit(PersonFields)
        self.address.setObjectName(u"address")

        self.grid.addWidget(self.address, 8, 1, 1, 3)

        self.err_address = QLabel(PersonFields)
        self.err_address.setObjectName(u"err_address")
        self.err_address.setWordWrap(True)
        self.err_address.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_address, 9, 1, 1, 3)

        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(3, 2)
#if QT_CONFIG(shortcut)
        self.full_name_label.setBuddy(self.full_name)
        self.id_number_label.setBuddy(self.id_number)
        self.old_id_number_label.setBuddy(self.old_id_number)
        self.date_of_birth_label.setBuddy(self.date_of_birth)
        self.sex_label.setBuddy(self.sex)
        self.phone_label.setBuddy(self.phone)
        self.email_label.setBuddy(self.email)
        self.address_label.setBuddy(self.address)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.full_name, self.id_number)
        QWidget.setTabOrder(self.id_number, self.old_id_number)
        QWidget.setTabOrder(self.old_id_number, self.date_of_birth)
        QWidget.setTabOrder(self.date_of_birth, self.sex)
        QWidget.setTabOrder(self.sex, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.address)

        self.retranslateUi(PersonFields)

        QMetaObject.connectSlotsByName(PersonFields)
    # setupUi

    def retranslateUi(self, PersonFields):
        self.full_name_label.setText(QCoreApplication.translate("PersonFields", u"H\u1ecd v\u00e0 &t\u00ean:", None))
        self.full_name.setPlaceholderText(QCoreApplication.translate("PersonFields", u"Nh\u01b0 tr\u00ean gi\u1ea5y t\u1edd t\u00f9y th\u00e2n", None))
        self.err_full_name.setText("")
        self.id_number_label.setText(QCoreApplication.translate("PersonFields", u"S\u1ed1 \u0111\u1ecbnh &danh:", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("PersonFields", u"12 ch\u1eef s\u1ed1", None))
        self.old_id_number_label.setText(QCoreApplication.translate("PersonFields", u"S\u1ed1 CMND c\u0169:", None))
        self.old_id_number.setPlaceholderText(QCoreApplication.translate("PersonFields", u"N\u1ebfu c\u00f3", None))
        self.err_id_number.setText("")
        self.err_old_id_number.setText("")
        self.date_of_birth_label.setText(QCoreApplication.translate("PersonFields", u"Ng\u00e0y &sinh:", None))
        self.date_of_birth.setPlaceholderText(QCoreApplication.translate("PersonFields", u"dd/mm/yyyy", None))
        self.sex_label.setText(QCoreApplication.translate("PersonFields", u"&Gi\u1edbi t\u00ednh:", None))
        self.sex.setItemText(0, QCoreApplication.translate("PersonFields", u"\u2014", None))
        self.sex.setItemText(1, QCoreApplication.translate("PersonFields", u"Nam", None))
        self.sex.setItemText(2, QCoreApplication.translate("PersonFields", u"N\u1eef", None))

        self.err_date_of_birth.setText("")
        self.err_sex.setText("")
        self.phone_label.setText(QCoreApplication.translate("PersonFields", u"\u0110i\u1ec7n th&o\u1ea1i:", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("PersonFields", u"VD: 0912345678", None))
        self.email_label.setText(QCoreApplication.translate("PersonFields", u"&Email:", None))
        self.email.setPlaceholderText(QCoreApplication.translate("PersonFields", u"Kh\u00f4ng b\u1eaft bu\u1ed9c", None))
        self.err_phone.setText("")
        self.err_email.setText("")
        self.address_label.setText(QCoreApplication.translate("PersonFields", u"\u0110\u1ecb&a ch\u1ec9:", None))
        self.address.setPlaceholderText(QCoreApplication.translate("PersonFields", u"S\u1ed1 nh\u00e0, \u0111\u01b0\u1eddng, ph\u01b0\u1eddng/x\u00e3, t\u1ec9nh/th\u00e0nh ph\u1ed1", None))
        self.err_address.setText("")
        pass
    # retranslateUi

