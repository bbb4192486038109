"""The exporter's tokenizer and sentence windows (token-level formats: OneIE, DyGIE++, CoNLL).

Token-level training formats want ACE-Arabic-style tokens: split on whitespace and on
punctuation, with clitics NOT split (ويقتل is one token, so is الهجوم). This is deliberately
not the clitic-splitting tokenizer used for matching in core/arabic: a token here is what a
model trained on ACE Arabic expects, and a trigger drawn inside a token (يقتل in ويقتل) maps
to that whole token. Its name and version go into every manifest, so a change is visible.

Rules, in order, at each position that is not whitespace:
1. a number with internal separators: ``12``, ``3.5``, ``1,000``, ``١٢٫٥`` is one token;
2. a run of word characters (letters, digits, underscore) with the Arabic combining marks
   (tashkeel, superscript alef, Quranic marks), tatweel and ZWNJ/ZWJ that belong to them;
3. any other single character (punctuation, symbols, emoji) is a token of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

TOKENIZER = "tadqiq-export-ws-punct/1"
TOKENIZER_DOC = "split on whitespace and punctuation; clitics not split (ACE Arabic style)"

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(rf"\d+(?:[.,\u066b\u066c]\d+)+|[\w{_MARKS}]+|\S")
#: A sentence ends after . ! ? ؟ … (and closing quotes/brackets) before whitespace, and at \n.
_SENT_END = re.compile(r"[.!?\u061f\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")


class Token(NamedTuple):
    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[offset:end]`` with offsets into ``text``."""
    return [
        Token(m.start(), m.end(), m.group())
        for m in _TOKEN.finditer(text, offset, len(text) if end is None else end)
    ]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), whitespace trimmed, none empty: lines, then sentence punctuation."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cuts = (
            [line_start] + [line_start + m.end() for m in _SENT_END.finditer(line)] + [line_start + len(line)]
        )
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def windows(text: str, groups: Iterable[Sequence[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Sentence windows: sentences, merged where one group of spans (a mention) crosses a boundary.

    Every group (the trigger and argument spans of one mention) then lies inside one window,
    so no argument is lost by the per-sentence formats.
    """
    sents = sentences(text)
    if not sents:
        return []
    starts = [s for s, _ in sents]
    ranges: list[tuple[int, int]] = []
    for spans in groups:
        lo = min(s for s, _ in spans)
        hi = max(max(e, s + 1) for s, e in spans)
        i = max(bisect_right(starts, lo) - 1, 0)
        j = max(bisect_right(starts, hi - 1) - 1, 0)
        if j > i:
            ranges.append((i, j))
    joined_to = list(range(len(sents)))  # joined_to[k] = last sentence of k's window
    for i, j in sorted(ranges):
        for k in range(i, j + 1):
            joined_to[k] = max(joined_to[k], j)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(sents):
        last = joined_to[k]
        m = k
        while m <= last:
            last = max(last, joined_to[m])
            m += 1
        out.append((sents[k][0], sents[last][1]))
        k = last + 1
    return out


class TokenIndex:
    """Map character spans to token index ranges over a list of tokens (document order)."""

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = tokens
        self._starts = [t.start for t in tokens]
        self._ends = [t.end for t in tokens]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range [i, j) covering characters [start, end); None when it covers no token."""
        i = bisect_right(self._ends, start)
        j = bisect_left(self._starts, end)
        return (i, j) if i < j else None

    def between(self, start: int, end: int) -> tuple[int, int]:
        """Token range of the tokens lying inside [start, end) (a window)."""
        return bisect_left(self._starts, start), bisect_left(self._starts, end)
