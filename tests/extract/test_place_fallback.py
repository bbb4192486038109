"""The structural place fallback (``place:fallback``): unknown names after a locative cue or a
relation, and where it must not fire, as tables. Own sentences (not from any gold set); the
rules came with engine 1.5, each row failed on 1.4."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


def _extract(engine, text: str):
    return engine.extract(Article("t", text, title="", published="2021-06-12"))


def _places(engine, text: str) -> dict[str, str]:
    return {a.span.text: a.rule for m in _extract(engine, text) for a in m.arguments if a.role == "Place"}


FALLBACK = [
    # a noun phrase without a place head, after a locative cue, with a place tail
    ("قتل راعيان بانفجار لغم في الأراضي الزراعية شرق بلدة الرطبة.", "الأراضي الزراعية شرق بلدة الرطبة"),
    # after قرب / بالقرب من / عند / داخل, no tail needed
    ("أصيب ثلاثة عمال بانفجار عبوة داخل مصنع مهجور.", "مصنع مهجور"),
    ("اعتقلت الشرطة شابين بالقرب من محطة الوقود.", "محطة الوقود"),
    ("قتل جندي برصاص قناص عند بوابة المعسكر الشمالية.", "بوابة المعسكر الشمالية"),
]


@pytest.mark.parametrize(("text", "place"), FALLBACK)
def test_fallback_place(engine, text, place):
    got = _places(engine, text)
    assert place in got
    assert got[place] == "place:fallback"


# the relation word مشارف, and a relation to a place already named (شمال الإقليم، غربي المدينة)
RELATIONS = [
    ("قتل خمسة مسلحين في اشتباكات على مشارف بلدة الصفيرة.", "مشارف بلدة الصفيرة"),
    ("أحرق مسلحون منازل في قرية الحمراء شمال الإقليم.", "قرية الحمراء شمال الإقليم"),
]


@pytest.mark.parametrize(("text", "place"), RELATIONS)
def test_relation_places(engine, text, place):
    assert place in _places(engine, text)


NOT_PLACES = [
    # no fallback: after في without a tail, an actor, a count, a person/group noun, على (a target)
    ("قتل جنديان في حادث منفصل.", "حادث منفصل"),
    ("اعتقلت الشرطة ثلاثة أشخاص قرب عناصر من الجيش.", "عناصر من الجيش"),
    ("هاجم مسلحون حافلة للركاب غرب بلدة الصفيرة.", "حافلة للركاب"),
    ("قتل خمسة أشخاص عند ثلاثة حواجز.", "ثلاثة حواجز"),
]


@pytest.mark.parametrize(("text", "phrase"), NOT_PLACES)
def test_no_fallback(engine, text, phrase):
    assert phrase not in _places(engine, text)


def test_gazetteer_place_is_not_a_fallback(engine):
    got = _places(engine, "قتل ثلاثة مدنيين بقصف في مدينة إدلب.")
    assert got.get("مدينة إدلب") not in (None, "place:fallback")


def test_fallback_confidence_is_lower(engine):
    ms = _extract(engine, "أصيب ثلاثة عمال بانفجار عبوة داخل مصنع مهجور.")
    confs = [a.confidence for m in ms for a in m.arguments if a.rule == "place:fallback"]
    assert confs and max(confs) <= 0.5
