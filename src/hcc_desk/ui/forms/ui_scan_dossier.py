# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scan_dossier.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListView, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget

class Ui_DossierScanDialog(object):
    def setupUi(self, DossierScanDialog):
        if not DossierScanDialog.objectName():
            DossierScanDialog.setObjectName(u"DossierScanDialog")
        self.outer = QVBoxLayout(DossierScanDialog)
        self.outer.setObjectName(u"outer")
        self.heading = QLabel(DossierScanDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setProperty(u"role", u"title")

        self.outer.addWidget(self.heading)

        self.split = QSplitter(DossierScanDialog)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.papers = QListView(self.split)
        self.papers.setObjectName(u"papers")
        self.papers.setWordWrap(True)
        self.split.addWidget(self.papers)
        self.panel_area = QScrollArea(self.split)
        self.panel_area.setObjectName(u"panel_area")
        self.panel_area.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_area.setWidgetResizable(True)
        self.panel_placeholder = QWidget()
        self.panel_placeholder.setObjectName(u"panel_placeholder")
        self.panel_area.setWidget(self.panel_placeholder)
        self.split.addWidget(self.panel_area)

        self.outer.addWidget(self.split)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_row_spacer)

        self.save_button = QPushButton(DossierScanDialog)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setEnabled(False)
        self.save_button.setAutoDefault(False)

        self.button_row.addWidget(self.save_button)

        self.close_button = QPushButton(DossierScanDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.button_row.addWidget(self.close_button)


        self.outer.addLayout(self.button_row)

        self.outer.setStretch(1, 1)

        self.retranslateUi(DossierScanDialog)

        QMetaObject.connectSlotsByName(DossierScanDialog)
    # setupUi

    def retranslateUi(self, DossierScanDialog):
        self.heading.setText("")
#if QT_CONFIG(accessibility)
        self.papers.setAccessibleName(QCoreApplication.translate("DossierScanDialog", u"Th\u00e0nh ph\u1ea7n h\u1ed3 s\u01a1", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("DossierScanDialog", u"L\u01b0u v\u00e0o h\u1ed3 s\u01a1 (Ctrl+S)", None))
        self.close_button.setText(QCoreApplication.translate("DossierScanDialog", u"\u0110\u00f3ng", None))
        pass
    # retranslateUi

