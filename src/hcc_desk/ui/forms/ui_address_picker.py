# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'address_picker.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

class Ui_AddressPicker(object):
    def setupUi(self, AddressPicker):
        if not AddressPicker.objectName():
            AddressPicker.setObjectName(u"AddressPicker")
        self.row = QHBoxLayout(AddressPicker)
        self.row.setObjectName(u"row")
        self.row.setContentsMargins(0, 0, 0, 0)
        self.province_label = QLabel(AddressPicker)
        self.province_label.setObjectName(u"province_label")

        self.row.addWidget(self.province_label)

        self.address_province = QComboBox(AddressPicker)
        self.address_province.setObjectName(u"address_province")
        self.address_province.setMinimumContentsLength(16)

        self.row.addWidget(self.address_province)

        self.commune_label = QLabel(AddressPicker)
        self.commune_label.setObjectName(u"commune_label")

        self.row.addWidget(self.commune_label)

        self.address_commune = QLineEdit(AddressPicker)
        self.address_commune.setObjectName(u"address_commune")

        self.row.addWidget(self.address_commune)

        self.row.setStretch(1, 1)
        self.row.setStretch(3, 2)
#if QT_CONFIG(shortcut)
        self.province_label.setBuddy(self.address_province)
        self.commune_label.setBuddy(self.address_commune)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.address_province, self.address_commune)

        self.retranslateUi(AddressPicker)

        QMetaObject.connectSlotsByName(AddressPicker)
    # setupUi

    def retranslateUi(self, AddressPicker):
        self.province_label.setText(QCoreApplication.translate("AddressPicker", u"T\u1ec9nh/TP:", None))
#if QT_CONFIG(tooltip)
        self.address_province.setToolTip(QCoreApplication.translate("AddressPicker", u"T\u1ec9nh/th\u00e0nh ph\u1ed1 (34 \u0111\u01a1n v\u1ecb t\u1eeb 01/7/2025)", None))
#endif // QT_CONFIG(tooltip)
        self.commune_label.setText(QCoreApplication.translate("AddressPicker", u"X\u00e3/ph\u01b0\u1eddng:", None))
        self.address_commune.setPlaceholderText(QCoreApplication.translate("AddressPicker", u"X\u00e3/ph\u01b0\u1eddng: g\u00f5 t\u00ean kh\u00f4ng d\u1ea5u, vd. phu xuan", None))
        pass
    # retranslateUi

