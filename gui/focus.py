"""Give the keyboard back to the window when one of its dialogs closes.

With a window manager, closing a dialog re-activates the window under it. Without one
(offscreen, a bare Xvfb, some kiosk sessions) nothing does: ``QApplication.activeWindow()``
stays None and every window shortcut (J, A, Ctrl+Z, Ctrl+Q ...) is dead until the reviewer
clicks. :class:`FocusReturner` watches for top-level windows being hidden (the type picker,
the value editor, the export dialog and the file choosers and message boxes it opens,
accepted or cancelled); when the one that goes away was the active window (or none is
active), it activates the window it belongs to and, for the main window, puts the focus
back on its home widget (the article view). Popups (completers, menus) are left to Qt: they
never take the activation.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

_OWN_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def claims_own_keys(e: QEvent) -> bool:
    """For a widget's ``event()``: True (the event accepted) when ``e`` is the shortcut check of
    Escape or Enter, which the widget (a find line, a note line, a picker that is not modal)
    answers itself — else the window's shortcuts (Escape cancels, Ctrl+Enter ...) see them first."""
    if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and e.key() in _OWN_KEYS:
        e.accept()
        return True
    return False


_NOT_DIALOGS = {Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen, Qt.WindowType.Desktop}


class FocusReturner(QObject):
    def __init__(self, window: QWidget, home: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.home = home
        self._pending: tuple[QWidget, float] | None = None  # (window to give back to, until when)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        kind = e.type()
        if kind == QEvent.Type.Hide and isinstance(obj, QWidget) and obj.isWindow() and obj is not self.window:
            self._window_hidden(obj)
        elif kind == QEvent.Type.WindowDeactivate and self._pending is not None:
            QTimer.singleShot(0, self._check_later)
        return False

    def _window_hidden(self, gone: QWidget) -> None:
        if gone.windowType() in _NOT_DIALOGS:
            return
        parent = gone.parentWidget()
        target = parent.window() if parent is not None else None
        if target is None or not target.isVisible() or not self._ours(target):
            return
        if QApplication.activeWindow() in (None, gone):
            self.give_back(target)
        # The platform may report the dialog's (de)activation only later, e.g. for a dialog
        # closed before its activation arrived: for a moment, a window left with no active
        # window at all gets it back (a switch to another application is not affected: the
        # moment is short and starts only when one of our dialogs closes).
        self._pending = (target, time.monotonic() + 1.0)
        QTimer.singleShot(0, self._check_later)

    def _check_later(self) -> None:
        if self._pending is None:
            return
        target, until = self._pending
        active = QApplication.activeWindow()
        if time.monotonic() > until or not isValid(target) or not target.isVisible():
            self._pending = None
        elif active is None or not active.isVisible():  # nothing, or the closed dialog, is active
            self._pending = None
            self.give_back(target)
        elif active is not target:  # another window took over (a new dialog): leave it be
            self._pending = None

    def _ours(self, widget: QWidget | None) -> bool:
        while widget is not None:
            if widget is self.window:
                return True
            widget = widget.parentWidget()
        return False

    def give_back(self, target: QWidget | None = None) -> None:
        """Activate ``target`` (default: the main window) and focus its home widget."""
        target = target or self.window
        target.activateWindow()
        if target is self.window and isValid(self.home):
            self.home.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
