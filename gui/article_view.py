"""ArticleView: the article as an Arabic reader expects it, with the events marked on it.

A read-only QTextEdit (QPlainTextEdit has RTL layout bugs) filled with ``setPlainText`` so
document positions are the article text's UTF-16 positions (gui/offsets.py converts). The
text is never changed: direction, title size and dimmed regions are block/char formats,
highlights are extra selections, bidi control characters get markers painted over the
viewport. The view only reports intents (``mention_clicked``, ``argument_clicked``,
``span_selected``); it never edits a mention.

The view keeps no mentions of its own: it reads the article, its mentions and the selection
from its source each time it draws. In the window the source is the ReviewDocument
(:meth:`ArticleView.show_document`), and the view redraws on the document's signals, so what
is marked is what the document holds after any command, undo or redo. A view without a
document (tests, screenshots) is given what to show with :meth:`ArticleView.set_article`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen, QTextBlockFormat, QTextCharFormat, QTextCursor,
    QTextFormat, QTextOption,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QToolTip, QWidget

from tadqiq.core.model import Article, Mention
from tadqiq.core.palette import THEMES, TRIGGER_EXTRA
from tadqiq.core.schema import EventSchema
from tadqiq.gui.i18n import tr
from tadqiq.gui.fonts import article_font
from tadqiq.gui.highlights import Highlight, bidi_controls, highlights, hits, paragraph_is_rtl, tooltip
from tadqiq.gui.offsets import OffsetMap
from tadqiq.gui.selection import snap_selection

if TYPE_CHECKING:
    from tadqiq.gui.document import ReviewDocument

THEME_COLORS = THEMES  # pages and tints as data (core.palette), checked against every schema by a test


class Source(Protocol):
    """What the view shows, read afresh on every draw (a ReviewDocument is one)."""

    @property
    def article(self) -> Article | None: ...
    @property
    def mentions(self) -> Sequence[Mention]: ...
    @property
    def selected_id(self) -> int | None: ...
    @property
    def selected_argument(self) -> int: ...


@dataclass
class FixedSource:
    """The source of a view with no document: what :meth:`ArticleView.set_article` was given."""

    article: Article | None = None
    mentions: Sequence[Mention] = ()
    selected_id: int | None = None
    selected_argument: int = -1


class ArticleView(QTextEdit):
    mention_clicked = Signal(int)
    argument_clicked = Signal(int, int)  # mention id, argument index
    span_selected = Signal(int, int)  # str offsets, snapped unless Alt is held

    def __init__(self, schema: EventSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self._source: Source = FixedSource()
        self._document: ReviewDocument | None = None
        self._shown: Article | None = None  # the article whose text is loaded
        self._drawn: tuple[int | None, int] = (None, -1)  # the selection the highlights show
        self.theme = "light"
        self.raw_selection = False  # settings: never snap
        self._offsets = OffsetMap("")
        self._highlights: list[Highlight] = []
        self.line_spacing = 100  # percent of the font's line height (settings: view/line_spacing)
        self._marks: list[tuple[int, int]] = []  # search matches (find bar, queue search)
        self._mark_current = -1
        self._controls: list[tuple[int, str]] = []
        self._last_selection_raw = False
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        # mouse selection only: no caret (its RTL direction flag looks like part of a highlight),
        # and the arrow keys stay free for mention navigation
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMouseTracking(True)
        self.setCursorWidth(0)  # read-only: a blinking caret next to a highlight reads as part of it
        self.document().setDocumentMargin(18)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.badge = QLabel(self)
        self.badge.setObjectName("bidiBadge")
        self.badge.setStyleSheet(
            "QLabel#bidiBadge { background: #b00020; color: white; border-radius: 4px; padding: 2px 6px; }"
        )
        self.badge.hide()
        self.setFont(article_font())

    # -- content -----------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self._source.article

    @property
    def mentions(self) -> Sequence[Mention]:
        """The mentions marked: the source's own list (read-only), never a copy."""
        return self._source.mentions

    @property
    def selected_id(self) -> int | None:
        return self._source.selected_id

    @property
    def selected_argument(self) -> int:
        return self._source.selected_argument

    def show_document(self, doc: ReviewDocument) -> None:
        """Show what ``doc`` holds, from now on: its article, its mentions and its selection,
        redrawn on each of its signals (an edit, an undo, another article)."""
        if self._document is not None:
            raise RuntimeError("this view already shows a document")
        self._document = doc
        self._source = doc
        # mentions_reset comes with every article opened: the text is loaded when the article changed
        for signal in (doc.mentions_reset, doc.mention_added, doc.mention_changed, doc.mention_removed):
            signal.connect(self._source_changed)
        doc.selection_changed.connect(self.select_mention)
        doc.argument_selected.connect(self.set_selected_argument)
        self.refresh()

    def set_article(self, article: Article, mentions: Sequence[Mention] = (), selected: int | None = None) -> None:
        """Show ``article`` with ``mentions`` marked and ``selected`` (a mention id) in full colour.

        For a view with no document (tests, screenshots): the view reads ``mentions`` as given,
        without copying them. A view showing a document draws the document's article instead."""
        if self._document is not None:
            raise RuntimeError("this view shows its document's article; open articles through the document")
        self._source = FixedSource(article, mentions, selected)
        self.refresh()

    def refresh(self) -> None:
        """Draw the source as it is now: its article's text if that changed, then the highlights."""
        article = self._source.article
        if article is not self._shown:
            self._show_text(article)
        self._refresh_highlights()

    def _source_changed(self, *_args: object) -> None:
        self.refresh()

    def _show_text(self, article: Article | None) -> None:
        if article is None or self._shown is None or article.id != self._shown.id:
            self._marks, self._mark_current = [], -1  # another article's matches mean nothing here
        self._shown = article
        text = article.text if article is not None else ""
        self._offsets = OffsetMap(text)
        self._controls = bidi_controls(text)
        # the text and its paragraph formats in one edit: Qt lays the article out once, not twice
        # (setPlainText, then every block again for its format); the same insertText setPlainText uses
        doc = self.document()
        doc.clear()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.insertText(text)
        if article is not None:
            self._format_blocks()
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(doc))  # at the start, as setPlainText leaves it
        self.verticalScrollBar().setValue(0)
        self._update_badge()

    def select_mention(self, mention_id: int | None, *, scroll: bool = True) -> None:
        """Draw mention ``mention_id`` as the selected one and scroll to it. With a document the
        selection is the document's (this is its ``selection_changed`` slot); without one,
        ``mention_id`` becomes the selection."""
        if isinstance(self._source, FixedSource):
            self._source.selected_id = mention_id
        if self._drawn != (self.selected_id, self.selected_argument):
            self.refresh()
        if scroll and mention_id is not None:
            m = self._mention(mention_id)
            if m is not None:
                self.scroll_to(m.trigger.start)

    def _mention(self, mention_id: int | None) -> Mention | None:
        return next((m for m in self.mentions if m.id == mention_id), None)

    def scroll_to(self, offset: int) -> None:
        """Bring str offset ``offset`` into view without touching the reviewer's text selection."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(offset))
        rect = self.cursorRect(cursor)
        if not self.viewport().rect().contains(rect):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)

    def set_selected_argument(self, index: int) -> None:
        """Mark argument ``index`` of the selected mention (wavy underline); -1 for none. With a
        document the argument is the document's (this is its ``argument_selected`` slot)."""
        if isinstance(self._source, FixedSource):
            self._source.selected_argument = index
        if self._drawn != (self.selected_id, self.selected_argument):
            self.refresh()  # else already drawn so (opening an article draws it)

    def set_theme(self, theme: str) -> None:
        self.theme = theme if theme in THEME_COLORS else "light"
        colors = THEME_COLORS[self.theme]
        # a palette, not a style sheet: a style sheet would give the scroll bars the light
        # application palette in the dark theme; roles not set here come from the window
        palette = QPalette()
        for role, color in ((QPalette.ColorRole.Base, colors["base"]), (QPalette.ColorRole.Text, colors["text"]),
                            (QPalette.ColorRole.Highlight, "#3d7ede"), (QPalette.ColorRole.HighlightedText, "white")):
            palette.setColor(role, QColor(color))
        self.setPalette(palette)
        if self._shown is not None:
            self._format_blocks()
            self.refresh()

    def set_line_spacing(self, percent: int) -> None:
        self.line_spacing = max(80, min(250, int(percent)))
        if self._shown is not None:
            self._format_blocks()

    def set_font_size(self, points: float, family: str | None = None) -> None:
        """Change the text size; the selected mention stays in view (the text reflows around it)."""
        self.setFont(article_font(points, family or self.font().family()))
        if self._shown is not None:
            self._format_blocks()
            m = self._mention(self.selected_id)
            if m is not None:
                self.scroll_to(m.trigger.start)

    @property
    def highlight_list(self) -> list[Highlight]:
        return list(self._highlights)

    @property
    def bidi_warning(self) -> str:
        return self.badge.text() if self._controls else ""

    def qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self._offsets.span_to_qt(start, end)

    # -- selection ---------------------------------------------------------------------
    def select_text(self, start: int, end: int) -> None:
        """Select [start, end) (str offsets), as a reviewer dragging the mouse would."""
        qs, qe = self._offsets.span_to_qt(start, end)
        cursor = self.textCursor()
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self) -> None:
        """Drop the reviewer's text selection (once it has been given to a role or a mention)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            bar = self.verticalScrollBar().value()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.verticalScrollBar().setValue(bar)  # the view stays where the reviewer was reading

    def raw_selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.span_to_str(cursor.selectionStart(), cursor.selectionEnd())

    def selected_span(self, raw: bool | None = None) -> tuple[int, int] | None:
        """The current selection in str offsets, snapped to words unless raw (Alt held)."""
        span = self.raw_selected_span()
        if span is None or self._shown is None:
            return None
        if raw is None:
            raw = self.raw_selection or self._last_selection_raw
        start, end = snap_selection(self._shown.text, *span, raw=raw)
        return (start, end) if start < end else None

    # -- formatting ----------------------------------------------------------------------
    def _format_blocks(self) -> None:
        """Per-paragraph direction, a larger title, dimmed chrome and teasers."""
        assert self._shown is not None
        doc = self.document()
        colors = THEME_COLORS[self.theme]
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        block = doc.begin()
        title = self._shown.title.strip()
        first = True
        while block.isValid():
            fmt = QTextBlockFormat()
            rtl = paragraph_is_rtl(block.text()) if block.length() > 1 else True
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            fmt.setAlignment(Qt.AlignmentFlag.AlignLeading)
            fmt.setLineHeight(self.line_spacing, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setBottomMargin(4)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            if first and title and block.text().strip() == title:
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                big = QTextCharFormat()
                big.setFontPointSize(self.font().pointSizeF() * 1.35)
                big.setFontWeight(QFont.Weight.Bold)
                cursor.setCharFormat(big)
            first = False
            block = block.next()
        dim = QTextCharFormat()
        dim.setForeground(QColor(colors["dim"]))
        for region in self._shown.regions:
            qs, qe = self._offsets.span_to_qt(region.start, min(region.end, len(self._shown.text)))
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(dim)
        cursor.endEditBlock()

    def set_marks(self, spans: Sequence[tuple[int, int]], current: int = -1) -> None:
        """Mark search matches (str offsets) under the mentions' highlights; ``current`` stronger."""
        if list(spans) == self._marks and current == self._mark_current:
            return  # nothing to redraw (an article opened without search words)
        self._marks, self._mark_current = list(spans), current
        if self._shown is not None:
            self._refresh_highlights()

    @property
    def marks(self) -> list[tuple[int, int]]:
        return list(self._marks)

    def _span_cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor over [start, end) (str offsets) of the shown text, for an extra selection."""
        cursor = QTextCursor(self.document())
        qs, qe = self._offsets.span_to_qt(start, end)
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark_selections(self, colors: dict) -> list[QTextEdit.ExtraSelection]:
        out = []
        n = len(self._shown.text) if self._shown is not None else 0
        for i, (start, end) in enumerate(self._marks):
            if not 0 <= start < end <= n:
                continue
            sel = QTextEdit.ExtraSelection()
            fill = QColor(colors["match"])
            fill.setAlpha(colors["match_current_alpha"] if i == self._mark_current else colors["match_alpha"])
            sel.format.setBackground(fill)
            sel.format.setProperty(QTextFormat.Property.UserProperty, "match")
            sel.cursor = self._span_cursor(start, end)
            out.append(sel)
        return out

    def _refresh_highlights(self) -> None:
        colors = THEME_COLORS[self.theme]
        self._drawn = (self.selected_id, self.selected_argument)
        self._highlights = highlights(self.mentions, self.selected_id, self.schema)
        selections = self._mark_selections(colors)
        for h in self._highlights:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            color = QColor(h.color)
            if h.kind == "other":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(colors["other"]))
            else:
                fill = QColor(color)
                fill.setAlpha(colors["alpha"] if h.kind == "argument" else colors["alpha"] + TRIGGER_EXTRA)
                fmt.setBackground(fill)
                chosen = h.kind == "argument" and h.argument_index == self.selected_argument
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if chosen
                                      else QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colors["text"]) if chosen else color)
                fmt.setForeground(QColor(colors["text"]))  # full contrast, even inside a dimmed teaser
                if h.kind == "trigger":
                    fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setProperty(QTextFormat.Property.UserProperty, h.kind)
            sel.cursor, sel.format = self._span_cursor(h.start, h.end), fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def _update_badge(self) -> None:
        if not self._controls:
            self.badge.hide()
            self.setViewportMargins(0, 0, 0, 0)
            return
        names = sorted({name for _, name in self._controls})
        self.badge.setText(tr("⚠ {0} bidi control character(s): {1}").format(len(self._controls), ', '.join(names)))
        self.badge.setToolTip(tr("Hidden direction controls can reorder what you see; check spans near the red marks."))
        self.badge.adjustSize()
        self.setViewportMargins(0, self.badge.height() + 6, 0, 0)  # a strip above the text, never over it
        self.badge.move(QPoint(4, 3))
        self.badge.show()

    # -- events --------------------------------------------------------------------------
    def offset_at(self, pos: QPoint) -> int | None:
        """The str offset under a viewport point, or None outside the text."""
        if self._shown is None:
            return None
        cursor = self.cursorForPosition(pos)
        qt_pos = cursor.position()
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - pos.y()) > rect.height():
            return None
        # cursorForPosition rounds to the nearer edge; the character hit is the one whose
        # extent contains the point. Check the character after and before the caret.
        for candidate in (qt_pos, qt_pos - 1):
            if 0 <= candidate < self._offsets.qt_length:
                c = QTextCursor(self.document())
                c.setPosition(candidate)
                c.setPosition(candidate + 1, QTextCursor.MoveMode.KeepAnchor)
                left, right = self.cursorRect(_at(c, candidate)), self.cursorRect(_at(c, candidate + 1))
                lo, hi = sorted((left.x(), right.x()))
                if lo <= pos.x() <= hi and abs(left.center().y() - pos.y()) <= left.height():
                    return self._offsets.to_str(candidate)
        return self._offsets.to_str(qt_pos)

    def highlight_at(self, pos: QPoint) -> Highlight | None:
        offset = self.offset_at(pos)
        if offset is None:
            return None
        found = hits(self._highlights, offset)
        return found[0] if found else None

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            h = self.highlight_at(self.viewport().mapFromGlobal(e.globalPos()))
            if h is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(e.globalPos(), tooltip(h, {m.id: m for m in self.mentions}), self)
            return True
        return super().event(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        if e.button() != Qt.MouseButton.LeftButton:
            return
        self._last_selection_raw = bool(e.modifiers() & Qt.KeyboardModifier.AltModifier)
        span = self.selected_span()
        if span is not None:
            self.span_selected.emit(*span)
            return
        h = self.highlight_at(e.position().toPoint())
        if h is None or h.mention_id is None:
            return
        if h.kind == "argument" and h.argument_index is not None:
            self.argument_clicked.emit(h.mention_id, h.argument_index)
        else:
            self.mention_clicked.emit(h.mention_id)

    def _mark_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.45))
        return small

    def bidi_marks(self) -> list[tuple[str, QRect, QRect]]:
        """(name, bar, label) of each bidi control, in viewport coordinates. The label sits
        right of its bar, or left of it where it would leave the viewport (an RLM at the
        start of a right-to-left line is at the right edge)."""
        metrics = QFontMetrics(self._mark_font())
        width = self.viewport().width()
        marks = []
        for offset, name in self._controls:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets.to_qt(offset))
            bar: QRect = self.cursorRect(cursor)
            label = metrics.boundingRect(name).adjusted(-1, 0, 1, 0)
            x = bar.left() + 2
            if x + label.width() > width - 1:
                x = bar.left() - 2 - label.width()
            label.moveTopLeft(QPoint(max(1, x), bar.top()))
            marks.append((name, bar, label))
        return marks

    def paintEvent(self, e) -> None:
        super().paintEvent(e)
        if not self._controls:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(QColor("#d00000"), 2))
        painter.setFont(self._mark_font())
        for name, bar, label in self.bidi_marks():
            if not (bar.intersects(e.rect()) or label.intersects(e.rect())):
                continue
            painter.drawLine(bar.left(), bar.top(), bar.left(), bar.bottom())
            painter.drawText(label, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), name)
        painter.end()


def _at(cursor: QTextCursor, position: int) -> QTextCursor:
    c = QTextCursor(cursor)
    c.setPosition(position)
    return c
