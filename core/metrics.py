"""ACE-style scores of predicted event mentions against gold ones.

Pure functions over lists of ``(article_id, Mention)``. The measures are the standard ones
(Li, Ji and Huang 2013; used by DyGIE++, OneIE, TextEE):

- trigger identification: the trigger offsets match a gold trigger's;
- trigger classification: the offsets and the event type match;
- argument identification: the argument offsets and its event's type match a gold argument;
- argument classification: ... and the role matches too.

Matching is on multisets, so a span that appears in two mentions counts twice. Besides
P/R/F1 overall, per type and per role, it gives value accuracy (counts and dates) over the
correctly classified arguments that carry a gold value, and a confusion table of types on
triggers whose offsets match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from tadqiq.core.model import Mention

NONE = "∅"
Pair = tuple[str, Mention]


def prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f, 4),
        "correct": correct,
        "predicted": predicted,
        "gold": gold,
    }


def _matched(gold: Counter, pred: Counter) -> int:
    return sum((gold & pred).values())


def _score(gold: Counter, pred: Counter, group=None) -> dict[str, Any]:
    out: dict[str, Any] = {"all": prf(_matched(gold, pred), sum(pred.values()), sum(gold.values()))}
    if group is not None:
        keys = {group(k) for k in gold} | {group(k) for k in pred}
        out["by"] = {
            g: prf(
                _matched(
                    Counter({k: v for k, v in gold.items() if group(k) == g}),
                    Counter({k: v for k, v in pred.items() if group(k) == g}),
                ),
                sum(v for k, v in pred.items() if group(k) == g),
                sum(v for k, v in gold.items() if group(k) == g),
            )
            for g in sorted(keys)
        }
    return out


def _triggers(pairs: Iterable[Pair], typed: bool) -> Counter:
    return Counter((doc, m.trigger.start, m.trigger.end) + ((m.type,) if typed else ()) for doc, m in pairs)


def _arguments(pairs: Iterable[Pair], with_role: bool) -> Counter:
    c: Counter = Counter()
    for doc, m in pairs:
        for a in m.arguments:
            c[(doc, m.type, a.span.start, a.span.end) + ((a.role,) if with_role else ())] += 1
    return c


def value_key(value: Mapping[str, Any] | None) -> tuple | None:
    """The parts of a value that must agree for it to count as correct."""
    if not value:
        return None
    kind = value.get("kind")
    if kind == "count":
        return ("count", value.get("value"), value.get("min"), value.get("max"), value.get("vague"))
    if kind == "date":
        if value.get("value") is not None:
            return ("date", value.get("value"), value.get("precision"))
        return ("date", value.get("relation"), value.get("weekday"), value.get("days"))
    if kind == "place":
        return ("place", value.get("id"))
    return (kind, tuple(sorted((k, str(v)) for k, v in value.items())))


def value_accuracy(gold: list[Pair], pred: list[Pair]) -> dict[str, dict[str, float | int]]:
    """Per value kind: of the gold values whose argument was classified correctly, how many
    got the same value (``correct``), and how many gold values there are at all (``gold``)."""
    pred_values: dict[tuple, list] = {}
    for doc, m in pred:
        for a in m.arguments:
            pred_values.setdefault((doc, m.type, a.span.start, a.span.end, a.role), []).append(a.value)
    out: dict[str, dict[str, float | int]] = {}
    for doc, m in gold:
        for a in m.arguments:
            gk = value_key(a.value)
            if gk is None or gk[0] not in ("count", "date"):
                continue
            slot = out.setdefault(gk[0], {"gold": 0, "found": 0, "correct": 0})
            slot["gold"] += 1
            cands = pred_values.get((doc, m.type, a.span.start, a.span.end, a.role))
            if cands:
                slot["found"] += 1
                if any(value_key(v) == gk for v in cands):
                    slot["correct"] += 1
    for slot in out.values():
        slot["accuracy"] = round(slot["correct"] / slot["gold"], 4) if slot["gold"] else 0.0
        slot["accuracy_found"] = round(slot["correct"] / slot["found"], 4) if slot["found"] else 0.0
    return out


def confusion(gold: list[Pair], pred: list[Pair]) -> dict[str, dict[str, int]]:
    """gold type -> predicted type -> count, over trigger offsets; ∅ for missed/spurious."""
    g = {}
    for doc, m in gold:
        g.setdefault((doc, m.trigger.start, m.trigger.end), []).append(m.type)
    p = {}
    for doc, m in pred:
        p.setdefault((doc, m.trigger.start, m.trigger.end), []).append(m.type)
    table: dict[str, dict[str, int]] = {}

    def bump(a: str, b: str) -> None:
        table.setdefault(a, {}).setdefault(b, 0)
        table[a][b] += 1

    for key in set(g) | set(p):
        gt = sorted(g.get(key, []))
        pt = sorted(p.get(key, []))
        for t in list(gt):
            if t in pt:
                bump(t, t)
                gt.remove(t)
                pt.remove(t)
        while gt and pt:
            bump(gt.pop(0), pt.pop(0))
        for t in gt:
            bump(t, NONE)
        for t in pt:
            bump(NONE, t)
    return table


def evaluate(gold: list[Pair], pred: list[Pair], types: Iterable[str] | None = None) -> dict[str, Any]:
    """All ACE scores; ``types`` restricts both sides to those event types."""
    if types is not None:
        keep = set(types)
        gold = [(d, m) for d, m in gold if m.type in keep]
        pred = [(d, m) for d, m in pred if m.type in keep]
    by_type = lambda k: k[3]  # noqa: E731
    return {
        "trigger_identification": _score(_triggers(gold, False), _triggers(pred, False)),
        "trigger_classification": _score(_triggers(gold, True), _triggers(pred, True), by_type),
        "argument_identification": _score(_arguments(gold, False), _arguments(pred, False)),
        "argument_classification": {
            **_score(_arguments(gold, True), _arguments(pred, True), lambda k: k[4]),
            "by_type": _score(_arguments(gold, True), _arguments(pred, True), lambda k: k[1])["by"],
        },
        "values": value_accuracy(gold, pred),
        "confusion": confusion(gold, pred),
    }


def format_report(scores: Mapping[str, Any]) -> str:
    """A plain-text report of :func:`evaluate`'s result."""
    lines = [f"{'measure':<26}{'P':>8}{'R':>8}{'F1':>8}{'correct':>9}{'pred':>6}{'gold':>6}"]
    for name in (
        "trigger_identification",
        "trigger_classification",
        "argument_identification",
        "argument_classification",
    ):
        s = scores[name]["all"]
        lines.append(
            f"{name.replace('_', ' '):<26}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}"
            f"{s['correct']:>9}{s['predicted']:>6}{s['gold']:>6}"
        )
    for title, by in (
        ("per type (trigger classification)", scores["trigger_classification"].get("by", {})),
        ("per role (argument classification)", scores["argument_classification"].get("by", {})),
    ):
        lines += ["", title]
        for k, s in by.items():
            lines.append(
                f"  {k:<24}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}{s['correct']:>9}"
                f"{s['predicted']:>6}{s['gold']:>6}"
            )
    lines += ["", "values (of gold values: correct / gold)"]
    for kind, s in scores["values"].items():
        lines.append(f"  {kind:<24}{s['correct']}/{s['gold']}  accuracy {s['accuracy']:.3f}")
    lines += ["", "confusion (gold -> predicted)"]
    for g, row in sorted(scores["confusion"].items()):
        lines.append("  " + g + ": " + ", ".join(f"{p} {n}" for p, n in sorted(row.items())))
    return "\n".join(lines)


def count_capture(gold: list[Pair], pred: list[Pair], explicit_only: bool = True) -> dict[str, float | int]:
    """How many gold counts the prediction states exactly, on an overlapping argument of the
    same event type and role (a looser span test than argument classification, so the number
    itself is judged). ``explicit_only`` keeps counts with an exact ``value`` (7, "15", سبعة)."""
    by_key: dict[tuple, list] = {}
    for doc, m in pred:
        for a in m.arguments:
            by_key.setdefault((doc, m.type, a.role), []).append(a)
    total = correct = 0
    for doc, m in gold:
        for a in m.arguments:
            gk = value_key(a.value)
            if gk is None or gk[0] != "count" or (explicit_only and gk[1] is None):
                continue
            total += 1
            for p in by_key.get((doc, m.type, a.role), []):
                if p.span.start < a.span.end and a.span.start < p.span.end and value_key(p.value) == gk:
                    correct += 1
                    break
    return {"gold": total, "correct": correct, "accuracy": round(correct / total, 4) if total else 0.0}
