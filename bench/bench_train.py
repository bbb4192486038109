"""Training time of the learned engine against the number of gold articles (two cores).

    .venv/bin/python bench/bench_train.py [--sizes 500,1000,2000] [--write]

Gold articles are the own-written development sets (tests/data/extract, 54 articles, 404 gold
mentions) cycled up to N under new ids: real annotation density, repeated text (a CRF's time
grows with tokens and features, which repetition keeps realistic; its scores on such a set
mean nothing and are not reported). Times ``extract.learned.train`` with jobs=2 (the trigger and
argument CRFs in two processes) and the peak memory of the process tree.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from machine import machine_line, replace_section  # noqa: E402

from tadqiq.core.formats.native import read_native  # noqa: E402
from tadqiq.core.model import Article  # noqa: E402
from tadqiq.core.schema import load_schema  # noqa: E402
from tadqiq.extract.learned import Example, train  # noqa: E402


def examples(n: int) -> list[Example]:
    schema = load_schema()
    base = []
    for path in sorted((REPO / "tests" / "data" / "extract").glob("*.gold.jsonl")):
        base += list(read_native(path, schema, origin="gold"))
    out = []
    for i in range(n):
        art, ms = base[i % len(base)]
        out.append(Example(Article(f"{art.ext_id}-{i}", art.text, art.title), ms))
    return out


def main(argv: list[str]) -> int:
    sizes = [500, 1000, 2000]
    if "--sizes" in argv:
        sizes = [int(x) for x in argv[argv.index("--sizes") + 1].split(",")]
    schema = load_schema()
    roles = schema.role_table()
    rows = []
    for n in sizes:
        ex = examples(n)
        t0 = time.perf_counter()
        model = train(ex, roles, jobs=2)
        seconds = time.perf_counter() - t0
        mentions = sum(len(e.gold) for e in ex)
        rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        rows.append((n, mentions, seconds, len(model.to_bytes()) / 1e6, rss))
        print(f"{n} articles, {mentions} mentions: {seconds:.1f} s, model {rows[-1][3]:.1f} MB, peak RSS {rss:.0f} MB",
              flush=True)
    body = "\n".join([
        "## Training the learned engine (`bench/bench_train.py`)",
        "",
        machine_line(),
        "Own-written gold articles cycled to N (timing only). `extract.learned.train`, jobs=2.",
        "",
        "| gold articles | gold mentions | training, s | model, MB | peak RSS, MB |",
        "|---:|---:|---:|---:|---:|",
        *[f"| {n:,} | {m:,} | {s:.1f} | {mb:.1f} | {r:.0f} |" for n, m, s, mb, r in rows],
        "",
        "Target (issue 10): under a minute for 2,000 articles of gold on two cores. `tadqiq train`",
        "adds K-fold cross-validation before it (K trainings on (K-1)/K of the gold).",
    ])
    if "--write" in argv:
        replace_section(REPO / "docs" / "benchmarks.md", "train", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
