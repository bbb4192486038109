"""Counts as argument values, as tables: sentence -> (role, span, value) (GUIDELINES "Values").
Own sentences (not from any gold set); the rules came with engine 1.2, each row failed on 1.1."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


COUNTS = [
    # compound numbers stay one phrase: teens and unit + و + tens
    ("Life.Die", "قتلت القوات الحكومية ثلاثة عشر مسلحا في الاشتباكات.", "Victim", "ثلاثة عشر مسلحا", 13),
    ("Conflict.Capture", "أسرت قوات الجيش أحد عشر عنصرا من المتمردين.", "Person", "أحد عشر عنصرا من المتمردين", 11),
    ("Life.Die", "قتل خمسة وثلاثون شخصا في الهجوم.", "Victim", "خمسة وثلاثون شخصا", 35),
    # an actor, then a counted phrase, after a bare verb form: subject and object
    ("Life.Die", "قتل مسلحون ١٣ قرويا في ولاية زمفرة.", "Victim", "١٣ قرويا", 13),
    ("Life.Die", "قتل مسلحون ١٣ قرويا في ولاية زمفرة.", "Agent", "مسلحون", None),
    # a death by an attack noun shares its instrument: بانفجار عبوة ناسفة
    ("Life.Injure", "أصيب أربعة جنود بانفجار عبوة ناسفة.", "Instrument", "عبوة ناسفة", 1),
]


@pytest.mark.parametrize(("typ", "text", "role", "span", "value"), COUNTS, ids=[f"{c[2]}:{c[3]}" for c in COUNTS])
def test_count_value(engine, typ, text, role, span, value):
    found = engine.extract(Article("t", text, title=""))
    got = {a.span.text: a.value for m in found if m.type == typ for a in m.arguments if a.role == role}
    assert span in got, got
    if value is not None:
        assert got[span]["value"] == value
