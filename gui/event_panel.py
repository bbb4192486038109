"""EventPanel: the article's mentions, and for the selected one its arguments and attributes.

Three table views over the models of gui/models.py. Clicking a row says what the user
wants (``mention_activated(id)``, ``argument_activated(index)``); the panel follows the
document's selection but never changes a mention itself.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from tadqiq.gui import i18n
from tadqiq.gui.i18n import tr
from tadqiq.gui.document import ReviewDocument
from tadqiq.gui.models import MENTION_ROLE, STATUS_LOOK, ArgumentTableModel, AttributeTableModel, MentionTableModel

_ICON = 22  # the colour square of a decorated cell and its spacing
_PAD = 14  # cell margins


Mode = QHeaderView.ResizeMode


def _table(model, modes: tuple[Mode, ...], widths: tuple[int, ...]) -> QTableView:
    """A read-only row table; ``modes`` per column, ``widths`` for the Interactive ones.

    ResizeToContents only on short columns whose text must stay whole (status, type,
    trigger, confidence): a narrow window shrinks the stretching column (origin, span
    text), which elides instead."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the window's actions
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setAlternatingRowColors(True)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setMinimumSectionSize(36)
    for column, (mode, width) in enumerate(zip(modes, widths, strict=True)):
        header.setSectionResizeMode(column, mode)
        if mode == Mode.Interactive:
            view.setColumnWidth(column, width)
    return view


def _rows_height(view: QTableView, rows: int) -> int:
    """Height of ``view`` showing its header and ``rows`` rows whole."""
    return (view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth())


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
        fit, stretch, fixed = Mode.ResizeToContents, Mode.Stretch, Mode.Interactive
        # status, type, trigger, confidence, origin: sized to their contents by _fit_mention_columns
        # (Qt's ResizeToContents would ask all 200 rows on every key press: +20 ms)
        self.mention_view = _table(self.mention_model, (fixed, fixed, fixed, fixed, stretch), (0, 0, 0, 0, 0))
        # role, span text, value
        self.argument_view = _table(self.argument_model, (fit, stretch, Mode.Interactive), (0, 0, 180))
        self.attribute_view = _table(self.attribute_model, (fit, stretch), (0, 0))
        self.summary = QLabel()
        self.summary.setObjectName("mentionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        # the attributes are always the same rows (the schema's, rule, link): all of them, never
        # scrolled; the arguments take the rest of the height
        self.attribute_view.setFixedHeight(_rows_height(self.attribute_view, len(doc.schema.attributes) + 2))
        self.argument_view.setMinimumHeight(_rows_height(self.argument_view, 2))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)  # clear of the splitter handle above
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(QLabel(tr("Arguments")))
        lower_layout.addWidget(self.argument_view, 1)
        lower_layout.addWidget(QLabel(tr("Attributes")))
        lower_layout.addWidget(self.attribute_view)
        self.lower = lower
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.mention_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)  # a taller window lengthens the mention list, not empty argument rows
        split.setStretchFactor(1, 0)
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.mention_view.clicked.connect(self._mention_clicked)
        self.argument_view.clicked.connect(self._argument_clicked)
        self.argument_view.doubleClicked.connect(self._argument_double_clicked)
        self._trigger_width = 0
        self._fit_mention_columns()
        doc.mentions_reset.connect(self._fit_mention_columns)
        doc.mention_added.connect(self._fit_trigger)
        doc.mention_changed.connect(self._fit_trigger)
        doc.selection_changed.connect(self._follow_selection)
        doc.argument_selected.connect(self._follow_argument)
        doc.mention_changed.connect(self._refollow)
        doc.mentions_reset.connect(self._refollow)

    def add_section(self, widget: QWidget, stretch: int = 2) -> None:
        """Another section below the arguments (the guidelines panel), in the same splitter."""
        self.split.addWidget(widget)
        self.split.setStretchFactor(self.split.count() - 1, stretch)

    def show_section(self, widget: QWidget, visible: bool) -> None:
        """Show or hide a section. Shown, the arguments and attributes keep room for five rows each
        (at most half the height); the rest is shared 2:3 by the mention list and the section."""
        widget.setVisible(visible)
        if visible:
            total = sum(self.split.sizes()) or self.height()
            lower = min(self.lower_height(5), total // 2)
            mention = (total - lower) * 2 // 5
            self.split.setSizes([mention, lower, total - mention - lower])

    def _role_name(self, role: str) -> str:
        """A role as the interface reads it: the schema's Arabic name in the Arabic interface."""
        rdef = self.doc.schema.roles.get(role)
        return rdef.ar if i18n.current() == "ar" and rdef is not None and rdef.ar else role

    def lower_height(self, argument_rows: int) -> int:
        """Height of the part under the mention list with room for ``argument_rows`` arguments."""
        layout = self.lower.layout()
        heights = [layout.itemAt(i).sizeHint().height() for i in range(layout.count())
                   if layout.itemAt(i).widget() is not self.argument_view]
        heights.append(_rows_height(self.argument_view, argument_rows))
        margins = layout.contentsMargins()
        return sum(heights) + layout.spacing() * (layout.count() - 1) + margins.top() + margins.bottom()

    # -- column widths: the type and the trigger always whole, the origin elided ---------------
    def _text_width(self, text: str, decorated: bool = False) -> int:
        return self.mention_view.fontMetrics().horizontalAdvance(text) + (_ICON if decorated else 0) + _PAD

    def _fit_mention_columns(self) -> None:
        """Status, type and confidence from what they can show; the trigger from this article."""
        view, model = self.mention_view, self.mention_model
        key = (view.font().key(), view.horizontalHeader().font().key(), i18n.current())
        if getattr(self, "_fixed_widths", (None,))[0] != key:  # the same for every article: once per font
            header = view.horizontalHeader().fontMetrics()
            heads = [header.horizontalAdvance(name) + _PAD for name in model.COLUMNS]
            statuses = max(self._text_width(f"{look[0]} {name}", True) for name, look in STATUS_LOOK.items())
            types = max(self._text_width(f"{name} 🔗", True) for name in self.doc.schema.types)
            self._fixed_widths = (key, heads, [max(w, heads[c]) for c, w in
                                               ((0, statuses), (1, types), (3, self._text_width("0.00")))])
            for column, width in zip((0, 1, 3), self._fixed_widths[2], strict=True):
                view.setColumnWidth(column, width)
        heads = self._fixed_widths[1]
        self._trigger_width = max([heads[2], *(self._text_width(m.trigger.text) for m in self.doc.mentions)])
        view.setColumnWidth(2, self._trigger_width)

    def _fit_trigger(self, mention_id: int) -> None:
        m = self.doc.mention(mention_id)
        if m is not None and self._text_width(m.trigger.text) > self._trigger_width:
            self._trigger_width = self._text_width(m.trigger.text)
            self.mention_view.setColumnWidth(2, self._trigger_width)

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
            self._scroll_with_context(row)
        self._update_summary()

    def _scroll_with_context(self, row: int, context: int = 2) -> None:
        """Bring ``row`` into view with ``context`` rows above and below it (never at an edge)."""
        last = self.mention_model.rowCount() - 1
        hint = QAbstractItemView.ScrollHint.EnsureVisible
        self.mention_view.scrollTo(self.mention_model.index(min(last, row + context), 0), hint)
        self.mention_view.scrollTo(self.mention_model.index(max(0, row - context), 0), hint)
        self.mention_view.scrollTo(self.mention_model.index(row, 0), hint)

    def _follow_argument(self, index: int) -> None:
        selection = self.argument_view.selectionModel()
        if index < 0:
            selection.clearSelection()
        else:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.select(self.argument_model.index(index, 0), flags)

    def set_key_hint(self, new_mention: str, accept_all: str) -> None:
        """The keys the empty-article hint names (they can be rebound)."""
        self._keys = (new_mention, accept_all)
        self._update_summary()

    def _update_summary(self) -> None:
        m = self.doc.selected
        if m is None and self.doc.article is not None and not self.doc.mentions:
            new_mention, accept_all = getattr(self, "_keys", ("N", "Ctrl+Return"))
            self.summary.setText(
                tr("<i>No events proposed in this article.</i> Select the word that names an event and press <b>{0}</b> to add one, or <b>{1}</b> to mark the article done and open the next.").format(html.escape(new_mention), html.escape(accept_all))
            )
            return
        if m is None:
            self.summary.setText(tr("<i>No event selected</i>"))
            return
        tdef = self.doc.schema.types.get(m.type)
        color = tdef.color if tdef else "#888"
        roles = ", ".join(f"{i + 1} {self._role_name(r)}" for i, r in enumerate(tdef.roles)) if tdef else ""
        self.summary.setText(
            tr("<span style='color:{0}'>■</span> <b>{1}</b> — <span dir='rtl'>{2}</span> · {3}<br><small>roles: {4}</small>").format(
                color, m.type, m.trigger.text, tr(m.status), roles)
        )
