"""Score the rule engine on every gold set: ``python -m tests.extract.score_sets [SET ...] [--json] [--attrs]``.

Prints, per set, trigger classification (all and conflict types), argument classification,
Place arguments, explicit counts and dates, the numbers docs/extractor.md reports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from core.formats.native import mention_from_json, read_native
from core.metrics import count_capture, evaluate
from core.model import Article
from core.schema import load_schema
from extract.rules import RuleEngine

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "extract"
SEED = HERE.parents[2] / "shared" / "seed" / "000_aa59fc9b5caee80f.gold.jsonl"
SETS = ["seed", "heldout", "dev2", "dev3", "blind", "blind2", "blind3", "blind4"]
CONFLICT = ["Conflict.Attack", "Life.Die", "Life.Injure", "Conflict.Capture", "Conflict.TerritoryChange"]


def load(name: str) -> list[tuple[Article, list]]:
    schema = load_schema()
    if name == "seed":
        obj = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
        art = Article(obj["id"], obj["text"], title=obj["title"], published=obj["published"])
        return [(art, [mention_from_json(e, schema, f"seed {i}") for i, e in enumerate(obj["events"])])]
    return list(read_native(DATA / f"{name}.gold.jsonl", schema, origin="gold"))


def score(name: str, engine: RuleEngine) -> dict:
    gold, pred = [], []
    for article, mentions in load(name):
        gold += [(article.ext_id, m) for m in mentions]
        pred += [(article.ext_id, m) for m in engine.extract(article)]
    s = evaluate(gold, pred)
    c = evaluate(gold, pred, types=CONFLICT)["trigger_classification"]["all"]
    place = s["argument_classification"]["by"].get("Place", {"p": 0, "r": 0, "f1": 0})
    dates = s["values"].get("date", {"correct": 0, "gold": 0})
    return {
        "set": name,
        "articles": len({d for d, _ in gold}),
        "mentions": len(gold),
        "args": sum(len(m.arguments) for _, m in gold),
        "trig": s["trigger_classification"]["all"],
        "trig_conflict": c,
        "arg": s["argument_classification"]["all"],
        "place": place,
        "counts": count_capture(gold, pred),
        "dates": dates,
        "attrs": attribute_agreement(gold, pred),
    }


def attribute_agreement(gold: list, pred: list) -> dict[str, str]:
    """Per attribute: of the gold mentions whose trigger and type were found, how many have
    the same value (polarity, modality, genericity...)."""
    found = {(d, m.type, m.trigger.start, m.trigger.end): m for d, m in pred}
    agree: dict[str, list[int]] = {}
    for d, m in gold:
        p = found.get((d, m.type, m.trigger.start, m.trigger.end))
        if p is None:
            continue
        for name, value in m.attributes.items():
            slot = agree.setdefault(name, [0, 0])
            slot[1] += 1
            slot[0] += p.attributes.get(name) == value
    return {k: f"{a}/{n}" for k, (a, n) in sorted(agree.items())}


def fmt(r: dict, show_attrs: bool = False) -> str:
    t, c, a, p = r["trig"], r["trig_conflict"], r["arg"], r["place"]
    k, d = r["counts"], r["dates"]
    return (
        f"{r['set']:<8} {r['articles']:>2}a {r['mentions']:>3}m {r['args']:>3}args | "
        f"trig {t['p']:.3f}/{t['r']:.3f}/{t['f1']:.3f} | conflict {c['p']:.3f}/{c['r']:.3f}/{c['f1']:.3f} | "
        f"arg {a['p']:.3f}/{a['r']:.3f}/{a['f1']:.3f} | Place {p['p']:.3f}/{p['r']:.3f}/{p['f1']:.3f} | "
        f"counts {k['correct']}/{k['gold']}={k['accuracy']:.3f} | dates {d['correct']}/{d['gold']}"
        + (" | " + " ".join(f"{n} {v}" for n, v in r["attrs"].items()) if show_attrs else "")
    )


def main(argv: list[str]) -> None:
    engine = RuleEngine()
    names = [a for a in argv if not a.startswith("-")] or SETS
    rows = [score(n, engine) for n in names]
    if "--json" in argv:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            print(fmt(r, "--attrs" in argv))


if __name__ == "__main__":
    main(sys.argv[1:])
