# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'paper_record_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_PaperRecordPanel(object):
    def setupUi(self, PaperRecordPanel):
        if not PaperRecordPanel.objectName():
            PaperRecordPanel.setObjectName(u"PaperRecordPanel")
        self.layout = QVBoxLayout(PaperRecordPanel)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(PaperRecordPanel)
        self.heading.setObjectName(u"heading")
        self.heading.setText(u"")
        self.heading.setWordWrap(True)
        self.heading.setProperty(u"role", u"title")

        self.layout.addWidget(self.heading)

        self.state_label = QLabel(PaperRecordPanel)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setText(u"")
        self.state_label.setWordWrap(True)

        self.layout.addWidget(self.state_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.kind_label = QLabel(PaperRecordPanel)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_cell = QVBoxLayout()
        self.kind_cell.setSpacing(2)
        self.kind_cell.setObjectName(u"kind_cell")
        self.kind_line = QHBoxLayout()
        self.kind_line.setObjectName(u"kind_line")
        self.kind = QComboBox(PaperRecordPanel)
        self.kind.setObjectName(u"kind")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kind.sizePolicy().hasHeightForWidth())
        self.kind.setSizePolicy(sizePolicy)
        self.kind.setEditable(True)
        self.kind.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(24)

        self.kind_line.addWidget(self.kind)

        self.kind_note = QLabel(PaperRecordPanel)
        self.kind_note.setObjectName(u"kind_note")
        self.kind_note.setProperty(u"role", u"hint")

        self.kind_line.addWidget(self.kind_note)

        self.kind_hint = QPushButton(PaperRecordPanel)
        self.kind_hint.setObjectName(u"kind_hint")
        self.kind_hint.setText(u"")
        self.kind_hint.setFlat(True)
        self.kind_hint.setAutoDefault(False)

        self.kind_line.addWidget(self.kind_hint)


        self.kind_cell.addLayout(self.kind_line)

        self.kind_error = QLabel(PaperRecordPanel)
        self.kind_error.setObjectName(u"kind_error")
        self.kind_error.setText(u"")
        self.kind_error.setWordWrap(True)
        self.kind_error.setProperty(u"role", u"error")

        self.kind_cell.addWidget(self.kind_error)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kind_cell)

        self.number_label = QLabel(PaperRecordPanel)
        self.number_label.setObjectName(u"number_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_cell = QVBoxLayout()
        self.number_cell.setSpacing(2)
        self.number_cell.setObjectName(u"number_cell")
        self.number_line = QHBoxLayout()
        self.number_line.setObjectName(u"number_line")
        self.number = QLineEdit(PaperRecordPanel)
        self.number.setObjectName(u"number")
        sizePolicy.setHeightForWidth(self.number.sizePolicy().hasHeightForWidth())
        self.number.setSizePolicy(sizePolicy)

        self.number_line.addWidget(self.number)

        self.number_note = QLabel(PaperRecordPanel)
        self.number_note.setObjectName(u"number_note")
        self.number_note.setProperty(u"role", u"hint")

        self.number_line.addWidget(self.number_note)

        self.number_hint = QPushButton(PaperRecordPanel)
        self.number_hint.setObjectName(u"number_hint")
        self.number_hint.setText(u"")
        self.number_hint.setFlat(True)
        self.number_hint.setAutoDefault(False)

        self.number_line.addWidget(self.number_hint)


        self.number_cell.addLayout(self.number_line)

        self.number_error = QLabel(PaperRecordPanel)
        self.number_error.setObjectName(u"number_error")
        self.number_error.setText(u"")
        self.number_error.setWordWrap(True)
        self.number_error.setProperty(u"role", u"error")

        self.number_cell.addWidget(self.number_error)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.number_cell)

        self.issuer_label = QLabel(PaperRecordPanel)
        self.issuer_label.setObjectName(u"issuer_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuer_label)

        self.issuer_cell = QVBoxLayout()
        self.issuer_cell.setSpacing(2)
        self.issuer_cell.setObjectName(u"issuer_cell")
        self.issuer_line = QHBoxLayout()
        self.issuer_line.setObjectName(u"issuer_line")
        self.issuer = QLineEdit(PaperRecordPanel)
        self.issuer.setObjectName(u"issuer")
        sizePolicy.setHeightForWidth(self.issuer.sizePolicy().hasHeightForWidth())
        self.issuer.setSizePolicy(sizePolicy)

        self.issuer_line.addWidget(self.issuer)

        self.issuer_note = QLabel(PaperRecordPanel)
        self.issuer_note.setObjectName(u"issuer_note")
        self.issuer_note.setProperty(u"role", u"hint")

        self.issuer_line.addWidget(self.issuer_note)

        self.issuer_hint = QPushButton(PaperRecordPanel)
        self.issuer_hint.setObjectName(u"issuer_hint")
        self.issuer_hint.setText(u"")
        self.issuer_hint.setFlat(True)
        self.issuer_hint.setAutoDefault(False)

        self.issuer_line.addWidget(self.issuer_hint)


        self.issuer_cell.addLayout(self.issuer_line)

        self.issuer_error = QLabel(PaperRecordPanel)
        self.issuer_error.setObjectName(u"issuer_error")
        self.issuer_error.setText(u"")
        self.issuer_error.setWordWrap(True)
        self.issuer_error.setProperty(u"role", u"error")

        self.issuer_cell.addWidget(self.issuer_error)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.issuer_cell)

        self.issued_on_label = QLabel(PaperRecordPanel)
        self.issued_on_label.setObjectName(u"issued_on_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issued_on_label)

        self.issued_on_cell = QVBoxLayout()
        self.issued_on_cell.setSpacing(2)
        self.issued_on_cell.setObjectName(u"issued_on_cell")
        self.issued_on_line = QHBoxLayout()
        self.issued_on_line.setObjectName(u"issued_on_line")
        self.issued_on = QLineEdit(PaperRecordPanel)
        self.issued_on.setObjectName(u"issued_on")
        sizePolicy.setHeightForWidth(self.issued_on.sizePolicy().hasHeightForWidth())
        self.issued_on.setSizePolicy(sizePolicy)

        self.issued_on_line.addWidget(self.issued_on)

        self.issued_on_note = QLabel(PaperRecordPanel)
        self.issued_on_note.setObjectName(u"issued_on_note")
        self.issued_on_note.setProperty(u"role", u"hint")

        self.issued_on_line.addWidget(self.issued_on_note)

        self.issued_on_hint = QPushButton(PaperRecordPanel)
        self.issued_on_hint.setObjectName(u"issued_on_hint")
        self.issued_on_hint.setText(u"")
        self.issued_on_hint.setFlat(True)
        self.issued_on_hint.setAutoDefault(False)

        self.issued_on_line.addWidget(self.issued_on_hint)


        self.issued_on_cell.addLayout(self.issued_on_line)

        self.issued_on_error = QLabel(PaperRecordPanel)
        self.issued_on_error.setObjectName(u"issued_on_error")
        self.issued_on_error.setText(u"")
        self.issued_on_error.setWordWrap(True)
        self.issued_on_error.setProperty(u"role", u"error")

        self.issued_on_cell.addWidget(self.issued_on_error)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.issued_on_cell)

        self.valid_until_label = QLabel(PaperRecordPanel)
        self.valid_until_label.setObjectName(u"valid_until_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.valid_until_label)

        self.valid_until_cell = QVBoxLayout()
        self.valid_until_cell.setSpacing(2)
        self.valid_until_cell.setObjectName(u"valid_until_cell")
        self.valid_until_line = QHBoxLayout()
        self.valid_until_line.setObjectName(u"valid_until_line")
        self.valid_until = QLineEdit(PaperRecordPanel)
        self.valid_until.setObjectName(u"valid_until")
        sizePolicy.setHeightForWidth(self.valid_until.sizePolicy().hasHeightForWidth())
        self.valid_until.setSizePolicy(sizePolicy)

        self.valid_until_line.addWidget(self.valid_until)

        self.valid_until_note = QLabel(PaperRecordPanel)
        self.valid_until_note.setObjectName(u"valid_until_note")
        self.valid_until_note.setProperty(u"role", u"hint")

        self.valid_until_line.addWidget(self.valid_until_note)

        self.valid_until_hint = QPushButton(PaperRecordPanel)
        self.valid_until_hint.setObjectName(u"valid_until_hint")
        self.valid_until_hint.setText(u"")
        self.valid_until_hint.setFlat(True)
        self.valid_until_hint.setAutoDefault(False)

        self.valid_until_line.addWidget(self.valid_until_hint)


        self.valid_until_cell.addLayout(self.valid_until_line)

        self.valid_until_error = QLabel(PaperRecordPanel)
        self.valid_until_error.setObjectName(u"valid_until_error")
        self.valid_until_error.setText(u"")
        self.valid_until_error.setWordWrap(True)
        self.valid_until_error.setProperty(u"role", u"error")

        self.valid_until_cell.addWidget(self.valid_until_error)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.valid_until_cell)

        self.owner_id_number_label = QLabel(PaperRecordPanel)
        self.owner_id_number_label.setObjectName(u"owner_id_number_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.owner_id_number_label)

        self.owner_id_number_cell = QVBoxLayout()
        self.owner_id_number_cell.setSpacing(2)
        self.owner_id_number_cell.setObjectName(u"owner_id_number_cell")
        self.owner_id_number_line = QHBoxLayout()
        self.owner_id_number_line.setObjectName(u"owner_id_number_line")
        self.owner_id_number = QLineEdit(PaperRecordPanel)
        self.owner_id_number.setObjectName(u"owner_id_number")
        sizePolicy.setHeightForWidth(self.owner_id_number.sizePolicy().hasHeightForWidth())
        self.owner_id_number.setSizePolicy(sizePolicy)

        self.owner_id_number_line.addWidget(self.owner_id_number)

        self.owner_id_number_note = QLabel(PaperRecordPanel)
        self.owner_id_number_note.setObjectName(u"owner_id_number_note")
        self.owner_id_number_note.setProperty(u"role", u"hint")

        self.owner_id_number_line.addWidget(self.owner_id_number_note)

        self.owner_id_number_hint = QPushButton(PaperRecordPanel)
        self.owner_id_number_hint.setObjectName(u"owner_id_number_hint")
        self.owner_id_number_hint.setText(u"")
        self.owner_id_number_hint.setFlat(True)
        self.owner_id_number_hint.setAutoDefault(False)

        self.owner_id_number_line.addWidget(self.owner_id_number_hint)


        self.owner_id_number_cell.addLayout(self.owner_id_number_line)

        self.owner_id_number_error = QLabel(PaperRecordPanel)
        self.owner_id_number_error.setObjectName(u"owner_id_number_error")
        self.owner_id_number_error.setText(u"")
        self.owner_id_number_error.setWordWrap(True)
        self.owner_id_number_error.setProperty(u"role", u"error")

        self.owner_id_number_cell.addWidget(self.owner_id_number_error)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.owner_id_number_cell)


        self.layout.addLayout(self.form)

        self.message_label = QLabel(PaperRecordPanel)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setText(u"")
        self.message_label.setWordWrap(True)

        self.layout.addWidget(self.message_label)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.confirm_button = QPushButton(PaperRecordPanel)
        self.confirm_button.setObjectName(u"confirm_button")
        self.confirm_button.setAutoDefault(False)

        self.buttons.addWidget(self.confirm_button)


        self.layout.addLayout(self.buttons)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.number_label.setBuddy(self.number)
        self.issuer_label.setBuddy(self.issuer)
        self.issued_on_label.setBuddy(self.issued_on)
        self.valid_until_label.setBuddy(self.valid_until)
        self.owner_id_number_label.setBuddy(self.owner_id_number)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.number)
        QWidget.setTabOrder(self.number, self.issuer)
        QWidget.setTabOrder(self.issuer, self.issued_on)
        QWidget.setTabOrder(self.issued_on, self.valid_until)
        QWidget.setTabOrder(self.valid_until, self.owner_id_number)
        QWidget.setTabOrder(self.owner_id_number, self.confirm_button)

        self.retranslateUi(PaperRecordPanel)

        QMetaObject.connectSlotsByName(PaperRecordPanel)
    # setupUi

    def retranslateUi(self, PaperRecordPanel):
        self.kind_label.setText(QCoreApplication.translate("PaperRecordPanel", u"&Lo\u1ea1i gi\u1ea5y t\u1edd:", None))
        self.kind_note.setText(QCoreApplication.translate("PaperRecordPanel", u"g\u1ee3i \u00fd t\u1eeb OCR \u2014 h\u00e3y ki\u1ec3m tra", None))
        self.number_label.setText(QCoreApplication.translate("PaperRecordPanel", u"&S\u1ed1 hi\u1ec7u:", None))
        self.number_note.setText(QCoreApplication.translate("PaperRecordPanel", u"g\u1ee3i \u00fd t\u1eeb OCR \u2014 h\u00e3y ki\u1ec3m tra", None))
        self.issuer_label.setText(QCoreApplication.translate("PaperRecordPanel", u"C\u01a1 &quan c\u1ea5p:", None))
        self.issuer_note.setText(QCoreApplication.translate("PaperRecordPanel", u"g\u1ee3i \u00fd t\u1eeb OCR \u2014 h\u00e3y ki\u1ec3m tra", None))
        self.issued_on_label.setText(QCoreApplication.translate("PaperRecordPanel", u"&Ng\u00e0y c\u1ea5p:", None))
        self.issued_on.setPlaceholderText(QCoreApplication.translate("PaperRecordPanel", u"dd/mm/yyyy", None))
        self.issued_on_note.setText(QCoreApplication.translate("PaperRecordPanel", u"g\u1ee3i \u00fd t\u1eeb OCR \u2014 h\u00e3y ki\u1ec3m tra", None))
        self.valid_until_label.setText(QCoreApplication.translate("PaperRecordPanel", u"C\u00f3 &gi\u00e1 tr\u1ecb \u0111\u1ebfn:", None))
        self.valid_until.setPlaceholderText(QCoreApplication.translate("PaperRecordPanel", u"dd/mm/yyyy (\u0111\u1ec3 tr\u1ed1ng: kh\u00f4ng h\u1ebft h\u1ea1n)", None))
        self.valid_until_note.setText(QCoreApplication.translate("PaperRecordPanel", u"g\u1ee3i \u00fd t\u1eeb OCR \u2014 h\u00e3y ki\u1ec3m tra", None))
        self.owner_id_number_label.setText(QCoreApplication.translate("PaperRecordPanel", u"S\u1ed1 \u0111\u1ecbnh &danh ng\u01b0\u1eddi \u0111\u01b0\u1ee3c c\u1ea5p:", None))
        self.owner_id_number.setPlaceholderText(QCoreApplication.translate("PaperRecordPanel", u"12 ch\u1eef s\u1ed1 (ho\u1eb7c CMND 9 s\u1ed1)", None))
        self.owner_id_number_note.setText(QCoreApplication.translate("PaperRecordPanel", u"g\u1ee3i \u00fd t\u1eeb OCR \u2014 h\u00e3y ki\u1ec3m tra", None))
        self.confirm_button.setText(QCoreApplication.translate("PaperRecordPanel", u"&X\u00e1c nh\u1eadn (Ctrl+Enter)", None))
        pass
    # retranslateUi

