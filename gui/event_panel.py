"""EventPanel: the article's mentions, and for the selected one its arguments and attributes.

Three table views over the models of gui/models.py. Clicking a row says what the user
wants (``mention_activated(id)``, ``argument_activated(index)``); the panel follows the
document's selection but never changes a mention itself.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from gui.document import ReviewDocument
from gui.models import MENTION_ROLE, ArgumentTableModel, AttributeTableModel, MentionTableModel


def _table(model, stretch: int, widths: tuple[int, ...]) -> QTableView:
    """A read-only row table. Fixed column widths: ResizeToContents would ask every row's
    data on each change (200 mentions -> thousands of calls per key press)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the window's actions
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class EventPanel(QWidget):
    mention_activated = Signal(int)
    argument_activated = Signal(int)
    value_edit_requested = Signal(int)  # double-click on an argument row

    def __init__(self, doc: ReviewDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.mention_model = MentionTableModel(doc, self)
        self.argument_model = ArgumentTableModel(doc, self)
        self.attribute_model = AttributeTableModel(doc, self)
        self.mention_view = _table(self.mention_model, 2, (104, 170, 90, 46, 130))
        self.argument_view = _table(self.argument_model, 2, (96, 220, 120))
        self.attribute_view = _table(self.attribute_model, 1, (96, 120))
        self.summary = QLabel()
        self.summary.setObjectName("mentionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(QLabel("Arguments"))
        lower_layout.addWidget(self.argument_view, 3)
        lower_layout.addWidget(QLabel("Attributes"))
        lower_layout.addWidget(self.attribute_view, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.mention_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.mention_view.clicked.connect(self._mention_clicked)
        self.argument_view.clicked.connect(self._argument_clicked)
        self.argument_view.doubleClicked.connect(self._argument_double_clicked)
        doc.selection_changed.connect(self._follow_selection)
        doc.argument_selected.connect(self._follow_argument)
        doc.mention_changed.connect(self._refollow)
        doc.mentions_reset.connect(self._refollow)

    def _mention_clicked(self, index: QModelIndex) -> None:
        mention_id = index.data(MENTION_ROLE)
        if mention_id is not None:
            self.mention_activated.emit(mention_id)

    def _refollow(self, *_: object) -> None:
        self._follow_selection(self.doc.selected_id)

    def _argument_clicked(self, index: QModelIndex) -> None:
        self.argument_activated.emit(index.row())

    def _argument_double_clicked(self, index: QModelIndex) -> None:
        self.value_edit_requested.emit(index.row())

    def _follow_selection(self, mention_id: int | None) -> None:
        row = self.mention_model.row_of(mention_id)
        selection = self.mention_view.selectionModel()
        if row < 0:
            selection.clearSelection()
        else:
            index = self.mention_model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.select(index, flags)
            self.mention_view.scrollTo(index)
        self._update_summary()

    def _follow_argument(self, index: int) -> None:
        selection = self.argument_view.selectionModel()
        if index < 0:
            selection.clearSelection()
        else:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.select(self.argument_model.index(index, 0), flags)

    def _update_summary(self) -> None:
        m = self.doc.selected
        if m is None:
            self.summary.setText("<i>No event selected</i>")
            return
        tdef = self.doc.schema.types.get(m.type)
        color = tdef.color if tdef else "#888"
        roles = ", ".join(f"{i + 1} {r}" for i, r in enumerate(tdef.roles)) if tdef else ""
        self.summary.setText(
            f"<span style='color:{color}'>■</span> <b>{m.type}</b> — "
            f"<span dir='rtl'>{m.trigger.text}</span> · {m.status}<br><small>roles: {roles}</small>"
        )
