# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'return_desk.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QToolButton, QVBoxLayout

class Ui_ReturnDeskView(object):
    def setupUi(self, ReturnDeskView):
        if not ReturnDeskView.objectName():
            ReturnDeskView.setObjectName(u"ReturnDeskView")
        self.outer = QVBoxLayout(ReturnDeskView)
        self.outer.setObjectName(u"outer")
        self.code_row = QHBoxLayout()
        self.code_row.setObjectName(u"code_row")
        self.code_label = QLabel(ReturnDeskView)
        self.code_label.setObjectName(u"code_label")

        self.code_row.addWidget(self.code_label)

        self.code_edit = QLineEdit(ReturnDeskView)
        self.code_edit.setObjectName(u"code_edit")
        self.code_edit.setClearButtonEnabled(True)

        self.code_row.addWidget(self.code_edit)

        self.open_button = QPushButton(ReturnDeskView)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setAutoDefault(False)

        self.code_row.addWidget(self.open_button)

        self.code_row.setStretch(1, 1)

        self.outer.addLayout(self.code_row)

        self.banner = QFrame(ReturnDeskView)
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

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.card_box = QGroupBox(ReturnDeskView)
        self.card_box.setObjectName(u"card_box")
        self.card_form = QFormLayout(self.card_box)
        self.card_form.setObjectName(u"card_form")
        self.code_caption = QLabel(self.card_box)
        self.code_caption.setObjectName(u"code_caption")

        self.card_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_caption)

        self.code_value = QLabel(self.card_box)
        self.code_value.setObjectName(u"code_value")
        self.code_value.setProperty(u"role", u"code")
        self.code_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.card_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code_value)

        self.applicant_caption = QLabel(self.card_box)
        self.applicant_caption.setObjectName(u"applicant_caption")

        self.card_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.applicant_caption)

        self.applicant_value = QLabel(self.card_box)
        self.applicant_value.setObjectName(u"applicant_value")
        self.applicant_value.setWordWrap(True)

        self.card_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.applicant_value)

        self.owner_caption = QLabel(self.card_box)
        self.owner_caption.setObjectName(u"owner_caption")

        self.card_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.owner_caption)

        self.owner_value = QLabel(self.card_box)
        self.owner_value.setObjectName(u"owner_value")
        self.owner_value.setWordWrap(True)

        self.card_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.owner_value)

        self.procedure_caption = QLabel(self.card_box)
        self.procedure_caption.setObjectName(u"procedure_caption")

        self.card_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.procedure_caption)

        self.procedure_value = QLabel(self.card_box)
        self.procedure_value.setObjectName(u"procedure_value")
        self.procedure_value.setWordWrap(True)

        self.card_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.procedure_value)

        self.agency_caption = QLabel(self.card_box)
        self.agency_caption.setObjectName(u"agency_caption")

        self.card_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agency_caption)

        self.agency_value = QLabel(self.card_box)
        self.agency_value.setObjectName(u"agency_value")
        self.agency_value.setWordWrap(True)

        self.card_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agency_value)

        self.received_caption = QLabel(self.card_box)
        self.received_caption.setObjectName(u"received_caption")

        self.card_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.received_caption)

        self.received_value = QLabel(self.card_box)
        self.received_value.setObjectName(u"received_value")

        self.card_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.received_value)

        self.due_caption = QLabel(self.card_box)
        self.due_caption.setObjectName(u"due_caption")

        self.card_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.due_caption)

        self.due_value = QLabel(self.card_box)
        self.due_value.setObjectName(u"due_value")
        self.due_value.setProperty(u"role", u"appointment")

        self.card_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.due_value)

        self.status_caption = QLabel(self.card_box)
        self.status_caption.setObjectName(u"status_caption")

        self.card_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.status_caption)

        self.status_value = QLabel(self.card_box)
        self.status_value.setObjectName(u"status_value")

        self.card_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.status_value)

        self.ready_caption = QLabel(self.card_box)
        self.ready_caption.setObjectName(u"ready_caption")

        self.card_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.ready_caption)

        self.ready_row = QHBoxLayout()
        self.ready_row.setObjectName(u"ready_row")
        self.ready_value = QLabel(self.card_box)
        self.ready_value.setObjectName(u"ready_value")
        self.ready_value.setProperty(u"role", u"title")
        self.ready_value.setWordWrap(True)

        self.ready_row.addWidget(self.ready_value)

        self.scan_result_button = QPushButton(self.card_box)
        self.scan_result_button.setObjectName(u"scan_result_button")
        self.scan_result_button.setAutoDefault(False)

        self.ready_row.addWidget(self.scan_result_button)

        self.ready_row.setStretch(0, 1)

        self.card_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.ready_row)


        self.left_column.addWidget(self.card_box)

        self.steps_box = QGroupBox(ReturnDeskView)
        self.steps_box.setObjectName(u"steps_box")
        self.steps_grid = QGridLayout(self.steps_box)
        self.steps_grid.setObjectName(u"steps_grid")
        self.step_transfer = QPushButton(self.steps_box)
        self.step_transfer.setObjectName(u"step_transfer")
        self.step_transfer.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_transfer, 0, 0, 1, 1)

        self.step_processing = QPushButton(self.steps_box)
        self.step_processing.setObjectName(u"step_processing")
        self.step_processing.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_processing, 0, 1, 1, 1)

        self.step_supplement = QPushButton(self.steps_box)
        self.step_supplement.setObjectName(u"step_supplement")
        self.step_supplement.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_supplement, 0, 2, 1, 1)

        self.step_supplement_received = QPushButton(self.steps_box)
        self.step_supplement_received.setObjectName(u"step_supplement_received")
        self.step_supplement_received.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_supplement_received, 0, 3, 1, 1)

        self.step_result_ready = QPushButton(self.steps_box)
        self.step_result_ready.setObjectName(u"step_result_ready")
        self.step_result_ready.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_result_ready, 1, 0, 1, 1)

        self.step_refusal = QPushButton(self.steps_box)
        self.step_refusal.setObjectName(u"step_refusal")
        self.step_refusal.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_refusal, 1, 1, 1, 1)

        self.step_apology = QPushButton(self.steps_box)
        self.step_apology.setObjectName(u"step_apology")
        self.step_apology.setAutoDefault(False)

        self.steps_grid.addWidget(self.step_apology, 1, 2, 1, 1)


        self.left_column.addWidget(self.steps_box)

        self.left_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_stretch)

        self.left_column.setStretch(2, 1)

        self.body.addLayout(self.left_column)

        self.recipient_box = QGroupBox(ReturnDeskView)
        self.recipient_box.setObjectName(u"recipient_box")
        self.recipient_form = QFormLayout(self.recipient_box)
        self.recipient_form.setObjectName(u"recipient_form")
        self.relation_row = QHBoxLayout()
        self.relation_row.setObjectName(u"relation_row")
        self.owner_radio = QRadioButton(self.recipient_box)
        self.relation_group = QButtonGroup(ReturnDeskView)
        self.relation_group.setObjectName(u"relation_group")
        self.relation_group.addButton(self.owner_radio)
        self.owner_radio.setObjectName(u"owner_radio")
        self.owner_radio.setChecked(True)

        self.relation_row.addWidget(self.owner_radio)

        self.authorised_radio = QRadioButton(self.recipient_box)
        self.relation_group.addButton(self.authorised_radio)
        self.authorised_radio.setObjectName(u"authorised_radio")

        self.relation_row.addWidget(self.authorised_radio)


        self.recipient_form.setLayout(0, QFormLayout.ItemRole.SpanningRole, self.relation_row)

        self.qr_label = QLabel(self.recipient_box)
        self.qr_label.setObjectName(u"qr_label")

        self.recipient_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.qr_label)

        self.qr_edit = QLineEdit(self.recipient_box)
        self.qr_edit.setObjectName(u"qr_edit")

        self.recipient_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.qr_edit)

        self.name_label = QLabel(self.recipient_box)
        self.name_label.setObjectName(u"name_label")

        self.recipient_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.recipient_box)
        self.name_edit.setObjectName(u"name_edit")

        self.recipient_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.id_label = QLabel(self.recipient_box)
        self.id_label.setObjectName(u"id_label")

        self.recipient_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.id_label)

        self.id_edit = QLineEdit(self.recipient_box)
        self.id_edit.setObjectName(u"id_edit")
        self.id_edit.setMaxLength(20)

        self.recipient_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.id_edit)

        self.ref_label = QLabel(self.recipient_box)
        self.ref_label.setObjectName(u"ref_label")

        self.recipient_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ref_label)

        self.ref_edit = QLineEdit(self.recipient_box)
        self.ref_edit.setObjectName(u"ref_edit")

        self.recipient_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ref_edit)

        self.summary_label = QLabel(self.recipient_box)
        self.summary_label.setObjectName(u"summary_label")

        self.recipient_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary_edit = QLineEdit(self.recipient_box)
        self.summary_edit.setObjectName(u"summary_edit")

        self.recipient_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.summary_edit)

        self.hand_back_row = QHBoxLayout()
        self.hand_back_row.setObjectName(u"hand_back_row")
        self.return_button = QPushButton(self.recipient_box)
        self.return_button.setObjectName(u"return_button")
        self.return_button.setAutoDefault(False)

        self.hand_back_row.addWidget(self.return_button)

        self.reprint_button = QPushButton(self.recipient_box)
        self.reprint_button.setObjectName(u"reprint_button")
        self.reprint_button.setAutoDefault(False)

        self.hand_back_row.addWidget(self.reprint_button)

        self.hand_back_row.setStretch(0, 1)

        self.recipient_form.setLayout(6, QFormLayout.ItemRole.SpanningRole, self.hand_back_row)

        self.outcome_label = QLabel(self.recipient_box)
        self.outcome_label.setObjectName(u"outcome_label")
        self.outcome_label.setProperty(u"role", u"title")
        self.outcome_label.setWordWrap(True)

        self.recipient_form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.outcome_label)


        self.body.addWidget(self.recipient_box)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.outer.addLayout(self.body)

        self.outer.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.code_label.setBuddy(self.code_edit)
        self.qr_label.setBuddy(self.qr_edit)
        self.name_label.setBuddy(self.name_edit)
        self.id_label.setBuddy(self.id_edit)
        self.ref_label.setBuddy(self.ref_edit)
        self.summary_label.setBuddy(self.summary_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReturnDeskView)

        QMetaObject.connectSlotsByName(ReturnDeskView)
    # setupUi

    def retranslateUi(self, ReturnDeskView):
        self.code_label.setText(QCoreApplication.translate("ReturnDeskView", u"M\u00e3 h\u1ed3 &s\u01a1 (qu\u00e9t m\u00e3 v\u1ea1ch tr\u00ean gi\u1ea5y ti\u1ebfp nh\u1eadn):", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("ReturnDeskView", u"Qu\u00e9t m\u00e3 v\u1ea1ch ho\u1eb7c g\u00f5 m\u00e3 r\u1ed3i nh\u1ea5n Enter", None))
        self.open_button.setText(QCoreApplication.translate("ReturnDeskView", u"&M\u1edf h\u1ed3 s\u01a1", None))
        self.banner_label.setText("")
        self.card_box.setTitle(QCoreApplication.translate("ReturnDeskView", u"H\u1ed3 s\u01a1", None))
        self.code_caption.setText(QCoreApplication.translate("ReturnDeskView", u"M\u00e3 h\u1ed3 s\u01a1:", None))
        self.code_value.setText("")
        self.applicant_caption.setText(QCoreApplication.translate("ReturnDeskView", u"Ng\u01b0\u1eddi n\u1ed9p:", None))
        self.applicant_value.setText("")
        self.owner_caption.setText(QCoreApplication.translate("ReturnDeskView", u"Ch\u1ee7 h\u1ed3 s\u01a1:", None))
        self.owner_value.setText("")
        self.procedure_caption.setText(QCoreApplication.translate("ReturnDeskView", u"Th\u1ee7 t\u1ee5c:", None))
        self.procedure_value.setText("")
        self.agency_caption.setText(QCoreApplication.translate("ReturnDeskView", u"C\u01a1 quan gi\u1ea3i quy\u1ebft:", None))
        self.agency_value.setText("")
        self.received_caption.setText(QCoreApplication.translate("ReturnDeskView", u"Ng\u00e0y nh\u1eadn:", None))
        self.received_value.setText("")
        self.due_caption.setText(QCoreApplication.translate("ReturnDeskView", u"H\u1eb9n tr\u1ea3:", None))
        self.due_value.setText("")
        self.status_caption.setText(QCoreApplication.translate("ReturnDeskView", u"Tr\u1ea1ng th\u00e1i:", None))
        self.status_value.setText("")
        self.ready_caption.setText(QCoreApplication.translate("ReturnDeskView", u"K\u1ebft qu\u1ea3:", None))
        self.ready_value.setText("")
        self.scan_result_button.setText(QCoreApplication.translate("ReturnDeskView", u"Q&u\u00e9t k\u1ebft qu\u1ea3 (F7)", None))
        self.steps_box.setTitle(QCoreApplication.translate("ReturnDeskView", u"C\u01a1 quan giao nh\u1eadn t\u1ea1i qu\u1ea7y", None))
        self.step_transfer.setText(QCoreApplication.translate("ReturnDeskView", u"Chuy\u1ec3n h\u1ed3 s\u01a1\u2026", None))
        self.step_processing.setText(QCoreApplication.translate("ReturnDeskView", u"\u0110ang x\u1eed l\u00fd\u2026", None))
        self.step_supplement.setText(QCoreApplication.translate("ReturnDeskView", u"Y\u00eau c\u1ea7u b\u1ed5 sung\u2026", None))
        self.step_supplement_received.setText(QCoreApplication.translate("ReturnDeskView", u"\u0110\u00e3 nh\u1eadn b\u1ed5 sung\u2026", None))
        self.step_result_ready.setText(QCoreApplication.translate("ReturnDeskView", u"\u0110\u00e3 c\u00f3 k\u1ebft qu\u1ea3\u2026", None))
        self.step_refusal.setText(QCoreApplication.translate("ReturnDeskView", u"T\u1eeb ch\u1ed1i\u2026", None))
        self.step_apology.setText(QCoreApplication.translate("ReturnDeskView", u"Xin l\u1ed7i, h\u1eb9n l\u1ea1i\u2026", None))
        self.recipient_box.setTitle(QCoreApplication.translate("ReturnDeskView", u"Ng\u01b0\u1eddi nh\u1eadn k\u1ebft qu\u1ea3", None))
        self.owner_radio.setText(QCoreApplication.translate("ReturnDeskView", u"Ng\u01b0\u1eddi n\u1ed9p / ch\u1ee7 h\u1ed3 s\u01a1", None))
        self.authorised_radio.setText(QCoreApplication.translate("ReturnDeskView", u"Ng\u01b0\u1eddi \u0111\u01b0\u1ee3c \u1ee7y quy\u1ec1n", None))
        self.qr_label.setText(QCoreApplication.translate("ReturnDeskView", u"&QR CCCD:", None))
        self.qr_edit.setPlaceholderText(QCoreApplication.translate("ReturnDeskView", u"Qu\u00e9t m\u00e3 QR tr\u00ean CCCD c\u1ee7a ng\u01b0\u1eddi nh\u1eadn", None))
        self.name_label.setText(QCoreApplication.translate("ReturnDeskView", u"&H\u1ecd t\u00ean:", None))
        self.id_label.setText(QCoreApplication.translate("ReturnDeskView", u"S\u1ed1 &\u0111\u1ecbnh danh:", None))
        self.ref_label.setText(QCoreApplication.translate("ReturnDeskView", u"&Gi\u1ea5y \u1ee7y quy\u1ec1n:", None))
        self.ref_edit.setPlaceholderText(QCoreApplication.translate("ReturnDeskView", u"S\u1ed1, ng\u00e0y gi\u1ea5y \u1ee7y quy\u1ec1n", None))
        self.summary_label.setText(QCoreApplication.translate("ReturnDeskView", u"&K\u1ebft qu\u1ea3 tr\u1ea3:", None))
        self.summary_edit.setPlaceholderText(QCoreApplication.translate("ReturnDeskView", u"V\u00ed d\u1ee5: H\u1ed9 chi\u1ebfu s\u1ed1 \u2026", None))
        self.return_button.setText(QCoreApplication.translate("ReturnDeskView", u"&Tr\u1ea3 k\u1ebft qu\u1ea3", None))
        self.reprint_button.setText(QCoreApplication.translate("ReturnDeskView", u"&In l\u1ea1i phi\u1ebfu tr\u1ea3", None))
        self.outcome_label.setText("")
        pass
    # retranslateUi

