"""core.arabic.clitics: proclitic tables, span snapping against the seed gold, search stems."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tadqiq.core.arabic import clitics
from tadqiq.core.arabic.clitics import is_known_word, search_stem, snap_span, split_proclitics, strip_for_span
from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.arabic.tokenize import tokenize


@pytest.mark.parametrize(
    ("word", "prefix_len", "stem"),
    [
        ("وبالهجوم", 4, "هجوم"),
        ("الهجوم", 2, "هجوم"),
        ("بالهجوم", 3, "هجوم"),
        ("لأسر", 1, "أسر"),
        ("ويقتل", 1, "يقتل"),
        ("ويأسر", 1, "يأسر"),
        ("للنظام", 2, "نظام"),  # ل + (ا)ل
        ("وللنظام", 3, "نظام"),
        ("كالعادة", 3, "عادة"),
        ("سيقتل", 1, "يقتل"),  # future before an imperfect prefix
        ("وسيقتل", 2, "يقتل"),
        ("سأقتل", 1, "أقتل"),
        ("سيطرته", 0, "سيطرته"),  # known word, not س + يطرته
        ("سيارات", 0, "سيارات"),
        ("وَبِالْهُجُومِ", 7, "هُجُومِ"),  # the proclitics' diacritics go with them
        ("وزير", 0, "وزير"),
        ("ووزير", 1, "وزير"),
        ("ولاية", 0, "ولاية"),
        ("بلدة", 0, "بلدة"),
        ("لبنان", 0, "لبنان"),
        ("للبنان", 1, "لبنان"),  # ل + لبنان, not ل + ال + بنان
        ("ولبنانية", 1, "لبنانية"),
        ("كتيبة", 0, "كتيبة"),
        ("فرنسا", 0, "فرنسا"),
        ("فرنسيين", 0, "فرنسيين"),
        ("بادية", 0, "بادية"),
        ("فلول", 0, "فلول"),
        ("بقيع", 0, "بقيع"),
        ("ووادي", 1, "وادي"),
        ("وزيرها", 0, "وزيرها"),  # known word + suffix
        ("لقي", 0, "لقي"),  # stem would be too short
        ("وسط", 0, "وسط"),
        ("الله", 0, "الله"),
        ("ألغام", 0, "ألغام"),  # hamza alef is no article
        ("بعدد", 1, "عدد"),
        ("بعد", 0, "بعد"),
        ("كفرنبل", 0, "كفرنبل"),  # villages named كفر ...
        ("وكفرسجنة", 1, "كفرسجنة"),
        ("كربلاء", 0, "كربلاء"),
        ("بانياس", 0, "بانياس"),
        ("ورائه", 0, "ورائه"),
        ("وبساتين", 1, "بساتين"),
        ("ليست", 0, "ليست"),
        ("لكنه", 0, "لكنه"),
        ("ولكنها", 1, "لكنها"),
        ("كلها", 0, "كلها"),
        ("والي", 0, "والي"),  # governor, not و + الي
        ("hello", 0, "hello"),
        ("", 0, ""),
    ],
)
def test_split_proclitics(word: str, prefix_len: int, stem: str) -> None:
    assert split_proclitics(word) == (prefix_len, stem)


@pytest.mark.parametrize(
    ("word", "span_word"),
    [
        ("الهجوم", "الهجوم"),  # the article stays
        ("بالهجوم", "الهجوم"),
        ("وبالهجوم", "الهجوم"),
        ("ويقتل", "يقتل"),
        ("لأسر", "أسر"),
        ("لسيطرته", "سيطرته"),
        ("للنظام", "للنظام"),  # merged article: the word stays whole
        ("وللنظام", "للنظام"),
        ("سيقتل", "سيقتل"),  # the future particle is part of the verb
        ("وسيقتل", "سيقتل"),
        ("مصرعهم", "مصرعهم"),
        ("وزير", "وزير"),
        ("وَيَقتُلُ", "يَقتُلُ"),
        ("كهجوم", "هجوم"),
    ],
)
def test_strip_for_span(word: str, span_word: str) -> None:
    n, rest = strip_for_span(word)
    assert rest == span_word
    assert word[n:] == rest


@pytest.mark.parametrize(
    ("text", "selection", "expected"),
    [
        ("شن هجوما جديدا", "جوم", "هجوما"),  # grows to the whole word
        ("في دير الزور ويقتل العشرات", "ويقتل", "يقتل"),
        ("في دير الزور ويقتل العشرات", "قتل", "يقتل"),
        ("أعلن بالهجوم أمس", "بالهجوم", "الهجوم"),
        ("مواقع الموالية للنظام.", "الموالية للنظام.", "الموالية للنظام"),  # edge punctuation out
        ("قال «داعش» أمس", "«داعش»", "داعش"),
        ("حقل “رتقة” النفطي", "حقل “رتقة” النفطي", "حقل “رتقة” النفطي"),  # inner quotes stay
        ("وقوات النظام", "وقوات النظام", "قوات النظام"),
    ],
)
def test_snap_span_examples(text: str, selection: str, expected: str) -> None:
    start = text.index(selection)
    snapped = snap_span(text, start, start + len(selection))
    assert snapped is not None
    assert text[snapped[0]:snapped[1]] == expected


@pytest.mark.parametrize(("text", "start", "end"), [("هجوم جديد", 2, 2), ("هجوم  جديد", 4, 6), ("هجوم ، جديد", 4, 7)])
def test_snap_span_without_a_word_is_none(text: str, start: int, end: int) -> None:
    assert snap_span(text, start, end) is None


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_snap_span_rejects_bad_selections(start: int, end: int) -> None:
    with pytest.raises(IndexError):
        snap_span("هجوم جديد", start, end)


def _gold_spans(house_gold: dict) -> list[dict]:
    spans = []
    for event in house_gold["events"]:
        spans.append(event["trigger"])
        spans.extend(a for a in event["arguments"] if "start" in a)
    return spans


def test_gold_spans_are_fixed_points(house_gold: dict) -> None:
    text = house_gold["text"]
    spans = _gold_spans(house_gold)
    assert len(spans) > 50
    for span in spans:
        assert snap_span(text, span["start"], span["end"]) == (span["start"], span["end"]), span["text"]


def test_selecting_whole_tokens_gives_the_gold_span(house_gold: dict) -> None:
    """A reviewer who drags over ويقتل or للنظام gets the gold span back."""
    text = house_gold["text"]
    tokens = tokenize(text)
    checked = 0
    for span in _gold_spans(house_gold):
        first = next(t for t in tokens if t.start <= span["start"] < t.end)
        last = next(t for t in tokens if t.start < span["end"] <= t.end)
        assert snap_span(text, first.start, last.end) == (span["start"], span["end"]), span["text"]
        checked += first.start != span["start"]
    assert checked >= 3  # some gold spans do start after a proclitic


@pytest.mark.parametrize(
    ("query", "indexed"),
    [
        ("هجوم", "الهجوم"),
        ("هجوم", "وبالهجوم"),
        ("الهجوم", "فالهجوم"),
        ("هُجُوم", "بالهجوم"),
        ("ادلب", "إدلب"),
        ("نظام", "للنظام"),
        ("لبنان", "للبنان"),
        ("وزير", "ووزير"),
        ("بلدة", "والبلدة"),
        ("حي", "الحي"),
        ("حزب الله", "وحزب الله"),
    ],
)
def test_search_stem_matches(query: str, indexed: str) -> None:
    def stems(s: str) -> list[str]:
        return [search_stem(w) for w in normalize_text(s).split()]

    assert stems(query) == stems(indexed)


@pytest.mark.parametrize(
    ("token", "stem"),
    [("الله", "الله"), ("له", "له"), ("بها", "بها"), ("لها", "لها"), ("بالحي", "حي"), ("وزير", "وزير"), ("الي", "الي"), ("الحي", "حي"), ("ال", "ال")],
)
def test_search_stem_keeps_short_and_known_words(token: str, stem: str) -> None:
    assert search_stem(token) == stem


@pytest.mark.parametrize(("word", "known"), [("وزير", True), ("وزيرها", True), ("سيطرته", True), ("سيارات", True), ("هجوم", False), ("وهجوم", False)])
def test_is_known_word(word: str, known: bool) -> None:
    assert is_known_word(normalize_text(word)) is known


WORD = st.text(alphabet="وفبلكسالهجومينتأإآىة\u064e\u064f\u0650\u0651\u0652\u0640", min_size=1, max_size=10)
TEXT = st.text(alphabet="وفبلكسالهجومينتأ \u064e\u0651\u0640،.«»😀\u200f0123456789", max_size=50)


@given(WORD)
def test_split_and_strip_return_a_suffix_of_the_word(word: str) -> None:
    for n, rest in (split_proclitics(word), strip_for_span(word)):
        assert 0 <= n <= len(word)
        assert word[n:] == rest
    # the span keeps at least what the full split keeps
    assert strip_for_span(word)[0] <= split_proclitics(word)[0]
    # at least three letters remain after any split
    if split_proclitics(word)[0]:
        assert len(normalize_text(split_proclitics(word)[1])) >= 3


@given(WORD)
def test_search_stem_is_a_suffix_of_at_least_two_letters(word: str) -> None:
    token = normalize_text(word)
    stem = search_stem(token)
    assert token.endswith(stem)
    assert stem == token or len(stem) >= 2


@given(TEXT, st.data())
def test_snap_span_lands_on_token_boundaries(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    snapped = snap_span(text, start, end)
    tokens = tokenize(text)
    if start == end:
        assert snapped is None
        return
    if snapped is None:
        assert not any(t.is_word and t.start < end and t.end > start for t in tokens)
        return
    s, e = snapped
    assert 0 <= s < e <= len(text)
    assert any(t.end == e and t.is_word for t in tokens)
    first = next(t for t in tokens if t.start <= s < t.end)
    assert s == first.start + strip_for_span(first.text)[0]
    # the snapped span overlaps the selection's words and never starts or ends in whitespace
    assert not text[s].isspace() and not text[e - 1].isspace()
    assert snap_span(text, s, e) == (s, e)  # snapping is idempotent


@given(st.text(max_size=40), st.data())
def test_snap_span_never_fails_on_any_unicode_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    snapped = snap_span(text, start, end)
    if snapped is not None:
        s, e = snapped
        assert 0 <= s < e <= len(text)
        assert snap_span(text, s, e) == snapped


def test_span_words_protect_spans_but_not_search_stems() -> None:
    """باميان opens a gazetteer name (resources/lexicons/span-words-ar.txt) and is no KNOWN_WORDS
    entry: a span keeps its ب, the search stem does not (the index does not follow the gazetteer)."""
    name = "باميان"
    assert normalize_text(name) in clitics.span_words()
    assert not is_known_word(normalize_text(name))
    assert split_proclitics(name) == (0, name)
    assert strip_for_span("و" + name) == (1, name)
    assert snap_span("في " + name, 3, 3 + len(name)) == (3, 3 + len(name))
    assert search_stem(normalize_text(name)) == "اميان"


def test_span_words_are_normalised_and_could_lose_a_proclitic() -> None:
    words = clitics.span_words()
    assert len(words) > 1000
    assert all(normalize_text(w) == w and w[:1] in "وفبلكس" for w in words)
