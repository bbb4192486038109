"""HelpOverlay: every key of the workstation, over the window, until any key or click."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.actions import help_rows
from gui.settings import Settings


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget, settings: Settings | None = None) -> None:
        super().__init__(parent)
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
            self.hide()
            return
        body = "".join(
            f"<tr><td align='right'><b><code>{escape(k)}</code></b></td><td>&nbsp;&nbsp;{escape(t)}</td>"
            f"<td>&nbsp;&nbsp;<i>{escape(d)}</i></td></tr>"
            for k, t, d in self.rows()
        )
        self.label.setText(f"<h2>Keys</h2><table cellspacing='3'>{body}</table><p>Esc or any click closes.</p>")
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus()

    def keyPressEvent(self, e) -> None:
        self.hide()

    def mousePressEvent(self, e) -> None:
        self.hide()

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is self.parentWidget() and e.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False
