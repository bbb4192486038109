"""Score the rule engine on every gold set: ``python -m tests.extract.score_sets [SET ...] [--json] [--attrs]``.

``--errors`` lists the Place and explicit-count errors of development sets (it refuses blind sets).

Prints, per set, trigger classification (all and conflict types), argument classification,
Place arguments, explicit counts and dates, the numbers docs/extractor.md reports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tadqiq.core.formats.native import mention_from_json, read_native
from tadqiq.core.metrics import count_capture, evaluate
from tadqiq.core.model import Article
from tadqiq.core.schema import load_schema
from tadqiq.extract.rules import RuleEngine

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "extract"
HOUSE = HERE.parent / "data" / "house" / "house-hama-001.gold.jsonl"
SETS = ["house", "heldout", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "blind", "blind2", "blind3", "blind4"]
CONFLICT = ["Conflict.Attack", "Life.Die", "Life.Injure", "Conflict.Capture", "Conflict.TerritoryChange"]


def load(name: str) -> list[tuple[Article, list]]:
    schema = load_schema()
    if name == "house":
        obj = json.loads(HOUSE.read_text(encoding="utf-8").splitlines()[0])
        art = Article(obj["id"], obj["text"], title=obj["title"], published=obj["published"])
        return [(art, [mention_from_json(e, schema, f"house {i}") for i, e in enumerate(obj["events"])])]
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


DEVELOPMENT = {"heldout", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7"}


def errors(name: str, engine: RuleEngine) -> list[str]:
    """Place and explicit-count errors of a development set, one line each (never a blind set:
    reading their errors would make them development sets)."""
    if name not in DEVELOPMENT:
        raise SystemExit(f"--errors is for development sets only, not {name}")
    out = []
    for article, gold in load(name):
        pred = engine.extract(article)
        ptrig = {(m.type, m.trigger.start): m for m in pred}

        def places(ms):
            return {(m.type, m.trigger.start, a.span.start, a.span.end): a.span.text
                    for m in ms for a in m.arguments if a.role == "Place"}

        g, p = places(gold), places(pred)
        for k in sorted(set(g) | set(p)):
            if k in g and k in p:
                continue
            trig = next((m.trigger.text for m in gold + pred if (m.type, m.trigger.start) == k[:2]), "?")
            side = "MISS" if k in g else ("FP  " if k[:2] in {(m.type, m.trigger.start) for m in gold} else "FP* ")
            out.append(f"{article.ext_id} Place {side} {k[0]} «{trig}» «{g.get(k) or p.get(k)}»")
        for m in gold:
            for a in m.arguments:
                v = a.value or {}
                if v.get("kind") != "count" or v.get("value") is None:
                    continue
                pm = ptrig.get((m.type, m.trigger.start))
                got = [
                    (b.span.text, (b.value or {}).get("value"))
                    for b in (pm.arguments if pm else ())
                    if b.role == a.role and b.span.start < a.span.end and a.span.start < b.span.end
                ]
                if not any(x[1] == v["value"] for x in got):
                    out.append(
                        f"{article.ext_id} count {m.type} «{m.trigger.text}» {a.role} «{a.span.text}»={v['value']}"
                        f" got {got if pm else 'no mention'}"
                    )
    return out


def main(argv: list[str]) -> None:
    engine = RuleEngine()
    names = [a for a in argv if not a.startswith("-")] or SETS
    if "--errors" in argv:
        for n in names:
            print("\n".join(errors(n, engine)))
        return
    rows = [score(n, engine) for n in names]
    if "--json" in argv:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            print(fmt(r, "--attrs" in argv))


if __name__ == "__main__":
    main(sys.argv[1:])
