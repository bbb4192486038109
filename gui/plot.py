"""The learning curve drawn with QPainter: a widget for the window and a PNG for docs/.

F1 (0..1, y) against the number of gold articles trained on (x), one line for triggers and one
for arguments, the points marked and labelled. No plotting library: two polylines and axes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

SERIES = (("trigger_f1", "trigger F1", "#1f77b4"), ("argument_f1", "argument F1", "#d95f02"))


def paint_curve(painter: QPainter, rect: QRectF, points: Sequence[Mapping[str, Any]], title: str = "") -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("#ffffff"))
    font = QFont(painter.font())
    font.setPointSizeF(9)
    painter.setFont(font)
    left, top, right, bottom = rect.left() + 56, rect.top() + 54, rect.right() - 32, rect.bottom() - 44
    painter.setPen(QPen(QColor("#333333"), 1))
    if title:
        painter.drawText(QRectF(rect.left(), rect.top() + 6, rect.width(), 20), Qt.AlignmentFlag.AlignCenter, title)
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.drawLine(QPointF(left, bottom), QPointF(left, top))
    xs = [p["articles"] for p in points] or [1]
    x_max = max(xs) if max(xs) > 0 else 1

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + (right - left) * x / x_max, bottom - (bottom - top) * y)

    grid = QPen(QColor("#dddddd"), 1, Qt.PenStyle.DashLine)
    for k in range(0, 11, 2):
        y = k / 10
        painter.setPen(grid)
        painter.drawLine(at(0, y), QPointF(right, at(0, y).y()))
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(rect.left(), at(0, y).y() - 8, 50, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{y:.1f}")
    for x in xs:
        painter.drawText(QRectF(at(x, 0).x() - 30, bottom + 4, 60, 16), Qt.AlignmentFlag.AlignCenter, str(x))
    painter.drawText(QRectF(left, bottom + 22, right - left, 18), Qt.AlignmentFlag.AlignCenter,
                     "gold articles trained on")
    for n, (key, label, color) in enumerate(SERIES):
        pen = QPen(QColor(color), 2)
        painter.setPen(pen)
        pts = [at(p["articles"], p[key]) for p in points]
        for a, b in zip(pts, pts[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(QColor(color))
        for p, q in zip(points, pts, strict=True):
            painter.drawEllipse(q, 3, 3)
            painter.drawText(QRectF(q.x() - 24, q.y() - 18, 48, 14), Qt.AlignmentFlag.AlignCenter, f"{p[key]:.2f}")
        legend_y = top - 14  # above the plot, one entry after the other: never over a curve
        x0 = right - 250 + 125 * n
        painter.drawLine(QPointF(x0, legend_y), QPointF(x0 + 20, legend_y))
        painter.setPen(QColor("#333333"))
        painter.drawText(QPointF(x0 + 26, legend_y + 4), label)
    painter.restore()


def save_learning_curve(points: Sequence[Mapping[str, Any]], path: str | Path, *, title: str = "",
                        size: tuple[int, int] = (720, 420)) -> Path:
    """Draw the curve into a PNG (works without a display: the offscreen platform)."""
    if QApplication.instance() is None:  # a widgets application: a window may open later in the process
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QApplication([]))
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        paint_curve(painter, QRectF(0, 0, size[0], size[1]), points, title)
    finally:
        painter.end()
    path = Path(path)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: cannot write the PNG")
    return path


_keep: list[QApplication] = []


class LearningCurveWidget(QWidget):
    """The curve in the window (Retrain dialog, dashboard)."""

    def __init__(self, points: Sequence[Mapping[str, Any]] = (), title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._points = list(points)
        self._title = title
        self.setMinimumSize(360, 220)

    def set_points(self, points: Sequence[Mapping[str, Any]]) -> None:
        self._points = list(points)
        self.update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            paint_curve(painter, QRectF(self.rect()), self._points, self._title)
        finally:
            painter.end()
