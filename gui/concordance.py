"""ConcordanceWindow: every occurrence of a word in the project, in its context (KWIC).

A tool window beside the review (not modal): type a word, Enter lists its occurrences —
left context, the word, right context, the article — read from the full-text index one
article at a time (``Project.concordance``). Enter or a double click on a line opens that
article with the word marked.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from tadqiq.gui.i18n import tr
from tadqiq.db.project import ConcordanceLine, Project, SearchError

COLUMNS = ("article", "before", "word", "after")
LIMIT = 500

_Index = QModelIndex | QPersistentModelIndex


class ConcordanceModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ConcordanceLine] = []

    def set_lines(self, lines: list[ConcordanceLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, col = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.ext_id, line.left, line.match, line.right)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # right to left: the words before the match sit on its right, those after on its left
            if col == 1:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if col == 3:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and col == 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.ext_id} at {line.start}–{line.end}"
        return None


class _Table(QTableView):
    activated_row = Signal(int)

    def chosen_row(self) -> int:
        rows = self.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return self.currentIndex().row() if self.currentIndex().isValid() else -1

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.chosen_row() >= 0:
            self.activated_row.emit(self.chosen_row())
            return
        super().keyPressEvent(e)


class ConcordanceWindow(QDialog):
    """Non-modal: ``open_requested(article id, start, end, word)`` when a line is chosen."""

    open_requested = Signal(int, int, int, str)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setObjectName("concordance")
        self.setWindowTitle(tr("Concordance"))
        self.setModal(False)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(tr("Word for the concordance"))
        self.edit.setPlaceholderText(tr("a word or a \"phrase\" — Enter lists every occurrence"))
        self.edit.returnPressed.connect(self.run)
        self.status = QLabel()
        self.status.setObjectName("concordanceStatus")
        self.model = ConcordanceModel(self)
        self.table = _Table()
        self.table.setAccessibleName(tr("Occurrences"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # Arabic lines read right to left
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._choose(index.row()))
        self.table.activated_row.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.resize(900, 480)

    def ask(self, word: str = "") -> None:
        if word:
            self.edit.setText(word)
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if word:
            self.run()

    def run(self) -> None:
        query = self.edit.text().strip()
        if not query:
            return
        try:
            lines = self.project.concordance(query, limit=LIMIT)
        except SearchError as exc:
            self.model.set_lines([])
            self.status.setText(str(exc))
            return
        self.model.set_lines(lines)
        articles = len({line.article_id for line in lines})
        more = f" (the first {LIMIT})" if len(lines) >= LIMIT else ""
        self.status.setText(f"{len(lines)} occurrences{more} in {articles} articles" if lines else "no occurrence")
        if lines:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.model.lines):
            line = self.model.lines[row]
            self.open_requested.emit(line.article_id, line.start, line.end, self.edit.text().strip())
