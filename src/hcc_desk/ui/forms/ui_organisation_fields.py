# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organisation_fields.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

class Ui_OrganisationFields(object):
    def setupUi(self, OrganisationFields):
        if not OrganisationFields.objectName():
            OrganisationFields.setObjectName(u"OrganisationFields")
        self.grid = QGridLayout(OrganisationFields)
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(3)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(OrganisationFields)
        self.name_label.setObjectName(u"name_label")

        self.grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(OrganisationFields)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 3)

        self.err_name = QLabel(OrganisationFields)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setWordWrap(True)
        self.err_name.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_name, 1, 1, 1, 3)

        self.tax_code_label = QLabel(OrganisationFields)
        self.tax_code_label.setObjectName(u"tax_code_label")

        self.grid.addWidget(self.tax_code_label, 2, 0, 1, 1)

        self.tax_code = QLineEdit(OrganisationFields)
        self.tax_code.setObjectName(u"tax_code")
        self.tax_code.setMaxLength(14)

        self.grid.addWidget(self.tax_code, 2, 1, 1, 1)

        self.phone_label = QLabel(OrganisationFields)
        self.phone_label.setObjectName(u"phone_label")

        self.grid.addWidget(self.phone_label, 2, 2, 1, 1)

        self.phone = QLineEdit(OrganisationFields)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(15)

        self.grid.addWidget(self.phone, 2, 3, 1, 1)

        self.err_tax_code = QLabel(OrganisationFields)
        self.err_tax_code.setObjectName(u"err_tax_code")
        self.err_tax_code.setWordWrap(True)
        self.err_tax_code.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_tax_code, 3, 1, 1, 1)

        self.err_phone = QLabel(OrganisationFields)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setWordWrap(True)
        self.err_phone.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_phone, 3, 3, 1, 1)

        self.email_label = QLabel(OrganisationFields)
        self.email_label.setObjectName(u"email_label")

        self.grid.addWidget(self.email_label, 4, 0, 1, 1)

        self.email = QLineEdit(OrganisationFields)
        self.email.setObjectName(u"email")

        self.grid.addWidget(self.email, 4, 1, 1, 3)

        self.err_email = QLabel(OrganisationFields)
        self.err_email.setObjectName(u"err_email")
        self.err_email.setWordWrap(True)
        self.err_email.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_email, 5, 1, 1, 3)

        self.address_label = QLabel(OrganisationFields)
        self.address_label.setObjectName(u"address_label")

        self.grid.addWidget(self.address_label, 6, 0, 1, 1)

        self.address = QLineEdit(OrganisationFields)
        self.address.setObjectName(u"address")

        self.grid.addWidget(self.address, 6, 1, 1, 3)

        self.err_address = QLabel(OrganisationFields)
        self.err_address.setObjectName(u"err_address")
        self.err_address.setWordWrap(True)
        self.err_address.setProperty(u"role", u"error")

        self.grid.addWidget(self.err_address, 7, 1, 1, 3)

        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(3, 2)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.tax_code_label.setBuddy(self.tax_code)
        self.phone_label.setBuddy(self.phone)
        self.email_label.setBuddy(self.email)
        self.address_label.setBuddy(self.address)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.tax_code)
        QWidget.setTabOrder(self.tax_code, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.address)

        self.retranslateUi(OrganisationFields)

        QMetaObject.connectSlotsByName(OrganisationFields)
    # setupUi

    def retranslateUi(self, OrganisationFields):
        self.name_label.setText(QCoreApplication.translate("OrganisationFields", u"T\u00ean t\u1ed5 ch\u1ee9c:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("OrganisationFields", u"T\u00ean \u0111\u1ea7y \u0111\u1ee7 theo gi\u1ea5y \u0111\u0103ng k\u00fd", None))
        self.err_name.setText("")
        self.tax_code_label.setText(QCoreApplication.translate("OrganisationFields", u"&M\u00e3 s\u1ed1 thu\u1ebf:", None))
        self.tax_code.setPlaceholderText(QCoreApplication.translate("OrganisationFields", u"10 ho\u1eb7c 13 ch\u1eef s\u1ed1", None))
        self.phone_label.setText(QCoreApplication.translate("OrganisationFields", u"\u0110i\u1ec7n tho\u1ea1i:", None))
        self.phone.setPlaceholderText("")
        self.err_tax_code.setText("")
        self.err_phone.setText("")
        self.email_label.setText(QCoreApplication.translate("OrganisationFields", u"Email:", None))
        self.email.setPlaceholderText(QCoreApplication.translate("OrganisationFields", u"Kh\u00f4ng b\u1eaft bu\u1ed9c", None))
        self.err_email.setText("")
        self.address_label.setText(QCoreApplication.translate("OrganisationFields", u"\u0110\u1ecba ch\u1ec9 tr\u1ee5 s\u1edf:", None))
        self.address.setPlaceholderText("")
        self.err_address.setText("")
        pass
    # retranslateUi

