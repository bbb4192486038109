"""Tokens and sentence windows for the token-level formats (OneIE, DyGIE++, CoNLL).

Token-level training formats want ACE-Arabic-style tokens: split on whitespace and on
punctuation, with clitics NOT split (ويقتل is one token, so is الهجوم). That is exactly what
core.arabic.tokenize gives (a word with its marks and tatweel; numbers joined by . , / : - ٫ ٬
stay one token; any other punctuation or symbol is a token of its own), so the exporter uses
it, and its sentences. The clitic splitting used for matching (core.arabic.clitics) is NOT
applied: a trigger drawn inside a token (يقتل in ويقتل) maps to that whole token. The
tokenizer's name goes into every manifest; the checked expectations in tests/data/formats
fail if its output ever changes, so a change is seen before a model is trained on it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from tadqiq.core.arabic.tokenize import Token, sentences, tokenize

TOKENIZER = "core.arabic.tokenize/1"
TOKENIZER_DOC = "split on whitespace and punctuation; clitics not split (ACE Arabic style)"

__all__ = ["Token", "tokenize", "sentences", "windows", "TokenIndex", "TOKENIZER", "TOKENIZER_DOC"]


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
