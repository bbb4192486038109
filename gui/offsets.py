"""The one place where Python ``str`` offsets meet Qt document positions.

Spans are stored as code-point offsets (docs/adr/0001-offsets.md); Qt counts UTF-16 code
units, so every character above U+FFFF (emoji, some CJK, mathematical letters) takes two Qt
positions. ``QTextDocument.setPlainText`` maps each ``\\n`` to one block separator, which is
one position too, so with newline-normalised text the only difference is the surrogate
pairs. Everything in gui/ that turns an offset into a cursor position, or back, goes through
:class:`OffsetMap`; nothing else does arithmetic on positions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Convert between ``str`` offsets and UTF-16 (Qt) positions for one text.

    Built once per article in O(n); each conversion is O(log k) for k astral characters and
    O(1) for the common text without any.
    """

    __slots__ = ("_qt_starts", "_str_astral", "length", "qt_length")

    def __init__(self, text: str) -> None:
        # Code-point index of each astral character, and its UTF-16 start position.
        astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._str_astral = astral
        self._qt_starts = [i + k for k, i in enumerate(astral)]
        self.length = len(text)
        self.qt_length = len(text) + len(astral)

    @property
    def identity(self) -> bool:
        """True when str offsets and Qt positions coincide (no astral characters)."""
        return not self._str_astral

    def to_qt(self, offset: int) -> int:
        """The Qt position of ``str`` offset ``offset`` (0 <= offset <= len(text))."""
        if not 0 <= offset <= self.length:
            raise IndexError(f"str offset {offset} outside 0..{self.length}")
        if not self._str_astral:
            return offset
        return offset + bisect_left(self._str_astral, offset)

    def to_str(self, position: int, *, round_up: bool = False) -> int:
        """The ``str`` offset of Qt position ``position``.

        A position between the two halves of a surrogate pair is not a character boundary;
        it snaps to the start of that character, or to its end with ``round_up=True``
        (use that for the end of a selection so the whole character is kept).
        """
        if not 0 <= position <= self.qt_length:
            raise IndexError(f"Qt position {position} outside 0..{self.qt_length}")
        if not self._qt_starts:
            return position
        # astral characters that end at or before `position`
        whole = bisect_right(self._qt_starts, position - 2)
        offset = position - whole
        if whole < len(self._qt_starts) and self._qt_starts[whole] == position - 1:
            # inside a surrogate pair: offset is now just past the astral character's start
            return offset if round_up else offset - 1
        return offset

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_to_str(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection as a ``str`` span, widened to whole characters."""
        if start > end:
            start, end = end, start
        return self.to_str(start), self.to_str(end, round_up=True)


def to_qt(text: str, offset: int) -> int:
    """One-off conversion; build an :class:`OffsetMap` when converting many offsets."""
    return OffsetMap(text).to_qt(offset)


def to_str(text: str, position: int, *, round_up: bool = False) -> int:
    return OffsetMap(text).to_str(position, round_up=round_up)
