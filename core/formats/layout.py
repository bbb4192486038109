"""An article laid out for the token-level formats: tokens, sentence windows, mention windows."""

from __future__ import annotations

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


def layout(article: Article, mentions: Sequence[Mention]) -> Layout:
    text = article.text
    toks = tokenize(text)
    index = TokenIndex(toks)
    wins = windows(text, [mention_spans(m) for m in mentions])
    win_tokens = [index.between(s, e) for s, e in wins]
    starts = [s for s, _ in wins]
    from bisect import bisect_right

    mention_window = [max(bisect_right(starts, m.trigger.start) - 1, 0) for m in mentions]
    return Layout(article, toks, index, wins, win_tokens, mention_window)
