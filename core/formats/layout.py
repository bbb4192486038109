"""An article laid out for the token-level formats: tokens, sentence windows, mention windows.

Sentences that lie inside a region the article marks as site chrome (the «أقسام», «فيسبوك»,
«أخبار متعلقة» lines after the body, core.importing.chrome) are left out of the windows unless a
mention sits in them; ``chrome_windows`` and ``chrome_tokens`` count what was left out, and the
OneIE, DyGIE++ and CoNLL writers put those counts in the manifest
(``chrome_sentences_excluded``, ``chrome_tokens_excluded``). Teasers are body text repeated,
not chrome: they stay.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tadqiq.core.formats.common import FormatError, mention_label, where
from tadqiq.core.formats.tokens import Token, TokenIndex, tokenize, windows
from tadqiq.core.model import Article, Mention, Span

#: Coarse entity type of an argument, from its role (our schema has no entity types).
ROLE_ENTITY_TYPE = {
    "Place": "LOC",
    "Origin": "LOC",
    "Destination": "LOC",
    "Time": "TIME",
    "Instrument": "WEA",
    "Vehicle": "VEH",
}
DEFAULT_ENTITY_TYPE = "ENT"


def entity_type(role: str) -> str:
    return ROLE_ENTITY_TYPE.get(role, DEFAULT_ENTITY_TYPE)


@dataclass
class Layout:
    article: Article
    tokens: list[Token]
    index: TokenIndex
    windows: list[tuple[int, int]]  # character spans
    window_tokens: list[tuple[int, int]]  # document token ranges [i, j)
    mention_window: list[int]  # window of each mention
    chrome_windows: int = 0  # sentence windows left out as site chrome
    chrome_tokens: int = 0  # their tokens

    def token_span(self, span: Span, k: int, m: Mention, file: object = None) -> tuple[int, int]:
        """Document token range [i, j) covering ``span``; a span over no token is an error."""
        r = self.index.span(span.start, span.end)
        if r is None:
            raise FormatError(
                f"{where(file, self.article.ext_id, mention_label(k, m))}: span {span.text!r} at "
                f"{span.start}..{span.end} covers no token"
            )
        return r


def mention_spans(m: Mention) -> list[tuple[int, int]]:
    return [(m.trigger.start, m.trigger.end)] + [(a.span.start, a.span.end) for a in m.arguments]


def _in_chrome(article: Article, start: int, end: int) -> bool:
    return any(r.kind == "chrome" and r.start <= start and end <= r.end for r in article.regions)


def layout(article: Article, mentions: Sequence[Mention]) -> Layout:
    text = article.text
    toks = tokenize(text)
    index = TokenIndex(toks)
    wins = windows(text, [mention_spans(m) for m in mentions])
    chrome_windows = chrome_tokens = 0
    if any(r.kind == "chrome" for r in article.regions):
        used = {max(bisect_right([s for s, _ in wins], m.trigger.start) - 1, 0) for m in mentions}
        kept = []
        for w, (s, e) in enumerate(wins):
            if w not in used and _in_chrome(article, s, e):
                chrome_windows += 1
                i, j = index.between(s, e)
                chrome_tokens += j - i
            else:
                kept.append((s, e))
        wins = kept
    win_tokens = [index.between(s, e) for s, e in wins]
    starts = [s for s, _ in wins]
    mention_window = [max(bisect_right(starts, m.trigger.start) - 1, 0) for m in mentions]
    return Layout(article, toks, index, wins, win_tokens, mention_window, chrome_windows, chrome_tokens)


def count_chrome(lay: Layout, counts: dict[str, int]) -> None:
    """Add what ``lay`` left out as chrome to a writer's counts."""
    counts["chrome_sentences_excluded"] = counts.get("chrome_sentences_excluded", 0) + lay.chrome_windows
    counts["chrome_tokens_excluded"] = counts.get("chrome_tokens_excluded", 0) + lay.chrome_tokens
