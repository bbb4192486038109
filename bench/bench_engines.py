"""Extraction throughput of each engine, one process (articles/s; `tadqiq extract` uses all cores).

    .venv/bin/python bench/bench_engines.py [--n 300] [--write]

Articles: the own-written development sets (tests/data/extract, 54 short articles, ~400 characters)
cycled to N. The learned model is trained on the same sets (its time is not counted here; see
bench/bench_train.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench_train import examples  # noqa: E402
from machine import machine_line, replace_section  # noqa: E402

from tadqiq.core.schema import load_schema  # noqa: E402
from tadqiq.extract.combined import CombinedEngine  # noqa: E402
from tadqiq.extract.learned import LearnedEngine, train  # noqa: E402
from tadqiq.extract.rules import RuleEngine  # noqa: E402


def main(argv: list[str]) -> int:
    n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 300
    schema = load_schema()
    roles = schema.role_table()
    model = train(examples(54), roles, jobs=2)
    arts = [e.article for e in examples(n)]
    chars = sum(len(a.text) for a in arts)
    rows = []
    for name, engine in (("rules", RuleEngine()), ("learned", LearnedEngine(model)), ("combined", CombinedEngine(model))):
        engine.extract(arts[0])  # warm caches (lexicons, gazetteer)
        t0 = time.perf_counter()
        found = sum(len(engine.extract(a)) for a in arts)
        s = time.perf_counter() - t0
        rows.append((name, n / s, found))
        print(f"{name}: {n / s:.0f} articles/s ({found} mentions)", flush=True)
    body = "\n".join([
        "## Extraction throughput per engine (`bench/bench_engines.py`)",
        "",
        machine_line(),
        f"{n} own-written articles ({chars / n / 1000:.1f} K characters each), one process; `tadqiq extract` runs",
        "one worker per core.",
        "",
        "| engine | articles/s, one core | mentions proposed |",
        "|---|---:|---:|",
        *[f"| {name} | {rate:.0f} | {found:,} |" for name, rate, found in rows],
    ])
    if "--write" in argv:
        replace_section(REPO / "docs" / "benchmarks.md", "engines", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
