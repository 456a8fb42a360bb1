# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from hcc_desk.ui.papers_table import PapersTable
from hcc_desk.ui.party_fields import (OrganisationFields, PersonFields)

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        self.layout = QVBoxLayout(IntakeForm)
        self.layout.setObjectName(u"layout")
        self.qr_row = QHBoxLayout()
        self.qr_row.setObjectName(u"qr_row")
        self.qr_label = QLabel(IntakeForm)
        self.qr_label.setObjectName(u"qr_label")

        self.qr_row.addWidget(self.qr_label)

        self.qr_edit = QLineEdit(IntakeForm)
        self.qr_edit.setObjectName(u"qr_edit")
        self.qr_edit.setClearButtonEnabled(True)

        self.qr_row.addWidget(self.qr_edit)


        self.layout.addLayout(self.qr_row)

        self.banner = QFrame(IntakeForm)
        self.banner.setObjectName(u"banner")
        self.banner.setProperty(u"banner", u"info")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_layout = QHBoxLayout(self.banner)
        self.banner_layout.setObjectName(u"banner_layout")
        self.banner_layout.setContentsMargins(8, 4, 4, 4)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName(u"banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.banner_label.sizePolicy().hasHeightForWidth())
        self.banner_label.setSizePolicy(sizePolicy)

        self.banner_layout.addWidget(self.banner_label)

        self.banner_close = QToolButton(self.banner)
        self.banner_close.setObjectName(u"banner_close")
        self.banner_close.setAutoRaise(True)

        self.banner_layout.addWidget(self.banner_close)


        self.layout.addWidget(self.banner)

        self.scroll = QScrollArea(IntakeForm)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_contents = QWidget()
        self.scroll_contents.setObjectName(u"scroll_contents")
        self.columns = QHBoxLayout(self.scroll_contents)
        self.columns.setObjectName(u"columns")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.applicant_group = QGroupBox(self.scroll_contents)
        self.applicant_group.setObjectName(u"applicant_group")
        self.applicant_layout = QVBoxLayout(self.applicant_group)
        self.applicant_layout.setObjectName(u"applicant_layout")
        self.kind_row = QHBoxLayout()
        self.kind_row.setObjectName(u"kind_row")
        self.kind_individual = QRadioButton(self.applicant_group)
        self.kind_individual.setObjectName(u"kind_individual")
        self.kind_individual.setChecked(True)

        self.kind_row.addWidget(self.kind_individual)

        self.kind_organisation = QRadioButton(self.applicant_group)
        self.kind_organisation.setObjectName(u"kind_organisation")

        self.kind_row.addWidget(self.kind_organisation)

        self.kind_sp = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kind_row.addItem(self.kind_sp)


        self.applicant_layout.addLayout(self.kind_row)

        self.submitter = PersonFields(self.applicant_group)
        self.submitter.setObjectName(u"submitter")

        self.applicant_layout.addWidget(self.submitter)


        self.left_column.addWidget(self.applicant_group)

        self.owner_differs = QCheckBox(self.scroll_contents)
        self.owner_differs.setObjectName(u"owner_differs")

        self.left_column.addWidget(self.owner_differs)

        self.owner_group = QGroupBox(self.scroll_contents)
        self.owner_group.setObjectName(u"owner_group")
        self.owner_layout = QVBoxLayout(self.owner_group)
        self.owner_layout.setObjectName(u"owner_layout")
        self.owner_stack = QStackedWidget(self.owner_group)
        self.owner_stack.setObjectName(u"owner_stack")
        self.owner_person_page = QWidget()
        self.owner_person_page.setObjectName(u"owner_person_page")
        self.opl = QVBoxLayout(self.owner_person_page)
        self.opl.setObjectName(u"opl")
        self.opl.setContentsMargins(0, 0, 0, 0)
        self.owner_person = PersonFields(self.owner_person_page)
        self.owner_person.setObjectName(u"owner_person")

        self.opl.addWidget(self.owner_person)

        self.owner_stack.addWidget(self.owner_person_page)
        self.owner_org_page = QWidget()
        self.owner_org_page.setObjectName(u"owner_org_page")
        self.ool = QVBoxLayout(self.owner_org_page)
        self.ool.setObjectName(u"ool")
        self.ool.setContentsMargins(0, 0, 0, 0)
        self.owner_organisation = OrganisationFields(self.owner_org_page)
        self.owner_organisation.setObjectName(u"owner_organisation")

        self.ool.addWidget(self.owner_organisation)

        self.owner_stack.addWidget(self.owner_org_page)

        self.owner_layout.addWidget(self.owner_stack)


        self.left_column.addWidget(self.owner_group)

        self.delivery_group = QGroupBox(self.scroll_contents)
        self.delivery_group.setObjectName(u"delivery_group")
        self.delivery_layout = QGridLayout(self.delivery_group)
        self.delivery_layout.setObjectName(u"delivery_layout")
        self.delivery_counter = QRadioButton(self.delivery_group)
        self.delivery_counter.setObjectName(u"delivery_counter")
        self.delivery_counter.setChecked(True)

        self.delivery_layout.addWidget(self.delivery_counter, 0, 0, 1, 1)

        self.delivery_post = QRadioButton(self.delivery_group)
        self.delivery_post.setObjectName(u"delivery_post")

        self.delivery_layout.addWidget(self.delivery_post, 0, 1, 1, 1)

        self.delivery_address = QLineEdit(self.delivery_group)
        self.delivery_address.setObjectName(u"delivery_address")
        self.delivery_address.setEnabled(False)

        self.delivery_layout.addWidget(self.delivery_address, 1, 0, 1, 2)

        self.err_delivery_address = QLabel(self.delivery_group)
        self.err_delivery_address.setObjectName(u"err_delivery_address")
        self.err_delivery_address.setWordWrap(True)
        self.err_delivery_address.setProperty(u"role", u"error")

        self.delivery_layout.addWidget(self.err_delivery_address, 2, 0, 1, 2)


        self.left_column.addWidget(self.delivery_group)

        self.notes_group = QGroupBox(self.scroll_contents)
        self.notes_group.setObjectName(u"notes_group")
        self.notes_layout = QVBoxLayout(self.notes_group)
        self.notes_layout.setObjectName(u"notes_layout")
        self.notes = QPlainTextEdit(self.notes_group)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 64))
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.notes.sizePolicy().hasHeightForWidth())
        self.notes.setSizePolicy(sizePolicy1)

        self.notes_layout.addWidget(self.notes)

        self.err_notes = QLabel(self.notes_group)
        self.err_notes.setObjectName(u"err_notes")
        self.err_notes.setWordWrap(True)
        self.err_notes.setProperty(u"role", u"error")

        self.notes_layout.addWidget(self.err_notes)


        self.left_column.addWidget(self.notes_group)

        self.left_sp = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_sp)


        self.columns.addLayout(self.left_column)

        self.right_column = QVBoxLayout()
        self.right_column.setObjectName(u"right_column")
        self.procedure_group = QGroupBox(self.scroll_contents)
        self.procedure_group.setObjectName(u"procedure_group")
        self.procedure_layout = QVBoxLayout(self.procedure_group)
        self.procedure_layout.setObjectName(u"procedure_layout")
        self.search_row = QHBoxLayout()
        self.search_row.setObjectName(u"search_row")
        self.procedure_search_label = QLabel(self.procedure_group)
        self.procedure_search_label.setObjectName(u"procedure_search_label")

        self.search_row.addWidget(self.procedure_search_label)

        self.procedure_search = QLineEdit(self.procedure_group)
        self.procedure_search.setObjectName(u"procedure_search")
        self.procedure_search.setClearButtonEnabled(True)

        self.search_row.addWidget(self.procedure_search)


        self.procedure_layout.addLayout(self.search_row)

        self.procedure_list = QListWidget(self.procedure_group)
        self.procedure_list.setObjectName(u"procedure_list")
        self.procedure_list.setAlternatingRowColors(True)
        self.procedure_list.setMaximumSize(QSize(16777215, 120))

        self.procedure_layout.addWidget(self.procedure_list)

        self.procedure_info = QLabel(self.procedure_group)
        self.procedure_info.setObjectName(u"procedure_info")
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setProperty(u"role", u"hint")
        self.procedure_info.setTextFormat(Qt.TextFormat.RichText)

        self.procedure_layout.addWidget(self.procedure_info)

        self.err_procedure_code = QLabel(self.procedure_group)
        self.err_procedure_code.setObjectName(u"err_procedure_code")
        self.err_procedure_code.setWordWrap(True)
        self.err_procedure_code.setProperty(u"role", u"error")

        self.procedure_layout.addWidget(self.err_procedure_code)


        self.right_column.addWidget(self.procedure_group)

        self.papers_group = QGroupBox(self.scroll_contents)
        self.papers_group.setObjectName(u"papers_group")
        self.papers_layout = QVBoxLayout(self.papers_group)
        self.papers_layout.setObjectName(u"papers_layout")
        self.papers_table = PapersTable(self.papers_group)
        self.papers_table.setObjectName(u"papers_table")

        self.papers_layout.addWidget(self.papers_table)

        self.err_papers = QLabel(self.papers_group)
        self.err_papers.setObjectName(u"err_papers")
        self.err_papers.setWordWrap(True)
        self.err_papers.setProperty(u"role", u"error")

        self.papers_layout.addWidget(self.err_papers)

        self.papers_buttons = QHBoxLayout()
        self.papers_buttons.setObjectName(u"papers_buttons")
        self.check_all_button = QPushButton(self.papers_group)
        self.check_all_button.setObjectName(u"check_all_button")
        self.check_all_button.setAutoDefault(False)

        self.papers_buttons.addWidget(self.check_all_button)

        self.add_paper_button = QPushButton(self.papers_group)
        self.add_paper_button.setObjectName(u"add_paper_button")
        self.add_paper_button.setAutoDefault(False)

        self.papers_buttons.addWidget(self.add_paper_button)

        self.pb_sp = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.papers_buttons.addItem(self.pb_sp)

        self.sets_label = QLabel(self.papers_group)
        self.sets_label.setObjectName(u"sets_label")

        self.papers_buttons.addWidget(self.sets_label)

        self.sets = QSpinBox(self.papers_group)
        self.sets.setObjectName(u"sets")
        self.sets.setMinimum(1)
        self.sets.setMaximum(99)
        self.sets.setValue(1)

        self.papers_buttons.addWidget(self.sets)


        self.papers_layout.addLayout(self.papers_buttons)

        self.err_sets = QLabel(self.papers_group)
        self.err_sets.setObjectName(u"err_sets")
        self.err_sets.setWordWrap(True)
        self.err_sets.setProperty(u"role", u"error")

        self.papers_layout.addWidget(self.err_sets)


        self.right_column.addWidget(self.papers_group)

        self.right_sp = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right_column.addItem(self.right_sp)


        self.columns.addLayout(self.right_column)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)
        self.scroll.setWidget(self.scroll_contents)

        self.layout.addWidget(self.scroll)

        self.bottom_row = QHBoxLayout()
        self.bottom_row.setObjectName(u"bottom_row")
        self.appointment_label = QLabel(IntakeForm)
        self.appointment_label.setObjectName(u"appointment_label")
        self.appointment_label.setProperty(u"role", u"appointment")
        sizePolicy.setHeightForWidth(self.appointment_label.sizePolicy().hasHeightForWidth())
        self.appointment_label.setSizePolicy(sizePolicy)

        self.bottom_row.addWidget(self.appointment_label)

        self.new_button = QPushButton(IntakeForm)
        self.new_button.setObjectName(u"new_button")
        self.new_button.setAutoDefault(False)

        self.bottom_row.addWidget(self.new_button)

        self.save_button = QPushButton(IntakeForm)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)
        self.save_button.setMinimumSize(QSize(180, 34))

        self.bottom_row.addWidget(self.save_button)


        self.layout.addLayout(self.bottom_row)

#if QT_CONFIG(shortcut)
        self.qr_label.setBuddy(self.qr_edit)
        self.procedure_search_label.setBuddy(self.procedure_search)
        self.sets_label.setBuddy(self.sets)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.qr_edit, self.kind_individual)
        QWidget.setTabOrder(self.kind_individual, self.kind_organisation)
        QWidget.setTabOrder(self.kind_organisation, self.submitter)
        QWidget.setTabOrder(self.submitter, self.owner_differs)
        QWidget.setTabOrder(self.owner_differs, self.owner_person)
        QWidget.setTabOrder(self.owner_person, self.owner_organisation)
        QWidget.setTabOrder(self.owner_organisation, self.procedure_search)
        QWidget.setTabOrder(self.procedure_search, self.procedure_list)
        QWidget.setTabOrder(self.procedure_list, self.papers_table)
        QWidget.setTabOrder(self.papers_table, self.check_all_button)
        QWidget.setTabOrder(self.check_all_button, self.add_paper_button)
        QWidget.setTabOrder(self.add_paper_button, self.sets)
        QWidget.setTabOrder(self.sets, self.delivery_counter)
        QWidget.setTabOrder(self.delivery_counter, self.delivery_post)
        QWidget.setTabOrder(self.delivery_post, self.delivery_address)
        QWidget.setTabOrder(self.delivery_address, self.notes)
        QWidget.setTabOrder(self.notes, self.save_button)
        QWidget.setTabOrder(self.save_button, self.new_button)
        QWidget.setTabOrder(self.new_button, self.banner_close)

        self.retranslateUi(IntakeForm)

        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        self.qr_label.setText(QCoreApplication.translate("IntakeForm", u"Qu\u00e9t m\u00e3 Q&R CCCD:", None))
        self.qr_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"\u0110\u1eb7t con tr\u1ecf \u1edf \u0111\u00e2y r\u1ed3i qu\u00e9t m\u00e3 QR m\u1eb7t sau th\u1ebb c\u0103n c\u01b0\u1edbc (k\u1ebft th\u00fac b\u1eb1ng Enter)", None))
        self.banner_label.setText("")
        self.banner_close.setText(QCoreApplication.translate("IntakeForm", u"\u2715", None))
#if QT_CONFIG(tooltip)
        self.banner_close.setToolTip(QCoreApplication.translate("IntakeForm", u"\u1ea8n th\u00f4ng b\u00e1o", None))
#endif // QT_CONFIG(tooltip)
        self.applicant_group.setTitle(QCoreApplication.translate("IntakeForm", u"Ng\u01b0\u1eddi n\u1ed9p h\u1ed3 s\u01a1", None))
        self.kind_individual.setText(QCoreApplication.translate("IntakeForm", u"C\u00e1 &nh\u00e2n", None))
        self.kind_organisation.setText(QCoreApplication.translate("IntakeForm", u"T\u1ed5 &ch\u1ee9c", None))
        self.owner_differs.setText(QCoreApplication.translate("IntakeForm", u"Ch\u1ee7 h\u1ed3 s\u01a1 &kh\u00e1c ng\u01b0\u1eddi n\u1ed9p (ng\u01b0\u1eddi \u0111\u01b0\u1ee3c \u1ee7y quy\u1ec1n n\u1ed9p thay)", None))
        self.owner_group.setTitle(QCoreApplication.translate("IntakeForm", u"Ch\u1ee7 h\u1ed3 s\u01a1", None))
        self.delivery_group.setTitle(QCoreApplication.translate("IntakeForm", u"Nh\u1eadn k\u1ebft qu\u1ea3", None))
        self.delivery_counter.setText(QCoreApplication.translate("IntakeForm", u"T\u1ea1i q&u\u1ea7y ti\u1ebfp nh\u1eadn", None))
        self.delivery_post.setText(QCoreApplication.translate("IntakeForm", u"&Qua b\u01b0u \u0111i\u1ec7n \u0111\u1ebfn \u0111\u1ecba ch\u1ec9:", None))
        self.delivery_address.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"\u0110\u1ecba ch\u1ec9 nh\u1eadn k\u1ebft qu\u1ea3", None))
#if QT_CONFIG(accessibility)
        self.delivery_address.setAccessibleName(QCoreApplication.translate("IntakeForm", u"\u0110\u1ecba ch\u1ec9 nh\u1eadn k\u1ebft qu\u1ea3 qua b\u01b0u \u0111i\u1ec7n", None))
#endif // QT_CONFIG(accessibility)
        self.err_delivery_address.setText("")
        self.notes_group.setTitle(QCoreApplication.translate("IntakeForm", u"Ghi ch\u00fa", None))
        self.notes.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Ghi ch\u00fa th\u00eam v\u1ec1 h\u1ed3 s\u01a1 (kh\u00f4ng b\u1eaft bu\u1ed9c)", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Ghi ch\u00fa", None))
#endif // QT_CONFIG(accessibility)
        self.err_notes.setText("")
        self.procedure_group.setTitle(QCoreApplication.translate("IntakeForm", u"Th\u1ee7 t\u1ee5c h\u00e0nh ch\u00ednh", None))
        self.procedure_search_label.setText(QCoreApplication.translate("IntakeForm", u"T\u00ecm t&h\u1ee7 t\u1ee5c:", None))
        self.procedure_search.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"G\u00f5 t\u00ean ho\u1eb7c m\u00e3 th\u1ee7 t\u1ee5c, kh\u00f4ng c\u1ea7n d\u1ea5u \u2014 \u2191\u2193 \u0111\u1ec3 ch\u1ecdn, Enter \u0111\u1ec3 l\u1ea5y", None))
#if QT_CONFIG(accessibility)
        self.procedure_list.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Danh s\u00e1ch th\u1ee7 t\u1ee5c t\u00ecm \u0111\u01b0\u1ee3c", None))
#endif // QT_CONFIG(accessibility)
        self.procedure_info.setText(QCoreApplication.translate("IntakeForm", u"Ch\u01b0a ch\u1ecdn th\u1ee7 t\u1ee5c.", None))
        self.err_procedure_code.setText("")
        self.papers_group.setTitle(QCoreApplication.translate("IntakeForm", u"Th\u00e0nh ph\u1ea7n h\u1ed3 s\u01a1 \u0111\u00e3 nh\u1eadn", None))
#if QT_CONFIG(accessibility)
        self.papers_table.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Th\u00e0nh ph\u1ea7n h\u1ed3 s\u01a1", None))
#endif // QT_CONFIG(accessibility)
        self.err_papers.setText("")
        self.check_all_button.setText(QCoreApplication.translate("IntakeForm", u"Nh\u1eadn \u0111\u1ee7 t\u1ea5t c\u1ea3", None))
#if QT_CONFIG(tooltip)
        self.check_all_button.setToolTip(QCoreApplication.translate("IntakeForm", u"\u0110\u00e1nh d\u1ea5u \u0111\u00e3 nh\u1eadn m\u1ecdi gi\u1ea5y t\u1edd trong danh s\u00e1ch", None))
#endif // QT_CONFIG(tooltip)
        self.add_paper_button.setText(QCoreApplication.translate("IntakeForm", u"Th\u00eam gi\u1ea5&y t\u1edd", None))
        self.sets_label.setText(QCoreApplication.translate("IntakeForm", u"S\u1ed1 &b\u1ed9 h\u1ed3 s\u01a1:", None))
#if QT_CONFIG(accessibility)
        self.sets.setAccessibleName(QCoreApplication.translate("IntakeForm", u"S\u1ed1 b\u1ed9 h\u1ed3 s\u01a1", None))
#endif // QT_CONFIG(accessibility)
        self.err_sets.setText("")
        self.appointment_label.setText("")
        self.new_button.setText(QCoreApplication.translate("IntakeForm", u"H\u1ed3 s\u01a1 m\u1edbi (F2)", None))
        self.save_button.setText(QCoreApplication.translate("IntakeForm", u"&L\u01b0u h\u1ed3 s\u01a1 (Ctrl+S)", None))
        pass
    # retranslateUi

