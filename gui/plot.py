"""The learning curve and the reliability diagram drawn with QPainter, as PNGs (docs/, `evaluate --curve`).

F1 (0..1, y) against the number of gold articles trained on (x), one line for triggers and one
for arguments, the points marked and labelled. No plotting library: two polylines and axes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

SERIES = (("trigger_f1", "trigger F1", "#1f77b4"), ("argument_f1", "argument F1", "#d95f02"))


def _begin(painter: QPainter, rect: QRectF) -> None:
    """A white page in 9 pt, antialiased; the caller restores the painter when done."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("#ffffff"))
    font = QFont(painter.font())
    font.setPointSizeF(9)
    painter.setFont(font)


def paint_curve(painter: QPainter, rect: QRectF, points: Sequence[Mapping[str, Any]], title: str = "") -> None:
    _begin(painter, rect)
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
    return _save_png(lambda painter, rect: paint_curve(painter, rect, points, title), path, size)


_keep: list[QApplication] = []


def _save_png(paint: Callable[[QPainter, QRectF], None], path: str | Path, size: tuple[int, int]) -> Path:
    _ensure_app()
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        paint(painter, QRectF(0, 0, size[0], size[1]))
    finally:
        painter.end()
    path = Path(path)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: cannot write the PNG")
    return path


def _ensure_app() -> None:
    """A widgets application (a window may open later in the process), offscreen without a display."""
    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QApplication([]))


def paint_reliability(painter: QPainter, rect: QRectF, series: Sequence[Mapping[str, Any]], title: str = "") -> None:
    """A reliability diagram: per confidence bin, the share of proposals that were right
    (points sized by how many), one series per way of scoring (raw, calibrated), and the
    diagonal a calibrated engine lies on. ``series``: [{"label", "color", "bins": [(mean
    confidence, share right, n), ...]}]."""
    _begin(painter, rect)
    left, top, right, bottom = rect.left() + 56, rect.top() + 62, rect.right() - 24, rect.bottom() - 44
    side = min(right - left, bottom - top)
    right, bottom = left + side, top + side

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + side * x, bottom - side * y)

    painter.setPen(QColor("#333333"))
    if title:
        painter.drawText(QRectF(rect.left(), rect.top() + 6, rect.width(), 20), Qt.AlignmentFlag.AlignCenter, title)
    painter.drawLine(at(0, 0), at(1, 0))
    painter.drawLine(at(0, 0), at(0, 1))
    for k in range(0, 11, 2):
        v = k / 10
        painter.drawText(QRectF(rect.left(), at(0, v).y() - 8, 50, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{v:.1f}")
        painter.drawText(QRectF(at(v, 0).x() - 20, bottom + 4, 40, 16), Qt.AlignmentFlag.AlignCenter, f"{v:.1f}")
    painter.drawText(QRectF(left, bottom + 22, side, 18), Qt.AlignmentFlag.AlignCenter, "confidence given")
    painter.save()
    painter.translate(rect.left() + 12, top + side / 2)
    painter.rotate(-90)
    painter.drawText(QRectF(-side / 2, -8, side, 16), Qt.AlignmentFlag.AlignCenter, "share right")
    painter.restore()
    painter.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DashLine))
    painter.drawLine(at(0, 0), at(1, 1))
    total = max(1, max((n for s in series for _, _, n in s["bins"]), default=1))
    for k, s in enumerate(series):
        color = QColor(s["color"])
        pts = [(at(c, r), n) for c, r, n in s["bins"] if n]
        painter.setPen(QPen(color, 2))
        for (a, _), (b, _) in zip(pts, pts[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(color)
        for q, n in pts:
            radius = 3 + 7 * (n / total) ** 0.5
            painter.drawEllipse(q, radius, radius)
        x0, y0 = left + 10, top - 26 + 14 * k  # stacked above the plot
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + 20, y0))
        painter.setPen(QColor("#333333"))
        painter.drawText(QPointF(x0 + 26, y0 + 4), s["label"])
    painter.restore()


def save_reliability(series: Sequence[Mapping[str, Any]], path: str | Path, *, title: str = "",
                     size: tuple[int, int] = (560, 560)) -> Path:
    """The reliability diagram as a PNG (offscreen when there is no display)."""
    return _save_png(lambda painter, rect: paint_reliability(painter, rect, series, title), path, size)
