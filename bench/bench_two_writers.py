"""Two writers on one project: 20 rounds of `tadqiq import` and `tadqiq extract` at once.

Each round starts an import of a new part of a generated corpus and an extract of the articles
not yet extracted, as two real processes on the same project file, and waits for both. A
round fails when either exits non-zero. At the end `tadqiq check` must pass and the project
must hold every article imported. Writes a Markdown table to stdout (and with --write into
docs/benchmarks.md between the two-writers markers, keeping earlier figures).

    .venv/bin/python bench/bench_two_writers.py [--rounds 20] [--per-round 1500] [--write]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_line, prepend_run  # noqa: E402

TADQIQ = [sys.executable, "-m", "tadqiq"]


def _start(*args: object) -> tuple[subprocess.Popen, float]:
    return subprocess.Popen([*TADQIQ, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True), time.perf_counter()


def _finish(proc: subprocess.Popen, t0: float) -> tuple[int, float, str]:
    _out, err = proc.communicate()
    return proc.returncode, time.perf_counter() - t0, err.strip().splitlines()[-1] if err.strip() else ""


def run(rounds: int, per_round: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="tadqiq-writers-"))
    corpus = tmp / "all.jsonl"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), "--n", str(per_round * (rounds + 1)),
                    "--size-kb", "3", "--format", "jsonl", "--out", str(corpus), "--seed", "13"],
                   check=True, capture_output=True)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    parts = []
    for i in range(rounds + 1):
        part = tmp / f"part{i:02d}.jsonl"
        part.write_text("".join(lines[i * per_round:(i + 1) * per_round]), encoding="utf-8")
        parts.append(part)
    db = tmp / "p.db"
    subprocess.run([*TADQIQ, "import", db, parts[0]], check=True, capture_output=True)
    results = []
    for i in range(1, rounds + 1):
        imp, t_imp = _start("import", db, parts[i])
        ext, t_ext = _start("extract", db, "--only-new")
        results.append({"import": _finish(imp, t_imp), "extract": _finish(ext, t_ext)})
    check = subprocess.run([*TADQIQ, "check", db], capture_output=True, text=True)
    stats = json.loads(subprocess.run([*TADQIQ, "stats", db, "--json"], capture_output=True, text=True).stdout)
    failures = [(n, kind, r[kind][2]) for n, r in enumerate(results, 1) for kind in ("import", "extract")
                if r[kind][0] != 0]
    return {
        "rounds": rounds, "per_round": per_round, "failures": failures,
        "import_s": max(r["import"][1] for r in results), "extract_s": max(r["extract"][1] for r in results),
        "check_ok": check.returncode == 0, "articles": stats["articles"], "expected": per_round * (rounds + 1),
    }


def table(r: dict) -> str:
    rows = [machine_line(), "",
            "| rounds (import + extract at once) | articles per import | failed rounds | slowest import s "
            "| slowest extract s | `tadqiq check` | articles stored / imported |",
            "|---|---|---|---|---|---|---|",
            f"| {r['rounds']} | {r['per_round']} | {len({n for n, _k, _m in r['failures']})} | {r['import_s']:.1f} "
            f"| {r['extract_s']:.1f} | {'ok' if r['check_ok'] else 'FAILED'} | {r['articles']} / {r['expected']} |"]
    for n, kind, message in r["failures"]:
        rows.append(f"\nround {n}, {kind}: {message}")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--per-round", type=int, default=1500)
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = ap.parse_args()
    body = table(run(args.rounds, args.per_round))
    print(body)
    if args.write:
        prepend_run(REPO / "docs" / "benchmarks.md", "two-writers", body, "two writers")


if __name__ == "__main__":
    main()
