"""str offsets <-> Qt (UTF-16) positions, checked against a real QTextDocument."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from tadqiq.gui.offsets import OffsetMap, to_qt, to_str

CASES = {
    "emoji before an Arabic span": ("🔥💥 هجوم على دير الزور", "دير الزور"),
    "span touching guillemets": ("قال «عناصر من فلول تنظيم داعش» أمس", "عناصر من فلول تنظيم داعش"),
    "span touching curly quotes": ("حقل نفط “عكش” غربي", "عكش"),
    "quote itself": ("شبكة “فرات بوست” أن", "“فرات بوست”"),
    "Arabic/Latin boundary": ("قال مسؤول في Reuters اليوم 😀 إن", "في Reuters اليوم"),
    "digits range": ("رقم الخبر 22994024-22994022 🙂 نشر", "22994024-22994022"),
    "astral letters": ("𝐀𝐁 𝒞 تنظيم 👨‍👩‍👧 داعش", "داعش"),
    "after newline and astral": ("🙂\n\nلقي عدد\n👍 من عناصر", "من عناصر"),
}


def document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(text)
    return doc


def qt_slice(doc: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


@pytest.mark.parametrize("text,needle", list(CASES.values()), ids=list(CASES))
def test_span_survives_the_round_trip_through_qt(qapp, text, needle):
    start = text.index(needle)
    end = start + len(needle)
    omap = OffsetMap(text)
    qs, qe = omap.span_to_qt(start, end)
    doc = document(text)
    assert qt_slice(doc, qs, qe) == needle
    assert omap.span_to_str(qs, qe) == (start, end)
    assert doc.characterCount() - 1 == omap.qt_length


@pytest.mark.parametrize("text,needle", list(CASES.values()), ids=list(CASES))
def test_zero_width_span_maps_to_one_position(qapp, text, needle):
    at = text.index(needle)
    omap = OffsetMap(text)
    qs, qe = omap.span_to_qt(at, at)
    assert qs == qe
    assert omap.span_to_str(qs, qe) == (at, at)
    assert qt_slice(document(text), qs, qe) == ""


def test_emoji_shifts_later_positions_by_two_units_each():
    text = "💥💥 هجوم"
    assert to_qt(text, 3) == 5  # the space after two astral characters
    assert to_str(text, 5) == 3
    assert OffsetMap(text).qt_length == len(text.encode("utf-16-le")) // 2


def test_position_inside_a_surrogate_pair_snaps_to_whole_character():
    text = "a💥b"
    omap = OffsetMap(text)
    assert omap.to_str(2) == 1  # between the surrogates -> start of 💥
    assert omap.to_str(2, round_up=True) == 2  # -> end of 💥
    assert omap.span_to_str(2, 2) == (1, 2)


def test_reversed_qt_selection_is_ordered():
    omap = OffsetMap("💥 داعش")
    assert omap.span_to_str(7, 3) == (2, 6)


def test_text_without_astral_characters_is_identity():
    omap = OffsetMap("تنظيم داعش 22994024-22994022 «x»")
    assert omap.identity
    assert [omap.to_qt(i) for i in range(5)] == list(range(5))


@pytest.mark.parametrize("bad", [-1, 8])
def test_out_of_range_offsets_raise(bad):
    omap = OffsetMap("💥 داعش")  # 6 code points, 7 units
    with pytest.raises(IndexError):
        omap.to_qt(bad)
    with pytest.raises(IndexError):
        omap.to_str(bad + (1 if bad > 0 else 0))


ALPHABET = st.sampled_from(
    list("تنظيم داعش هجوم") + ["\n", " ", "«", "»", "“", "”", "-", "2", "9", "A", "z", "\u200f", "\u202e",
                               "💥", "🙂", "𝐀", "\U0001f469\u200d\U0001f467", "\u0651"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.data())
def test_round_trip_property(text, data):
    omap = OffsetMap(text)
    for i in range(len(text) + 1):
        assert omap.to_str(omap.to_qt(i)) == i
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    qs, qe = omap.span_to_qt(start, end)
    assert qe - qs == len(text[start:end].encode("utf-16-le")) // 2
    assert omap.span_to_str(qs, qe) == (start, end)


@settings(max_examples=60, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=30).map("".join), st.data())
def test_property_against_qt_document(qapp, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    omap = OffsetMap(text)
    assert qt_slice(document(text), *omap.span_to_qt(start, end)) == text[start:end]
