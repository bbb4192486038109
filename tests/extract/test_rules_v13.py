"""Rules of engine 1.3, as tables. Own sentences (not from any gold set); each row failed on
engine 1.2."""

from __future__ import annotations

import pytest

from core.model import Article
from extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


def _args(engine, text: str, role: str) -> dict[str, object]:
    found = engine.extract(Article("t", text, title="", published="2021-06-12"))
    return {a.span.text: a.value for m in found for a in m.arguments if a.role == role}


def _places(engine, text: str) -> set[str]:
    return set(_args(engine, text, "Place"))


# a bare singular weapon counts one (GUIDELINES "Values": a bare singular = 1)
INSTRUMENTS = [
    ("قتل جندي بانفجار لغم أرضي في ولاية قندوز.", "لغم أرضي", 1),
    ("أصيب أربعة أشخاص بانفجار قنبلة يدوية في سوق شعبي.", "قنبلة يدوية", 1),
    ("قتل سبعة أشخاص بتفجير حزام ناسف في مدينة كويتا.", "حزام ناسف", 1),
]


@pytest.mark.parametrize(("text", "span", "value"), INSTRUMENTS, ids=[r[1] for r in INSTRUMENTS])
def test_instrument_counts_v13(engine, text, span, value):
    got = _args(engine, text, "Instrument")
    assert span in got
    assert got[span] is not None and got[span]["value"] == value
