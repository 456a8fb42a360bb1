# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'return_desk_step.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListView, QPlainTextEdit, QVBoxLayout

class Ui_StepDialog(object):
    def setupUi(self, StepDialog):
        if not StepDialog.objectName():
            StepDialog.setObjectName(u"StepDialog")
        StepDialog.setModal(True)
        self.layout = QVBoxLayout(StepDialog)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(StepDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setProperty(u"role", u"title")
        self.heading.setWordWrap(True)

        self.layout.addWidget(self.heading)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.to_label = QLabel(StepDialog)
        self.to_label.setObjectName(u"to_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.to_label)

        self.to_edit = QComboBox(StepDialog)
        self.to_edit.setObjectName(u"to_edit")
        self.to_edit.setEditable(True)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.to_edit)

        self.agency_label = QLabel(StepDialog)
        self.agency_label.setObjectName(u"agency_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agency_label)

        self.agency_edit = QLineEdit(StepDialog)
        self.agency_edit.setObjectName(u"agency_edit")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agency_edit)

        self.papers_label = QLabel(StepDialog)
        self.papers_label.setObjectName(u"papers_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.papers_label)

        self.papers_list = QListView(StepDialog)
        self.papers_list.setObjectName(u"papers_list")
        self.papers_list.setWordWrap(True)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.papers_list)

        self.other_label = QLabel(StepDialog)
        self.other_label.setObjectName(u"other_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.other_label)

        self.other_papers = QPlainTextEdit(StepDialog)
        self.other_papers.setObjectName(u"other_papers")
        self.other_papers.setTabChangesFocus(True)
        self.other_papers.setMinimumSize(QSize(0, 60))
        self.other_papers.setMaximumSize(QSize(16777215, 60))

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.other_papers)

        self.due_label = QLabel(StepDialog)
        self.due_label.setObjectName(u"due_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.due_label)

        self.due_edit = QDateTimeEdit(StepDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setDisplayFormat(u"HH:mm dd/MM/yyyy")
        self.due_edit.setCalendarPopup(True)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.due_edit)

        self.text_label = QLabel(StepDialog)
        self.text_label.setObjectName(u"text_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(StepDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumSize(QSize(0, 70))
        self.text_edit.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.text_edit)


        self.layout.addLayout(self.fields)

        self.buttons = QDialogButtonBox(StepDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.to_label.setBuddy(self.to_edit)
        self.agency_label.setBuddy(self.agency_edit)
        self.papers_label.setBuddy(self.papers_list)
        self.other_label.setBuddy(self.other_papers)
        self.due_label.setBuddy(self.due_edit)
        self.text_label.setBuddy(self.text_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StepDialog)

        QMetaObject.connectSlotsByName(StepDialog)
    # setupUi

    def retranslateUi(self, StepDialog):
        self.heading.setText("")
        self.to_label.setText(QCoreApplication.translate("StepDialog", u"Chuy\u1ec3n \u0111\u1ebfn (&n\u01a1i nh\u1eadn):", None))
        self.agency_label.setText(QCoreApplication.translate("StepDialog", u"&C\u01a1 quan:", None))
        self.papers_label.setText(QCoreApplication.translate("StepDialog", u"&Gi\u1ea5y t\u1edd c\u1ea7n b\u1ed5 sung:", None))
        self.other_label.setText(QCoreApplication.translate("StepDialog", u"Gi\u1ea5y t\u1edd &kh\u00e1c:", None))
        self.other_papers.setPlaceholderText(QCoreApplication.translate("StepDialog", u"M\u1ed7i d\u00f2ng m\u1ed9t gi\u1ea5y t\u1edd", None))
        self.due_label.setText(QCoreApplication.translate("StepDialog", u"&Ng\u00e0y h\u1eb9n m\u1edbi:", None))
        self.text_label.setText(QCoreApplication.translate("StepDialog", u"&Ghi ch\u00fa:", None))
        pass
    # retranslateUi

