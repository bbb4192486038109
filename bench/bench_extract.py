"""Extraction benchmark: the rule engine over a generated corpus of ~3 KB articles.

Generates the corpus with bench/make_corpus.py (JSONL), then times ``RuleEngine.extract``
in one process and in a pool of all cores (the way ``tadqiq extract`` runs), counting
mentions as a sanity check. With --command it also imports the corpus into a project file
and times the whole ``tadqiq extract`` command (reading, extracting, storing), first run and
re-run (which replaces the earlier proposals). Writes a Markdown section to stdout and, with --write, to
docs/benchmarks-extract.md (the lead merges it into docs/benchmarks.md).

    .venv/bin/python bench/bench_extract.py [--n 10000] [--size-kb 3] [--command] [--write]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_line  # noqa: E402
from tadqiq.core.model import Article  # noqa: E402
from tadqiq.extract.rules import RuleEngine  # noqa: E402

_ENGINE: RuleEngine | None = None


def _init() -> None:
    global _ENGINE
    _ENGINE = RuleEngine()


def _work(batch: list[tuple[str, str, str | None]]) -> int:
    assert _ENGINE is not None
    return sum(len(_ENGINE.extract(Article(i, t, published=p))) for i, t, p in batch)


def make(n: int, size_kb: int) -> Path:
    out = Path(tempfile.mkdtemp(prefix="tadqiq-bench-extract-")) / "corpus.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "make_corpus.py"),
            "--n",
            str(n),
            "--size-kb",
            str(size_kb),
            "--format",
            "jsonl",
            "--out",
            str(out),
            "--seed",
            "3",
        ],
        check=True,
        capture_output=True,
    )
    return out


def load(n: int, size_kb: int) -> list[tuple[str, str, str | None]]:
    out = make(n, size_kb)
    rows = []
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            rows.append((obj["id"], obj["text"], obj.get("published")))
    return rows


def run(n: int, size_kb: int, processes: int) -> dict:
    rows = load(n, size_kb)
    kb = sum(len(t.encode("utf-8")) for _, t, _ in rows) / len(rows) / 1024
    t0 = time.perf_counter()
    _init()
    t_load = time.perf_counter() - t0
    single_n = min(len(rows), 1000)
    t0 = time.perf_counter()
    mentions_single = _work(rows[:single_n])
    t_single = time.perf_counter() - t0
    batches = [rows[i : i + 50] for i in range(0, len(rows), 50)]
    t0 = time.perf_counter()
    with mp.get_context("fork" if sys.platform != "win32" else "spawn").Pool(
        processes, initializer=_init
    ) as pool:
        mentions = sum(pool.imap_unordered(_work, batches))
    t_pool = time.perf_counter() - t0
    return {
        "n": len(rows),
        "kb": kb,
        "load_s": t_load,
        "single_n": single_n,
        "single_rate": single_n / t_single,
        "mentions_single": mentions_single,
        "pool_rate": len(rows) / t_pool,
        "pool_s": t_pool,
        "processes": processes,
        "mentions": mentions,
    }


def command(n: int, size_kb: int) -> dict:
    """Time ``tadqiq extract`` end to end on a project holding the corpus."""
    corpus = make(n, size_kb)
    project = corpus.with_name("bench.db")
    tadqiq = [sys.executable, "-m", "tadqiq"]
    subprocess.run([*tadqiq, "import", str(project), str(corpus)], check=True, capture_output=True, cwd=REPO)
    out = {}
    for key in ("first", "rerun"):
        t0 = time.perf_counter()
        subprocess.run([*tadqiq, "extract", str(project)], check=True, capture_output=True, cwd=REPO)
        out[key] = n / (time.perf_counter() - t0)
    project.unlink()
    return out


def report(r: dict) -> str:
    return "\n".join(
        [
            machine_line(),
            "",
            f"Corpus: {r['n']} generated articles (bench/make_corpus.py, seed 3), mean {r['kb']:.1f} KiB of UTF-8.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| engine start (lexicons + gazetteer) | {r['load_s']:.2f} s |",
            f"| one process ({r['single_n']} articles) | {r['single_rate']:.0f} articles/s |",
            f"| {r['processes']} processes (all {r['n']} articles) | **{r['pool_rate']:.0f} articles/s** "
            f"({r['pool_s']:.1f} s) |",
            f"| mentions proposed | {r['mentions']} ({r['mentions'] / r['n']:.1f} per article) |",
            *(
                [
                    f"| `tadqiq extract` end to end, first run | **{r['command']['first']:.0f} articles/s** |",
                    f"| `tadqiq extract` end to end, re-run (replacing) | {r['command']['rerun']:.0f} articles/s |",
                ]
                if "command" in r
                else []
            ),
            "",
            "Target: at least 150 articles/s on the 2-core machine.",
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--size-kb", type=int, default=3)
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--command", action="store_true", help="also time tadqiq extract end to end")
    args = ap.parse_args()
    r = run(args.n, args.size_kb, args.processes)
    if args.command:
        r["command"] = command(args.n, args.size_kb)
    text = report(r)
    print(text)
    if args.write:
        out = REPO / "docs" / "benchmarks-extract.md"
        out.write_text("# Extraction throughput\n\n" + text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
