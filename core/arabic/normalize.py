"""Normalisation for search and matching, with a map back to the original offsets.

The shadow text folds what readers treat as the same letter: diacritics (tashkeel), Quranic
annotation marks and tatweel are dropped, and so are invisible format characters (ZWNJ, ZWJ,
LRM, RLM, ALM, bidi embeddings and isolates, BOM); alef forms (أ إ آ ٱ) become ا, alef maqsura
ى becomes ي, ta marbuta ة becomes ه, Persian/Urdu ک ی ھ become ك ي ه, Arabic-Indic and Persian
digits become 0-9, Arabic presentation forms (ﻻ ﷲ ...) become the letters they draw, Unicode
spaces become ' ', Latin (and any other cased script) is lower-cased.

The original text is never changed: :class:`Normalized` maps every shadow index back to
original ``str`` offsets. See docs/arabic-text.md for the full table.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

TATWEEL = "\u0640"

# Blocks whose combining marks are dropped (Arabic, Supplement, Extended-A/B, presentation forms).
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

_FOLD: dict[str, str] = {
    # alef forms
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    # yeh forms: alef maqsura, Farsi yeh, Pashto/Uighur yeh
    "ى": "ي", "ی": "ي", "ې": "ي",
    # heh forms: ta marbuta, goal, doachashmee, heh with yeh above
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ۀ": "ه",
    # kaf forms: keheh (Persian), swash kaf
    "ک": "ك", "ڪ": "ك",
    # Arabic decimal and thousands separators, percent sign
    "\u066b": ".", "\u066c": ",", "\u066a": "%",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # ٠-٩ Arabic-Indic
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # ۰-۹ Extended Arabic-Indic (Persian, Urdu)


def _in_arabic_block(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _ARABIC_BLOCKS)


def _fold_code(code: int) -> tuple[str, bool]:
    """(shadow form, attaches) for one code point.

    The shadow form is '' when the character is dropped. ``attaches`` is True for dropped
    characters that belong to the preceding letter (marks, tatweel): a shadow span ending
    at that letter maps back to an original span that includes them. Dropped format
    characters (LRM, ZWNJ ...) do not attach.
    """
    ch = chr(code)
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded, False
    if code < 0x80:
        return ch.lower(), False
    if ch == TATWEEL:
        return "", True
    category = unicodedata.category(ch)
    if category == "Cf":
        return "", False
    if _in_arabic_block(code):
        if category in ("Mn", "Me"):
            return "", True
        compat = unicodedata.normalize("NFKC", ch)
        if compat != ch:  # presentation forms: ﻻ -> لا, ﺍ -> ا, ﹰ (isolated fathatan) -> ''
            out = "".join(_fold_code(ord(c))[0] for c in compat)
            return (out, False) if out.strip() else ("", True)
        return ch, False
    if category == "Zs":
        return " ", False
    low = ch.lower()
    return (low if len(low) == 1 else ch), False


_KEEP, _ATTACH, _DETACH, _MULTI = "k", "a", "d", "m"


def _class_of(code: int) -> str:
    folded, attaches = _fold_code(code)
    if len(folded) == 1:
        return _KEEP
    if folded:
        return _MULTI
    return _ATTACH if attaches else _DETACH


class _Table(dict):
    """code point -> shadow string, filled on first use; usable directly by ``str.translate``."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_code(code)[0]
        return folded


class _ClassTable(dict):
    """code point -> one of k (one shadow letter), a (dropped, attaches), d (dropped), m (several)."""

    def __missing__(self, code: int) -> str:
        cls = self[code] = _class_of(code)
        return cls


_TABLE = _Table()
_CLASSES = _ClassTable()
_IRREGULAR = re.compile("[adm]")


def fold(ch: str) -> str:
    """Shadow form of one character ('' when it is dropped; ﻻ gives two letters)."""
    return _TABLE[ord(ch)]


# Fast path. News text is almost only characters that fold to themselves, that are
# dropped (marks, tatweel, LRM ...), or that fold to one other character (أ ة ى, digits,
# capitals). For a text made only of those, a regex deletes the dropped ones and
# str.replace does each substitution present (C speed); any other text pays for the full
# per-character translate. Both paths give the same result (tests/core/test_normalize_fast.py).
def _char_class(codes: list[int]) -> str:
    runs: list[list[int]] = []
    for c in sorted(set(codes)):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)


def _fast_tables() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    ranges = [(0x00, 0x7F), (0xA0, 0xFF), (0x0600, 0x06FF), (0x2000, 0x206F), (0xFEFF, 0xFEFF)]
    plain, dropped, pairs = [], [], {}
    for lo, hi in ranges:
        for c in range(lo, hi + 1):
            folded = _fold_code(c)[0]
            if folded == chr(c):
                plain.append(c)
            elif folded == "":
                dropped.append(c)
            elif len(folded) == 1 and _fold_code(ord(folded))[0] == folded:
                pairs[chr(c)] = folded
    fast = plain + dropped + [ord(a) for a in pairs]
    rare = [ord(a) for a in pairs if a not in _FREQUENT]
    return (re.compile(f"[^{_char_class(plain + [ord(a) for a in _FREQUENT])}]"),
            re.compile(f"[^{_char_class(fast)}]"), re.compile(f"[{_char_class(dropped)}]+"),
            re.compile(f"[{_char_class(rare)}]"), pairs)


#: The five substitutions that are frequent in every Arabic text.
_FREQUENT = {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"}
_SPECIAL, _NOT_FAST, _DROPPED, _RARE, _PAIRS = _fast_tables()


def _frequent(text: str) -> str:
    for a, b in _FREQUENT.items():
        text = text.replace(a, b)
    return text


def normalize_text(text: str) -> str:
    """The shadow text alone (no offset map); same result as ``normalize(text).text``."""
    special = _SPECIAL.search(text)
    if special is None:
        return _frequent(text)
    if _NOT_FAST.search(text, special.start()) is not None:
        return text.translate(_TABLE)
    text = _DROPPED.sub("", text)
    for ch in set(_RARE.findall(text)):
        text = text.replace(ch, _PAIRS[ch])
    return _frequent(text)


@dataclass(frozen=True)
class Normalized:
    """A shadow text and, for each of its characters, the original [start, end) it came from.

    ``ends[i]`` covers the original character and any dropped marks and tatweel that follow
    it, so a shadow span maps back to a whole original word, diacritics included. Dropped
    format characters (LRM, RLM, ZWNJ ...) after the last letter are not included. Each
    letter of a presentation-form ligature (ﻻ) maps back to the whole ligature.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a shadow span [start, end) to an original span [start, end).

        An empty shadow span maps to an empty original span at the original position of
        the shadow character at ``start`` (or the end of the original text).
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"shadow span {start}..{end} outside 0..{len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else self.original_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def from_original(self, index: int) -> int:
        """Shadow index of the first shadow character whose original start is >= ``index``.

        ``from_original(i)`` for every original index of a letter gives that letter's shadow
        index; for a dropped character it gives the next kept one (or ``len(text)``).
        """
        if not 0 <= index <= self.original_length:
            raise IndexError(f"original index {index} outside 0..{self.original_length}")
        return bisect_left(self.starts, index)

    def span_from_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span [start, end) to the shadow span of the letters inside it."""
        if start > end:
            raise IndexError(f"original span {start}..{end} is reversed")
        return self.from_original(start), self.from_original(end)


def normalize(text: str) -> Normalized:
    """The shadow text with its offset map back to ``text``."""
    classes = text.translate(_CLASSES)
    starts: list[int] = []
    ends: list[int] = []
    prev = 0
    for m in _IRREGULAR.finditer(classes):
        i = m.start()
        if prev < i:
            starts.extend(range(prev, i))
            ends.extend(range(prev + 1, i + 1))
        cls = m.group()
        if cls == _ATTACH:
            if ends:
                ends[-1] = i + 1
        elif cls == _MULTI:  # a ligature: every letter maps back to the whole character
            n = len(_TABLE[ord(text[i])])
            starts.extend([i] * n)
            ends.extend([i + 1] * n)
        prev = i + 1
    n = len(text)
    if prev < n:
        starts.extend(range(prev, n))
        ends.extend(range(prev + 1, n + 1))
    return Normalized(text.translate(_TABLE), tuple(starts), tuple(ends), n)
