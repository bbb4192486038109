"""The dashboard (issue 11 item 6): the figures from SQL, and the plots drawn from them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tadqiq.gui.dashboard import KEPT, REJECTED, paint_dashboard, summary


def _decide(w):
    """Accept two proposals, reject one, as two reviewers."""
    p, article = w.project, w.doc.article
    proposals = [m for m in w.doc.mentions if m.status == "proposed"][:3]
    for m, status, who in zip(proposals, ("confirmed", "confirmed", "rejected"), ("amal", "amal", "omar"), strict=True):
        p.save_mention(article.id, replace(m, status=status, reviewer=who), reviewer=who, action="accept")
    return proposals


def test_the_figures_count_decisions_gold_and_kept_proposals(open_window):
    w = open_window()
    before = w.project.dashboard()
    proposals = _decide(w)
    dash = w.project.dashboard()
    assert sum(n for _, n in dash.per_day) == sum(n for _, n in before.per_day) + 3
    reviewers = dict((r, n) for r, n, _ in dash.per_reviewer)
    assert reviewers["amal"] == 2 and reviewers["omar"] == 1
    rows = {(a.origin, a.type): a for a in dash.acceptance}
    for m in proposals:
        assert (m.origin, m.type) in rows
    first = rows[(proposals[0].origin, proposals[0].type)]
    assert first.confirmed >= 1 and 0 < first.rate <= 1
    assert sum(a.rejected for a in dash.acceptance) == sum(a.rejected for a in before.acceptance) + 1
    gold = dict(dash.per_type)
    assert gold[proposals[0].type] >= 1
    assert "decided proposals kept" in summary(dash)


def test_an_undone_decision_is_not_counted(open_window, ui):
    w = open_window()
    before = sum(n for _, n in w.project.dashboard().per_day)
    ui.key(w, Qt.Key.Key_A)
    assert sum(n for _, n in w.project.dashboard().per_day) == before + 1
    w.actions_by_name["undo"].trigger()
    assert sum(n for _, n in w.project.dashboard().per_day) == before


def _count(image: QImage, color: str) -> int:
    want = QColor(color).rgb()
    return sum(image.pixel(x, y) == want for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_the_plots_draw_the_figures(open_window):
    w = open_window()
    _decide(w)
    image = QImage(1000, 640, QImage.Format.Format_RGB32)
    p = QPainter(image)
    paint_dashboard(p, QRectF(0, 0, 1000, 640), w.project.dashboard())
    p.end()
    assert _count(image, KEPT) > 50 and _count(image, REJECTED) > 10  # the stacked bars are there
    empty = QImage(1000, 640, QImage.Format.Format_RGB32)
    p = QPainter(empty)
    paint_dashboard(p, QRectF(0, 0, 1000, 640), replace(w.project.dashboard(), acceptance=[]))
    p.end()
    assert _count(empty, KEPT) == 0


def test_the_window_opens_from_its_key_and_is_not_modal(open_window, ui, qtbot):
    w = open_window()
    ui.key(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    d = w.dashboard_window
    assert d is not None and d.isVisible() and not d.isModal()
    assert "decisions" in d.caption.text() and d.view.accessibleDescription() == d.caption.text()
