"""What mention versions cost (docs/concurrency.md, "A change made elsewhere").

On a project of ``--articles`` generated articles with 32 proposals each (the size of the house
article), in CPU time of this process (the machine is shared; wall time would measure the
neighbours), the best of ``--repeat`` rounds:

- the window's look for another process's commit: ``PRAGMA data_version`` (every 3 s and on
  activation), and, when it moved, the shown article's stored versions (one query);
- reading the article's mentions again (what a reload does);
- one reviewer action: ``save_mention`` with ``expect`` (the check) and without;
- storing proposals (``replace_proposals`` of every article in one transaction) with the
  version triggers as migration 0005 makes them and with them dropped: what their WHEN clauses
  cost Tadqiq's own bulk writes, which stamp the rows themselves.

    .venv/bin/python bench/bench_versions.py [--articles 300] [--repeat 5] [--write]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_line, replace_section  # noqa: E402
from tadqiq.core import review  # noqa: E402
from tadqiq.core.model import Argument, Article, Mention, Span  # noqa: E402
from tadqiq.db.project import ImportItem, Project  # noqa: E402

WORDS = "قتل ثلاثة مدنيين في قصف على حلب اليوم وأصيب آخرون في هجوم شنته طائرات حربية".split()
TRIGGERS = [f"{t}_version_{op}" for t in ("arguments", "attributes") for op in ("insert", "update", "delete")] + [
    "events_version_insert", "events_version_update"]


def article(i: int, rng: random.Random) -> ImportItem:
    text = " ".join(rng.choice(WORDS) for _ in range(400)) + f" {i}"
    starts = [n for n, c in enumerate(text) if c == " "][:200]
    mentions = []
    for k in range(32):
        s, e = starts[k * 6] + 1, starts[k * 6 + 1]
        a, b = starts[k * 6 + 2] + 1, starts[k * 6 + 3]
        mentions.append(Mention("Conflict.Attack", Span(s, e, text[s:e]),
                                (Argument("Attacker", Span(a, b, text[a:b])), Argument("Place", Span(a, b, text[a:b]))),
                                origin="extractor:bench@1", confidence=0.5))
    return ImportItem(Article(f"a{i}", text, "t"), tuple(mentions))


def best(fn, repeat: int, number: int) -> float:
    """Best CPU seconds per call over ``repeat`` rounds of ``number`` calls."""
    out = []
    for _ in range(repeat):
        t = time.process_time()
        for _ in range(number):
            fn()
        out.append((time.process_time() - t) / number)
    return min(out)


def store_all(path: Path, items: list[ImportItem], triggers: bool) -> float:
    with Project.open(path) as p:
        if not triggers:
            with p.transaction():
                for name in TRIGGERS:
                    p.db.execute(f"DROP TRIGGER {name}")
        ids = list(p.article_ids())
        t = time.process_time()
        with p.transaction():
            for aid, item in zip(ids, items, strict=True):
                p.replace_proposals(aid, "extractor:bench@2", list(item.mentions), reviewer="extractor:bench@2")
        return time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    rng = random.Random(7)
    items = [article(i, rng) for i in range(args.articles)]
    tmp = Path(tempfile.mkdtemp(prefix="tadqiq-versions-"))
    try:
        base = tmp / "base.db"
        with Project.open(base) as p:
            p.import_items(items)
        with Project.open(base) as p:
            aid = p.article_ids().__next__()
            data_version = best(p.data_version, args.repeat, 2000)
            versions = best(lambda: p.mention_versions(aid), args.repeat, 500)
            reload = best(lambda: p.mentions(aid), args.repeat, 50)

            def act(expect: bool):
                """One save of a mention (the first with ``expect``, the second without); ``expect`` is
                what a window holds: the mention the last save returned (no read while timed)."""
                shown = [p.mentions(aid)[0 if expect else 1]]

                def save() -> None:
                    after = review.with_next_attribute(shown[0], "polarity", p.schema.attributes["polarity"], "b")
                    shown[0] = p.save_mention(aid, after, reviewer="bench", action="bench#1",
                                              **({"expect": shown[0]} if expect else {}))

                return save

            saves = {True: act(True), False: act(False)}
            timed: dict[bool, list[float]] = {True: [], False: []}
            for n in range(args.repeat * 2):  # interleaved, each side first in turn: the machine is shared
                for expect in ((True, False) if n % 2 else (False, True)):
                    timed[expect].append(best(saves[expect], 1, 30))
            checked, unchecked = min(timed[True]), min(timed[False])
        rounds = {True: [], False: []}
        for n in range(args.repeat):
            for triggers in ((True, False) if n % 2 else (False, True)):
                copy = tmp / f"copy-{triggers}.db"
                shutil.copy(base, copy)
                rounds[triggers].append(store_all(copy, items, triggers))
                copy.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n = args.articles * 32
    with_t, without_t = min(rounds[True]), min(rounds[False])
    body = "\n".join([
        machine_line() + f" CPU time, best of {args.repeat} (the two sides of a comparison interleaved); "
        f"{args.articles} articles x 32 proposals; load average {load:.1f} at the start (a shared machine).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| `PRAGMA data_version` (the window's look, every 3 s and on activation) | {data_version * 1e6:.1f} µs |",
        f"| stored versions of one article's 32 mentions (when another connection committed) | "
        f"{versions * 1e6:.0f} µs |",
        f"| reading the article's 32 mentions again (a reload) | {reload * 1e3:.2f} ms |",
        f"| one action, `save_mention` with the check (`expect`) | {checked * 1e3:.2f} ms |",
        f"| the same without the check | {unchecked * 1e3:.2f} ms |",
        f"| storing {n} proposals (`replace_proposals`, one transaction), version triggers in place | "
        f"{with_t:.2f} s ({n / with_t:,.0f}/s) |",
        f"| the same with the version triggers dropped | {without_t:.2f} s ({n / without_t:,.0f}/s) |",
    ])
    print(body)
    if args.write:
        replace_section(REPO / "docs" / "benchmarks.md", "versions", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
