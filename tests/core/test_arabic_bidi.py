"""core.arabic.bidi: paragraph direction, paragraphs, visual order, bidi controls."""

from __future__ import annotations

import pytest
from bidi import get_base_level
from hypothesis import given
from hypothesis import strategies as st

from tadqiq.core.arabic.bidi import BIDI_CONTROLS, base_direction, bidi_controls, paragraphs, visual


@pytest.mark.parametrize(
    ("paragraph", "default", "expected"),
    [
        ("تنظيم داعش يشن هجوما", "ltr", "rtl"),
        ("ISIS launches a new attack", "rtl", "ltr"),  # English paragraph in an Arabic article
        ("2019 هجوم", "ltr", "rtl"),  # digits are weak: the first letter decides
        ("2019 attack", "rtl", "ltr"),
        ("«ISIS» قال", "rtl", "ltr"),
        ("", "rtl", "rtl"),  # no strong letter: the default
        ("", "ltr", "ltr"),
        ("123 - 456", "rtl", "rtl"),
        ("  ... !", "ltr", "ltr"),
        ("😀", "ltr", "ltr"),
        ("\u2066ISIS\u2069 قال", "ltr", "rtl"),  # text inside an isolate is skipped (P2)
        ("\u2067داعش\u2069 said", "rtl", "ltr"),
        ("\u2066ISIS\u2069", "rtl", "rtl"),  # only isolated text: the default
        ("\u200fISIS", "ltr", "rtl"),  # RLM is a strong R character
        ("\u200eداعش", "rtl", "ltr"),  # LRM is a strong L character
        ("ܫܠܡܐ", "ltr", "rtl"),  # Syriac is R too
        ("שלום", "ltr", "rtl"),
        ("Ελλάδα", "rtl", "ltr"),
        ("نص عربي\nEnglish", "ltr", "rtl"),  # only the first line counts
    ],
)
def test_base_direction(paragraph: str, default: str, expected: str) -> None:
    assert base_direction(paragraph, default) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(0, 0)]),
        ("سطر", [(0, 3)]),
        ("أ\nب", [(0, 1), (2, 3)]),
        ("أ\n\nب\n", [(0, 1), (2, 2), (3, 4), (5, 5)]),
    ],
)
def test_paragraphs(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraphs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سلام", "مالس"),
        ("abc", "abc"),
        ("سلام abc", "abc مالس"),
        ("hello عالم", "hello ملاع"),  # ltr line: only the Arabic run is reversed
        ("عدد 15 قتيلا", "اليتق 15 ددع"),  # digits keep their order
        ("أ\nb", "أ\nb"),
        ("", ""),
    ],
)
def test_visual(text: str, expected: str) -> None:
    assert visual(text) == expected


def test_bidi_controls() -> None:
    text = "\u200fسلام\u200e \u202bنص\u202c \u2067x\u2069 \u061c\u200d\u200c"
    assert [(i, name) for i, _, name in bidi_controls(text)] == [
        (0, "RLM"), (5, "LRM"), (7, "RLE"), (10, "PDF"), (12, "RLI"), (14, "PDI"), (16, "ALM"),
    ]
    with_joiners = bidi_controls(text, joiners=True)
    assert [name for _, _, name in with_joiners][-2:] == ["ZWJ", "ZWNJ"]
    assert all(text[i] == ch for i, ch, _ in with_joiners)


def test_all_uax9_explicit_formatting_characters_are_listed() -> None:
    expected = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    assert {ord(ch) for ch in BIDI_CONTROLS} == expected


SAMPLE = st.text(alphabet="abcXYZ سلامعليكم0123456789.,!«»😀\u2066\u2067\u2069\u200e\u200f\u202a\u202b\u202c", max_size=40)


@given(SAMPLE)
def test_base_direction_agrees_with_python_bidi_when_a_strong_letter_exists(paragraph: str) -> None:
    rtl_default = base_direction(paragraph, "rtl")
    ltr_default = base_direction(paragraph, "ltr")
    if rtl_default == ltr_default:  # a strong letter decided
        assert rtl_default == ("rtl" if get_base_level(paragraph) == 1 else "ltr")
    else:
        assert (rtl_default, ltr_default) == ("rtl", "ltr")


@given(st.text(alphabet="abc سلام\n12", max_size=40))
def test_visual_keeps_lines_and_characters(text: str) -> None:
    out = visual(text)
    assert out.count("\n") == text.count("\n")
    for line, shown in zip(text.split("\n"), out.split("\n"), strict=True):
        assert sorted(line) == sorted(shown)
