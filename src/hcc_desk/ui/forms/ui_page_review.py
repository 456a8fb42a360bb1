# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_review.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QHBoxLayout, QLabel, QListView, QPushButton, QSizePolicy, QVBoxLayout

from hcc_desk.ui.capture.thumbnail_view import ThumbnailView

class Ui_PageReview(object):
    def setupUi(self, PageReview):
        if not PageReview.objectName():
            PageReview.setObjectName(u"PageReview")
        self.outer = QHBoxLayout(PageReview)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.view = ThumbnailView(PageReview)
        self.view.setObjectName(u"view")
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMovement(QListView.Movement.Snap)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setWordWrap(True)

        self.outer.addWidget(self.view)

        self.side = QVBoxLayout()
        self.side.setObjectName(u"side")
        self.preview = QLabel(PageReview)
        self.preview.setObjectName(u"preview")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.preview.sizePolicy().hasHeightForWidth())
        self.preview.setSizePolicy(sizePolicy)
        self.preview.setMinimumSize(QSize(200, 260))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setProperty(u"role", u"hint")

        self.side.addWidget(self.preview)

        self.blank_note = QLabel(PageReview)
        self.blank_note.setObjectName(u"blank_note")
        self.blank_note.setWordWrap(True)
        self.blank_note.setProperty(u"role", u"error")

        self.side.addWidget(self.blank_note)

        self.tools = QGridLayout()
        self.tools.setObjectName(u"tools")
        self.rotate_left_button = QPushButton(PageReview)
        self.rotate_left_button.setObjectName(u"rotate_left_button")
        self.rotate_left_button.setAutoDefault(False)

        self.tools.addWidget(self.rotate_left_button, 0, 0, 1, 1)

        self.rotate_right_button = QPushButton(PageReview)
        self.rotate_right_button.setObjectName(u"rotate_right_button")
        self.rotate_right_button.setAutoDefault(False)

        self.tools.addWidget(self.rotate_right_button, 0, 1, 1, 1)

        self.move_back_button = QPushButton(PageReview)
        self.move_back_button.setObjectName(u"move_back_button")
        self.move_back_button.setAutoDefault(False)

        self.tools.addWidget(self.move_back_button, 1, 0, 1, 1)

        self.move_on_button = QPushButton(PageReview)
        self.move_on_button.setObjectName(u"move_on_button")
        self.move_on_button.setAutoDefault(False)

        self.tools.addWidget(self.move_on_button, 1, 1, 1, 1)

        self.delete_button = QPushButton(PageReview)
        self.delete_button.setObjectName(u"delete_button")
        self.delete_button.setAutoDefault(False)

        self.tools.addWidget(self.delete_button, 2, 0, 1, 1)

        self.blank_button = QPushButton(PageReview)
        self.blank_button.setObjectName(u"blank_button")
        self.blank_button.setAutoDefault(False)

        self.tools.addWidget(self.blank_button, 2, 1, 1, 1)

        self.insert_scan_button = QPushButton(PageReview)
        self.insert_scan_button.setObjectName(u"insert_scan_button")
        self.insert_scan_button.setAutoDefault(False)

        self.tools.addWidget(self.insert_scan_button, 3, 0, 1, 1)

        self.insert_files_button = QPushButton(PageReview)
        self.insert_files_button.setObjectName(u"insert_files_button")
        self.insert_files_button.setAutoDefault(False)

        self.tools.addWidget(self.insert_files_button, 3, 1, 1, 1)


        self.side.addLayout(self.tools)

        self.side.setStretch(0, 1)

        self.outer.addLayout(self.side)

        self.outer.setStretch(0, 3)
        self.outer.setStretch(1, 2)

        self.retranslateUi(PageReview)

        QMetaObject.connectSlotsByName(PageReview)
    # setupUi

    def retranslateUi(self, PageReview):
#if QT_CONFIG(accessibility)
        self.view.setAccessibleName(QCoreApplication.translate("PageReview", u"C\u00e1c trang \u0111\u00e3 qu\u00e9t", None))
#endif // QT_CONFIG(accessibility)
        self.preview.setText("")
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("PageReview", u"Xem tr\u01b0\u1edbc trang", None))
#endif // QT_CONFIG(accessibility)
        self.blank_note.setText(QCoreApplication.translate("PageReview", u"Trang n\u00e0y c\u00f3 v\u1ebb l\u00e0 trang tr\u1eafng. Xo\u00e1 n\u1ebfu \u0111\u00fang l\u00e0 trang tr\u1eafng, ho\u1eb7c b\u1ea5m \u201cKh\u00f4ng ph\u1ea3i trang tr\u1eafng\u201d.", None))
        self.rotate_left_button.setText(QCoreApplication.translate("PageReview", u"Xoay tr\u00e1i", None))
        self.rotate_right_button.setText(QCoreApplication.translate("PageReview", u"Xoay ph\u1ea3i", None))
        self.move_back_button.setText(QCoreApplication.translate("PageReview", u"\u2190 L\u00ean tr\u01b0\u1edbc", None))
        self.move_on_button.setText(QCoreApplication.translate("PageReview", u"Ra sau \u2192", None))
        self.delete_button.setText(QCoreApplication.translate("PageReview", u"Xo\u00e1 trang", None))
#if QT_CONFIG(tooltip)
        self.delete_button.setToolTip(QCoreApplication.translate("PageReview", u"Xo\u00e1 trang \u0111ang ch\u1ecdn (ph\u00edm Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.blank_button.setText(QCoreApplication.translate("PageReview", u"Kh\u00f4ng ph\u1ea3i trang tr\u1eafng", None))
        self.insert_scan_button.setText(QCoreApplication.translate("PageReview", u"Qu\u00e9t ch\u00e8n", None))
#if QT_CONFIG(tooltip)
        self.insert_scan_button.setToolTip(QCoreApplication.translate("PageReview", u"Qu\u00e9t th\u00eam trang, ch\u00e8n sau trang \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
        self.insert_files_button.setText(QCoreApplication.translate("PageReview", u"Ch\u00e8n t\u1ec7p\u2026", None))
#if QT_CONFIG(tooltip)
        self.insert_files_button.setToolTip(QCoreApplication.translate("PageReview", u"Th\u00eam trang t\u1eeb t\u1ec7p, ch\u00e8n sau trang \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

