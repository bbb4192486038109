"""The combined engine's merge and its confidence calibration, on hand-made mentions."""

from __future__ import annotations

from tadqiq.core.model import Argument, Mention, Span
from tadqiq.extract.combined import Calibration, bin_of, expected_calibration_error, merge

TEXT = "قتل ثلاثة مدنيين في قصف على بلدة سرمين"


def _span(word: str) -> Span:
    start = TEXT.index(word)
    return Span.of(TEXT, start, start + len(word))


def _m(etype: str, word: str, conf: float, rule: str, args: tuple[Argument, ...] = ()) -> Mention:
    return Mention(etype, _span(word), args, confidence=conf, rule=rule)


def test_calibration_is_the_observed_share_smoothed():
    cal = Calibration()
    for right in [True] * 8 + [False] * 2:
        cal.add("rules", 0.8, right)
    assert cal.precision("rules", 0.85) == round(9 / 12, 3)  # (8 + 1) / (10 + 2)
    assert cal.precision("rules", 0.1) == round(9 / 12, 3)  # an empty bin: the source overall
    assert cal.precision("learned", 0.5) is None  # nothing observed
    back = Calibration.from_json(cal.to_json())
    assert back is not None and back.precision("rules", 0.8) == cal.precision("rules", 0.8)
    assert Calibration.from_json({"edges": [0.5], "counts": {}}) is None  # other bins: not used


def test_bins_and_calibration_error():
    assert [bin_of(c) for c in (0.0, 0.19, 0.2, 0.85, 0.95, None)] == [0, 0, 1, 4, 5, 0]
    assert expected_calibration_error([(0.8, True)] * 8 + [(0.8, False)] * 2) == 0.0
    assert expected_calibration_error([(0.9, False)] * 4) == 0.9


def test_merge_unites_both_engines_and_fills_empty_roles():
    place = Argument("Place", _span("بلدة سرمين"), confidence=0.7, rule="r:place")
    victim = Argument("Victim", _span("ثلاثة مدنيين"), confidence=0.6, rule="crf:Victim")
    rules = [_m("Life.Die", "قتل", 0.8, "rule:die", (place,)), _m("Conflict.Attack", "قصف", 0.8, "rule:attack")]
    learned = [_m("Life.Die", "قتل", 0.95, "crf:B-Life.Die", (victim,)), _m("Conflict.Attack", "بلدة", 0.4, "crf")]
    cal = Calibration()
    for source, conf, right in [("both", 0.95, True)] * 5 + [("rules", 0.8, False)] * 3 + [("learned", 0.4, False)]:
        cal.add(source, conf, right)
    out = merge(rules, learned, cal, "extractor:combined@x")
    sources = {(m.type, m.trigger.text): s for s, m in out}
    assert sources == {("Life.Die", "قتل"): "both", ("Conflict.Attack", "قصف"): "rules",
                       ("Conflict.Attack", "بلدة"): "learned"}
    die = next(m for s, m in out if s == "both")
    assert [a.role for a in die.arguments] == ["Victim", "Place"]  # learned first, Place added from rules
    assert die.confidence == round(6 / 7, 3) and "(raw 0.95)" in die.rule
    attack = next(m for s, m in out if s == "rules")
    assert attack.confidence == round(1 / 5, 3)  # rules alone were wrong 3 times in 3
    assert all(m.origin == "extractor:combined@x" for _, m in out)
    raw = merge(rules, learned, None, "o")  # no calibration: raw confidences kept
    assert {m.confidence for _, m in raw} == {0.95, 0.8, 0.4}
