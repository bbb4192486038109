"""The rule engine with an entity recogniser (an option; no model ships): a name the recogniser
tags LOC is a place candidate where the place grammar reads none, and the version says so.

The recogniser here is trained on a few own sentences (no corpus): زمبورة is a made-up town
that no gazetteer holds.
"""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract import entities
from tadqiq.extract.rules import RuleEngine

TEXT = "قتل ثلاثة جنود في زمبورة أمس."


@pytest.fixture(scope="module")
def tagger():
    towns = ["زمبورة", "كفرلاتا", "ديرنوس", "تلمنار"]
    sents = []
    for town in towns * 3:
        sents.append([("قتل", "O"), ("جنود", "O"), ("في", "O"), (town, "B-LOC"), ("أمس", "O"), (".", "O")])
        sents.append([("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), (town, "B-LOC"), (".", "O")])
    t = entities.train(sents)
    yield t
    t.close()


def test_a_loc_name_is_a_place_with_the_recogniser_only(tagger):
    art = Article("t", TEXT, title="")
    plain = RuleEngine().extract(art)
    ner = RuleEngine(recogniser=tagger)
    with_ner = ner.extract(art)
    places = lambda ms: [(a.span.text, a.rule) for m in ms if m.type == "Life.Die" for a in m.arguments  # noqa: E731
                         if a.role == "Place"]
    assert places(plain) == []
    assert places(with_ner) == [("زمبورة", "place:recogniser")]
    assert ner.origin == "extractor:rules@1.11+ner" and RuleEngine().origin == "extractor:rules@1.11"
