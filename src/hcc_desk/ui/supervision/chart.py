"""Horizontal stacked bar charts drawn with QPainter (PySide6-Essentials has no QtCharts).

One row per label; each row is a stack of coloured segments (e.g. early / on time / late) with
the numbers written inside when they fit, and a legend on top. Good enough to see at a glance
which agency is late, which is what a supervisor looks at it for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    color: str


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]  # one per series
    note: str = ""  # written right of the bar, e.g. "92 %"
    color: str | None = None  # one colour for the whole bar instead of the series' colours


TIMING_SERIES = (
    Series(QT_TRANSLATE_NOOP("Supervision", "Trước hạn"), "#34a853"),
    Series(QT_TRANSLATE_NOOP("Supervision", "Đúng hạn"), "#1a73e8"),
    Series(QT_TRANSLATE_NOOP("Supervision", "Quá hạn"), "#d93025"),
)


class BarChart(QWidget):
    ROW = 26
    GAP = 8

    def __init__(self, parent: QWidget | None = None, series: tuple[Series, ...] = ()):
        """Parent first: forms/supervision.ui creates the chart as ``BarChart(parent)``."""
        super().__init__(parent)
        self.series = series
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)

    def set_series(self, series: tuple[Series, ...]) -> None:
        self.series = series
        self.setMinimumHeight(self._height())
        self.update()

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        top = 30 if any(s.name for s in self.series) else 4
        return top + max(1, len(self.bars)) * (self.ROW + self.GAP)

    def sizeHint(self) -> QSize:
        return QSize(480, self._height())

    def segments(self) -> list[list[tuple[QRectF, int]]]:
        """Geometry of every bar's segments (also what the tests check)."""
        fm = QFontMetrics(self.font())
        label_w = min(
            max((fm.horizontalAdvance(b.label) for b in self.bars), default=0) + 12,
            self.width() // 3,
        )
        note_w = max((fm.horizontalAdvance(b.note) for b in self.bars), default=0) + 12
        top = 30 if any(s.name for s in self.series) else 4
        left = label_w
        width = max(10, self.width() - left - note_w)
        biggest = max((sum(b.values) for b in self.bars), default=0) or 1
        out = []
        for i, bar in enumerate(self.bars):
            y = top + i * (self.ROW + self.GAP)
            x = float(left)
            row = []
            for value in bar.values:
                w = width * value / biggest
                row.append((QRectF(x, y, w, self.ROW), value))
                x += w
            out.append(row)
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        x = 0
        for s in self.series:  # legend
            if not s.name:
                continue
            name = QCoreApplication.translate("Supervision", s.name)
            p.fillRect(QRectF(x, 6, 14, 14), QColor(s.color))
            p.setPen(self.palette().windowText().color())
            p.drawText(x + 18, 18, name)
            x += 30 + fm.horizontalAdvance(name)
        if not self.bars:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Chưa có số liệu"))
            p.end()
            return
        for bar, row in zip(self.bars, self.segments(), strict=True):
            y = row[0][0].y() if row else 0
            label_rect = QRectF(0, y, (row[0][0].x() if row else 0) - 6, self.ROW)
            p.setPen(self.palette().windowText().color())
            p.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_rect.width())),
            )
            end = 0.0
            for (rect, value), s in zip(row, self.series, strict=True):
                if rect.width() <= 0:
                    continue
                p.fillRect(rect, QColor(bar.color or s.color))
                text = str(value)
                if fm.horizontalAdvance(text) + 4 < rect.width():
                    p.setPen(QColor("white"))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
                end = rect.right()
            if bar.note:
                p.setPen(self.palette().windowText().color())
                p.drawText(
                    QRectF(end + 6, y, 200, self.ROW), Qt.AlignmentFlag.AlignVCenter, bar.note
                )
        p.end()
