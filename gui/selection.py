"""Snap a raw text selection to what a reviewer means: whole words, minus proclitics.

The rule lives in ``core.arabic.clitics.snap_span`` (whole tokens, edge punctuation out, the
first word's conjunction/preposition off). If that module is missing, a conservative
fallback is used: extend both ends to word
boundaries, except that a selection starting right after a leading run of proclitic letters
(و ف ب ل ك) keeps that start, so dragging over يقتل inside ويقتل gives يقتل.
"""

from __future__ import annotations

import unicodedata

PROCLITICS = frozenset("وفبلك")


def _is_word_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "M", "N") or ch == "\u0640"  # letters, marks, digits, tatweel


def fallback_snap(text: str, start: int, end: int) -> tuple[int, int]:
    if start > end:
        start, end = end, start
    # trim whitespace the selection caught at either end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    word_start = start
    while word_start > 0 and _is_word_char(text[word_start - 1]):
        word_start -= 1
    prefix = text[word_start:start]
    if not (prefix and len(prefix) <= 3 and all(ch in PROCLITICS for ch in prefix)):
        start = word_start
    while end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        end += 1
    return start, end


def snap_selection(text: str, start: int, end: int, *, raw: bool = False) -> tuple[int, int]:
    """The span a selection [start, end) stands for; ``raw`` keeps the characters as selected."""
    if start > end:
        start, end = end, start
    if raw or start == end:
        return start, end
    try:
        from tadqiq.core.arabic.clitics import snap_span  # provided by the Arabic toolkit
    except ImportError:
        return fallback_snap(text, start, end)
    snapped = snap_span(text, start, end)
    if snapped is None:  # no word touched: nothing to select
        return start, start
    return snapped[0], snapped[1]
