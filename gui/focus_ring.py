"""FocusRing: a frame in the highlight colour around the control that has the keyboard focus.

The styles Qt ships mark focus faintly or not at all on a table or a text view: a reviewer who
drives the window with keys cannot see whether the next key goes to the mention list, the
article or the queue (issue 11 item 9, "visible keyboard focus"). The ring is a child of the
window, above the other widgets, transparent to the mouse and masked to its frame, so it never
covers or repaints what is inside it. It follows the focused control when that moves or resizes,
and hides while the focus is in another window.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QRegion
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox,
                               QLineEdit, QWidget)

#: The controls that get a ring: what takes keys (lists, tables, the text, fields, buttons).
RINGED = (QAbstractScrollArea, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractButton)
WIDTH = 2


class FocusRing(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        self.follow(new if new is not None and isinstance(new, RINGED) and new.window() is self.window() else None)

    def follow(self, target: QWidget | None) -> None:
        """Draw the ring around ``target`` (None: hide it)."""
        if self.target is not None and shiboken6.isValid(self.target):  # a window closing deletes its controls
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            return
        target.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                                                       QEvent.Type.Hide):
            self._place()
        return False

    def _place(self) -> None:
        target = self.target
        if target is None or not target.isVisible() or target.visibleRegion().isEmpty():  # e.g. a collapsed pane
            self.hide()
            return
        top_left = target.mapTo(self.window(), target.rect().topLeft())
        outer = QRect(top_left, target.size()).adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH)
        self.setGeometry(outer)
        inside = self.rect().adjusted(WIDTH, WIDTH, -WIDTH, -WIDTH)
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inside)))  # the frame only
        self.raise_()
        self.show()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))  # the mask leaves the frame
        painter.end()
