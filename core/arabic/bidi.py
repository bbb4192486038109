"""Paragraph direction and plain-text display for places that do no bidi themselves.

Qt lays out bidirectional text itself; these helpers are for the edges: choosing a
paragraph's alignment, printing to a terminal, plain-text reports, and finding invisible
bidi controls in imported text. Never store the output of :func:`visual`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from bidi import get_base_level, get_display

Direction = Literal["rtl", "ltr"]

#: Explicit bidi formatting characters (UAX #9) and their abbreviations.
BIDI_CONTROLS: dict[str, str] = {
    "\u061c": "ALM",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
#: Invisible joiners: not bidi controls, but just as invisible in a reviewer's text.
JOINERS: dict[str, str] = {"\u200c": "ZWNJ", "\u200d": "ZWJ"}

_ALL = {**BIDI_CONTROLS, **JOINERS}
_BIDI_RE = re.compile("[" + "".join(BIDI_CONTROLS) + "]")
_ALL_RE = re.compile("[" + "".join(_ALL) + "]")
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")
_ISOLATE_CLOSE = "\u2069"


def _first_strong(paragraph: str) -> str | None:
    """'L' or 'R' for the first strong character outside isolates (UAX #9 P2), else None."""
    depth = 0
    for ch in paragraph:
        if ch in _ISOLATE_OPEN:
            depth += 1
        elif ch == _ISOLATE_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                return "L"
            if kind in ("R", "AL"):
                return "R"
    return None


def base_direction(paragraph: str, default: Direction = "rtl") -> Direction:
    """The paragraph's base direction by its first strong letter (UAX #9 rules P2-P3).

    An English paragraph inside an Arabic article is "ltr"; a paragraph with no strong
    letter (empty, digits, punctuation) gets ``default``, usually the article's direction.
    Only the first line counts when ``paragraph`` contains newlines.
    """
    line = paragraph.split("\n", 1)[0]
    if _first_strong(line) is None:
        return default
    return "rtl" if get_base_level(line) == 1 else "ltr"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, newline excluded; empty lines included."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, nl))
        start = nl + 1


def visual(text: str, default: Direction = "rtl") -> str:
    """Visually reordered text for a terminal without bidi support, line by line.

    Each line is reordered on its own base direction (:func:`base_direction`). The result
    is for display only: offsets into it mean nothing.
    """
    out = []
    for start, end in paragraphs(text):
        line = text[start:end]
        if line:
            base = "R" if base_direction(line, default) == "rtl" else "L"
            line = get_display(line, base_dir=base)
        out.append(line)
    return "\n".join(out)


def bidi_controls(text: str, joiners: bool = False) -> list[tuple[int, str, str]]:
    """(offset, character, abbreviation) of every bidi control in ``text``.

    With ``joiners=True`` ZWNJ and ZWJ are listed too.
    """
    names, pattern = (_ALL, _ALL_RE) if joiners else (BIDI_CONTROLS, _BIDI_RE)
    return [(m.start(), m.group(), names[m.group()]) for m in pattern.finditer(text)]
