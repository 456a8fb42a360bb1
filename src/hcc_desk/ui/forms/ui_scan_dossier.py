# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scan_dossier.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListView, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QVBoxLayout, QWidget

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
        self.right_tabs = QTabWidget(self.split)
        self.right_tabs.setObjectName(u"right_tabs")
        self.scan_tab = QWidget()
        self.scan_tab.setObjectName(u"scan_tab")
        self.scan_tab_layout = QVBoxLayout(self.scan_tab)
        self.scan_tab_layout.setObjectName(u"scan_tab_layout")
        self.scan_tab_layout.setContentsMargins(0, 0, 0, 0)
        self.panel_area = QScrollArea(self.scan_tab)
        self.panel_area.setObjectName(u"panel_area")
        self.panel_area.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_area.setWidgetResizable(True)
        self.panel_placeholder = QWidget()
        self.panel_placeholder.setObjectName(u"panel_placeholder")
        self.panel_area.setWidget(self.panel_placeholder)

        self.scan_tab_layout.addWidget(self.panel_area)

        self.right_tabs.addTab(self.scan_tab, "")
        self.record_tab = QWidget()
        self.record_tab.setObjectName(u"record_tab")
        self.record_tab_layout = QVBoxLayout(self.record_tab)
        self.record_tab_layout.setObjectName(u"record_tab_layout")
        self.record_tab_layout.setContentsMargins(0, 0, 0, 0)
        self.record_area = QScrollArea(self.record_tab)
        self.record_area.setObjectName(u"record_area")
        self.record_area.setFrameShape(QFrame.Shape.NoFrame)
        self.record_area.setWidgetResizable(True)
        self.record_placeholder = QWidget()
        self.record_placeholder.setObjectName(u"record_placeholder")
        self.record_area.setWidget(self.record_placeholder)

        self.record_tab_layout.addWidget(self.record_area)

        self.right_tabs.addTab(self.record_tab, "")
        self.split.addWidget(self.right_tabs)

        self.outer.addWidget(self.split)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_row_spacer)

        self.sign_button = QPushButton(DossierScanDialog)
        self.sign_button.setObjectName(u"sign_button")
        self.sign_button.setEnabled(False)
        self.sign_button.setAutoDefault(False)

        self.button_row.addWidget(self.sign_button)

        self.sign_all_button = QPushButton(DossierScanDialog)
        self.sign_all_button.setObjectName(u"sign_all_button")
        self.sign_all_button.setEnabled(False)
        self.sign_all_button.setAutoDefault(False)

        self.button_row.addWidget(self.sign_all_button)

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
        self.right_tabs.setTabText(self.right_tabs.indexOf(self.scan_tab), QCoreApplication.translate("DossierScanDialog", u"Qu\u00e9t gi\u1ea5y t\u1edd", None))
        self.right_tabs.setTabText(self.right_tabs.indexOf(self.record_tab), QCoreApplication.translate("DossierScanDialog", u"Th\u00f4ng tin gi\u1ea5y t\u1edd (Ctrl+I)", None))
        self.sign_button.setText(QCoreApplication.translate("DossierScanDialog", u"K\u00fd s\u1ed1 (F9)", None))
        self.sign_all_button.setText(QCoreApplication.translate("DossierScanDialog", u"K\u00fd s\u1ed1 t\u1ea5t c\u1ea3 (Shift+F9)", None))
        self.save_button.setText(QCoreApplication.translate("DossierScanDialog", u"L\u01b0u v\u00e0o h\u1ed3 s\u01a1 (Ctrl+S)", None))
        self.close_button.setText(QCoreApplication.translate("DossierScanDialog", u"\u0110\u00f3ng", None))
        pass
    # retranslateUi

