"""The combined engine: the rule engine and the learned engine merged, with calibrated confidence.

Both engines run on the article. Mentions with the same type and trigger span are one
proposal ("both"); the others come from one engine ("rules" or "learned"). A mention's
confidence is then *calibrated*: the share of such proposals that were right when the model
was cross-validated on the project's gold (``Calibration``: per source, and per bin of the
engine's raw confidence), so 0.9 means "nine in ten of these were gold" and proposals can be
triaged by it. Without a calibration (a model trained before there was one) the raw
confidences are kept. Arguments come from the engine whose arguments scored higher in
cross-validation for that event type (the learned engine's when no score says otherwise),
and the other engine's arguments are added where they name a role the first one left empty.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tadqiq.core.model import Article, Mention
from tadqiq.extract.learned import LearnedEngine, LearnedModel
from tadqiq.extract.rules import RuleEngine

NAME = "combined"
SOURCES = ("both", "rules", "learned")
EDGES = (0.2, 0.4, 0.6, 0.8, 0.9)  # raw-confidence bins: [0, .2) [.2, .4) ... [.9, 1]


def bin_of(confidence: float | None) -> int:
    return bisect_right(EDGES, 0.0 if confidence is None else confidence)


@dataclass
class Calibration:
    """Observed precision per (source, raw-confidence bin), with add-one smoothing.

    ``counts[source][bin] = [right, proposed]`` from cross-validation; ``args_from[type]`` is the
    engine whose arguments scored higher for the type."""

    counts: dict[str, list[list[int]]] = field(default_factory=dict)
    args_from: dict[str, str] = field(default_factory=dict)

    def add(self, source: str, confidence: float | None, right: bool) -> None:
        cells = self.counts.setdefault(source, [[0, 0] for _ in range(len(EDGES) + 1)])
        cell = cells[bin_of(confidence)]
        cell[0] += int(right)
        cell[1] += 1

    def precision(self, source: str, confidence: float | None) -> float | None:
        """The calibrated confidence, or None when nothing was observed for the source."""
        cells = self.counts.get(source)
        if not cells or not any(n for _, n in cells):
            return None
        right, n = cells[bin_of(confidence)]
        if n == 0:  # an empty bin: the source's overall precision
            right, n = sum(r for r, _ in cells), sum(k for _, k in cells)
        return round((right + 1) / (n + 2), 3)

    def to_json(self) -> dict[str, Any]:
        return {"edges": list(EDGES), "counts": self.counts, "args_from": self.args_from}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Calibration | None:
        if not data or list(data.get("edges", ())) != list(EDGES):
            return None
        return cls({k: [list(c) for c in v] for k, v in data.get("counts", {}).items()}, dict(data.get("args_from", {})))


def expected_calibration_error(pairs: Iterable[tuple[float, bool]]) -> float:
    """ECE over the bins of ``EDGES``: the mean |confidence - precision|, weighted by bin size."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for conf, right in pairs:
        bins.setdefault(bin_of(conf), []).append((conf, right))
    total = sum(len(v) for v in bins.values())
    if not total:
        return 0.0
    err = 0.0
    for items in bins.values():
        mean_conf = sum(c for c, _ in items) / len(items)
        share = sum(1 for _, r in items if r) / len(items)
        err += len(items) / total * abs(mean_conf - share)
    return round(err, 4)


def reliability_bins(pairs: Iterable[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """Per bin of ``EDGES``: (mean confidence, share right, proposals), for a reliability diagram."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for conf, right in pairs:
        bins.setdefault(bin_of(conf), []).append((conf, right))
    return [(round(sum(c for c, _ in v) / len(v), 3), round(sum(1 for _, r in v if r) / len(v), 3), len(v))
            for _, v in sorted(bins.items())]


def merge(
    rules: Sequence[Mention], learned: Sequence[Mention], calibration: Calibration | None, origin: str
) -> list[tuple[str, Mention]]:
    """(source, mention) for the union of both engines' mentions, confidences calibrated."""
    by_key = {(m.type, m.trigger.start, m.trigger.end): m for m in learned}
    out: list[tuple[str, Mention]] = []
    seen = set()
    for m in rules:
        k = (m.type, m.trigger.start, m.trigger.end)
        other = by_key.get(k)
        if other is None:
            out.append(("rules", _finish(m, m, "rules", calibration, origin)))
            continue
        seen.add(k)
        out.append(("both", _finish(*_arguments_first(m, other, calibration), "both", calibration, origin)))
    for m in learned:
        if (m.type, m.trigger.start, m.trigger.end) not in seen:
            out.append(("learned", _finish(m, m, "learned", calibration, origin)))
    out.sort(key=lambda sm: (sm[1].trigger.start, sm[1].type))
    return out


def _arguments_first(rule_m: Mention, learned_m: Mention, cal: Calibration | None) -> tuple[Mention, Mention]:
    first = cal.args_from.get(rule_m.type, "learned") if cal else "learned"
    return (learned_m, rule_m) if first == "learned" else (rule_m, learned_m)


def _finish(main: Mention, other: Mention, source: str, cal: Calibration | None, origin: str) -> Mention:
    args = list(main.arguments)
    if other is not main:
        have = {a.role for a in args}
        taken = [(a.span.start, a.span.end) for a in args]
        for a in other.arguments:
            if a.role not in have and all(a.span.end <= s or e <= a.span.start for s, e in taken):
                args.append(a)
        args.sort(key=lambda a: (a.span.start, a.role))
    raw = max(c for c in (main.confidence, other.confidence, 0.0) if c is not None)
    calibrated = cal.precision(source, raw) if cal else None
    rule = f"{source}: {main.rule or ''}" + (f" + {other.rule}" if other is not main and other.rule else "")
    return main.with_(
        arguments=tuple(args),
        origin=origin,
        confidence=calibrated if calibrated is not None else raw,
        rule=rule + (f" (raw {raw:.2f})" if calibrated is not None else ""),
    )


class CombinedEngine:
    """Rules and a learned model together (``version``: rule engine version + model version)."""

    name = NAME

    def __init__(self, model: LearnedModel | bytes, rules: RuleEngine | None = None):
        self.learned = LearnedEngine(model)
        self.rules = rules or RuleEngine()
        self.version = f"{self.rules.version}+{self.learned.version}"
        self.calibration = Calibration.from_json(self.learned.model.meta.get("calibration"))

    @property
    def origin(self) -> str:
        return f"extractor:{self.name}@{self.version}"

    def extract(self, article: Article) -> list[Mention]:
        out = [m for _, m in merge(self.rules.extract(article), self.learned.extract(article), self.calibration,
                                   self.origin)]
        for i, m in enumerate(out):
            m.check(article.text, f"{self.origin} mention {i + 1}")
        return out


__all__ = ["Calibration", "CombinedEngine", "expected_calibration_error", "merge", "reliability_bins"]
