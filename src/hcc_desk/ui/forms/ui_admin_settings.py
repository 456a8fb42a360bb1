# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'admin_settings.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QToolButton, QVBoxLayout, QWidget

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.outer = QVBoxLayout(SettingsPage)
        self.outer.setObjectName(u"outer")
        self.banner = QFrame(SettingsPage)
        self.banner.setObjectName(u"banner")
        self.banner.setProperty(u"banner", u"info")
        self.banner_layout = QHBoxLayout(self.banner)
        self.banner_layout.setObjectName(u"banner_layout")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName(u"banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextFormat(Qt.TextFormat.RichText)

        self.banner_layout.addWidget(self.banner_label)

        self.banner_close = QToolButton(self.banner)
        self.banner_close.setObjectName(u"banner_close")
        self.banner_close.setText(u"\u00d7")
        self.banner_close.setAutoRaise(True)

        self.banner_layout.addWidget(self.banner_close)

        self.banner_layout.setStretch(0, 1)

        self.outer.addWidget(self.banner)

        self.scroll = QScrollArea(SettingsPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.column = QVBoxLayout(self.body)
        self.column.setObjectName(u"column")
        self.printing = QGroupBox(self.body)
        self.printing.setObjectName(u"printing")
        self.printing_form = QFormLayout(self.printing)
        self.printing_form.setObjectName(u"printing_form")
        self.printer_label = QLabel(self.printing)
        self.printer_label.setObjectName(u"printer_label")

        self.printing_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.printer_label)

        self.printer_row = QHBoxLayout()
        self.printer_row.setObjectName(u"printer_row")
        self.printer_combo = QComboBox(self.printing)
        self.printer_combo.setObjectName(u"printer_combo")
        self.printer_combo.setEditable(True)

        self.printer_row.addWidget(self.printer_combo)

        self.find_printers_button = QPushButton(self.printing)
        self.find_printers_button.setObjectName(u"find_printers_button")
        self.find_printers_button.setAutoDefault(True)

        self.printer_row.addWidget(self.find_printers_button)

        self.printer_row.setStretch(0, 1)

        self.printing_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.printer_row)

        self.paper_label = QLabel(self.printing)
        self.paper_label.setObjectName(u"paper_label")

        self.printing_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.paper_label)

        self.paper_combo = QComboBox(self.printing)
        self.paper_combo.setObjectName(u"paper_combo")

        self.printing_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.paper_combo)


        self.column.addWidget(self.printing)

        self.desk = QGroupBox(self.body)
        self.desk.setObjectName(u"desk")
        self.desk_form = QFormLayout(self.desk)
        self.desk_form.setObjectName(u"desk_form")
        self.idle_label = QLabel(self.desk)
        self.idle_label.setObjectName(u"idle_label")

        self.desk_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idle_label)

        self.idle_spin = QSpinBox(self.desk)
        self.idle_spin.setObjectName(u"idle_spin")

        self.desk_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.idle_spin)

        self.language_label = QLabel(self.desk)
        self.language_label.setObjectName(u"language_label")

        self.desk_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language_combo = QComboBox(self.desk)
        self.language_combo.setObjectName(u"language_combo")

        self.desk_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.language_combo)


        self.column.addWidget(self.desk)

        self.scan = QGroupBox(self.body)
        self.scan.setObjectName(u"scan")
        self.scan_form = QFormLayout(self.scan)
        self.scan_form.setObjectName(u"scan_form")
        self.device_label = QLabel(self.scan)
        self.device_label.setObjectName(u"device_label")

        self.scan_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.device_label)

        self.device_row = QHBoxLayout()
        self.device_row.setObjectName(u"device_row")
        self.device_combo = QComboBox(self.scan)
        self.device_combo.setObjectName(u"device_combo")
        self.device_combo.setEditable(True)

        self.device_row.addWidget(self.device_combo)

        self.find_scanners_button = QPushButton(self.scan)
        self.find_scanners_button.setObjectName(u"find_scanners_button")
        self.find_scanners_button.setAutoDefault(True)

        self.device_row.addWidget(self.find_scanners_button)

        self.device_row.setStretch(0, 1)

        self.scan_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.device_row)

        self.source_label = QLabel(self.scan)
        self.source_label.setObjectName(u"source_label")

        self.scan_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_combo = QComboBox(self.scan)
        self.source_combo.setObjectName(u"source_combo")

        self.scan_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.source_combo)

        self.resolution_label = QLabel(self.scan)
        self.resolution_label.setObjectName(u"resolution_label")

        self.scan_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resolution_label)

        self.resolution_combo = QComboBox(self.scan)
        self.resolution_combo.setObjectName(u"resolution_combo")

        self.scan_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.resolution_combo)

        self.mode_label = QLabel(self.scan)
        self.mode_label.setObjectName(u"mode_label")

        self.scan_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mode_label)

        self.mode_combo = QComboBox(self.scan)
        self.mode_combo.setObjectName(u"mode_combo")

        self.scan_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mode_combo)


        self.column.addWidget(self.scan)

        self.signing = QGroupBox(self.body)
        self.signing.setObjectName(u"signing")
        self.signing_form = QFormLayout(self.signing)
        self.signing_form.setObjectName(u"signing_form")
        self.pkcs11_lib_label = QLabel(self.signing)
        self.pkcs11_lib_label.setObjectName(u"pkcs11_lib_label")

        self.signing_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pkcs11_lib_label)

        self.pkcs11_lib_edit = QLineEdit(self.signing)
        self.pkcs11_lib_edit.setObjectName(u"pkcs11_lib_edit")

        self.signing_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pkcs11_lib_edit)

        self.slot_label_label = QLabel(self.signing)
        self.slot_label_label.setObjectName(u"slot_label_label")

        self.signing_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.slot_label_label)

        self.slot_label_edit = QLineEdit(self.signing)
        self.slot_label_edit.setObjectName(u"slot_label_edit")

        self.signing_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.slot_label_edit)

        self.key_label_label = QLabel(self.signing)
        self.key_label_label.setObjectName(u"key_label_label")

        self.signing_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.key_label_label)

        self.key_label_edit = QLineEdit(self.signing)
        self.key_label_edit.setObjectName(u"key_label_edit")

        self.signing_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.key_label_edit)

        self.timestamp_url_label = QLabel(self.signing)
        self.timestamp_url_label.setObjectName(u"timestamp_url_label")

        self.signing_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.timestamp_url_label)

        self.timestamp_url_edit = QLineEdit(self.signing)
        self.timestamp_url_edit.setObjectName(u"timestamp_url_edit")

        self.signing_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.timestamp_url_edit)


        self.column.addWidget(self.signing)

        self.column_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column.addItem(self.column_end)

        self.scroll.setWidget(self.body)

        self.outer.addWidget(self.scroll)

        self.error = QLabel(SettingsPage)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.outer.addWidget(self.error)

        self.save_row = QHBoxLayout()
        self.save_row.setObjectName(u"save_row")
        self.save_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.save_row.addItem(self.save_row_spacer)

        self.save_button = QPushButton(SettingsPage)
        self.save_button.setObjectName(u"save_button")

        self.save_row.addWidget(self.save_button)


        self.outer.addLayout(self.save_row)

        self.outer.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.printer_label.setBuddy(self.printer_combo)
        self.paper_label.setBuddy(self.paper_combo)
        self.idle_label.setBuddy(self.idle_spin)
        self.language_label.setBuddy(self.language_combo)
        self.device_label.setBuddy(self.device_combo)
        self.source_label.setBuddy(self.source_combo)
        self.resolution_label.setBuddy(self.resolution_combo)
        self.mode_label.setBuddy(self.mode_combo)
        self.pkcs11_lib_label.setBuddy(self.pkcs11_lib_edit)
        self.slot_label_label.setBuddy(self.slot_label_edit)
        self.key_label_label.setBuddy(self.key_label_edit)
        self.timestamp_url_label.setBuddy(self.timestamp_url_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.banner_label.setText("")
        self.printing.setTitle(QCoreApplication.translate("SettingsPage", u"In phi\u1ebfu", None))
        self.printer_label.setText(QCoreApplication.translate("SettingsPage", u"M\u00e1y &in:", None))
        self.find_printers_button.setText(QCoreApplication.translate("SettingsPage", u"&T\u00ecm m\u00e1y in", None))
        self.paper_label.setText(QCoreApplication.translate("SettingsPage", u"Kh\u1ed5 &gi\u1ea5y:", None))
        self.desk.setTitle(QCoreApplication.translate("SettingsPage", u"Qu\u1ea7y", None))
        self.idle_label.setText(QCoreApplication.translate("SettingsPage", u"T\u1ef1 &kho\u00e1 m\u00e0n h\u00ecnh sau:", None))
        self.idle_spin.setSuffix(QCoreApplication.translate("SettingsPage", u" ph\u00fat", None))
        self.language_label.setText(QCoreApplication.translate("SettingsPage", u"&Ng\u00f4n ng\u1eef:", None))
        self.scan.setTitle(QCoreApplication.translate("SettingsPage", u"M\u00e1y qu\u00e9t", None))
        self.device_label.setText(QCoreApplication.translate("SettingsPage", u"Thi\u1ebft &b\u1ecb:", None))
        self.find_scanners_button.setText(QCoreApplication.translate("SettingsPage", u"T\u00ecm m\u00e1&y qu\u00e9t", None))
        self.source_label.setText(QCoreApplication.translate("SettingsPage", u"Ng&u\u1ed3n gi\u1ea5y:", None))
        self.resolution_label.setText(QCoreApplication.translate("SettingsPage", u"\u0110\u1ed9 p&h\u00e2n gi\u1ea3i:", None))
        self.mode_label.setText(QCoreApplication.translate("SettingsPage", u"Ch\u1ebf \u0111\u1ed9 &m\u00e0u:", None))
        self.signing.setTitle(QCoreApplication.translate("SettingsPage", u"K\u00fd s\u1ed1", None))
        self.pkcs11_lib_label.setText(QCoreApplication.translate("SettingsPage", u"Th\u01b0 vi\u1ec7n &PKCS#11:", None))
        self.pkcs11_lib_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"C:\\Windows\\System32\\\u2026.dll  ho\u1eb7c  /usr/lib/\u2026.so", None))
        self.slot_label_label.setText(QCoreApplication.translate("SettingsPage", u"Nh\u00e3n t&oken:", None))
        self.slot_label_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u0111\u1ec3 tr\u1ed1ng: token duy nh\u1ea5t \u0111ang c\u1eafm", None))
        self.key_label_label.setText(QCoreApplication.translate("SettingsPage", u"Nh\u00e3n kh\u00f3&a k\u00fd:", None))
        self.key_label_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u0111\u1ec3 tr\u1ed1ng: kho\u00e1 k\u00fd \u0111\u1ea7u ti\u00ean c\u00f3 ch\u1ee9ng th\u01b0", None))
        self.timestamp_url_label.setText(QCoreApplication.translate("SettingsPage", u"M\u00e1y ch\u1ee7 &d\u1ea5u th\u1eddi gian:", None))
        self.timestamp_url_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u0111\u1ec3 tr\u1ed1ng: kh\u00f4ng d\u00f9ng (https://\u2026 theo RFC 3161)", None))
        self.error.setText("")
        self.save_button.setText(QCoreApplication.translate("SettingsPage", u"&L\u01b0u c\u00e0i \u0111\u1eb7t", None))
        pass
    # retranslateUi

