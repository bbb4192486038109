from __future__ import annotations

import pytest

from tadqiq.gui.selection import fallback_snap, snap_selection

TEXT = "تنظيم داعش يشن هجوما ويقتل ويأسر العشرات في “عكش” 22994024-22994022"


def sel(part: str, occurrence: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(part, at + 1)
    return at, at + len(part)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("ظيم دا", "تنظيم داعش"),  # partial words grow to whole words
        (" هجوما ", "هجوما"),  # surrounding spaces dropped
        ("يقتل", "يقتل"),  # selection after the conjunction keeps it out
        ("قتل", "ويقتل"),  # inside the stem: the whole token (the rule can't know better)
        ("عكش", "عكش"),  # quotes are not part of the word
        ("2299", "22994024"),
    ],
)
def test_fallback_snap(raw, expected):
    start, end = fallback_snap(TEXT, *sel(raw))
    assert TEXT[start:end] == expected


def test_raw_keeps_the_characters_as_selected():
    start, end = sel("ظيم دا")
    assert snap_selection(TEXT, start, end, raw=True) == (start, end)


def test_snapped_span_always_lies_within_the_text_and_is_ordered():
    for start in range(0, len(TEXT), 3):
        for end in range(start, len(TEXT), 7):
            s, e = snap_selection(TEXT, end, start)
            assert 0 <= s <= e <= len(TEXT)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("قتل", "يقتل"),  # the conjunction و is not part of the trigger (guidelines)
        ("ظيم دا", "تنظيم داعش"),
        ("“عكش”", "عكش"),  # quotes at the edges stay out
        (" هجوما ", "هجوما"),
    ],
)
def test_snap_selection_follows_the_guidelines(raw, expected):
    start, end = snap_selection(TEXT, *sel(raw))
    assert TEXT[start:end] == expected


def test_selection_of_punctuation_only_is_empty():
    start, end = sel("“")
    s, e = snap_selection(TEXT, start, end)
    assert s == e


def test_place_names_keep_their_first_letter_after_the_gazetteer_loads():
    from tadqiq.core.arabic.clitics import snap_span
    from tadqiq.extract.gazetteer import load_gazetteer

    load_gazetteer()
    text = "قصف على باميان أمس"
    start = text.index("باميان")
    assert snap_span(text, start, start + len("باميان")) == (start, start + len("باميان"))
