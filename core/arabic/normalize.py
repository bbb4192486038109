"""Normalisation for search and matching, with a map back to the original offsets.

The shadow text folds what readers treat as the same letter: diacritics (tashkeel),
tatweel and invisible format characters are dropped; alef forms (أ إ آ ٱ) become ا,
alef maqsura ى becomes ي, ta marbuta ة becomes ه, Persian ک ی become ك ي, Arabic-Indic
and Persian digits become 0-9, Latin is lower-cased. The original text is never changed:
:class:`Normalized` maps every shadow index back to original ``str`` offsets.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE)) - {0x06E5, 0x06E6}
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)
    _FOLD[chr(0x06F0 + _i)] = str(_i)


def _fold_char(ch: str) -> str | None:
    """The shadow form of one character: '' to drop it, None to keep it as is."""
    code = ord(ch)
    if code in _DROP:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    if code < 0x80:
        return ch.lower()
    if unicodedata.category(ch) == "Cf":  # ZWNJ, ZWJ, LRM, RLM, bidi embeddings and isolates
        return ""
    low = ch.lower()
    return low if len(low) == 1 else ch


_TABLE: dict[str, str] = {}


def fold(ch: str) -> str:
    """Shadow form of one character ('' when it is dropped). Cached per character."""
    out = _TABLE.get(ch)
    if out is None:
        f = _fold_char(ch)
        out = ch if f is None else f
        _TABLE[ch] = out
    return out


@dataclass(frozen=True)
class Normalized:
    """A shadow text and, for each of its characters, the original [start, end) it came from.

    ``ends[i]`` covers the original character and any dropped marks that follow it, so a
    shadow span maps back to a whole original word, diacritics included.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a shadow span [start, end) to an original span [start, end)."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"shadow span {start}..{end} outside 0..{len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else self.original_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def normalize_text(text: str) -> str:
    """The shadow text alone (fast path, no offset map)."""
    return "".join([fold(ch) for ch in text])


def normalize(text: str) -> Normalized:
    """The shadow text with its offset map back to ``text``."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        f = fold(ch)
        if not f:
            if ends:
                ends[-1] = i + 1
            continue
        out.append(f)
        starts.append(i)
        ends.append(i + 1)
    return Normalized("".join(out), tuple(starts), tuple(ends), len(text))
