"""The plots drawn with QPainter into PNGs: sizes, and ink where the data says."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from tadqiq.gui.plot import save_learning_curve, save_reliability


def _ink(image: QImage, color: str) -> int:
    want = QColor(color)
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y) == want)


def test_learning_curve_png(tmp_path, qapp):
    points = [{"articles": 5, "trigger_f1": 0.5, "argument_f1": 0.2},
              {"articles": 20, "trigger_f1": 0.8, "argument_f1": 0.4}]
    image = QImage(str(save_learning_curve(points, tmp_path / "c.png", title="t")))
    assert (image.width(), image.height()) == (720, 420)
    assert _ink(image, "#1f77b4") > 50 and _ink(image, "#d95f02") > 50  # both series drawn


def test_reliability_png(tmp_path, qapp):
    series = [{"label": "raw", "color": "#d95f02", "bins": [(0.8, 0.5, 40)]},
              {"label": "calibrated", "color": "#1f77b4", "bins": [(0.5, 0.5, 40)]}]
    image = QImage(str(save_reliability(series, tmp_path / "r.png")))
    assert (image.width(), image.height()) == (560, 560)
    assert _ink(image, "#1f77b4") > 20 and _ink(image, "#d95f02") > 20
