"""core.arabic.normalize: the folding table, the offset map, and its properties."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tadqiq.core.arabic.normalize import Normalized, fold, normalize, normalize_text

# Letters, diacritics U+064B-U+0652, tatweel, digits, Latin, spaces, emoji, bidi marks,
# alef/yeh/heh forms, a lam-alef ligature and a Persian keheh.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئ"
    + "".join(chr(c) for c in range(0x064B, 0x0653))
    + "\u0640\u0670"
    + "٠١٢٣٤٥٦٧٨٩۰۱۲0123456789"
    + "abcXYZ Éé \n\t،؛؟.,-«»"
    + "😀👍🏽"
    + "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2069\ufeff"
    + "کی"
)
ARABIC_TEXT = st.text(alphabet=ALPHABET + "ﻻﷲ", max_size=60)
LIGATURES = frozenset("ﻻﷲ")


@pytest.mark.parametrize(
    ("original", "shadow"),
    [
        ("الهُجُومُ", "الهجوم"),  # tashkeel
        ("الهجـــوم", "الهجوم"),  # tatweel
        ("أحمد", "احمد"),
        ("إدلب", "ادلب"),
        ("آلاف", "الاف"),
        ("ٱلرحمن", "الرحمن"),  # alef wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدينة", "مدينه"),  # ta marbuta
        ("کتاب ی", "كتاب ي"),  # Persian keheh and yeh
        ("٢٠١٩", "2019"),
        ("۱۴۰۲", "1402"),
        ("٣٫٥٪", "3.5%"),  # Arabic decimal separator and percent sign
        ("١٬٢٠٠", "1,200"),
        ("ISIS Attack", "isis attack"),
        ("عن\u200cوان", "عنوان"),  # ZWNJ
        ("\u200fسلام\u200e", "سلام"),  # RLM, LRM
        ("\u202bنص\u202c \u2067آخر\u2069", "نص اخر"),  # embedding, isolate
        ("\u061cعلي", "علي"),  # ALM
        ("\ufeffبسم", "بسم"),  # BOM
        ("قرآن\u06d6\u06d7", "قران"),  # Quranic annotation marks
        ("رحمٰن", "رحمن"),  # superscript alef
        ("ﻻ", "لا"),  # lam-alef presentation ligature
        ("ﷲ", "الله"),
        ("ﺑﺎﻟﻬﺠﻮﻡ", "بالهجوم"),  # presentation forms as in text pulled from PDFs
        ("ﹰ", ""),  # isolated fathatan form
        ("a\u00a0b\u2009c", "a b c"),  # no-break and thin space
        ("😀 ok", "😀 ok"),  # astral characters unchanged
        ("ؤ ئ ء", "ؤ ئ ء"),  # hamza on waw/yeh is not folded
    ],
)
def test_normalize_text_table(original: str, shadow: str) -> None:
    assert normalize_text(original) == shadow
    assert normalize(original).text == shadow


@pytest.mark.parametrize(("ch", "out"), [("أ", "ا"), ("َ", ""), ("ـ", ""), ("A", "a"), ("٧", "7"), ("ﻻ", "لا"), ("ب", "ب")])
def test_fold(ch: str, out: str) -> None:
    assert fold(ch) == out


def test_shadow_span_maps_back_to_whole_word_with_trailing_diacritics() -> None:
    text = "شنَّ الهُجُومَ\u200f اليوم"
    norm = normalize(text)
    s = norm.text.index("الهجوم")
    start, end = norm.to_original(s, s + len("الهجوم"))
    assert text[start:end] == "الهُجُومَ"  # the trailing fatha is in, the RLM is not


def test_leading_format_character_is_not_part_of_the_first_word() -> None:
    norm = normalize("\u200fسلام")
    assert norm.to_original(0, 4) == (1, 5)


def test_ligature_letters_map_to_the_whole_ligature() -> None:
    norm = normalize("ﻻ بد")
    assert norm.text == "لا بد"
    assert norm.to_original(0, 1) == (0, 1)
    assert norm.to_original(1, 2) == (0, 1)
    assert norm.to_original(0, 5) == (0, 4)


def test_empty_spans_and_bounds() -> None:
    norm = normalize("أَب")
    assert norm.text == "اب"
    assert norm.to_original(1, 1) == (2, 2)
    assert norm.to_original(2, 2) == (3, 3)
    with pytest.raises(IndexError):
        norm.to_original(0, 3)
    with pytest.raises(IndexError):
        norm.to_original(2, 1)
    with pytest.raises(IndexError):
        norm.from_original(4)


def test_from_original() -> None:
    text = "وَقَال"
    norm = normalize(text)
    assert norm.text == "وقال"
    assert [norm.from_original(i) for i in range(len(text) + 1)] == [0, 1, 1, 2, 2, 3, 4]
    assert norm.span_from_original(2, 6) == (1, 4)


def test_empty_text() -> None:
    assert normalize("") == Normalized("", (), (), 0)
    assert normalize("\u064e\u200f") == Normalized("", (), (), 2)
    assert normalize("").to_original(0, 0) == (0, 0)


def test_normalize_text_is_fast_enough() -> None:
    text = "قال المرصد السوري إنَّ ٢٠ عنصراً قُتلوا في هجومٍ على مواقع للنظام. " * 20_000  # ~1.3 MB
    t0 = time.perf_counter()
    shadow = normalize_text(text)
    elapsed = time.perf_counter() - t0
    assert "20 عنصرا" in shadow
    assert elapsed < 1.0, f"normalize_text took {elapsed:.2f}s for {len(text)} chars"


@given(ARABIC_TEXT)
def test_every_shadow_char_comes_from_an_original_char(text: str) -> None:
    norm = normalize(text)
    assert norm.original_length == len(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i, ch in enumerate(norm.text):
        s, e = norm.starts[i], norm.ends[i]
        assert 0 <= s < e <= len(text)
        assert ch in fold(text[s])
        # whatever the span adds after the letter is dropped in the shadow
        assert normalize_text(text[s + 1:e]) == ""


@given(ARABIC_TEXT)
def test_offsets_increase(text: str) -> None:
    norm = normalize(text)
    assert list(norm.starts) == sorted(norm.starts)
    assert all(a <= b for a, b in zip(norm.ends, norm.ends[1:], strict=False))
    for i in range(len(norm.text) - 1):  # no overlap, except letters of one ligature
        assert norm.ends[i] <= norm.starts[i + 1] or norm.starts[i] == norm.starts[i + 1]


@given(ARABIC_TEXT, st.data())
def test_to_original_covers_the_right_substring(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    n = len(norm.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    start, end = norm.to_original(a, b)
    assert 0 <= start <= end <= len(text)
    if LIGATURES.isdisjoint(text):
        assert normalize_text(text[start:end]) == norm.text[a:b]
    else:  # a span may start or end inside a ligature, and then covers all of it
        assert norm.text[a:b] in normalize_text(text[start:end])


@given(ARABIC_TEXT)
def test_normalize_text_matches_normalize_and_is_idempotent(text: str) -> None:
    shadow = normalize_text(text)
    assert normalize(text).text == shadow
    assert normalize_text(shadow) == shadow
    assert shadow == "".join(fold(ch) for ch in text)


@given(ARABIC_TEXT, st.data())
def test_from_original_inverts_to_original(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    if not norm.text:
        return
    i = data.draw(st.integers(0, len(norm.text) - 1))
    j = norm.from_original(norm.starts[i])
    a, b = norm.span_from_original(*norm.to_original(i, i + 1))
    if LIGATURES.isdisjoint(text):
        assert (j, a, b) == (i, i, i + 1)
    else:  # every letter of a ligature starts at the same original index
        assert j <= i and norm.starts[j] == norm.starts[i]
        assert a <= i < b


@given(st.text(max_size=40))
def test_any_unicode_text_keeps_the_map_consistent(text: str) -> None:
    norm = normalize(text)
    assert norm.text == normalize_text(text)
    for i, ch in enumerate(norm.text):
        assert ch in fold(text[norm.starts[i]])
