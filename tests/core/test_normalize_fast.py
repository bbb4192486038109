"""normalize_text's fast path must agree with the full per-character table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tadqiq.core.arabic.normalize import _TABLE, normalize, normalize_text

ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي أإآةىؤئء٠١٩0123456789 .,،؛؟«»“”\n")
                           + ["\u064e", "\u0651", "\u0640", "\u200f", "A", "Z", "ک", "ی", "ﻻ", "😀", "é", "—"])


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_fast_path_equals_table(text):
    assert normalize_text(text) == text.translate(_TABLE) == normalize(text).text


def test_seed_takes_the_fast_path_and_agrees(house_txt):
    text = house_txt.read_text(encoding="utf-8")
    assert normalize_text(text) == text.translate(_TABLE)
    assert "أ" not in normalize_text(text) and "ة" not in normalize_text(text)
