"""HelpOverlay: every key of the workstation, over the window, until any key or click.

While it is shown it owns the keyboard: an application event filter swallows every key
(the shortcut of the window behind it included: ``A`` must not accept a mention nobody can
see) and closes the overlay; a click anywhere in the window closes it too. The focus then
goes back to the widget that had it (the article view).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from tadqiq.gui.i18n import tr
from tadqiq.gui.actions import help_rows
from tadqiq.gui.settings import Settings

_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
_KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
_CLICKS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._return_focus: QWidget | None = None
        self._filtering = False  # True while shown: the application's keys come here first
        self.settings = settings
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#helpOverlay { background: rgba(20, 20, 24, 238); }"
                           "QLabel { color: #f2f2f2; font-size: 13px; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.hide()
        parent.installEventFilter(self)

    def rows(self) -> list[tuple[str, str, str]]:
        return help_rows(self.settings)

    def toggle(self) -> None:
        if self.isVisible():
            self.close_overlay()
            return
        body = "".join(
            f"<tr><td align='right'><b><code>{escape(k)}</code></b></td><td>&nbsp;&nbsp;{escape(t)}</td>"
            f"<td>&nbsp;&nbsp;<i>{escape(d)}</i></td></tr>"
            for k, t, d in self.rows()
        )
        self.label.setText(tr("<h2 align='center'>Keys</h2><table align='center' cellspacing='3'>{0}</table><p align='center'>Any key or click closes this list.</p>").format(body))
        self._return_focus = QApplication.focusWidget()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus()
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def close_overlay(self) -> None:
        self.hide()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False
        back, self._return_focus = self._return_focus, None
        if back is not None and isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, e) -> None:
        self.close_overlay()

    def mousePressEvent(self, e) -> None:
        self.close_overlay()

    def _in_window(self, obj: QObject) -> bool:
        return isinstance(obj, QWidget) and obj.window() is self.window()

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        kind = e.type()
        # getattr: while the window is being destroyed this object's Python side may be gone
        if not getattr(self, "_filtering", False) or not self.isVisible():
            return False
        if obj is self.parentWidget() and kind == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            return False
        if kind in _KEY_EVENTS and self._in_window(obj):
            assert isinstance(e, QKeyEvent)
            if e.key() in _MODIFIER_KEYS:
                return False  # Shift alone (on the way to typing "?") changes nothing
            if kind == QEvent.Type.ShortcutOverride:
                e.accept()  # "this key is mine": no window shortcut fires behind the overlay
            else:
                self.close_overlay()
            return True
        if kind in _CLICKS and self._in_window(obj):
            self.close_overlay()
            return True
        return False
