"""QueueModel: the review queue as a Qt table model over SQL, read one page at a time.

``rowCount`` is one ``count(*)``; a row's data comes from the page that holds it (``PAGE``
rows per query, the last ``KEEP`` pages cached), so a 200k-article project opens and scrolls
without reading the corpus, and scrolling to the end reads only the pages passed on screen.
The model is thin: filters and orders are ``core.queue`` values, the SQL is ``db.queue``.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tadqiq.gui.i18n import tr
from tadqiq.core.arabic.bidi import base_direction
from tadqiq.core.queue import STATUS_LABELS, QueueFilter, QueueOrder, QueueRow
from tadqiq.db.project import Project

PAGE = 200
KEEP = 16
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
#: (header, the order a click on it sorts by, or None when the column does not sort)
COLUMNS = (("Title", "title"), ("Date", "published"), ("Source", "source"), ("Proposals", "proposals"),
           ("Status", None), ("Reviewer", None), ("Time", None))


def _time(seconds: float) -> str:
    if not seconds:
        return ""
    minutes, sec = divmod(int(round(seconds)), 60)
    return f"{minutes}:{sec:02d}"


_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
                       Qt.ItemDataRole.UserRole})


class QueueModel(QAbstractTableModel):
    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.filter = QueueFilter()
        self.order = QueueOrder()
        self._count = project.queue_count(self.filter)
        self._pages: OrderedDict[int, list[QueueRow]] = OrderedDict()
        self._cell_cache: dict[int, tuple[tuple, tuple]] = {}
        self.pages_read = 0  # how many page queries ran (tests check scrolling does not read all)

    # -- what the queue shows ------------------------------------------------------------
    def set_filter(self, f: QueueFilter) -> None:
        self.beginResetModel()
        self.filter = f
        self._reload()
        self.endResetModel()

    def set_order(self, order: QueueOrder) -> None:
        self.beginResetModel()
        self.order = order
        self._reload()
        self.endResetModel()

    def refresh(self) -> None:
        """Read again (after a decision changed counts or statuses)."""
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def _reload(self) -> None:
        self._pages.clear()
        self._cell_cache.clear()
        self._count = self.project.queue_count(self.filter)

    def row(self, n: int) -> QueueRow | None:
        if not 0 <= n < self._count:
            return None
        page_no, at = divmod(n, PAGE)
        page = self._pages.get(page_no)
        if page is None:
            page = self.project.queue_page(self.filter, self.order, page_no * PAGE, PAGE)
            self.pages_read += 1
            self._pages[page_no] = page
            while len(self._pages) > KEEP:
                for gone in self._pages.popitem(last=False)[1]:
                    self._cell_cache.pop(gone.id, None)
        elif next(reversed(self._pages)) != page_no:
            self._pages.move_to_end(page_no)
        return page[at] if at < len(page) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article: found in the pages read (the next article usually is), else asked."""
        for page_no, page in self._pages.items():
            for at, r in enumerate(page):
                if r.id == article_id:
                    return page_no * PAGE + at
        return self.project.queue_position(self.filter, self.order, article_id)

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # a repaint asks every visible cell for a dozen roles: the ones not answered cost nothing
        if role not in _ANSWERED or not index.isValid():
            return None
        r = self.row(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(r)[0][col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._cells(r)[1][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            conf = f", lowest confidence {r.min_confidence:.2f}" if r.min_confidence is not None else ""
            return f"{r.ext_id}: {r.mentions} mentions, {r.proposed} to decide{conf}"
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def _cells(self, r: QueueRow) -> tuple[tuple, tuple]:
        """A row's texts and alignments, worked out once per page read (a repaint asks for each)."""
        cells = self._cell_cache.get(r.id)
        if cells is None:
            texts = (r.title or r.ext_id, (r.published or "")[:10], r.source or "",
                     str(r.proposed) if r.proposed else "", tr(STATUS_LABELS[r.status]), r.reviewers, _time(r.seconds))
            right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # Arabic reads from the right
            center = int(Qt.AlignmentFlag.AlignCenter)
            aligns = tuple(center if col in (3, 6) else
                           right if col in (0, 2) and base_direction(texts[col], "ltr") == "rtl" else None
                           for col in range(len(COLUMNS)))
            cells = self._cell_cache[r.id] = (texts, aligns)
        return cells

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        self.set_order(QueueOrder(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder))
