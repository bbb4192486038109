"""QueuePane: the review queue — filters above a table of articles, paged from SQL.

The filters build a ``core.queue.QueueFilter`` (status, event type, origin, source, assigned
to me, search text); the order box and the column headers set the order the next article
follows. Enter or a double click opens the row's article (``open_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView,
    QVBoxLayout, QWidget,
)

from tadqiq.core.queue import ORDERS, QUEUE_STATUSES, STATUS_LABELS, QueueFilter, QueueOrder
from tadqiq.db.project import Project
from tadqiq.gui.i18n import tr
from tadqiq.gui.queue_model import COLUMNS, QueueModel

ANY = "(any)"


class QueuePane(QWidget):
    open_requested = Signal(int)  # an article id

    def __init__(self, project: Project, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self.model = QueueModel(project, self)
        self._build()
        self._update_count()

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setAccessibleName(tr(name))
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(4)  # long type names must not widen the pane
        for text, data in items:
            box.addItem(tr(text), data)
        box.currentIndexChanged.connect(self._filters_changed)
        return box

    def _build(self) -> None:
        types, origins, sources = self.project.queue_choices()
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setAccessibleName(tr("Search articles"))
        self.search.setPlaceholderText(tr("Search (/)…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._filters_changed)
        self.status = self._combo("Status", [(ANY, None)] + [(STATUS_LABELS[s], s) for s in QUEUE_STATUSES])
        self.event_type = self._combo("Event type", [(ANY, None)] + [(t, t) for t in types])
        self.origin = self._combo("Origin", [(ANY, None)] + [(o, o) for o in origins])
        self.source = self._combo("Source", [(ANY, None)] + [(s, s) for s in sources])
        self.order = self._combo("Order", [(label, key) for key, label in ORDERS.items()])
        self.mine = QCheckBox(tr("Assigned to me"))
        self.mine.setObjectName("assignedToMe")
        self.mine.toggled.connect(self._filters_changed)
        # the lowest proposal confidence of an article, and its publication date, as ranges
        self.conf_min, self.conf_max = self._confidence("Lowest confidence from"), self._confidence("to")
        self.date_from, self.date_to = self._date("from YYYY-MM-DD"), self._date("to YYYY-MM-DD")
        self.count_label = QLabel()
        self.count_label.setObjectName("queueCount")
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setAccessibleName(tr("Review queue"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)  # the header click sorts in SQL through the model
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 4, 4, 4)
        rows.addWidget(self.search)
        line1, line2 = QHBoxLayout(), QHBoxLayout()
        for label, box in (("Status", self.status), ("Type", self.event_type), ("Order", self.order)):
            line1.addWidget(QLabel(tr(label)))
            line1.addWidget(box, 1)
        for label, box in (("Origin", self.origin), ("Source", self.source)):
            line2.addWidget(QLabel(tr(label)))
            line2.addWidget(box, 1)
        line2.addWidget(self.mine)
        line3 = QHBoxLayout()
        line3.addWidget(QLabel(tr("Confidence")))
        line3.addWidget(self.conf_min)
        line3.addWidget(self.conf_max)
        line3.addWidget(QLabel(tr("Date")))
        line3.addWidget(self.date_from, 1)
        line3.addWidget(self.date_to, 1)
        rows.addLayout(line1)
        rows.addLayout(line2)
        rows.addLayout(line3)
        rows.addWidget(self.table, 1)
        rows.addWidget(self.count_label)

    # -- state -----------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        status = self.status.currentData()
        return QueueFilter(
            statuses=frozenset({status}) if status else frozenset(),
            event_type=self.event_type.currentData(), origin=self.origin.currentData(),
            source=self.source.currentData(), assigned_to=self.reviewer if self.mine.isChecked() else None,
            text=self.search.text().strip() or None,
            min_confidence=self._bound(self.conf_min), max_confidence=self._bound(self.conf_max),
            date_from=self._iso(self.date_from), date_to=self._iso(self.date_to),
        )

    @staticmethod
    def _bound(box: QDoubleSpinBox) -> float | None:
        return None if box.value() < 0 else round(box.value(), 2)

    @staticmethod
    def _iso(edit: QLineEdit) -> str | None:
        text = edit.text().strip()
        return text if edit.hasAcceptableInput() and text else None

    def _confidence(self, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setAccessibleName(tr(name))
        box.setRange(-0.05, 1.0)
        box.setSingleStep(0.05)
        box.setDecimals(2)
        box.setValue(-0.05)
        box.setSpecialValueText(tr("(any)"))  # the lowest value: no bound
        box.valueChanged.connect(self._filters_changed)
        return box

    def _date(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(placeholder)
        edit.setAccessibleName(tr(placeholder))
        edit.setPlaceholderText(tr(placeholder))
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{4}-\d{2}-\d{2}$")))
        edit.setClearButtonEnabled(True)
        edit.editingFinished.connect(self._filters_changed)
        edit.textChanged.connect(lambda text: self._filters_changed() if not text else None)
        return edit

    def current_order(self) -> QueueOrder:
        return self.model.order

    def _filters_changed(self, *_: object) -> None:
        if self.sender() is self.order:
            self.model.set_order(QueueOrder(self.order.currentData()))
        else:
            self.model.set_filter(self.current_filter())
        self._update_count()

    def _header_clicked(self, column: int) -> None:
        current = self.model.order
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = not current.descending if current.key == key else False
        self.model.set_order(QueueOrder(key, descending))
        self.table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self._update_count()

    def _update_count(self) -> None:
        # articles done of all are in the window's status bar; the pane counts only its queue
        self.count_label.setText(tr("{0} in this queue").format(self.model.rowCount()))

    def refresh(self, current: int | None = None) -> None:
        self.model.refresh()
        self._update_count()
        if current is not None:
            self.show_article(current)

    def show_article(self, article_id: int) -> None:
        """Select the row of the open article (when the filter holds it), with rows around it."""
        row = self.model.row_of(article_id)
        if row is None:
            self.table.clearSelection()
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._scroll_with_context(row)

    def _scroll_with_context(self, row: int, context: int = 3) -> None:
        """Keep ``row`` in view with ``context`` rows either side: a row out of sight comes to the
        middle; one that comes within ``context`` rows of an edge turns the page (it moves near the
        other edge). Stepping through the queue then moves the selection and seldom scrolls the
        table (a repaint of two rows, not of a scrolled table)."""
        table, last = self.table, self.model.rowCount() - 1
        top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        bottom = last if bottom < 0 else bottom
        if top < 0 or not top <= row <= bottom:
            table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif row + context >= bottom and bottom < last:
            table.scrollTo(self.model.index(max(0, row - context), 0), QAbstractItemView.ScrollHint.PositionAtTop)
        elif row - context <= top and top > 0:
            table.scrollTo(self.model.index(min(last, row + context), 0), QAbstractItemView.ScrollHint.PositionAtBottom)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _open_row(self, row: int) -> None:
        r = self.model.row(row)
        if r is not None:
            self.open_requested.emit(r.id)
