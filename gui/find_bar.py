"""FindBar: search inside the open article (Ctrl+F); the queue's search words are marked too.

The bar marks every match of its words in the article (normalised like the full-text index:
«هجوم» finds «الهجوم» and «وبالهجوم»), counts them and steps through them with Enter and
Shift+Enter. When it is closed, the words of the queue's search box stay marked, so an
article opened from a search shows why it matched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from tadqiq.db.project import SearchError, search_marks
from tadqiq.gui.focus import claims_own_keys
from tadqiq.gui.i18n import tr
from tadqiq.gui.article_view import ArticleView
from tadqiq.gui.document import ReviewDocument


class _Edit(QLineEdit):
    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def event(self, e: QEvent) -> bool:
        return claims_own_keys(e) or super().event(e)  # Escape and Enter are this widget's own

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.bar.step(-1 if e.modifiers() & Qt.KeyboardModifier.ShiftModifier else +1)
            return
        if e.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
            return
        super().keyPressEvent(e)


class FindBar(QWidget):
    def __init__(self, doc: ReviewDocument, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.view = doc, view
        self.setObjectName("findBar")
        self.edit = _Edit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName(tr("Find in this article"))
        self.edit.setPlaceholderText(tr("Find in this article… (Enter: next, Shift+Enter: previous, Esc: close)"))
        self.count = QLabel()
        self.count.setObjectName("findCount")
        close = QToolButton()
        close.setText("×")
        close.setAccessibleName(tr("Close the find bar"))
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.count)
        row.addWidget(close)
        self.active = False
        self.queue_query: str | None = None  # the queue's search words, marked when the bar is closed
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self.edit.textChanged.connect(lambda _t: self.update_marks(jump=True))
        doc.article_opened.connect(lambda _id: self.update_marks(jump=self.active))
        self.hide()

    def open_bar(self) -> None:
        self.active = True
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.update_marks(jump=True)

    def close_bar(self) -> None:
        self.active = False
        self.hide()
        self.update_marks()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find(self, word: str, at: int | None = None) -> None:
        """Open the bar on ``word``, the match starting at (or first after) ``at`` current."""
        self.edit.blockSignals(True)
        self.edit.setText(word)
        self.edit.blockSignals(False)
        self.open_bar()
        if at is not None and self.spans:
            self.current = next((i for i, (s, e) in enumerate(self.spans) if e > at), 0)
            self.step(0)

    def set_queue_query(self, query: str | None) -> None:
        self.queue_query = query or None
        self.update_marks()

    @property
    def query(self) -> str | None:
        typed = self.edit.text().strip()
        return typed if self.active and typed else self.queue_query

    def update_marks(self, jump: bool = False) -> None:
        """Mark the matches of the current words in the article; with ``jump``, go to the first."""
        article, query = self.doc.article, self.query
        self.spans, self.current = [], -1
        message = ""
        if article is not None and query:
            try:
                self.spans = search_marks(article.text, query)
            except SearchError as exc:
                message = str(exc)
        if self.spans and jump:
            self.current = 0
        if not message and query:
            n = len(self.spans)
            message = "no match" if not n else f"{self.current + 1} of {n}" if self.current >= 0 else f"{n} matches"
        self.count.setText(message)
        self.view.set_marks(self.spans, self.current)
        if self.current >= 0:
            self.view.scroll_to(self.spans[self.current][0])

    def step(self, delta: int) -> None:
        if not self.spans:
            return
        self.current = (self.current + delta) % len(self.spans)
        self.count.setText(tr("{0} of {1}").format(self.current + 1, len(self.spans)))
        self.view.set_marks(self.spans, self.current)
        self.view.scroll_to(self.spans[self.current][0])
