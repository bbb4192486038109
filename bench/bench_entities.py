"""Cross-validate the entity recogniser (extract/entities.py) on real newswire: ANERcorp.

    .venv/bin/python bench/bench_entities.py [--k 5] [--no-gazetteer] [--no-lists] [--no-repeats] [--split blocks|random]
        [--clusters none|train|all] [--two-pass] [--c1 C1] [--c2 C2] [--write]

Reads ../shared/corpora/anercorp/anercorp-dev.conll at run time (never copied into the repo),
trains a CRF on k-1 contiguous blocks of sentences and tags the held-out block, k times, and
prints CoNLL entity P/R/F1 per class, pooled over the folds, with the training time per fold.
``--no-lists`` trains without the name lists of the training folds, ``--no-repeats`` tags
without spreading repeated names (extract/entity_repeats.py): to see what each one adds.
``--write`` also writes the table into docs/benchmarks-entities.md with the machine and date.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "anercorp" / "anercorp-dev.conll"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from tadqiq.extract import entities  # noqa: E402


SPLITS = {"blocks": "by contiguous blocks",
          "random": "of sentences dealt at random (seed 0; the published-style split)"}


CLUSTERS = {"none": "off", "train": "from the training folds' text only",
            "all": "from the whole corpus's text, the tested fold's too (its tags never read)"}


def gazetteer_hits():
    from tadqiq.extract.gazetteer import key, load_gazetteer

    gaz = load_gazetteer()
    return lambda tokens: entities.list_hits(tokens, lambda name: gaz.lookup_key(key(name)) is not None,
                                             max_words=min(gaz.max_words, 4), label="gaz")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--no-lists", action="store_true")
    ap.add_argument("--no-repeats", action="store_true")
    ap.add_argument("--split", choices=("blocks", "random"), default="blocks",
                    help="folds of contiguous blocks (default, the honest figure) or of sentences "
                         "dealt at random (the split of most published ANERcorp figures)")
    ap.add_argument("--clusters", choices=("none", "train", "all"), default="none",
                    help="word clusters (bench/word_clusters.py) from the unlabelled text of the "
                         "training folds only, or of the whole corpus (the tested fold's text seen "
                         "without its tags)")
    ap.add_argument("--two-pass", action="store_true",
                    help="a second CRF with article-level features (extract/entity_context.py)")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"ANERcorp not found at {CORPUS}")
    sentences = entities.read_conll(CORPUS.read_text(encoding="utf-8"))
    hits = None if args.no_gazetteer else gazetteer_hits()
    clusters = None
    if args.clusters != "none":
        from word_clusters import build_clusters

        def words(sents):
            return [[t for t, _ in s] for s in sents]

        whole = build_clusters(words(sentences)) if args.clusters == "all" else None
        clusters = (lambda rest, test: whole) if whole is not None else (lambda rest, test: build_clusters(words(rest)))
    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2)) if v is not None}
    t0 = time.perf_counter()
    total, folds = entities.cross_validate(sentences, args.k, hits, params=params, lists=not args.no_lists,
                                           repeats=not args.no_repeats, split=args.split, clusters=clusters,
                                           two_pass=args.two_pass)
    seconds = time.perf_counter() - t0
    classes = sorted(total.gold)
    lines = ["| class | P | R | F1 | gold entities |", "|---|---|---|---|---|"]
    for cls in [*classes, None]:
        p, r, f = total.prf(cls)
        lines.append(f"| {cls or '**all**'} | {p:.3f} | {r:.3f} | {f:.3f} | "
                     f"{total.gold[cls] if cls else sum(total.gold.values())} |")
    fold_f1 = ", ".join(f"{fold.prf()[2]:.3f}" for fold in folds)
    tokens = sum(len(s) for s in sentences)
    used = (f"gazetteer hits {'off' if args.no_gazetteer else 'on'}, training-fold name lists "
            f"{'off' if args.no_lists else 'on'}, repeated names {'off' if args.no_repeats else 'on'}, word clusters "
            f"{CLUSTERS[args.clusters]}{', two passes (article context)' if args.two_pass else ''}")
    summary = (f"{len(sentences)} sentences, {tokens} tokens, {args.k} folds {SPLITS[args.split]}; "
               f"{used}; CRF {({**entities.TRAINING, **params})}; overall F1 per fold: {fold_f1}; "
               f"{seconds / args.k:.1f} s per fold (training on {tokens * (args.k - 1) // args.k} tokens, "
               f"then tagging)")
    print("\n".join(lines))
    print(summary)
    if args.write:
        from machine import cpu_model

        load = os.getloadavg()[0]
        machine = (f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
                   f"load average {load:.1f} when it ended (the machine is shared: times are wall clock)")
        out = REPO / "docs" / "benchmarks-entities.md"
        head = out.read_text(encoding="utf-8") if out.exists() else (
            "# Entity recogniser on real newswire (ANERcorp)\n\n"
            "Real text: ANERcorp's development part (`../shared/corpora/anercorp/`), read at run time.\n"
            "Produced by `bench/bench_entities.py --write`; CoNLL scoring (class and both boundaries).\n")
        block = (f"\n### {datetime.date.today()} — {machine}; {SPLITS[args.split]}; {used}\n\n" + "\n".join(lines) + f"\n\n{summary}\n")
        out.write_text(head.rstrip("\n") + "\n" + block, encoding="utf-8")
        print(f"written to {out}")

if __name__ == "__main__":
    main()
