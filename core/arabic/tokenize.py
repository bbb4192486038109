"""Tokens and sentences with ``str`` offsets into the original text.

A token is a run of letters and digits with the marks that sit on them (an Arabic word keeps
its diacritics and tatweel), or one punctuation/symbol character with its marks (an emoji
with its modifiers and ZWJ sequence stays one token). Whitespace and stray format characters
(LRM, RLM, ...) separate tokens and belong to none; a format character between two letters
(ZWNJ in Persian words) stays inside the word. Digits joined by ``- . , / :`` or the Arabic
decimal/thousands separators (٫ ٬) stay one token: ``22994024-22994022``, ``3.5``, ``1,200``,
``12/5/2019``, ``10:30``. See docs/arabic-text.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .normalize import TATWEEL

# One class letter per character; the token grammar below runs over the class string.
_LETTER, _DIGIT, _MARK, _JOINER, _ZWJ, _FORMAT, _SPACE, _OTHER = "LDMJWZSP"

_NUMBER_JOINERS = frozenset("-.,/:\u066b\u066c")


def _class_of(ch: str) -> str:
    if ch.isspace():
        return _SPACE
    if ch in _NUMBER_JOINERS:
        return _JOINER
    if ch == "\u200d":
        return _ZWJ
    category = unicodedata.category(ch)
    major = category[0]
    if category == "Nd":
        return _DIGIT
    if major in "LN":
        return _LETTER
    if major == "M" or 0x1F3FB <= ord(ch) <= 0x1F3FF:  # marks, emoji skin-tone modifiers
        return _MARK
    if category == "Cf":
        return _FORMAT
    if category == "Cc":
        return _SPACE
    return _OTHER


class _ClassTable(dict):
    def __missing__(self, code: int) -> str:
        cls = self[code] = _class_of(chr(code))
        return cls


_CLASSES = _ClassTable()

_TOKEN = re.compile(
    r"[LD][LDM]*(?:(?:[ZW]+|(?<=D)J(?=D))[LD][LDM]*)*"  # word or number
    r"|[PJW]M*(?:W[PJ]M*)*"  # punctuation, symbol, emoji (ZWJ sequences)
    r"|M+"  # marks with no base letter
)


@dataclass(frozen=True, slots=True)
class Token:
    """``text == original[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation, symbols and lone tatweel."""
        return any(ch != TATWEEL and unicodedata.category(ch)[0] in "LN" for ch in self.text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every token, increasing and non-overlapping."""
    return [m.span() for m in _TOKEN.finditer(text.translate(_CLASSES))]


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` in order, with offsets into ``text``."""
    return [Token(s, e, text[s:e]) for s, e in token_spans(text)]


def words(text: str) -> list[Token]:
    """Only the word and number tokens."""
    return [t for t in tokenize(text) if t.is_word]


# A sentence ends at a run of terminators (plus closing quotes/brackets) or at a newline.
# '.' is not a terminator when a digit or a Latin letter follows it (3.5, example.com, U.S).
_SENTENCE_END = re.compile(
    r"(?:[!?\u061f\u2026\u06d4]|\.(?!\d|[A-Za-z]))+[\"'»”’)\]]*|\n"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of surrounding whitespace, empty ones left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group() == "\n" else m.end()
        _add_trimmed(text, start, end, spans)
        start = m.end()
    _add_trimmed(text, start, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    if start < end:
        spans.append((start, end))


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"
