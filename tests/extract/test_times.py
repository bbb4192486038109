"""Time arguments in text: doubled month names, ordinal days, numeric dates (extract/times.py)."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine

PUB = "2024-03-12"


@pytest.fixture(scope="module")
def engine() -> RuleEngine:
    return RuleEngine()


CASES = [
    ("سيطر تنظيم داعش على مدينة الموصل في حزيران/يونيو 2014.", "حزيران/يونيو 2014", "2014-06"),
    ("قتل خمسة جنود في 8 أيلول/سبتمبر 2018 في هجوم على مدينة درعا.", "8 أيلول/سبتمبر 2018", "2018-09-08"),
    ("قتل خمسة جنود في 8 أيلول (سبتمبر) 2018 في هجوم على مدينة درعا.", "8 أيلول (سبتمبر) 2018", "2018-09-08"),
    ("قتل خمسة جنود في الخامس من مارس في هجوم على مدينة درعا.", "الخامس من مارس", "2024-03-05"),
    ("قتل خمسة جنود في الحادي والعشرين من كانون الثاني في هجوم.", "الحادي والعشرين من كانون الثاني", "2024-01-21"),
    ("قتل خمسة جنود يوم 3/3/2024 في هجوم على مدينة درعا.", "يوم 3/3/2024", "2024-03-03"),
    ("قتل خمسة جنود في 2024-03-03 في هجوم على مدينة درعا.", "2024-03-03", "2024-03-03"),
]


@pytest.mark.parametrize(("text", "span", "value"), CASES)
def test_time_argument_span_and_value(engine, text, span, value):
    mentions = engine.extract(Article("t", text, published=PUB))
    assert mentions
    times = [(a.span.text, a.value["value"]) for a in mentions[0].arguments if a.role == "Time"]
    assert times == [(span, value)]


def test_an_ordinal_without_a_month_is_no_time(engine):
    text = "قتل خمسة جنود من اللواء الخامس من الفرقة الرابعة في هجوم."
    for m in engine.extract(Article("t", text, published=PUB)):
        assert not [a for a in m.arguments if a.role == "Time"]
