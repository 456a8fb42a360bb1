# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'receipt_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_ReceiptPreview(object):
    def setupUi(self, ReceiptPreview):
        if not ReceiptPreview.objectName():
            ReceiptPreview.setObjectName(u"ReceiptPreview")
        ReceiptPreview.resize(760, 900)
        self.layout = QVBoxLayout(ReceiptPreview)
        self.layout.setObjectName(u"layout")
        self.head_row = QHBoxLayout()
        self.head_row.setObjectName(u"head_row")
        self.code_label = QLabel(ReceiptPreview)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setProperty(u"role", u"code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.head_row.addWidget(self.code_label)

        self.hsp = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.head_row.addItem(self.hsp)

        self.paper_label = QLabel(ReceiptPreview)
        self.paper_label.setObjectName(u"paper_label")

        self.head_row.addWidget(self.paper_label)

        self.paper_combo = QComboBox(ReceiptPreview)
        self.paper_combo.addItem("")
        self.paper_combo.addItem("")
        self.paper_combo.setObjectName(u"paper_combo")

        self.head_row.addWidget(self.paper_combo)

        self.printer_label = QLabel(ReceiptPreview)
        self.printer_label.setObjectName(u"printer_label")

        self.head_row.addWidget(self.printer_label)

        self.printer_combo = QComboBox(ReceiptPreview)
        self.printer_combo.setObjectName(u"printer_combo")
        self.printer_combo.setMinimumSize(QSize(200, 0))

        self.head_row.addWidget(self.printer_combo)


        self.layout.addLayout(self.head_row)

        self.scroll = QScrollArea(ReceiptPreview)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.page_container = QWidget()
        self.page_container.setObjectName(u"page_container")
        self.page_layout = QVBoxLayout(self.page_container)
        self.page_layout.setObjectName(u"page_layout")
        self.page_label = QLabel(self.page_container)
        self.page_label.setObjectName(u"page_label")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.page_layout.addWidget(self.page_label)

        self.scroll.setWidget(self.page_container)

        self.layout.addWidget(self.scroll)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.status_label = QLabel(ReceiptPreview)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.status_label.sizePolicy().hasHeightForWidth())
        self.status_label.setSizePolicy(sizePolicy)

        self.button_row.addWidget(self.status_label)

        self.print_button = QPushButton(ReceiptPreview)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setEnabled(False)

        self.button_row.addWidget(self.print_button)

        self.save_pdf_button = QPushButton(ReceiptPreview)
        self.save_pdf_button.setObjectName(u"save_pdf_button")
        self.save_pdf_button.setEnabled(False)
        self.save_pdf_button.setAutoDefault(False)

        self.button_row.addWidget(self.save_pdf_button)

        self.close_button = QPushButton(ReceiptPreview)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.button_row.addWidget(self.close_button)


        self.layout.addLayout(self.button_row)

#if QT_CONFIG(shortcut)
        self.paper_label.setBuddy(self.paper_combo)
        self.printer_label.setBuddy(self.printer_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.print_button, self.save_pdf_button)
        QWidget.setTabOrder(self.save_pdf_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.paper_combo)
        QWidget.setTabOrder(self.paper_combo, self.printer_combo)
        QWidget.setTabOrder(self.printer_combo, self.scroll)

        self.retranslateUi(ReceiptPreview)

        self.print_button.setDefault(True)


        QMetaObject.connectSlotsByName(ReceiptPreview)
    # setupUi

    def retranslateUi(self, ReceiptPreview):
        ReceiptPreview.setWindowTitle(QCoreApplication.translate("ReceiptPreview", u"Xem tr\u01b0\u1edbc phi\u1ebfu ti\u1ebfp nh\u1eadn \u2014 HCC Desk", None))
        self.code_label.setText("")
        self.paper_label.setText(QCoreApplication.translate("ReceiptPreview", u"&Kh\u1ed5 gi\u1ea5y:", None))
        self.paper_combo.setItemText(0, QCoreApplication.translate("ReceiptPreview", u"A4", None))
        self.paper_combo.setItemText(1, QCoreApplication.translate("ReceiptPreview", u"A5", None))

        self.printer_label.setText(QCoreApplication.translate("ReceiptPreview", u"&M\u00e1y in:", None))
        self.page_label.setText(QCoreApplication.translate("ReceiptPreview", u"\u0110ang t\u1ea1o phi\u1ebfu\u2026", None))
#if QT_CONFIG(accessibility)
        self.page_label.setAccessibleName(QCoreApplication.translate("ReceiptPreview", u"\u1ea2nh xem tr\u01b0\u1edbc phi\u1ebfu ti\u1ebfp nh\u1eadn", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText("")
        self.print_button.setText(QCoreApplication.translate("ReceiptPreview", u"&In (Ctrl+P)", None))
        self.save_pdf_button.setText(QCoreApplication.translate("ReceiptPreview", u"L\u01b0u &PDF\u2026", None))
        self.close_button.setText(QCoreApplication.translate("ReceiptPreview", u"\u0110\u00f3&ng (Esc)", None))
    # retranslateUi

