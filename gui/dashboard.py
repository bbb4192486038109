"""The dashboard (View → Dashboard…): pictures of the work, drawn with QPainter.

Four panels from ``Project.dashboard()``: decisions per day, decisions (and hours) per
reviewer, gold mentions per type, and the acceptance of each engine's proposals per type —
kept as proposed, corrected, rejected — which says how good the extractor is where.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from tadqiq.gui.i18n import tr
from tadqiq.db.project import Dashboard, Project

BAR = "#0a98c7"
KEPT, CORRECTED, REJECTED = "#3d7a61", "#9748cf", "#ed310c"  # palette colours, apart for every vision
MAX_ROWS = 12


def _title(p: QPainter, rect: QRectF, text: str) -> QRectF:
    font = QFont(p.font())
    font.setBold(True)
    p.save()
    p.setFont(font)
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), 22), Qt.AlignmentFlag.AlignLeft, text)
    p.restore()
    return rect.adjusted(0, 26, 0, 0)


def _nothing(p: QPainter, rect: QRectF, text: str | None = None) -> None:
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text or tr("nothing yet"))


def paint_columns(p: QPainter, rect: QRectF, title: str, items: Sequence[tuple[str, float]]) -> None:
    """Vertical bars (one per day), the value above each, every k-th label below."""
    area = _title(p, rect, title)
    if not items:
        return _nothing(p, area)
    top, bottom = area.top() + 16, area.bottom() - 20
    most = max(v for _, v in items) or 1
    step = area.width() / len(items)
    every = max(1, int(len(items) / max(1, area.width() // 60)))
    for i, (label, value) in enumerate(items):
        h = (bottom - top) * value / most
        x = area.left() + i * step
        bar = min(step * 0.7, 36.0)  # one day is a bar, not a wall
        p.fillRect(QRectF(x + (step - bar) / 2, bottom - h, bar, h), QColor(BAR))
        if step >= 22 or value == most:
            p.drawText(QRectF(x, bottom - h - 16, step, 14), Qt.AlignmentFlag.AlignCenter, f"{value:g}")
        if i % every == 0:
            p.drawText(QRectF(x - step, bottom + 2, 3 * step, 16), Qt.AlignmentFlag.AlignCenter, label[5:])
    p.drawLine(area.left(), bottom, area.right(), bottom)


def paint_rows(p: QPainter, rect: QRectF, title: str, items: Sequence[tuple[str, float, str]]) -> None:
    """Horizontal bars: (label, value, text shown after the bar)."""
    area = _title(p, rect, title)
    if not items:
        return _nothing(p, area)
    items = list(items)[:MAX_ROWS]
    label_w = min(area.width() * 0.4, max(p.fontMetrics().horizontalAdvance(lbl) for lbl, _, _ in items) + 8)
    row = min(24.0, area.height() / len(items))
    most = max(v for _, v, _ in items) or 1
    bar_w = area.width() - label_w - 70
    for i, (label, value, text) in enumerate(items):
        y = area.top() + i * row
        p.drawText(QRectF(area.left(), y, label_w - 6, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   label)
        w = bar_w * value / most
        p.fillRect(QRectF(area.left() + label_w, y + row * 0.2, w, row * 0.6), QColor(BAR))
        p.drawText(QRectF(area.left() + label_w + w + 4, y, 66, row), Qt.AlignmentFlag.AlignVCenter, text)


def paint_acceptance(p: QPainter, rect: QRectF, title: str, dash: Dashboard) -> None:
    """One stacked bar per (engine, type): kept, corrected, rejected, with the share kept."""
    area = _title(p, rect, title)
    rows = sorted(dash.acceptance, key=lambda a: (-a.decided, a.type))[:MAX_ROWS]
    if not rows:
        return _nothing(p, area, tr("no decided proposals yet"))
    legend_y = area.bottom() - 16
    x = area.left()
    for name, color in ((tr("kept"), KEPT), (tr("corrected"), CORRECTED), (tr("rejected"), REJECTED)):
        p.fillRect(QRectF(x, legend_y + 3, 10, 10), QColor(color))
        p.drawText(QRectF(x + 14, legend_y, 90, 16), Qt.AlignmentFlag.AlignVCenter, name)
        x += 20 + p.fontMetrics().horizontalAdvance(name) + 12
    area = area.adjusted(0, 0, 0, -22)
    labels = [f"{a.type} · {a.origin.removeprefix('extractor:')}" for a in rows]
    label_w = min(area.width() * 0.45, max(p.fontMetrics().horizontalAdvance(lbl) for lbl in labels) + 8)
    row = min(24.0, area.height() / len(rows))
    bar_w = area.width() - label_w - 80
    for i, (a, label) in enumerate(zip(rows, labels, strict=True)):
        y = area.top() + i * row
        p.drawText(QRectF(area.left(), y, label_w - 6, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   label)
        x = area.left() + label_w
        for n, color in ((a.confirmed, KEPT), (a.corrected, CORRECTED), (a.rejected, REJECTED)):
            w = bar_w * n / a.decided
            p.fillRect(QRectF(x, y + row * 0.2, w, row * 0.6), QColor(color))
            x += w
        p.drawText(QRectF(x + 4, y, 76, row), Qt.AlignmentFlag.AlignVCenter, tr("{0:.0%} of {1}").format(a.rate, a.decided))


def paint_dashboard(p: QPainter, rect: QRectF, dash: Dashboard, palette: QPalette | None = None) -> None:
    palette = palette or QPalette()
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, palette.color(QPalette.ColorRole.Base))
    p.setPen(QPen(palette.color(QPalette.ColorRole.Text)))
    pad = 14
    w, h = (rect.width() - 3 * pad) / 2, (rect.height() - 3 * pad) / 2
    cells = [QRectF(rect.left() + pad + c * (w + pad), rect.top() + pad + r * (h + pad), w, h)
             for r in range(2) for c in range(2)]
    paint_columns(p, cells[0], tr("Decisions per day"), dash.per_day)
    paint_rows(p, cells[1], tr("Decisions per reviewer"), [(r, n, f"{n} · {hrs:.1f} h") for r, n, hrs in dash.per_reviewer])
    paint_rows(p, cells[2], tr("Gold mentions per type"), [(t, n, str(n)) for t, n in dash.per_type])
    paint_acceptance(p, cells[3], tr("Proposals kept, per type and engine"), dash)
    p.restore()


class DashboardView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dash = Dashboard()
        self.setMinimumSize(720, 480)
        self.setAccessibleName(tr("Dashboard plots"))

    def set_dashboard(self, dash: Dashboard) -> None:
        self.dash = dash
        self.setAccessibleDescription(summary(dash))
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        paint_dashboard(p, QRectF(self.rect()), self.dash, self.palette())
        p.end()


def summary(dash: Dashboard) -> str:
    """The plots in one line of words (the accessible description, and the window's caption)."""
    decided = sum(n for _, n in dash.per_day)
    kept = sum(a.confirmed + a.corrected for a in dash.acceptance)
    judged = sum(a.decided for a in dash.acceptance)
    rate = (tr("{0:.0%} of {1} decided proposals kept").format(kept / judged, judged) if judged
            else tr("no decided proposals"))
    return tr("{0} decisions over {1} day(s) by {2} reviewers; {3} gold mentions; {4}").format(
        decided, len(dash.per_day), len(dash.per_reviewer), sum(n for _, n in dash.per_type), rate)


class DashboardWindow(QDialog):
    """Non-modal; read again each time it is shown."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setObjectName("dashboard")
        self.setWindowTitle(tr("Dashboard"))
        self.setModal(False)
        self.caption = QLabel()
        self.caption.setObjectName("dashboardCaption")
        self.view = DashboardView()
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self.resize(1100, 720)

    def refresh(self) -> None:
        self.view.set_dashboard(self.project.dashboard())
        self.caption.setText(self.view.accessibleDescription())  # the plots in words, worked out once

    def showEvent(self, e) -> None:
        self.refresh()
        super().showEvent(e)
