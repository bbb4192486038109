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


PLACES = [
    # a one-word gazetteer town opening a longer name after its head: حي دشت برجي
    ("قتل ثلاثة أشخاص في انفجار بحي دشت برجي غربي كابل.", {"حي دشت برجي غربي كابل"}),
    # علي closing a name (a comma follows, so it is no preposition): مديرية ناد علي
    ("قتل جنديان بانفجار عبوة في مديرية ناد علي، بحسب الشرطة.", {"مديرية ناد علي"}),
]


@pytest.mark.parametrize(("text", "places"), PLACES, ids=[sorted(p)[0] for _, p in PLACES])
def test_place_phrases_v13(engine, text, places):
    assert _places(engine, text) == places


def test_apposition_is_no_longer_name(engine):
    # عاصمة after a one-word town opens an apposition, it does not lengthen the name
    got = _places(engine, "قتل عشرة مدنيين بقصف على مدينة نيالا عاصمة ولاية جنوب دارفور.")
    assert got == {"مدينة نيالا عاصمة ولاية جنوب دارفور"}
