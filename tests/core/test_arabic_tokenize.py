"""core.arabic.tokenize: token table, sentence table, offset properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tadqiq.core.arabic.tokenize import Token, sentences, tokenize, words

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىة"
    + "".join(chr(c) for c in range(0x064B, 0x0653))
    + "\u0640٠١٢٣٤٥٦٧٨٩0123456789abcXYZ \n\t،؛؟.,-:/!?«»“”()"
    + "😀👍🏽\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069\u066b\u066c"
)
TEXT = st.text(alphabet=ALPHABET, max_size=80)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تنظيم داعش يشن هجوما", ["تنظيم", "داعش", "يشن", "هجوما"]),
        ("وَبِالهُجُومِ العَنِيفِ", ["وَبِالهُجُومِ", "العَنِيفِ"]),  # diacritics stay in the word
        ("الهجـــوم", ["الهجـــوم"]),  # tatweel stays in the word
        ("مصرعهم، اليوم السبت؛ لماذا؟", ["مصرعهم", "،", "اليوم", "السبت", "؛", "لماذا", "؟"]),
        ("«داعش»", ["«", "داعش", "»"]),
        ("حقل “رتقة” النفطي", ["حقل", "“", "رتقة", "”", "النفطي"]),
        ("هاتف 22994024-22994022", ["هاتف", "22994024-22994022"]),
        ("3.5 مليون و1,200 عنصر", ["3.5", "مليون", "و1,200", "عنصر"]),
        ("١٢/٥/٢٠١٩ الساعة 10:30", ["١٢/٥/٢٠١٩", "الساعة", "10:30"]),
        ("٣٫٥ و١٬٢٠٠", ["٣٫٥", "و١٬٢٠٠"]),
        ("سنة 2019.", ["سنة", "2019", "."]),  # sentence-final dot is not part of the number
        ("F-16 jets", ["F", "-", "16", "jets"]),
        ("ISIS's", ["ISIS", "'", "s"]),
        ("\u200fسلام\u200e عليكم", ["سلام", "عليكم"]),  # bidi marks belong to no token
        ("می\u200cخواهم", ["می\u200cخواهم"]),  # ZWNJ inside a word
        ("قتلى 😀👍🏽", ["قتلى", "😀", "👍🏽"]),
        ("أسرة 👨\u200d👩\u200d👧", ["أسرة", "👨\u200d👩\u200d👧"]),  # ZWJ emoji sequence
        ("بـ 3", ["بـ", "3"]),
        ("", []),
        ("  \n\t ", []),
    ],
)
def test_tokenize_table(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


def test_token_offsets_into_original() -> None:
    text = "قال: «هجوم»"
    assert tokenize(text) == [
        Token(0, 3, "قال"),
        Token(3, 4, ":"),
        Token(5, 6, "«"),
        Token(6, 10, "هجوم"),
        Token(10, 11, "»"),
    ]


@pytest.mark.parametrize(
    ("text", "is_word"),
    [("هجوم", True), ("2019", True), ("،", False), ("😀", False), ("ـ", False), ("بـ", True)],
)
def test_is_word(text: str, is_word: bool) -> None:
    (token,) = tokenize(text)
    assert token.is_word is is_word


def test_words_leaves_out_punctuation() -> None:
    assert [t.text for t in words("هجوم، قتلى!")] == ["هجوم", "قتلى"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل ثلاثة. وأصيب آخرون!", ["قتل ثلاثة.", "وأصيب آخرون!"]),
        ("هل انسحبت القوات؟ لا", ["هل انسحبت القوات؟", "لا"]),
        ("بلغت النسبة 3.5 بالمئة. انتهى", ["بلغت النسبة 3.5 بالمئة.", "انتهى"]),  # no split at decimal
        ("العنوان\nالنص الأول", ["العنوان", "النص الأول"]),
        ("قال: «انتهى.» ثم غادر", ["قال: «انتهى.»", "ثم غادر"]),  # closing quote stays
        ("ماذا؟! حقا...", ["ماذا؟!", "حقا..."]),
        ("السبت.وقال", ["السبت.", "وقال"]),  # missing space after the full stop
        ("see example.com now", ["see example.com now"]),
        ("\n\n  \n", []),
    ],
)
def test_sentences_table(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_seed_article_tokens(house_txt) -> None:
    text = house_txt.read_text(encoding="utf-8")
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "العشرات" in {t.text for t in tokens}
    assert len(sentences(text)) >= 10


@given(TEXT)
def test_tokens_match_text_and_do_not_overlap(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for t in tokens:
        assert text[t.start:t.end] == t.text
        assert previous_end <= t.start < t.end
        assert not any(ch.isspace() for ch in t.text)
        previous_end = t.end


@given(TEXT)
def test_tokens_cover_every_visible_character(text: str) -> None:
    covered = set()
    for t in tokenize(text):
        covered.update(range(t.start, t.end))
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in "\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069":
            assert i in covered, (i, ch)


@given(TEXT)
def test_sentences_are_ordered_trimmed_and_newline_free(text: str) -> None:
    previous_end = 0
    for s, e in sentences(text):
        assert previous_end <= s < e <= len(text)
        assert "\n" not in text[s:e]
        assert not text[s].isspace() and not text[e - 1].isspace()
        previous_end = e


@given(st.text(max_size=60))
def test_any_unicode_text_tokenizes_consistently(text: str) -> None:
    spans = [(t.start, t.end) for t in tokenize(text)]
    assert all(text[s:e] and not text[s].isspace() for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))
    assert all(0 <= s < e <= len(text) for s, e in sentences(text))
