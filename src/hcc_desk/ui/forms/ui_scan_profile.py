# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scan_profile.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_ProfileChooser(object):
    def setupUi(self, ProfileChooser):
        if not ProfileChooser.objectName():
            ProfileChooser.setObjectName(u"ProfileChooser")
        self.outer = QVBoxLayout(ProfileChooser)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.row = QHBoxLayout()
        self.row.setObjectName(u"row")
        self.device_box = QComboBox(ProfileChooser)
        self.device_box.setObjectName(u"device_box")
        self.device_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_box.setMinimumContentsLength(12)

        self.row.addWidget(self.device_box)

        self.source_box = QComboBox(ProfileChooser)
        self.source_box.setObjectName(u"source_box")
        self.source_box.setEnabled(False)

        self.row.addWidget(self.source_box)

        self.resolution_box = QComboBox(ProfileChooser)
        self.resolution_box.setObjectName(u"resolution_box")
        self.resolution_box.setEnabled(False)

        self.row.addWidget(self.resolution_box)

        self.mode_box = QComboBox(ProfileChooser)
        self.mode_box.setObjectName(u"mode_box")
        self.mode_box.setEnabled(False)

        self.row.addWidget(self.mode_box)

        self.find_button = QPushButton(ProfileChooser)
        self.find_button.setObjectName(u"find_button")
        self.find_button.setAutoDefault(False)

        self.row.addWidget(self.find_button)

        self.row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.row.addItem(self.row_end)


        self.outer.addLayout(self.row)

        self.status = QLabel(ProfileChooser)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)
        self.status.setProperty(u"role", u"hint")

        self.outer.addWidget(self.status)


        self.retranslateUi(ProfileChooser)

        QMetaObject.connectSlotsByName(ProfileChooser)
    # setupUi

    def retranslateUi(self, ProfileChooser):
#if QT_CONFIG(accessibility)
        self.device_box.setAccessibleName(QCoreApplication.translate("ProfileChooser", u"M\u00e1y qu\u00e9t", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.source_box.setAccessibleName(QCoreApplication.translate("ProfileChooser", u"Ngu\u1ed3n gi\u1ea5y", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resolution_box.setAccessibleName(QCoreApplication.translate("ProfileChooser", u"\u0110\u1ed9 ph\u00e2n gi\u1ea3i", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.mode_box.setAccessibleName(QCoreApplication.translate("ProfileChooser", u"Ch\u1ebf \u0111\u1ed9 m\u00e0u", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.find_button.setToolTip(QCoreApplication.translate("ProfileChooser", u"T\u00ecm l\u1ea1i c\u00e1c m\u00e1y qu\u00e9t \u0111ang k\u1ebft n\u1ed1i", None))
#endif // QT_CONFIG(tooltip)
        self.find_button.setText(QCoreApplication.translate("ProfileChooser", u"T\u00ecm m\u00e1y qu\u00e9t", None))
        self.status.setText(QCoreApplication.translate("ProfileChooser", u"Ch\u01b0a ch\u1ecdn m\u00e1y qu\u00e9t: b\u1ea5m Qu\u00e9t (F7) \u0111\u1ec3 t\u00ecm m\u00e1y, ho\u1eb7c T\u00ecm m\u00e1y qu\u00e9t.", None))
        pass
    # retranslateUi

