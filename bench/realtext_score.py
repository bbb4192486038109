"""Score the engines on the real-text event set (ANERcorp newswire, hand-annotated standoff).

    .venv/bin/python bench/realtext_score.py [--json] [--plot docs/screenshots/reliability-realtext.png]

The text is read from ../shared/corpora/anercorp/ (never copied into the repo); the gold is
tests/data/realtext/*.standoff.jsonl (see bench/realtext.py). Reports, on the ``heldout`` units
(every third unit, never looked at while writing rules or choosing features) and on the ``dev``
units: the rule engine; the learned engine trained on the dev units (real news) and scored on
held-out; the combined engine; and the learned engine trained on the team's own-written
development sets (tests/data/extract) and scored on the same held-out real news.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from realtext import StandoffError, read_units, to_native  # noqa: E402

from tadqiq.core.formats.native import mention_from_json, read_native  # noqa: E402
from tadqiq.core.metrics import evaluate  # noqa: E402
from tadqiq.core.model import Article  # noqa: E402
from tadqiq.core.schema import load_schema  # noqa: E402
from tadqiq.extract.combined import (  # noqa: E402
    Calibration,
    CombinedEngine,
    expected_calibration_error,
    merge,
    reliability_bins,
)
from tadqiq.extract.learned import Example, LearnedEngine, train  # noqa: E402
from tadqiq.extract.rules import RuleEngine  # noqa: E402

CONFLICT = ["Conflict.Attack", "Life.Die", "Life.Injure", "Conflict.Capture", "Conflict.TerritoryChange"]


def load_split(split: str) -> list[tuple[Article, list]]:
    schema = load_schema()
    out = []
    for unit in read_units():
        if unit.get("split", "dev") != split:
            continue
        item = to_native(unit)
        art = Article(item["id"], item["text"], title=item["title"], lang="ar")
        out.append((art, [mention_from_json(e, schema, f"{item['id']} {i}") for i, e in enumerate(item["events"])]))
    return out


def own_sets() -> list[tuple[Article, list]]:
    schema = load_schema()
    out = []
    for path in sorted((REPO / "tests" / "data" / "extract").glob("*.gold.jsonl")):
        out += list(read_native(path, schema, origin="gold"))
    return out


def score(gold_docs, predict) -> dict:
    gold, pred = [], []
    for art, ms in gold_docs:
        gold += [(art.ext_id, m) for m in ms]
        pred += [(art.ext_id, m) for m in predict(art)]
    s = evaluate(gold, pred)
    c = evaluate(gold, pred, types=CONFLICT)
    place = s["argument_classification"]["by"].get("Place", {"p": 0, "r": 0, "f1": 0})
    return {"trigger": s["trigger_classification"]["all"], "trigger_conflict": c["trigger_classification"]["all"],
            "argument": s["argument_classification"]["all"], "argument_conflict": c["argument_classification"]["all"],
            "place": place, "gold": len(gold), "pred": len(pred)}


def calibration_on(gold_docs, ruled: dict, learned: dict, cal: Calibration | None) -> dict:
    """ECE of the raw and the calibrated combined confidences on these documents, from the
    engines' predictions per document id."""
    raw, calibrated = [], []
    for art, ms in gold_docs:
        right = {(m.type, m.trigger.start, m.trigger.end) for m in ms}
        for source, m in merge(ruled[art.ext_id], learned[art.ext_id], None, "x"):
            ok = (m.type, m.trigger.start, m.trigger.end) in right
            raw.append((m.confidence or 0.0, ok))
            calibrated.append(((cal.precision(source, m.confidence) if cal else None) or m.confidence or 0.0, ok))
    return {"raw": expected_calibration_error(raw), "calibrated": expected_calibration_error(calibrated),
            "proposals": len(raw), "bins_raw": reliability_bins(raw), "bins_calibrated": reliability_bins(calibrated)}


def main(argv: list[str]) -> int:
    try:
        dev, held = load_split("dev"), load_split("heldout")
    except StandoffError as exc:
        print(f"realtext: {exc}", file=sys.stderr)
        return 1
    schema = load_schema()
    roles = schema.role_table()
    rules = RuleEngine()
    results: dict = {"units": {"dev": len(dev), "heldout": len(held)},
                     "mentions": {"dev": sum(len(m) for _, m in dev), "heldout": sum(len(m) for _, m in held)}}
    results["rules_dev"] = score(dev, rules.extract)
    ruled = {a.ext_id: rules.extract(a) for a, _ in held}  # each engine runs once per held-out unit
    results["rules_heldout"] = score(held, lambda a: ruled[a.ext_id])
    t0 = time.perf_counter()
    # calibration from cross-validation on the dev units (as `tadqiq train` does on a project)
    from tadqiq.app.training import cross_validate

    cv = cross_validate([Example(a, ms) for a, ms in dev], roles, k=3, jobs=2)
    results["learned_cv_dev"] = {"trigger": cv.learned["trigger"], "argument": cv.learned["argument"]}
    model = train([Example(a, ms) for a, ms in dev], roles, jobs=2, meta={"calibration": cv.calibration.to_json()})
    results["train_seconds_real"] = round(time.perf_counter() - t0, 1)
    learned_engine = LearnedEngine(model)
    learned = {a.ext_id: learned_engine.extract(a) for a, _ in held}
    results["learned_real_heldout"] = score(held, lambda a: learned[a.ext_id])
    combined = CombinedEngine(model, rules)  # its merge, on the predictions above
    results["combined_heldout"] = score(
        held, lambda a: [m for _, m in merge(ruled[a.ext_id], learned[a.ext_id], combined.calibration, combined.origin)]
    )
    results["calibration_heldout"] = calibration_on(held, ruled, learned, combined.calibration)
    own = own_sets()
    own_model = train([Example(a, ms) for a, ms in own], roles, jobs=2)
    results["learned_own_heldout"] = score(held, LearnedEngine(own_model).extract)
    both = train([Example(a, ms) for a, ms in [*own, *dev]], roles, jobs=2)
    results["learned_own_and_real_heldout"] = score(held, LearnedEngine(both).extract)
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(table(results))
    if "--plot" in argv:
        from tadqiq.gui.plot import save_reliability

        c = results["calibration_heldout"]
        save_reliability([{"label": "raw (rules: the lexicon's confidence; CRF marginals)", "color": "#d95f02", "bins": c["bins_raw"]},
                          {"label": "calibrated (combined)", "color": "#1f77b4", "bins": c["bins_calibrated"]}],
                         argv[argv.index("--plot") + 1],
                         title=f"Real news, held-out: ECE {c['raw']:.3f} raw, {c['calibrated']:.3f} calibrated")
    if "--write" in argv:
        Path(argv[argv.index("--write") + 1]).write_text(table(results) + "\n", encoding="utf-8")
    return 0


def table(r: dict) -> str:
    def f(s):
        return f"{s['p']:.2f} / {s['r']:.2f} / **{s['f1']:.3f}**"

    v = RuleEngine.version
    rows = [
        (f"rule engine {v}", "dev (the place, argument and 1.11's trigger rules were tuned on it)", r["rules_dev"]),
        (f"rule engine {v}", "held-out", r["rules_heldout"]),
        ("learned, trained on real dev units", "held-out", r["learned_real_heldout"]),
        ("combined (rules + that model, calibrated)", "held-out", r["combined_heldout"]),
        ("learned, trained on own-written sets", "held-out", r["learned_own_heldout"]),
        ("learned, own-written + real dev", "held-out", r["learned_own_and_real_heldout"]),
    ]
    out = ["| engine | real-text units | trigger P / R / F1 | conflict-type trigger F1 | argument P / R / F1 "
           "| Place P / R / F1 |", "|---|---|---|---|---|---|"]
    for name, where, s in rows:
        out.append(f"| {name} | {where} | {f(s['trigger'])} | {s['trigger_conflict']['f1']:.3f} | {f(s['argument'])} "
                   f"| {s['place']['p']:.2f} / {s['place']['r']:.2f} / **{s['place']['f1']:.3f}** |")
    c = r["calibration_heldout"]
    out.append("")
    out.append(f"Units: {r['units']['dev']} dev ({r['mentions']['dev']} gold mentions), {r['units']['heldout']} held-out "
               f"({r['mentions']['heldout']}). Learned engine, 3-fold cross-validation on the dev units: trigger F1 "
               f"{r['learned_cv_dev']['trigger']['f1']:.3f}, argument F1 {r['learned_cv_dev']['argument']['f1']:.3f}; "
               f"cross-validation and training {r['train_seconds_real']} s. Combined confidences on held-out: "
               f"calibration error {c['raw']:.3f} raw, {c['calibrated']:.3f} calibrated ({c['proposals']} proposals).")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
