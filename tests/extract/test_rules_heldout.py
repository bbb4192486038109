"""Quality on hand-written articles the engine was not designed on (tests/data/extract/).

Ten agency-style articles (Iraq, Yemen, Syria, West Bank, Libya, Somalia, Sinai, Sudan)
with hand-made gold in the native JSONL shape. See docs/extractor.md for the numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tadqiq.core.formats.native import read_native
from tadqiq.core.metrics import count_capture, evaluate
from tadqiq.core.schema import load_schema
from tadqiq.extract.rules import RuleEngine

DATA = Path(__file__).resolve().parent.parent / "data" / "extract" / "heldout.gold.jsonl"
CONFLICT = ["Conflict.Attack", "Life.Die", "Life.Injure", "Conflict.Capture", "Conflict.TerritoryChange"]


@pytest.fixture(scope="module")
def pairs():
    items = read_native(DATA, load_schema(), origin="gold")
    engine = RuleEngine()
    gold, pred = [], []
    for article, mentions in items:
        gold += [(article.ext_id, m) for m in mentions]
        found = engine.extract(article)
        for m in found:
            m.check(article.text, article.ext_id)
        pred += [(article.ext_id, m) for m in found]
    return gold, pred


def test_the_data_is_varied_enough(pairs):
    gold, _ = pairs
    assert len({doc for doc, _ in gold}) >= 8
    assert len({m.type for _, m in gold}) >= 8
    assert sum(len(m.arguments) for _, m in gold) >= 150


def test_conflict_trigger_classification(pairs):
    s = evaluate(*pairs, types=CONFLICT)["trigger_classification"]["all"]
    assert s["p"] >= 0.75
    assert s["r"] >= 0.60


def test_place_arguments(pairs):
    s = evaluate(*pairs)["argument_classification"]["by"]["Place"]
    assert s["f1"] >= 0.70


def test_explicit_counts(pairs):
    s = count_capture(*pairs)
    assert s["gold"] >= 20
    assert s["accuracy"] >= 0.85


def test_overall_argument_classification_is_useful(pairs):
    s = evaluate(*pairs)["argument_classification"]["all"]
    assert s["f1"] >= 0.55


BLIND = [DATA.with_name(f"{n}.gold.jsonl") for n in ("blind", "blind2", "blind3")]


@pytest.mark.parametrize("path", BLIND, ids=lambda p: p.stem)
def test_blind_articles_trigger_targets(path):
    """Articles written after the engine was frozen (see docs/extractor.md), scored untuned."""
    engine = RuleEngine()
    gold, pred = [], []
    for article, mentions in read_native(path, load_schema(), origin="gold"):
        gold += [(article.ext_id, m) for m in mentions]
        pred += [(article.ext_id, m) for m in engine.extract(article)]
    s = evaluate(gold, pred, types=CONFLICT)["trigger_classification"]["all"]
    assert s["gold"] >= 15
    assert s["p"] >= 0.75
    assert s["r"] >= 0.60


DEV2 = DATA.with_name("dev2.gold.jsonl")


def test_second_development_set_places_and_counts():
    """dev2.gold.jsonl: six articles written for place phrasings and counts inside phrases."""
    engine = RuleEngine()
    gold, pred = [], []
    for article, mentions in read_native(DEV2, load_schema(), origin="gold"):
        gold += [(article.ext_id, m) for m in mentions]
        pred += [(article.ext_id, m) for m in engine.extract(article)]
    assert evaluate(gold, pred)["argument_classification"]["by"]["Place"]["f1"] >= 0.80
    assert count_capture(gold, pred)["accuracy"] >= 0.85
    s = evaluate(gold, pred, types=CONFLICT)["trigger_classification"]["all"]
    assert s["p"] >= 0.75 and s["r"] >= 0.60
