"""Acceptance on the seed article (../shared/seed, read at run time, never copied into the repo):
the rule engine scored against its 28 gold mentions, and the article through the command line
from import to export. Skipped, with "NOT RUN" as the reason, when ../shared/seed is absent."""

from __future__ import annotations

import pytest

from tadqiq.core.metrics import evaluate
from tadqiq.core.model import Article, Mention
from tadqiq.core.schema import load_schema
from tadqiq.extract import get_engine
from tadqiq.extract.base import engine_names, origin_of
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine() -> RuleEngine:
    return RuleEngine()


@pytest.fixture(scope="module")
def seed(seed_gold):
    from tadqiq.core.formats.native import mention_from_json

    schema = load_schema()
    article = Article(
        seed_gold["id"], seed_gold["text"], title=seed_gold["title"], published=seed_gold["published"]
    )
    gold = [mention_from_json(e, schema, f"seed mention {i}") for i, e in enumerate(seed_gold["events"])]
    return article, gold


@pytest.fixture(scope="module")
def predicted(engine, seed) -> list[Mention]:
    return engine.extract(seed[0])


def test_every_span_is_a_slice_of_the_text(seed, predicted):
    article, _ = seed
    assert predicted
    for i, m in enumerate(predicted):
        m.check(article.text, f"mention {i}")


def test_proposals_carry_origin_confidence_and_rule(engine, predicted):
    schema = load_schema()
    for m in predicted:
        assert m.status == "proposed"
        assert m.origin == origin_of(engine) == f"extractor:rules@{engine.version}"
        assert 0 < m.confidence <= 1 and m.rule.startswith("trigger:")
        assert schema.types[m.type]
        for a in m.arguments:
            assert schema.has_role(m.type, a.role), (m.type, a.role)
            assert 0 < a.confidence <= 1 and a.rule


def test_seed_scores_meet_the_targets(seed, predicted):
    _, gold = seed
    scores = evaluate([("seed", m) for m in gold], [("seed", m) for m in predicted])
    assert scores["trigger_classification"]["all"]["f1"] >= 0.80
    assert scores["argument_classification"]["all"]["f1"] >= 0.55


def test_seed_scores_hold_at_what_engine_1_6_reached(seed, predicted):
    """Engine 1.6 on the seed: 28 of 28 triggers found with one extra (P 0.966, R 1.0, F1 0.982),
    73 of 78 arguments with their roles (F1 0.936). The rules were developed on this article, so
    these figures say what the engine knows of it, not how it does on unseen news."""
    _, gold = seed
    scores = evaluate([("seed", m) for m in gold], [("seed", m) for m in predicted])
    trig = scores["trigger_classification"]["all"]
    args = scores["argument_classification"]["all"]
    assert (trig["gold"], trig["correct"]) == (28, 28) and trig["predicted"] <= 29
    assert args["gold"] == 78 and args["correct"] >= 73 and args["f1"] >= 0.93


def _arg(predicted, trigger_text, role):
    return [a for m in predicted if m.trigger.text == trigger_text for a in m.arguments if a.role == role]


def test_seven_captured_and_three_car_bombs(predicted):
    persons = [a for a in _arg(predicted, "أسر", "Person") if a.span.text == "سبعة عناصر من النظام"]
    assert persons and persons[0].value == {"kind": "count", "value": 7}
    bombs = [a for a in _arg(predicted, "استهدف", "Instrument") if a.span.text == "ثلاث سيارات مفخخة"]
    assert bombs and bombs[0].value == {"kind": "count", "value": 3}


def test_denied_withdrawal_is_negative(predicted):
    withdrawal = [m for m in predicted if m.trigger.text == "انسحاب"]
    assert len(withdrawal) == 1
    assert withdrawal[0].type == "Movement.Transport"
    assert withdrawal[0].attributes["polarity"] == "negative"
    assert withdrawal[0].attributes["modality"] == "reported"


def test_habitual_attacks_are_generic_and_hoped_for_sending_hypothetical(predicted):
    (intensified,) = [m for m in predicted if m.trigger.text == "هجماته" and m.trigger.start > 1800]
    assert intensified.attributes["genericity"] == "generic"
    (sending,) = [m for m in predicted if m.trigger.text == "إرسال"]
    assert sending.attributes == {
        "polarity": "negative",
        "modality": "hypothetical",
        "genericity": "specific",
    }


def test_teaser_repeats_are_linked(seed, predicted):
    article, _ = seed
    deaths = [m for m in predicted if m.trigger.text == "مصرعهم"]
    assert len(deaths) == 2
    assert deaths[0].link is not None and deaths[0].link == deaths[1].link
    assert deaths[0].trigger.start != deaths[1].trigger.start
    # the body mention is not linked to an unrelated mention
    other = [m for m in predicted if m.link == deaths[0].link]
    assert {m.trigger.text for m in other} == {"مصرعهم"}


def test_triggers_drop_conjunction_and_preposition_but_keep_the_article(predicted):
    texts = {m.trigger.text for m in predicted}
    assert "يقتل" in texts and "ويقتل" not in texts
    assert "أسر" in texts and "لأسر" not in texts
    assert "الهجوم" in texts


def test_places_link_to_the_gazetteer(predicted):
    places = [
        a
        for m in predicted
        for a in m.arguments
        if a.role == "Place" and a.span.text == "ريف دير الزور الشرقي"
    ]
    assert places
    value = places[0].value
    assert value["kind"] == "place" and value["name_en"] == "Deir ez-Zor" and value["country"] == "SY"
    assert 35 < value["lat"] < 36 and 40 < value["lon"] < 41


def test_time_value_is_relative_when_publication_is_unknown(predicted):
    times = [a for m in predicted for a in m.arguments if a.role == "Time" and a.span.text == "اليوم السبت"]
    assert times and times[0].value == {
        "kind": "date",
        "raw": "اليوم السبت",
        "relation": "same_day_as_publication",
        "weekday": "Saturday",
    }


def test_time_value_resolves_against_a_publication_date(engine, seed):
    article, _ = seed
    dated = Article(article.ext_id, article.text, published="2018-09-08")
    times = [
        a
        for m in engine.extract(dated)
        for a in m.arguments
        if a.role == "Time" and a.span.text == "اليوم السبت"
    ]
    assert times and times[0].value["value"] == "2018-09-08" and times[0].value["anchor"] == "2018-09-08"


def test_registry(engine):
    assert "rules" in engine_names()
    assert get_engine("rules").name == "rules"
    with pytest.raises(KeyError, match="no extraction engine 'nope'"):
        get_engine("nope")


def test_extract_is_a_pure_function(engine, seed, predicted):
    assert engine.extract(seed[0]) == predicted


def test_the_seed_through_the_command_line(seed_txt, seed_gold_path, seed_gold, tmp_path):
    """init, import the text, extract, import the gold onto it, export the gold: the exported
    article is the seed's text with its 28 events at the same offsets."""
    import json
    import subprocess
    import sys

    def tadqiq(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "tadqiq", *args], cwd=tmp_path, capture_output=True,
                              text=True, encoding="utf-8", timeout=240)
        assert done.returncode == 0, f"tadqiq {' '.join(args)}: {done.stderr}"
        return done.stdout

    db = str(tmp_path / "seed.tadqiq")
    tadqiq("init", db)
    tadqiq("import", db, str(seed_txt))
    assert "proposals stored in 1 articles" in tadqiq("extract", db)
    tadqiq("import", db, str(seed_gold_path), "--gold", "--reviewer", "seed")
    tadqiq("export", db, "--format", "jsonl", "-o", "gold.jsonl")
    (exported,) = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert exported["text"] == seed_gold["text"]
    spans = sorted((e["type"], e["trigger"]["start"], e["trigger"]["end"]) for e in exported["events"])
    assert spans == sorted((e["type"], e["trigger"]["start"], e["trigger"]["end"]) for e in seed_gold["events"])
