"""Training the learned engine on a project's gold, measuring it, storing it.

``gold_examples`` reads what reviewers decided: per article with at least one reviewed mention,
its gold mentions (confirmed, corrected, added) and the triggers still only proposed (left out
of the trigger training, as not known yet); rejected proposals are negatives by being no gold.
``cross_validate`` splits by article into K folds, trains on K-1 and predicts the held-out
fold, K times, and scores all held-out predictions together with core.metrics (the ACE
measures of ``tadqiq evaluate``); the same held-out predictions, beside the rule engine's, fill
the combined engine's confidence calibration. ``train_project`` cross-validates, trains on all
the gold and stores the model in the project file with its scores and the gold snapshot it saw.
``learning_curve`` trains on growing numbers of articles and scores a fixed held-out part.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tadqiq.core.metrics import evaluate
from tadqiq.core.model import Mention
from tadqiq.db.project import Project
from tadqiq.extract.combined import Calibration, expected_calibration_error, merge
from tadqiq.extract.learned import NAME as LEARNED, Example, LearnedEngine, LearnedModel, train
from tadqiq.extract.rules import RuleEngine

__all__ = ["CrossValidation", "TrainResult", "cross_validate", "gold_examples", "gold_snapshot",
           "keep_model", "learning_curve", "train_project", "MIN_ARTICLES"]

MIN_ARTICLES = 2  # fewer reviewed articles cannot be cross-validated (nor is a model worth it)
Progress = Callable[[str, int, int], None]  # (stage, done, total)


def gold_examples(project: Project) -> list[Example]:
    """One example per article holding a reviewed mention, in article order."""
    out = []
    for article_id in project.reviewed_article_ids():
        article = project.article(article_id)
        mentions = project.mentions(article_id)
        gold = [m for m in mentions if m.is_gold]
        unknown = [(m.trigger.start, m.trigger.end) for m in mentions if m.status == "proposed"]
        out.append(Example(article, gold, unknown))
    return out


def gold_snapshot(examples: Sequence[Example]) -> dict[str, Any]:
    """What a model saw: counts and a digest of every gold mention (article, type, spans, roles)."""
    digest = hashlib.sha256()
    for ex in examples:
        for m in sorted(ex.gold, key=lambda m: (m.trigger.start, m.type)):
            row = [ex.article.ext_id, m.type, m.trigger.start, m.trigger.end,
                   sorted((a.role, a.span.start, a.span.end) for a in m.arguments)]
            digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8"))
    return {
        "articles": len(examples),
        "mentions": sum(len(ex.gold) for ex in examples),
        "arguments": sum(len(m.arguments) for ex in examples for m in ex.gold),
        "unreviewed_triggers": sum(len(ex.unknown) for ex in examples),
        "digest": digest.hexdigest()[:16],
    }


def _folds(n: int, k: int) -> list[list[int]]:
    k = max(2, min(k, n))
    return [[i for i in range(n) if i % k == f] for f in range(k)]


def _score(gold: list[tuple[str, Mention]], pred: list[tuple[str, Mention]]) -> dict[str, Any]:
    s = evaluate(gold, pred)
    return {
        "trigger": s["trigger_classification"]["all"],
        "argument": s["argument_classification"]["all"],
        "trigger_by_type": {t: v for t, v in s["trigger_classification"].get("by", {}).items()},
        "argument_by_type": _argument_f1_by_type(gold, pred),
    }


def _argument_f1_by_type(gold: list[tuple[str, Mention]], pred: list[tuple[str, Mention]]) -> dict[str, float]:
    out = {}
    for t in sorted({m.type for _, m in gold}):
        s = evaluate(gold, pred, types=[t])["argument_classification"]["all"]
        out[t] = s["f1"]
    return out


@dataclass
class CrossValidation:
    k: int
    learned: dict[str, Any]  # scores of the learned engine's held-out predictions
    rules: dict[str, Any]  # the rule engine on the same articles (it is not trained)
    folds: list[dict[str, float]]  # per fold: trigger and argument F1 of the learned engine
    calibration: Calibration
    ece: dict[str, float]  # expected calibration error: raw confidences, calibrated
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"k": self.k, "learned": self.learned, "rules": self.rules, "folds": self.folds,
                "ece": self.ece, "seconds": round(self.seconds, 1)}


def cross_validate(
    examples: Sequence[Example],
    roles: Mapping[str, Sequence[str]],
    k: int = 5,
    *,
    jobs: int = 2,
    progress: Progress | None = None,
    rules: RuleEngine | None = None,
) -> CrossValidation:
    """K-fold cross-validation split by article (article i is in fold i mod K)."""
    if len(examples) < MIN_ARTICLES:
        raise ValueError(f"cross-validation needs at least {MIN_ARTICLES} articles with reviewed mentions, "
                         f"the project has {len(examples)}")
    started = time.perf_counter()
    folds = _folds(len(examples), k)
    rules = rules or RuleEngine()
    gold: list[tuple[str, Mention]] = []
    pred_learned: list[tuple[str, Mention]] = []
    pred_rules: list[tuple[str, Mention]] = []
    per_fold = []
    held: list[tuple[Example, list[Mention], list[Mention]]] = []
    for f, test_idx in enumerate(folds):
        if progress:
            progress("cross-validation", f, len(folds))
        test = set(test_idx)
        train_ex = [ex for i, ex in enumerate(examples) if i not in test]
        if not any(ex.gold for ex in train_ex):
            continue
        engine = LearnedEngine(train(train_ex, roles, jobs=jobs))
        fold_gold, fold_pred = [], []
        for i in test_idx:
            ex = examples[i]
            learned = engine.extract(ex.article)
            ruled = rules.extract(ex.article)
            held.append((ex, ruled, learned))
            g = [(ex.article.ext_id, m) for m in ex.gold]
            fold_gold += g
            fold_pred += [(ex.article.ext_id, m) for m in learned]
            pred_rules += [(ex.article.ext_id, m) for m in ruled]
        gold += fold_gold
        pred_learned += fold_pred
        s = evaluate(fold_gold, fold_pred)
        per_fold.append({"trigger_f1": s["trigger_classification"]["all"]["f1"],
                         "argument_f1": s["argument_classification"]["all"]["f1"],
                         "articles": len(test_idx)})
    if progress:
        progress("cross-validation", len(folds), len(folds))
    learned_scores, rule_scores = _score(gold, pred_learned), _score(gold, pred_rules)
    calibration, ece = _calibrate(held, learned_scores, rule_scores)
    return CrossValidation(len(folds), learned_scores, rule_scores, per_fold, calibration, ece,
                           time.perf_counter() - started)


def _calibrate(
    held: list[tuple[Example, list[Mention], list[Mention]]], learned: dict[str, Any], rules: dict[str, Any]
) -> tuple[Calibration, dict[str, float]]:
    """Precision per source and confidence bin of the merged held-out proposals."""
    cal = Calibration()
    for t in set(learned["argument_by_type"]) | set(rules["argument_by_type"]):
        cal.args_from[t] = "rules" if rules["argument_by_type"].get(t, 0) > learned["argument_by_type"].get(t, 0) \
            else "learned"
    observed: list[tuple[str, float, bool]] = []
    for ex, ruled, learned_m in held:
        right = {(m.type, m.trigger.start, m.trigger.end) for m in ex.gold}
        for source, m in merge(ruled, learned_m, None, "extractor:combined@cv"):
            ok = (m.type, m.trigger.start, m.trigger.end) in right
            cal.add(source, m.confidence, ok)
            observed.append((source, m.confidence or 0.0, ok))
    raw = expected_calibration_error((c, ok) for _, c, ok in observed)
    calibrated = expected_calibration_error((cal.precision(s, c) or 0.0, ok) for s, c, ok in observed)
    return cal, {"raw": raw, "calibrated": calibrated, "proposals": len(observed)}


@dataclass
class TrainResult:
    version: int  # 0 until kept in the project (``keep_model``)
    snapshot: dict[str, Any]
    cv: CrossValidation | None
    seconds: float  # training on all the gold (cross-validation not included)
    model: bytes = b""  # the trained model, ready to store

    def summary(self) -> str:
        name = f"learned model version {self.version}" if self.version else "learned model (not stored)"
        lines = [f"{name}: {self.snapshot['articles']} articles, "
                 f"{self.snapshot['mentions']} gold mentions (trained in {self.seconds:.1f} s)"]
        if self.cv is not None:
            lines.append(describe_cv(self.cv))
        return "\n".join(lines)


def describe_cv(cv: CrossValidation) -> str:
    def f(s: dict[str, Any], key: str) -> str:
        v = s[key]
        return f"P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}"

    return (
        f"{cv.k}-fold cross-validation by article ({cv.seconds:.0f} s):\n"
        f"  learned  trigger {f(cv.learned, 'trigger')}   argument {f(cv.learned, 'argument')}\n"
        f"  rules    trigger {f(cv.rules, 'trigger')}   argument {f(cv.rules, 'argument')}\n"
        f"  combined confidence calibration error {cv.ece['raw']:.3f} raw -> {cv.ece['calibrated']:.3f} calibrated "
        f"({cv.ece['proposals']} held-out proposals)"
    )


def train_project(
    project: Project,
    *,
    k: int = 5,
    reviewer: str = "",
    jobs: int = 2,
    progress: Progress | None = None,
    store: bool = True,
) -> TrainResult:
    """Cross-validate (``k`` >= 2; 0 skips it), train on all the project's gold and, with
    ``store``, keep the model as a new version (else ``keep_model`` does it later, once the
    user has seen the scores)."""
    examples = gold_examples(project)
    if len(examples) < MIN_ARTICLES:
        raise ValueError(f"training needs at least {MIN_ARTICLES} articles with reviewed mentions; "
                         f"{project.path.name} has {len(examples)}")
    roles = project.schema.role_table()
    cv = cross_validate(examples, roles, k, jobs=jobs, progress=progress) if k >= 2 else None
    if progress:
        progress("training", 0, 1)
    started = time.perf_counter()
    snapshot = gold_snapshot(examples)
    meta: dict[str, Any] = {"gold": snapshot}
    if cv is not None:
        meta["calibration"] = cv.calibration.to_json()
    model = train(examples, roles, jobs=jobs, meta=meta)
    seconds = time.perf_counter() - started
    if progress:
        progress("training", 1, 1)
    result = TrainResult(0, snapshot, cv, seconds, model.to_bytes())
    if store:
        keep_model(project, result, reviewer)
    return result


def keep_model(project: Project, result: TrainResult, trained_by: str) -> int:
    """Store a trained model as the next version (its bytes carry that version too)."""
    model = LearnedModel.from_bytes(result.model)
    model.version = project.next_model_version(LEARNED)
    result.version = project.store_model(LEARNED, model.to_bytes(), gold=result.snapshot,
                                         scores=result.cv.to_json() if result.cv else None,
                                         trained_by=trained_by or "unknown")
    return result.version


def learning_curve(
    examples: Sequence[Example],
    roles: Mapping[str, Sequence[str]],
    sizes: Sequence[int] | None = None,
    *,
    held_out_every: int = 4,
    jobs: int = 2,
) -> list[dict[str, Any]]:
    """Trigger and argument F1 on a fixed held-out part (every ``held_out_every``-th article)
    after training on the first n of the other articles, for each n in ``sizes``."""
    test = [ex for i, ex in enumerate(examples) if i % held_out_every == held_out_every - 1]
    pool = [ex for i, ex in enumerate(examples) if i % held_out_every != held_out_every - 1]
    if not test or not pool:
        raise ValueError("a learning curve needs at least a few articles with gold")
    if sizes is None:
        sizes = sorted({max(1, round(len(pool) * f)) for f in (0.1, 0.25, 0.5, 0.75, 1.0)})
    gold = [(ex.article.ext_id, m) for ex in test for m in ex.gold]
    out = []
    for n in sizes:
        part = pool[:n]
        if not any(ex.gold for ex in part):
            continue
        engine = LearnedEngine(train(part, roles, jobs=jobs))
        pred = [(ex.article.ext_id, m) for ex in test for m in engine.extract(ex.article)]
        s = evaluate(gold, pred)
        out.append({"articles": n, "trigger_f1": s["trigger_classification"]["all"]["f1"],
                    "argument_f1": s["argument_classification"]["all"]["f1"], "test_articles": len(test)})
    return out

