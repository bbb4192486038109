"""Polarity from negation cues: phrases where لا is no negation, and denials across أن."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine() -> RuleEngine:
    return RuleEngine()


def polarity(engine: RuleEngine, text: str, trigger: str) -> str:
    found = [m for m in engine.extract(Article("t", text, published="2024-03-12")) if m.trigger.text == trigger]
    assert found, [m.trigger.text for m in engine.extract(Article("t", text, published="2024-03-12"))]
    return found[0].attributes["polarity"]


POSITIVE = [
    ("قتل ما لا يقل عن عشرة مدنيين في قصف على مدينة حلب.", "قصف"),
    ("أصيب ما لا يقل عن 20 شخصا، لا تقل أعمارهم عن عشرة أعوام، في انفجار سيارة مفخخة.", "انفجار"),
    ("لا يزال القصف مستمرا على أحياء المدينة.", "القصف"),
    ("لا تزال الاشتباكات مستمرة في محيط المطار.", "الاشتباكات"),
    ("شنت الطائرات غارات على مواقع المسلحين، لا سيما الغارة على مخزن للذخيرة.", "الغارة"),
    ("أعلنت الشرطة أن الحصيلة ما لا يقل عن ثلاثين قتيلا في التفجير.", "التفجير"),
    ("وأكد الجيش أن طائراته قصفت مواقع للمسلحين.", "قصفت"),
]

NEGATIVE = [
    ("لم تقصف الطائرات السوق.", "تقصف"),
    ("نفى الجيش انسحاب قواته من المدينة.", "انسحاب"),
    ("نفت وزارة الدفاع أن تكون طائراتها قد قصفت السوق.", "قصفت"),
    ("ونفى المتحدث باسم الجيش أن تكون قواته قد انسحبت من البلدة.", "انسحبت"),
    ("وقال مسؤول محلي نافيا أن يكون المسلحون قد اختطفوا أي مدني.", "اختطفوا"),
    ("أكد الجيش أن طائراته قصفت مواقع للمسلحين، ونفى أن يكون قد قتل مدنيين.", "قتل"),
]


@pytest.mark.parametrize(("text", "trigger"), POSITIVE)
def test_no_negation_in_these_phrases(engine, text, trigger):
    assert polarity(engine, text, trigger) == "positive"


@pytest.mark.parametrize(("text", "trigger"), NEGATIVE)
def test_negated_and_denied_events(engine, text, trigger):
    assert polarity(engine, text, trigger) == "negative"


def test_the_denial_does_not_reach_an_earlier_affirmed_clause(engine):
    text = "أكد الجيش أن طائراته قصفت مواقع للمسلحين، ونفى أن يكون قد قتل مدنيين."
    assert polarity(engine, text, "قصفت") == "positive"
