"""TypePicker: choose an event type by typing a few letters (name, English or Arabic gloss)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tadqiq.gui.focus import claims_own_keys
from tadqiq.gui.i18n import tr
from tadqiq.core.schema import EventSchema


def matches(schema: EventSchema, typed: str) -> list[str]:
    """Type names matching ``typed``: prefix of a name part first, then anywhere in name or glosses."""
    q = typed.strip().lower()
    names = list(schema.types)
    if not q:
        return names
    first, rest = [], []
    for name in names:
        t = schema.types[name]
        parts = name.lower().replace("-", ".").split(".")
        if any(p.startswith(q) for p in parts) or name.lower().startswith(q):
            first.append(name)
        elif q in name.lower() or q in t.en.lower() or q in t.ar:
            rest.append(name)
    return first + rest


class TypePicker(QDialog):
    """Type-ahead list: Enter picks the highlighted type, Escape cancels."""

    type_chosen = Signal(str)

    def event(self, e: QEvent) -> bool:
        return claims_own_keys(e) or super().event(e)  # Escape and Enter are this widget's own

    def __init__(self, schema: EventSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.setWindowTitle(tr("Event type"))
        self.prompt = QLabel()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("type a few letters: att, die, قصف …"))
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self._filter)
        self.edit.returnPressed.connect(self._choose)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self._callback: Callable[[str], None] | None = None
        self._filter("")
        # wide enough for every type with its Arabic gloss (which starts at the right: cut, it loses its head)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + self.list.verticalScrollBar().sizeHint().width()
                                  + 2 * self.list.frameWidth() + 8)

    def ask(self, prompt: str, callback: Callable[[str], None], current: str | None = None) -> None:
        """Show the picker (non-blocking); ``callback(type)`` runs when one is chosen. ``current``
        (the mention's type now) starts selected, so T then Enter changes nothing by accident."""
        self._callback = callback
        self.prompt.setText(prompt)
        self.edit.clear()
        self._filter("")
        for row in range(self.list.count()):
            if current is not None and self.list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.list.setCurrentRow(row)
        # not modal: the article stays readable and clickable beside it (no modal dialog on the review path)
        self.setModal(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    def _filter(self, typed: str) -> None:
        self.list.clear()
        for name in matches(self.schema, typed):
            t = self.schema.types[name]
            item = QListWidgetItem(f"{name}   {t.ar}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(t.color))
            item.setToolTip(t.en)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            row = self.list.currentRow() + (1 if e.key() == Qt.Key.Key_Down else -1)
            self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
            return
        super().keyPressEvent(e)

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        callback, self._callback = self._callback, None
        self.accept()
        self.type_chosen.emit(name)
        if callback is not None:
            callback(name)
