"""NotesPanel: the flags and notes of the open article, and a line to add one (C).

A note is free text on the article or on the selected mention ("guideline unclear: is a
shelling with no target an attack?"); a *flag* is a note that asks a lead to look (the queue
shows the article as flagged until every flag is resolved). Notes are stored at once in the
project's ``notes`` table, listed by ``tadqiq notes`` and exported by ``tadqiq notes --json``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from tadqiq.gui.focus import claims_own_keys
from tadqiq.gui.i18n import tr
from tadqiq.gui.document import ReviewDocument

ROWS = 3


class _NoteEdit(QLineEdit):
    def __init__(self, panel: NotesPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def event(self, e: QEvent) -> bool:
        return claims_own_keys(e) or super().event(e)  # Escape and Enter are this widget's own

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.panel.save()
            return
        if e.key() == Qt.Key.Key_Escape:
            self.clear()
            self.panel.done()
            return
        super().keyPressEvent(e)


class NotesPanel(QWidget):
    def __init__(self, doc: ReviewDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("notesPanel")
        self.title = QLabel(tr("Notes"))
        self.list = QListWidget()
        self.list.setObjectName("notesList")
        self.list.setAccessibleName(tr("Notes and flags of this article"))
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setWordWrap(True)
        self.resolve_button = QPushButton(tr("Resolve"))
        self.resolve_button.setAccessibleName(tr("Resolve the selected note or flag"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.edit = _NoteEdit(self)
        self.edit.setObjectName("noteEdit")
        self.edit.setAccessibleName(tr("New note"))
        self.edit.setPlaceholderText(tr("Add a note on the selected mention… (C; Enter saves, Esc cancels)"))
        self.flag = QCheckBox(tr("flag for a lead"))
        self.flag.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.entry = QWidget()  # shown while a note is typed (C), so it costs no room otherwise
        line = QHBoxLayout(self.entry)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.edit, 1)
        line.addWidget(self.flag)
        self.entry.hide()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.entry)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self.list.setFixedHeight(ROWS * self.list.fontMetrics().height() * 2 + 2 * self.list.frameWidth())
        self.return_focus: QWidget | None = None
        doc.article_opened.connect(lambda _id: self.refresh())
        doc.notes_changed.connect(lambda _id: self.refresh())
        self.refresh()

    def begin(self, return_focus: QWidget | None = None) -> None:
        """C: type a note; Enter stores it on the selected mention (or the article)."""
        self.return_focus = return_focus
        m = self.doc.selected
        self.edit.setPlaceholderText(f"Note on «{m.trigger.text}»… (Enter stores, Esc cancels)" if m is not None
                                     else "Note on this article… (Enter stores, Esc cancels)")
        self.entry.show()
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def done(self) -> None:
        self.entry.hide()
        self.setVisible(self.list.count() > 0)
        if self.return_focus is not None:
            self.return_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> int | None:
        text = self.edit.text().strip()
        article, m = self.doc.article, self.doc.selected
        if not text or article is None:
            self.done()
            return None
        note_id = self.doc.add_note(article.id, text, "flag" if self.flag.isChecked() else "note",
                                    m.id if m is not None else None)
        self.edit.clear()
        self.flag.setChecked(False)
        self.done()
        return note_id

    def resolve_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.doc.resolve_note(int(item.data(Qt.ItemDataRole.UserRole)))

    def refresh(self) -> None:
        self.list.clear()
        article = self.doc.article
        notes = self.doc.project.notes(article.id) if article is not None else []
        open_count = 0
        for note in notes:
            m = self.doc.mention(note["event_id"]) if note["event_id"] is not None else None
            where = f" · on «{m.trigger.text}»" if m is not None else ""
            mark = "⚑" if note["kind"] == "flag" else "✎"
            resolved = note["resolved_at"] is not None
            state = f" · resolved by {note['resolved_by']}" if resolved else ""
            item = QListWidgetItem(f"{mark} {note['text']} — {note['reviewer']}{where}{state}")
            item.setData(Qt.ItemDataRole.UserRole, note["id"])
            item.setToolTip(tr("{0} by {1} at {2}").format(note['kind'], note['reviewer'], note['created_at']))
            if resolved:
                item.setForeground(self.palette().placeholderText())
            else:
                open_count += 1
            self.list.addItem(item)
        self.title.setText(f"Notes ({open_count} open)" if notes else "Notes")
        # the list takes room from the arguments only when the article has notes
        self.title.setVisible(bool(notes))
        self.list.setVisible(bool(notes))
        self.resolve_button.setVisible(open_count > 0)
        self.setVisible(bool(notes) or self.entry.isVisibleTo(self))  # no notes: no room taken at all
