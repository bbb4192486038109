"""ACE scores on small hand-made cases; every expected number was worked out by hand."""

from __future__ import annotations

import pytest

from tadqiq.core.metrics import confusion, count_capture, evaluate, format_report, prf, value_accuracy
from tadqiq.core.model import Argument, Mention, Span

TEXT = "هاجم التنظيم مواقع النظام وقتل سبعة عناصر في حلب أمس"


def sp(word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Span(start, start + len(word), word)


def arg(role, word, value=None):
    return Argument(role, sp(word), value)


def men(type_, trigger, *args):
    return Mention(type_, sp(trigger), tuple(args))


SEVEN = {"kind": "count", "value": 7}
GOLD = [
    (
        "d1",
        men(
            "Conflict.Attack",
            "هاجم",
            arg("Attacker", "التنظيم"),
            arg("Target", "مواقع النظام"),
            arg("Place", "حلب"),
        ),
    ),
    ("d1", men("Life.Die", "قتل", arg("Victim", "سبعة عناصر", SEVEN), arg("Place", "حلب"))),
]


def test_prf():
    assert prf(2, 4, 5) == {"p": 0.5, "r": 0.4, "f1": 0.4444, "correct": 2, "predicted": 4, "gold": 5}
    assert prf(0, 0, 3)["f1"] == 0.0


def test_perfect_prediction():
    s = evaluate(GOLD, GOLD)
    for name in (
        "trigger_identification",
        "trigger_classification",
        "argument_identification",
        "argument_classification",
    ):
        assert s[name]["all"]["f1"] == 1.0, name
    assert s["values"]["count"] == {
        "gold": 1,
        "found": 1,
        "correct": 1,
        "accuracy": 1.0,
        "accuracy_found": 1.0,
    }


def test_wrong_type_right_offsets():
    # the death is predicted as an injury: identification counts it, classification does not
    pred = [GOLD[0], ("d1", men("Life.Injure", "قتل", arg("Victim", "سبعة عناصر", SEVEN)))]
    s = evaluate(GOLD, pred)
    assert s["trigger_identification"]["all"] == prf(2, 2, 2)
    assert s["trigger_classification"]["all"] == prf(1, 2, 2)
    # args keyed by event type: 3 attack args right; the injury's victim is not a death's victim
    assert s["argument_identification"]["all"] == prf(3, 4, 5)
    assert s["confusion"] == {"Conflict.Attack": {"Conflict.Attack": 1}, "Life.Die": {"Life.Injure": 1}}


def test_wrong_role_and_spurious_and_missed():
    pred = [
        (
            "d1",
            men(
                "Conflict.Attack",
                "هاجم",
                arg("Target", "التنظيم"),
                arg("Target", "مواقع النظام"),
                arg("Place", "أمس"),
            ),
        ),
        ("d1", men("Conflict.Attack", "مواقع")),  # spurious trigger
    ]
    s = evaluate(GOLD, pred)
    # triggers: 1 of 2 predicted right, 1 of 2 gold found
    assert s["trigger_classification"]["all"] == prf(1, 2, 2)
    # args: predicted 3; gold 5. التنظيم and مواقع النظام identified (2), أمس is not a gold arg
    assert s["argument_identification"]["all"] == prf(2, 3, 5)
    # classified: only مواقع النظام as Target
    assert s["argument_classification"]["all"] == prf(1, 3, 5)
    assert s["argument_classification"]["by"]["Attacker"] == prf(0, 0, 1)
    assert s["argument_classification"]["by"]["Target"] == prf(1, 2, 1)
    assert s["argument_classification"]["by"]["Place"] == prf(0, 1, 2)
    assert s["confusion"][NONE]["Conflict.Attack"] == 1
    assert s["confusion"]["Life.Die"] == {NONE: 1}


NONE = "∅"


def test_per_type_and_restriction():
    pred = [GOLD[0]]
    s = evaluate(GOLD, pred)
    assert s["trigger_classification"]["by"]["Conflict.Attack"] == prf(1, 1, 1)
    assert s["trigger_classification"]["by"]["Life.Die"] == prf(0, 0, 1)
    assert s["argument_classification"]["by_type"]["Life.Die"] == prf(0, 0, 2)
    only = evaluate(GOLD, pred, types=["Conflict.Attack"])
    assert only["trigger_classification"]["all"] == prf(1, 1, 1)


def test_value_accuracy_and_count_capture():
    wrong = {"kind": "count", "value": 8}
    pred = [("d1", men("Life.Die", "قتل", arg("Victim", "سبعة عناصر", wrong)))]
    assert value_accuracy(GOLD, pred)["count"]["accuracy"] == 0.0
    assert count_capture(GOLD, pred) == {"gold": 1, "correct": 0, "accuracy": 0.0}
    # a shorter overlapping span with the right number counts for count_capture only
    pred = [("d1", men("Life.Die", "قتل", Argument("Victim", sp("سبعة"), SEVEN)))]
    assert value_accuracy(GOLD, pred)["count"] == {
        "gold": 1,
        "found": 0,
        "correct": 0,
        "accuracy": 0.0,
        "accuracy_found": 0.0,
    }
    assert count_capture(GOLD, pred)["accuracy"] == 1.0


def test_duplicates_count_as_a_multiset():
    pred = GOLD + [GOLD[0]]
    s = evaluate(GOLD, pred)
    assert s["trigger_classification"]["all"] == prf(2, 3, 2)


def test_confusion_and_report_are_plain():
    table = confusion(GOLD, [])
    assert table == {"Conflict.Attack": {NONE: 1}, "Life.Die": {NONE: 1}}
    report = format_report(evaluate(GOLD, GOLD))
    assert "trigger classification" in report and "1.000" in report


@pytest.mark.parametrize("doc", ["d1", "d2"])
def test_documents_are_kept_apart(doc):
    pred = [(doc, m) for _, m in GOLD]
    expected = 1.0 if doc == "d1" else 0.0
    assert evaluate(GOLD, pred)["trigger_classification"]["all"]["f1"] == expected
