"""Sentence windows and the char-span -> token-range map the token-level formats rely on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tadqiq.core.formats.tokens import TokenIndex, sentences, tokenize, windows

SEED_LIKE = "لقي عدد من العناصر مصرعهم. وأسر آخرون!\nهجوم على “حقل رتقة” غربي البوكمال؟ قتل 3.5 شخصا."
texts = st.text(alphabet=st.sampled_from(list("ابتثوي ال.،؟!\n“”3")), min_size=1, max_size=60)


def test_windows_merge_sentences_a_mention_spans():
    text = "هجوم على القرية. قتل فيه عشرة.\nسطر آخر."
    assert [text[s:e] for s, e in sentences(text)] == ["هجوم على القرية.", "قتل فيه عشرة.", "سطر آخر."]
    # A trigger in sentence 2 with an argument in sentence 1: one window for both.
    trigger, place = (17, 20), (5, 15)
    assert [text[s:e] for s, e in windows(text, [[trigger, place]])] == [
        "هجوم على القرية. قتل فيه عشرة.", "سطر آخر."]  # fmt: skip


def test_sub_token_span_maps_to_its_token():
    text = "ويقتل العشرات"
    index = TokenIndex(tokenize(text))
    assert index.span(1, 5) == (0, 1)  # يقتل inside ويقتل
    assert index.span(0, 13) == (0, 2)
    assert index.span(5, 6) is None  # only the space


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_windows_hold_every_group_and_cover_every_token(text, data):
    toks = tokenize(text)
    if not toks:
        return
    picks = data.draw(
        st.lists(st.tuples(st.integers(0, len(toks) - 1), st.integers(0, len(toks) - 1)), max_size=4)
    )
    groups = [[(toks[i].start, toks[i].end), (toks[j].start, toks[j].end)] for i, j in picks]
    wins = windows(text, groups)
    assert all(a[1] <= b[0] for a, b in zip(wins, wins[1:], strict=False))  # ordered, disjoint
    for group in groups:
        assert any(all(s <= a and b <= e for a, b in group) for s, e in wins)
    for t in toks:
        assert any(s <= t.start and t.end <= e for s, e in wins)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 60))
def test_token_range_is_the_smallest_cover(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    toks = tokenize(text)
    r = TokenIndex(toks).span(start, end)
    touching = [k for k, t in enumerate(toks) if t.start < end and start < t.end]
    if not touching:
        assert r is None
    else:
        assert r == (touching[0], touching[-1] + 1)


def test_seed_like_text():
    toks = [t.text for t in tokenize(SEED_LIKE)]
    assert "مصرعهم" in toks and "وأسر" in toks and "3.5" in toks and "“" in toks
    assert len(sentences(SEED_LIKE)) == 4
