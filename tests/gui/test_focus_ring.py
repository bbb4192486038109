"""The focus ring (gui/focus_ring.py): the control that takes the keys is framed, visibly."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit


def _frame_of(window, widget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _ring_pixel_is_highlight(window) -> bool:
    ring = window.focus_ring
    image = window.grab().toImage()
    at = ring.geometry().topLeft() + QPoint(ring.width() // 2, 0)  # the middle of its top edge
    return image.pixelColor(at) == ring.palette().color(QPalette.ColorRole.Highlight)


def test_the_focused_pane_is_framed_and_the_frame_moves_with_the_keys(open_window, qtbot):
    w = open_window()
    ring = w.focus_ring
    qtbot.waitUntil(lambda: ring.target is w.article_view)  # the window opens with the keys on the article
    assert ring.isVisible() and ring.geometry().contains(_frame_of(w, w.article_view))
    assert _ring_pixel_is_highlight(w)

    mentions = w.event_panel.mention_view
    mentions.setFocus()
    qtbot.waitUntil(lambda: ring.target is mentions)
    assert ring.geometry() == _frame_of(w, mentions).adjusted(-2, -2, 2, 2)
    assert not ring.geometry().intersects(_frame_of(w, w.article_view).adjusted(2, 2, -2, -2))
    assert _ring_pixel_is_highlight(w)
    inside = ring.geometry().center()
    assert not ring.mask().contains(ring.mapFrom(w, inside))  # never covers what it frames

    w.resize(w.width() - 200, w.height() - 100)  # the list shrinks: the ring follows it
    qtbot.waitUntil(lambda: ring.geometry() == _frame_of(w, mentions).adjusted(-2, -2, 2, 2))


def test_the_ring_hides_while_the_keys_are_in_another_window(open_window, qtbot):
    w = open_window()
    qtbot.waitUntil(lambda: w.focus_ring.isVisible())
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    assert not w.focus_ring.isVisible() and w.focus_ring.target is None
