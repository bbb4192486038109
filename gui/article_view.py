"""ArticleView: the article as an Arabic reader expects it, with the events marked on it.

A read-only QTextEdit (QPlainTextEdit has RTL layout bugs) filled with ``setPlainText`` so
document positions are the article text's UTF-16 positions (gui/offsets.py converts). The
text is never changed: direction, title size and dimmed regions are block/char formats,
highlights are extra selections, bidi control characters get markers painted over the
viewport. The view only reports intents (``mention_clicked``, ``argument_clicked``,
``span_selected``); it never edits a mention.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen, QTextBlockFormat, QTextCharFormat, QTextCursor,
    QTextFormat, QTextOption,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QToolTip, QWidget

from tadqiq.core.model import Article, Mention
from tadqiq.core.schema import EventSchema
from tadqiq.gui.fonts import article_font
from tadqiq.gui.highlights import Highlight, bidi_controls, highlights, hits, paragraph_is_rtl, tooltip
from tadqiq.gui.offsets import OffsetMap
from tadqiq.gui.selection import snap_selection

THEME_COLORS = {
    "light": {"base": "#fdfcf8", "text": "#1b1b1b", "dim": "#9a9a9a", "other": "#7f7f7f", "alpha": 70},
    "dark": {"base": "#1e1f22", "text": "#e6e6e6", "dim": "#6f7378", "other": "#a0a0a0", "alpha": 110},
}


class ArticleView(QTextEdit):
    mention_clicked = Signal(int)
    argument_clicked = Signal(int, int)  # mention id, argument index
    span_selected = Signal(int, int)  # str offsets, snapped unless Alt is held

    def __init__(self, schema: EventSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.selected_id: int | None = None
        self.selected_argument = -1
        self.theme = "light"
        self.raw_selection = False  # settings: never snap
        self._offsets = OffsetMap("")
        self._highlights: list[Highlight] = []
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
    def set_article(self, article: Article, mentions: Sequence[Mention] = (), selected: int | None = None) -> None:
        """Show ``article`` with ``mentions`` marked and ``selected`` (a mention id) in full colour."""
        self.article = article
        self._offsets = OffsetMap(article.text)
        self._controls = bidi_controls(article.text)
        self.setPlainText(article.text)
        self._format_blocks()
        self._update_badge()
        self.mentions = list(mentions)
        self.selected_id = selected
        self.selected_argument = -1  # a new article: no argument chosen yet
        self._refresh_highlights()

    def set_mentions(self, mentions: Sequence[Mention], selected: int | None = None) -> None:
        self.mentions = list(mentions)
        self.selected_id = selected
        self._refresh_highlights()

    def select_mention(self, mention_id: int | None, *, scroll: bool = True) -> None:
        if mention_id != self.selected_id:
            self.selected_id = mention_id
            self._refresh_highlights()
        if scroll and mention_id is not None:
            m = next((m for m in self.mentions if m.id == mention_id), None)
            if m is not None:
                self.scroll_to(m.trigger.start)

    def scroll_to(self, offset: int) -> None:
        """Bring str offset ``offset`` into view without touching the reviewer's text selection."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(offset))
        rect = self.cursorRect(cursor)
        if not self.viewport().rect().contains(rect):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)

    def set_selected_argument(self, index: int) -> None:
        """Mark argument ``index`` of the selected mention (wavy underline); -1 for none."""
        if index == self.selected_argument:
            return  # already drawn so (opening an article selects what set_article drew)
        self.selected_argument = index
        self._refresh_highlights()

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
        if self.article is not None:
            self._format_blocks()
            self._refresh_highlights()

    def set_font_size(self, points: float, family: str | None = None) -> None:
        """Change the text size; the selected mention stays in view (the text reflows around it)."""
        self.setFont(article_font(points, family or self.font().family()))
        if self.article is not None:
            self._format_blocks()
            m = next((m for m in self.mentions if m.id == self.selected_id), None)
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
        if span is None or self.article is None:
            return None
        if raw is None:
            raw = self.raw_selection or self._last_selection_raw
        start, end = snap_selection(self.article.text, *span, raw=raw)
        return (start, end) if start < end else None

    # -- formatting ----------------------------------------------------------------------
    def _format_blocks(self) -> None:
        """Per-paragraph direction, a larger title, dimmed chrome and teasers."""
        assert self.article is not None
        doc = self.document()
        colors = THEME_COLORS[self.theme]
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        block = doc.begin()
        title = self.article.title.strip()
        first = True
        while block.isValid():
            fmt = QTextBlockFormat()
            rtl = paragraph_is_rtl(block.text()) if block.length() > 1 else True
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            fmt.setAlignment(Qt.AlignmentFlag.AlignLeading)
            fmt.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
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
        for region in self.article.regions:
            qs, qe = self._offsets.span_to_qt(region.start, min(region.end, len(self.article.text)))
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(dim)
        cursor.endEditBlock()

    def _refresh_highlights(self) -> None:
        colors = THEME_COLORS[self.theme]
        self._highlights = highlights(self.mentions, self.selected_id, self.schema)
        selections = []
        for h in self._highlights:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            color = QColor(h.color)
            if h.kind == "other":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(colors["other"]))
            else:
                fill = QColor(color)
                fill.setAlpha(colors["alpha"] if h.kind == "argument" else colors["alpha"] + 30)
                fmt.setBackground(fill)
                chosen = h.kind == "argument" and h.argument_index == self.selected_argument
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if chosen
                                      else QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colors["text"]) if chosen else color)
                fmt.setForeground(QColor(colors["text"]))  # full contrast, even inside a dimmed teaser
                if h.kind == "trigger":
                    fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setProperty(QTextFormat.Property.UserProperty, h.kind)
            cursor = QTextCursor(self.document())
            qs, qe = self._offsets.span_to_qt(h.start, h.end)
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def _update_badge(self) -> None:
        if not self._controls:
            self.badge.hide()
            self.setViewportMargins(0, 0, 0, 0)
            return
        names = sorted({name for _, name in self._controls})
        self.badge.setText(f"⚠ {len(self._controls)} bidi control character(s): {', '.join(names)}")
        self.badge.setToolTip("Hidden direction controls can reorder what you see; check spans near the red marks.")
        self.badge.adjustSize()
        self.setViewportMargins(0, self.badge.height() + 6, 0, 0)  # a strip above the text, never over it
        self.badge.move(QPoint(4, 3))
        self.badge.show()

    # -- events --------------------------------------------------------------------------
    def offset_at(self, pos: QPoint) -> int | None:
        """The str offset under a viewport point, or None outside the text."""
        if self.article is None:
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
