"""Thin Qt models over ReviewDocument: they translate its signals into model notifications.

No model keeps its own copy of mentions; the mention table keeps only the row order of ids
so that inserts and removals can be announced with begin/endInsertRows (napari's
``_base_item_model`` habit). Data is read from the document at ``data()`` time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from tadqiq.core.arabic.tokenize import sentences
from tadqiq.gui import i18n
from tadqiq.gui.i18n import tr
from tadqiq.core.values.describe import describe_value
from tadqiq.gui.document import ReviewDocument

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
_ROOT = QModelIndex()  # the invalid parent index, shared as the default argument

STATUS_LOOK = {
    "proposed": ("?", "#9e9e9e"),
    "confirmed": ("✓", "#2e7d32"),
    "corrected": ("✎", "#1565c0"),
    "rejected": ("✗", "#c62828"),
    "added": ("+", "#6a1b9a"),
}
MENTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the mention id of a row


class MentionTableModel(QAbstractTableModel):
    """The current article's mentions in text order: status, type, trigger, confidence, origin."""

    COLUMNS = ("Status", "Type", "Trigger", "Conf.", "Origin")

    def __init__(self, doc: ReviewDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._ids: list[int] = [m.id for m in doc.mentions if m.id is not None]
        doc.mentions_reset.connect(self._reset)
        doc.mention_added.connect(self._added)
        doc.mention_removed.connect(self._removed)
        doc.mention_changed.connect(self._changed)

    # -- adapters ------------------------------------------------------------------------
    def _reset(self) -> None:
        self.beginResetModel()
        self._ids = [m.id for m in self.doc.mentions if m.id is not None]
        self.endResetModel()

    def _added(self, mention_id: int) -> None:
        row = self.doc.row_of(mention_id)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, mention_id)
        self.endInsertRows()

    def _removed(self, mention_id: int) -> None:
        if mention_id not in self._ids:
            return
        row = self._ids.index(mention_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self.endRemoveRows()

    def _changed(self, mention_id: int) -> None:
        if mention_id not in self._ids:
            return
        if self._ids.index(mention_id) != self.doc.row_of(mention_id):
            self._reset()  # the trigger moved in text order
            return
        row = self._ids.index(mention_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row_of(self, mention_id: int | None) -> int:
        return self._ids.index(mention_id) if mention_id in self._ids else -1

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        m = self.doc.mention(self._ids[index.row()])
        if m is None:
            return None
        col = index.column()
        if role == MENTION_ROLE:
            return m.id
        if role == DISPLAY:
            if col == 0:
                return f"{STATUS_LOOK.get(m.status, ('', ''))[0]} {tr(m.status)}"
            if col == 1:
                return m.type + (" 🔗" if m.link else "")
            if col == 2:
                return m.trigger.text
            if col == 3:
                return "" if m.confidence is None else f"{m.confidence:.2f}"
            if col == 4:
                return m.origin
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(STATUS_LOOK.get(m.status, ("", "#000000"))[1])
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            tdef = self.doc.schema.types.get(m.type)
            return QColor(tdef.color) if tdef else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{m.type} · {m.trigger.text} · {m.status}" + (f" · rule {m.rule}" if m.rule else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None


class _SelectedMentionModel(QAbstractTableModel):
    """Base for models of the selected mention: reset whenever it changes (a handful of rows)."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, doc: ReviewDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._rows = self._compute()
        doc.selection_changed.connect(self._reset)
        doc.mentions_reset.connect(self._reset)
        doc.mention_changed.connect(self._maybe_reset)
        doc.mention_removed.connect(self._maybe_reset)

    def _compute(self) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _reset(self, *_: Any) -> None:
        self.beginResetModel()
        self._rows = self._compute()
        self.endResetModel()

    def _maybe_reset(self, mention_id: int) -> None:
        if mention_id == self.doc.selected_id or self._rows:
            self._reset()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == DISPLAY:
            return self._shown(index, value)
        return self._extra(index, role)

    def _shown(self, index: Index, value: Any) -> Any:
        """What a cell shows for ``value`` (the attribute table names its rows in the interface language)."""
        return value

    def _extra(self, index: Index, role: int) -> Any:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None


class ArgumentTableModel(_SelectedMentionModel):
    """The selected mention's arguments: role (coloured), span text, normalised value."""

    COLUMNS = ("Role", "Text", "Value")

    def _compute(self) -> list[tuple[Any, ...]]:
        m = self.doc.selected
        if m is None:
            return []
        return [(a.role, a.span.text, describe_value(a.value)) for a in m.arguments]

    def _shown(self, index: Index, value: Any) -> Any:
        # in the Arabic interface a role reads as the schema's Arabic name of it (المهاجِم for Attacker)
        if index.column() == 0 and i18n.current() == "ar":
            rdef = self.doc.schema.roles.get(value)
            return rdef.ar if rdef is not None and rdef.ar else value
        return value

    def _extra(self, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return self._rows[index.row()][0]  # the role's name as stored
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            rdef = self.doc.schema.roles.get(self._rows[index.row()][0])
            return QColor(rdef.color) if rdef else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AttributeTableModel(_SelectedMentionModel):
    """The selected mention's attributes (polarity, modality, genericity), then its rule and origin."""

    COLUMNS = ("Attribute", "Value")

    def _compute(self) -> list[tuple[Any, ...]]:
        m = self.doc.selected
        if m is None:
            return []
        rows: list[tuple[Any, ...]] = [
            (name, m.attributes.get(name, values[0])) for name, values in self.doc.schema.attributes.items()
        ]
        rows.append(("rule", m.rule or ""))
        rows.append(("link", self._partners(m)))
        return rows

    def _partners(self, m) -> str:
        """The other mentions of the same real-world event, by trigger and the start of their sentence."""
        if not m.link:
            return ""
        article = self.doc.article
        out = []
        for other in self.doc.mentions:
            if other.link == m.link and other.id != m.id:
                where = ""
                if article is not None:
                    for start, end in sentences(article.text):
                        if start <= other.trigger.start < end:
                            head = article.text[start:end].replace("\n", " ")
                            where = f" — {head[:40]}…" if len(head) > 40 else f" — {head}"
                            break
                out.append(f"«{other.trigger.text}» ({other.type}){where}")
        return "; ".join(out) or m.link

    def _shown(self, index: Index, value: Any) -> Any:
        # attribute names and their values are the schema's words: shown translated, stored as they are
        if index.column() == 0 or index.row() < len(self.doc.schema.attributes):
            return tr(str(value))
        return value

    def _extra(self, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.column() == 1:
            name, value = self._rows[index.row()]
            values = self.doc.schema.attributes.get(name)
            if values and value != values[0]:  # a non-default attribute stands out
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
        return None
