# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget, QWizard, QWizardPage

class Ui_SetupWizard(object):
    def setupUi(self, SetupWizard):
        if not SetupWizard.objectName():
            SetupWizard.setObjectName(u"SetupWizard")
        SetupWizard.resize(760, 520)
        SetupWizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.page_centre = QWizardPage()
        self.page_centre.setObjectName(u"page_centre")
        self.centre_grid = QGridLayout(self.page_centre)
        self.centre_grid.setObjectName(u"centre_grid")
        self.centre_grid.setVerticalSpacing(3)
        self.centre_name_label = QLabel(self.page_centre)
        self.centre_name_label.setObjectName(u"centre_name_label")

        self.centre_grid.addWidget(self.centre_name_label, 0, 0, 1, 1)

        self.centre_name = QLineEdit(self.page_centre)
        self.centre_name.setObjectName(u"centre_name")

        self.centre_grid.addWidget(self.centre_name, 0, 1, 1, 1)

        self.err_centre_name = QLabel(self.page_centre)
        self.err_centre_name.setObjectName(u"err_centre_name")
        self.err_centre_name.setWordWrap(True)
        self.err_centre_name.setProperty(u"role", u"error")

        self.centre_grid.addWidget(self.err_centre_name, 1, 1, 1, 1)

        self.governing_body_label = QLabel(self.page_centre)
        self.governing_body_label.setObjectName(u"governing_body_label")

        self.centre_grid.addWidget(self.governing_body_label, 2, 0, 1, 1)

        self.governing_body = QLineEdit(self.page_centre)
        self.governing_body.setObjectName(u"governing_body")

        self.centre_grid.addWidget(self.governing_body, 2, 1, 1, 1)

        self.err_governing_body = QLabel(self.page_centre)
        self.err_governing_body.setObjectName(u"err_governing_body")
        self.err_governing_body.setWordWrap(True)
        self.err_governing_body.setProperty(u"role", u"error")

        self.centre_grid.addWidget(self.err_governing_body, 3, 1, 1, 1)

        self.place_name_label = QLabel(self.page_centre)
        self.place_name_label.setObjectName(u"place_name_label")

        self.centre_grid.addWidget(self.place_name_label, 4, 0, 1, 1)

        self.place_name = QLineEdit(self.page_centre)
        self.place_name.setObjectName(u"place_name")

        self.centre_grid.addWidget(self.place_name, 4, 1, 1, 1)

        self.err_place_name = QLabel(self.page_centre)
        self.err_place_name.setObjectName(u"err_place_name")
        self.err_place_name.setWordWrap(True)
        self.err_place_name.setProperty(u"role", u"error")

        self.centre_grid.addWidget(self.err_place_name, 5, 1, 1, 1)

        self.hotline_label = QLabel(self.page_centre)
        self.hotline_label.setObjectName(u"hotline_label")

        self.centre_grid.addWidget(self.hotline_label, 6, 0, 1, 1)

        self.hotline = QLineEdit(self.page_centre)
        self.hotline.setObjectName(u"hotline")

        self.centre_grid.addWidget(self.hotline, 6, 1, 1, 1)

        self.err_hotline = QLabel(self.page_centre)
        self.err_hotline.setObjectName(u"err_hotline")
        self.err_hotline.setWordWrap(True)
        self.err_hotline.setProperty(u"role", u"error")

        self.centre_grid.addWidget(self.err_hotline, 7, 1, 1, 1)

        self.level_label = QLabel(self.page_centre)
        self.level_label.setObjectName(u"level_label")

        self.centre_grid.addWidget(self.level_label, 8, 0, 1, 1)

        self.level = QComboBox(self.page_centre)
        self.level.addItem("")
        self.level.addItem("")
        self.level.setObjectName(u"level")

        self.centre_grid.addWidget(self.level, 8, 1, 1, 1)

        self.err_level = QLabel(self.page_centre)
        self.err_level.setObjectName(u"err_level")
        self.err_level.setWordWrap(True)
        self.err_level.setProperty(u"role", u"error")

        self.centre_grid.addWidget(self.err_level, 9, 1, 1, 1)

        SetupWizard.addPage(self.page_centre)
        self.page_agencies = QWizardPage()
        self.page_agencies.setObjectName(u"page_agencies")
        self.agencies_page_layout = QVBoxLayout(self.page_agencies)
        self.agencies_page_layout.setObjectName(u"agencies_page_layout")
        self.agencies_scroll = QScrollArea(self.page_agencies)
        self.agencies_scroll.setObjectName(u"agencies_scroll")
        self.agencies_scroll.setWidgetResizable(True)
        self.agencies_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agencies_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.agencies_container = QWidget()
        self.agencies_container.setObjectName(u"agencies_container")
        self.agencies_layout = QVBoxLayout(self.agencies_container)
        self.agencies_layout.setObjectName(u"agencies_layout")
        self.agencies_sp = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.agencies_layout.addItem(self.agencies_sp)

        self.agencies_scroll.setWidget(self.agencies_container)

        self.agencies_page_layout.addWidget(self.agencies_scroll)

        self.err_agencies = QLabel(self.page_agencies)
        self.err_agencies.setObjectName(u"err_agencies")
        self.err_agencies.setWordWrap(True)
        self.err_agencies.setProperty(u"role", u"error")

        self.agencies_page_layout.addWidget(self.err_agencies)

        self.agency_buttons = QHBoxLayout()
        self.agency_buttons.setObjectName(u"agency_buttons")
        self.add_agency_button = QPushButton(self.page_agencies)
        self.add_agency_button.setObjectName(u"add_agency_button")
        self.add_agency_button.setAutoDefault(False)

        self.agency_buttons.addWidget(self.add_agency_button)

        self.ab_sp = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agency_buttons.addItem(self.ab_sp)


        self.agencies_page_layout.addLayout(self.agency_buttons)

        SetupWizard.addPage(self.page_agencies)
        self.page_counter = QWizardPage()
        self.page_counter.setObjectName(u"page_counter")
        self.counter_page_layout = QVBoxLayout(self.page_counter)
        self.counter_page_layout.setObjectName(u"counter_page_layout")
        self.counter_grid = QGridLayout()
        self.counter_grid.setObjectName(u"counter_grid")
        self.counter_grid.setVerticalSpacing(3)
        self.counter_name_label = QLabel(self.page_counter)
        self.counter_name_label.setObjectName(u"counter_name_label")

        self.counter_grid.addWidget(self.counter_name_label, 0, 0, 1, 1)

        self.counter_name = QLineEdit(self.page_counter)
        self.counter_name.setObjectName(u"counter_name")

        self.counter_grid.addWidget(self.counter_name, 0, 1, 1, 1)

        self.err_counter_name = QLabel(self.page_counter)
        self.err_counter_name.setObjectName(u"err_counter_name")
        self.err_counter_name.setWordWrap(True)
        self.err_counter_name.setProperty(u"role", u"error")

        self.counter_grid.addWidget(self.err_counter_name, 1, 1, 1, 1)

        self.counter_slot_label = QLabel(self.page_counter)
        self.counter_slot_label.setObjectName(u"counter_slot_label")

        self.counter_grid.addWidget(self.counter_slot_label, 2, 0, 1, 1)

        self.counter_slot = QSpinBox(self.page_counter)
        self.counter_slot.setObjectName(u"counter_slot")
        self.counter_slot.setMinimum(0)
        self.counter_slot.setMaximum(99)
        self.counter_slot.setValue(0)

        self.counter_grid.addWidget(self.counter_slot, 2, 1, 1, 1)

        self.err_counter_slot = QLabel(self.page_counter)
        self.err_counter_slot.setObjectName(u"err_counter_slot")
        self.err_counter_slot.setWordWrap(True)
        self.err_counter_slot.setProperty(u"role", u"error")

        self.counter_grid.addWidget(self.err_counter_slot, 3, 1, 1, 1)


        self.counter_page_layout.addLayout(self.counter_grid)

        self.counter_hint = QLabel(self.page_counter)
        self.counter_hint.setObjectName(u"counter_hint")
        self.counter_hint.setWordWrap(True)
        self.counter_hint.setProperty(u"role", u"hint")

        self.counter_page_layout.addWidget(self.counter_hint)

        self.counter_sp = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.counter_page_layout.addItem(self.counter_sp)

        SetupWizard.addPage(self.page_counter)
        self.page_admin = QWizardPage()
        self.page_admin.setObjectName(u"page_admin")
        self.admin_page_layout = QVBoxLayout(self.page_admin)
        self.admin_page_layout.setObjectName(u"admin_page_layout")
        self.admin_grid = QGridLayout()
        self.admin_grid.setObjectName(u"admin_grid")
        self.admin_grid.setVerticalSpacing(3)
        self.admin_username_label = QLabel(self.page_admin)
        self.admin_username_label.setObjectName(u"admin_username_label")

        self.admin_grid.addWidget(self.admin_username_label, 0, 0, 1, 1)

        self.admin_username = QLineEdit(self.page_admin)
        self.admin_username.setObjectName(u"admin_username")

        self.admin_grid.addWidget(self.admin_username, 0, 1, 1, 1)

        self.err_admin_username = QLabel(self.page_admin)
        self.err_admin_username.setObjectName(u"err_admin_username")
        self.err_admin_username.setWordWrap(True)
        self.err_admin_username.setProperty(u"role", u"error")

        self.admin_grid.addWidget(self.err_admin_username, 1, 1, 1, 1)

        self.admin_full_name_label = QLabel(self.page_admin)
        self.admin_full_name_label.setObjectName(u"admin_full_name_label")

        self.admin_grid.addWidget(self.admin_full_name_label, 2, 0, 1, 1)

        self.admin_full_name = QLineEdit(self.page_admin)
        self.admin_full_name.setObjectName(u"admin_full_name")

        self.admin_grid.addWidget(self.admin_full_name, 2, 1, 1, 1)

        self.err_admin_full_name = QLabel(self.page_admin)
        self.err_admin_full_name.setObjectName(u"err_admin_full_name")
        self.err_admin_full_name.setWordWrap(True)
        self.err_admin_full_name.setProperty(u"role", u"error")

        self.admin_grid.addWidget(self.err_admin_full_name, 3, 1, 1, 1)

        self.admin_password_label = QLabel(self.page_admin)
        self.admin_password_label.setObjectName(u"admin_password_label")

        self.admin_grid.addWidget(self.admin_password_label, 4, 0, 1, 1)

        self.admin_password = QLineEdit(self.page_admin)
        self.admin_password.setObjectName(u"admin_password")
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.admin_grid.addWidget(self.admin_password, 4, 1, 1, 1)

        self.err_admin_password = QLabel(self.page_admin)
        self.err_admin_password.setObjectName(u"err_admin_password")
        self.err_admin_password.setWordWrap(True)
        self.err_admin_password.setProperty(u"role", u"error")

        self.admin_grid.addWidget(self.err_admin_password, 5, 1, 1, 1)

        self.admin_password_confirm_label = QLabel(self.page_admin)
        self.admin_password_confirm_label.setObjectName(u"admin_password_confirm_label")

        self.admin_grid.addWidget(self.admin_password_confirm_label, 6, 0, 1, 1)

        self.admin_password_confirm = QLineEdit(self.page_admin)
        self.admin_password_confirm.setObjectName(u"admin_password_confirm")
        self.admin_password_confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.admin_grid.addWidget(self.admin_password_confirm, 6, 1, 1, 1)

        self.err_admin_password_confirm = QLabel(self.page_admin)
        self.err_admin_password_confirm.setObjectName(u"err_admin_password_confirm")
        self.err_admin_password_confirm.setWordWrap(True)
        self.err_admin_password_confirm.setProperty(u"role", u"error")

        self.admin_grid.addWidget(self.err_admin_password_confirm, 7, 1, 1, 1)


        self.admin_page_layout.addLayout(self.admin_grid)

        self.err_general = QLabel(self.page_admin)
        self.err_general.setObjectName(u"err_general")
        self.err_general.setWordWrap(True)
        self.err_general.setProperty(u"role", u"error")

        self.admin_page_layout.addWidget(self.err_general)

        self.admin_sp = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.admin_page_layout.addItem(self.admin_sp)

        SetupWizard.addPage(self.page_admin)
#if QT_CONFIG(shortcut)
        self.centre_name_label.setBuddy(self.centre_name)
        self.governing_body_label.setBuddy(self.governing_body)
        self.place_name_label.setBuddy(self.place_name)
        self.hotline_label.setBuddy(self.hotline)
        self.level_label.setBuddy(self.level)
        self.counter_name_label.setBuddy(self.counter_name)
        self.counter_slot_label.setBuddy(self.counter_slot)
        self.admin_username_label.setBuddy(self.admin_username)
        self.admin_full_name_label.setBuddy(self.admin_full_name)
        self.admin_password_label.setBuddy(self.admin_password)
        self.admin_password_confirm_label.setBuddy(self.admin_password_confirm)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SetupWizard)

        QMetaObject.connectSlotsByName(SetupWizard)
    # setupUi

    def retranslateUi(self, SetupWizard):
        SetupWizard.setWindowTitle(QCoreApplication.translate("SetupWizard", u"Thi\u1ebft l\u1eadp l\u1ea7n \u0111\u1ea7u \u2014 HCC Desk", None))
        self.page_centre.setTitle(QCoreApplication.translate("SetupWizard", u"Trung t\u00e2m", None))
        self.page_centre.setSubTitle(QCoreApplication.translate("SetupWizard", u"Th\u00f4ng tin in tr\u00ean phi\u1ebfu ti\u1ebfp nh\u1eadn (M\u1eabu 01).", None))
        self.centre_name_label.setText(QCoreApplication.translate("SetupWizard", u"&T\u00ean trung t\u00e2m:", None))
        self.centre_name.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"VD: Trung t\u00e2m Ph\u1ee5c v\u1ee5 h\u00e0nh ch\u00ednh c\u00f4ng th\u00e0nh ph\u1ed1 Hu\u1ebf", None))
        self.err_centre_name.setText("")
        self.governing_body_label.setText(QCoreApplication.translate("SetupWizard", u"C\u01a1 quan &ch\u1ee7 qu\u1ea3n:", None))
        self.governing_body.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"VD: \u1ee6y ban nh\u00e2n d\u00e2n th\u00e0nh ph\u1ed1 Hu\u1ebf", None))
        self.err_governing_body.setText("")
        self.place_name_label.setText(QCoreApplication.translate("SetupWizard", u"\u0110\u1ecb&a danh:", None))
        self.place_name.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"VD: Hu\u1ebf (in \u1edf d\u00f2ng \"Hu\u1ebf, ng\u00e0y \u2026 th\u00e1ng \u2026 n\u0103m \u2026\")", None))
        self.err_place_name.setText("")
        self.hotline_label.setText(QCoreApplication.translate("SetupWizard", u"\u0110\u01b0\u1eddng d\u00e2y &n\u00f3ng:", None))
        self.hotline.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"VD: 0234 3 822 000", None))
        self.err_hotline.setText("")
        self.level_label.setText(QCoreApplication.translate("SetupWizard", u"&C\u1ea5p trung t\u00e2m:", None))
        self.level.setItemText(0, QCoreApplication.translate("SetupWizard", u"C\u1ea5p t\u1ec9nh", None))
        self.level.setItemText(1, QCoreApplication.translate("SetupWizard", u"C\u1ea5p x\u00e3", None))

#if QT_CONFIG(tooltip)
        self.level.setToolTip(QCoreApplication.translate("SetupWizard", u"Trung t\u00e2m c\u1ea5p t\u1ec9nh hay c\u1ea5p x\u00e3 (ch\u00ednh quy\u1ec1n hai c\u1ea5p t\u1eeb 01/7/2025): qu\u1ea7y ch\u1ec9 hi\u1ec7n c\u00e1c th\u1ee7 t\u1ee5c c\u1ee7a c\u1ea5p n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.err_level.setText("")
        self.page_agencies.setTitle(QCoreApplication.translate("SetupWizard", u"C\u01a1 quan gi\u1ea3i quy\u1ebft", None))
        self.page_agencies.setSubTitle(QCoreApplication.translate("SetupWizard", u"C\u00e1c c\u01a1 quan c\u00f3 th\u1ee7 t\u1ee5c \u0111\u01b0\u1ee3c ti\u1ebfp nh\u1eadn t\u1ea1i trung t\u00e2m, m\u1ed7i c\u01a1 quan m\u1ed9t m\u00e3 \u0111\u1ecbnh danh (d\u1ea1ng 000.00.00.H57). Danh s\u00e1ch g\u1ee3i \u00fd l\u1ea5y t\u1eeb danh m\u1ee5c th\u1ee7 t\u1ee5c c\u00f3 s\u1eb5n: s\u1eeda m\u00e3 cho \u0111\u00fang, x\u00f3a c\u01a1 quan kh\u00f4ng c\u00f3 t\u1ea1i trung t\u00e2m.", None))
        self.err_agencies.setText("")
        self.add_agency_button.setText(QCoreApplication.translate("SetupWizard", u"&Th\u00eam c\u01a1 quan", None))
        self.page_counter.setTitle(QCoreApplication.translate("SetupWizard", u"Qu\u1ea7y n\u00e0y", None))
        self.page_counter.setSubTitle(QCoreApplication.translate("SetupWizard", u"T\u00ean v\u00e0 s\u1ed1 th\u1ee9 t\u1ef1 c\u1ee7a qu\u1ea7y \u0111\u1eb7t m\u00e1y n\u00e0y.", None))
        self.counter_name_label.setText(QCoreApplication.translate("SetupWizard", u"&T\u00ean qu\u1ea7y:", None))
        self.counter_name.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"VD: Qu\u1ea7y 1 \u2014 T\u01b0 ph\u00e1p, h\u1ed9 t\u1ecbch", None))
        self.err_counter_name.setText("")
        self.counter_slot_label.setText(QCoreApplication.translate("SetupWizard", u"&S\u1ed1 th\u1ee9 t\u1ef1 qu\u1ea7y:", None))
        self.counter_slot.setSpecialValueText(QCoreApplication.translate("SetupWizard", u"\u2014 ch\u1ecdn \u2014", None))
        self.err_counter_slot.setText("")
        self.counter_hint.setText(QCoreApplication.translate("SetupWizard", u"M\u1ed7i qu\u1ea7y trong trung t\u00e2m c\u1ea7n m\u1ed9t s\u1ed1 th\u1ee9 t\u1ef1 kh\u00e1c nhau, \u0111\u1ec3 m\u00e3 h\u1ed3 s\u01a1 kh\u00f4ng tr\u00f9ng khi c\u00e1c qu\u1ea7y l\u00e0m vi\u1ec7c kh\u00f4ng c\u00f3 m\u1ea1ng: h\u1ecfi qu\u1ea3n tr\u1ecb vi\u00ean s\u1ed1 c\u1ee7a qu\u1ea7y n\u00e0y (l\u00e0 s\u1ed1 ghi k\u00e8m m\u00e3 \u0111\u0103ng k\u00fd tr\u00ean m\u00e1y ch\u1ee7; khi \u0111\u0103ng k\u00fd, m\u00e1y ch\u1ee7 x\u00e1c nh\u1eadn l\u1ea1i s\u1ed1 n\u00e0y). Qu\u1ea7y demo d\u00f9ng s\u1ed1 d\u00e0nh ri\u00eang, kh\u00f4ng tr\u00f9ng v\u1edbi qu\u1ea7y th\u1eadt.", None))
        self.page_admin.setTitle(QCoreApplication.translate("SetupWizard", u"Qu\u1ea3n tr\u1ecb vi\u00ean \u0111\u1ea7u ti\u00ean", None))
        self.page_admin.setSubTitle(QCoreApplication.translate("SetupWizard", u"T\u00e0i kho\u1ea3n n\u00e0y qu\u1ea3n l\u00fd c\u00e1n b\u1ed9, danh m\u1ee5c th\u1ee7 t\u1ee5c v\u00e0 c\u00e0i \u0111\u1eb7t.", None))
        self.admin_username_label.setText(QCoreApplication.translate("SetupWizard", u"&T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.admin_username.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"VD: quantri", None))
        self.err_admin_username.setText("")
        self.admin_full_name_label.setText(QCoreApplication.translate("SetupWizard", u"&H\u1ecd v\u00e0 t\u00ean:", None))
        self.admin_full_name.setPlaceholderText("")
        self.err_admin_full_name.setText("")
        self.admin_password_label.setText(QCoreApplication.translate("SetupWizard", u"&M\u1eadt kh\u1ea9u:", None))
        self.err_admin_password.setText("")
        self.admin_password_confirm_label.setText(QCoreApplication.translate("SetupWizard", u"&Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.err_admin_password_confirm.setText("")
        self.err_general.setText("")
    # retranslateUi

