"""Edit → Keyboard Shortcuts…: every action of gui/actions.py with its keys, rebindable.

A table (action, what it does, keys, a per-row *Reset*) over a working copy of the
bindings; pick a row, press the new key in the key field. A key another action already
uses is refused with a message naming that action (nothing is swapped behind the
reviewer's back: free the key there first). *OK* writes the ``keys/<name>`` settings (a
binding equal to the defaults is removed, so the action follows future defaults) and the
window applies them to its live actions; *Cancel* changes nothing.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QKeySequenceEdit, QLabel,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from tadqiq.gui.i18n import tr
from tadqiq.gui.actions import ACTIONS, BY_NAME, key_sequences
from tadqiq.gui.settings import Settings

PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText
#: keys the window needs for itself: Esc closes every dialog and the key list
RESERVED = {"Esc": "Esc closes dialogs and the list of keys"}
COLUMNS = ("Action", "What it does", "Keys", "")


def portable(key: str | QKeySequence) -> str:
    seq = key if isinstance(key, QKeySequence) else QKeySequence(key)
    return seq.toString(PORTABLE)


def native(keys: list[str]) -> str:
    return " / ".join(QKeySequence(k).toString(NATIVE) for k in keys)


def default_keys(name: str) -> list[str]:
    return [portable(k) for k in BY_NAME[name].keys]


class ShortcutsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.setObjectName("shortcutsDialog")
        #: the working copy: action name -> portable key strings (written on OK)
        self.keys: dict[str, list[str]] = {
            spec.name: [portable(s) for s in key_sequences(spec, settings)] for spec in ACTIONS
        }
        self._names = [spec.name for spec in ACTIONS]

        self.table = QTableWidget(len(ACTIONS), len(COLUMNS))
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column, mode in enumerate((fit, QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Interactive, fit)):
            header.setSectionResizeMode(column, mode)
        self.table.setColumnWidth(2, 190)
        self.reset_buttons: dict[str, QPushButton] = {}
        for row, spec in enumerate(ACTIONS):
            name_item = QTableWidgetItem(spec.text)
            name_item.setData(Qt.ItemDataRole.UserRole, spec.name)
            doc_item = QTableWidgetItem(spec.doc)
            doc_item.setToolTip(spec.doc)
            self.table.setItem(row, 0, name_item)
            self.table.setItem(row, 1, doc_item)
            self.table.setItem(row, 2, QTableWidgetItem())
            button = QPushButton(tr("Reset"))
            button.setObjectName(f"reset_{spec.name}")
            button.setToolTip(tr("back to the default: {0}").format(native(default_keys(spec.name)) or 'no key'))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, n=spec.name: self.reset(n))
            self.table.setCellWidget(row, 3, button)
            self.reset_buttons[spec.name] = button
            self._show_row(spec.name)

        self.key_label = QLabel()
        self.key_edit = QKeySequenceEdit()
        self.key_edit.setObjectName("shortcutKeyEdit")
        self.key_edit.setMaximumSequenceLength(1)  # one key (with modifiers), no chords
        self.key_edit.setToolTip(tr("press the new key; it replaces the action's keys"))
        self.keep_others = QCheckBox(tr("keep its other keys"))
        self.keep_others.setToolTip(tr("add the new key beside the current ones instead of replacing them"))
        self.clear_button = QPushButton(tr("No key"))
        self.clear_button.setToolTip(tr("the action keeps its menu entry but has no key"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(lambda: self.clear_keys(self.current()))
        self.message = QLabel()
        self.message.setObjectName("shortcutMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_all_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_all_button.setText(tr("Reset all to defaults"))
        self.reset_all_button.setAutoDefault(False)
        self.reset_all_button.clicked.connect(self.reset_all)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        edit_row = QHBoxLayout()
        edit_row.addWidget(self.key_label)
        edit_row.addWidget(self.key_edit, 1)
        edit_row.addWidget(self.keep_others)
        edit_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(980, 660)

        self.table.itemSelectionChanged.connect(self._row_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.key_edit.setFocus())
        self.key_edit.editingFinished.connect(self._key_entered)
        self.select_action(self._names[0])
        self.table.setFocus()

    # -- the working copy ------------------------------------------------------------------
    def current(self) -> str:
        row = self.table.currentRow()
        return self._names[row] if 0 <= row < len(self._names) else self._names[0]

    def select_action(self, name: str) -> None:
        self.table.selectRow(self._names.index(name))
        self._row_changed()

    def owner(self, key: str, besides: str = "") -> str | None:
        """The action (other than ``besides``) that has ``key`` in the working copy."""
        return next((n for n, keys in self.keys.items() if n != besides and key in keys), None)

    def set_key(self, name: str, key: str | QKeySequence, keep_others: bool = False) -> bool:
        """Bind ``key`` to ``name``; refused (False, with a message) if another action has it."""
        key = portable(key)
        if not key:
            return False
        spec = BY_NAME[name]
        if key in RESERVED:
            return self._say(f"<b>{escape(native([key]))}</b> cannot be bound: {RESERVED[key]}. "
                             "Pick another key.", error=True)
        other = self.owner(key, besides=name)
        if other is not None:
            return self._say(
                f"<b>{escape(native([key]))}</b> is already the key of <b>{escape(BY_NAME[other].text)}</b> "
                f"({escape(BY_NAME[other].doc)}). Not changed: pick another key for "
                f"<b>{escape(spec.text)}</b>, or first give {escape(BY_NAME[other].text)} a different key.",
                error=True)
        keys = [k for k in self.keys[name] if k != key] if keep_others else []
        self.keys[name] = [*keys, key]
        self._show_row(name)
        self._say(f"{escape(spec.text)}: <b>{escape(native(self.keys[name]))}</b> (saved when you press OK)")
        return True

    def clear_keys(self, name: str) -> None:
        self.keys[name] = []
        self._show_row(name)
        self._say(f"{escape(BY_NAME[name].text)} has no key now (still in its menu)")

    def reset(self, name: str) -> bool:
        """Back to the default keys, unless another action now uses one of them."""
        defaults = default_keys(name)
        taken = [(k, o) for k in defaults if (o := self.owner(k, besides=name)) is not None]
        if taken:
            key, other = taken[0]
            return self._say(f"Cannot reset {escape(BY_NAME[name].text)}: its default <b>{escape(native([key]))}</b> "
                             f"is now the key of <b>{escape(BY_NAME[other].text)}</b>. Change that one first, "
                             "or reset all.", error=True)
        self.keys[name] = defaults
        self._show_row(name)
        self._say(f"{escape(BY_NAME[name].text)}: back to <b>{escape(native(defaults)) or 'no key'}</b>")
        return True

    def reset_all(self) -> None:
        for name in self._names:
            self.keys[name] = default_keys(name)
            self._show_row(name)
        self._say("Every action has its default keys again (saved when you press OK)")

    # -- OK --------------------------------------------------------------------------------
    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        """Write the working copy: ``keys/<name>`` for a changed action, none for a default one."""
        for name, keys in self.keys.items():
            if keys == default_keys(name):
                if self.settings.has_shortcut(name):
                    self.settings.reset_shortcut(name)
            elif keys != [portable(s) for s in key_sequences(BY_NAME[name], self.settings)]:
                self.settings.set_shortcut(name, "; ".join(keys))

    # -- view ------------------------------------------------------------------------------
    def _show_row(self, name: str) -> None:
        row = self._names.index(name)
        keys = self.keys[name]
        item = self.table.item(row, 2)
        item.setText(native(keys) or "—")
        changed = keys != default_keys(name)
        font = item.font()
        font.setBold(changed)  # a rebound action stands out
        item.setFont(font)
        item.setToolTip(f"default: {native(default_keys(name)) or 'no key'}" if changed else "default")
        self.reset_buttons[name].setEnabled(changed)
        if hasattr(self, "keep_others") and name == self.current():
            self._show_keep(name)

    def _show_keep(self, name: str) -> None:
        keys = self.keys[name]
        self.keep_others.setText(f"keep {native(keys)}" if keys else "keep its other keys")
        self.keep_others.setEnabled(bool(keys))

    def _row_changed(self) -> None:
        spec = BY_NAME[self.current()]
        self.key_label.setText(tr("New key for <b>{0}</b>:").format(escape(spec.text)))
        self.key_edit.clear()
        self._show_keep(spec.name)
        self.keep_others.setChecked(False)

    def _key_entered(self) -> None:
        seq = self.key_edit.keySequence()
        if seq.isEmpty():
            return
        name = self.current()
        if self.set_key(name, seq, self.keep_others.isChecked()):
            self._row_changed()
            self.table.setFocus()  # the next key press is not recorded by accident
        else:
            self.key_edit.clear()  # refused: press another key

    def _say(self, html: str, error: bool = False) -> bool:
        color = "#c62828" if error else self.palette().windowText().color().name()
        self.message.setText(tr("<span style='color:{0}'>{1}{2}</span>").format(color, '⚠ ' if error else '', html))
        return not error
