"""What the entity recogniser's LOC names would add to the rule engine's places on real news.

    .venv/bin/python bench/realtext_ner.py [--heldout]

Trains the recogniser (extract/entities.py, gazetteer hits and name lists on) on the ANERcorp
sentences of ../shared that lie in **no** real-text unit (so neither the dev nor the held-out
units' sentences are seen with their entity tags), then scores the rule engine with and without
it (``RuleEngine(recogniser=...)``, version ``1.9+ner``) on the dev units, and with
``--heldout`` on the held-out units too. No model is written anywhere: nothing ships
(docs/extractor.md, "The entity recogniser and the rules").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from bench_entities import CORPUS, gazetteer_hits  # noqa: E402
from realtext import read_units  # noqa: E402
from realtext_score import load_split, score  # noqa: E402

from tadqiq.extract import entities  # noqa: E402
from tadqiq.extract.rules import RuleEngine  # noqa: E402


def main(argv: list[str]) -> int:
    sents = entities.read_conll(CORPUS.read_text(encoding="utf-8"))
    in_units = {s for u in read_units() for s in u["sentences"]}
    train = [s for i, s in enumerate(sents) if i not in in_units]
    t0 = time.perf_counter()
    tagger = entities.train(train, gazetteer_hits())
    print(f"recogniser trained on {len(train)} of {len(sents)} sentences (none of the {len(in_units)} "
          f"in real-text units) in {time.perf_counter() - t0:.0f} s")
    plain, ner = RuleEngine(), RuleEngine(recogniser=tagger)
    for split in ["dev", *(["heldout"] if "--heldout" in argv else [])]:
        docs = load_split(split)
        for engine in (plain, ner):
            r = score(docs, engine.extract)
            f = lambda s: f"{s['p']:.2f} / {s['r']:.2f} / {s['f1']:.3f}"  # noqa: E731
            print(f"| rules {engine.version} | {split} | {f(r['trigger'])} | {f(r['argument'])} | {f(r['place'])} |")
    tagger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
