#!/usr/bin/env python3
"""Benchmarks at scale (issue 13 item 10): one command, every step in a fresh process.

    .venv/bin/python bench/bench_scale.py [--n 200000] [--size-kb 2] [--dir /tmp/scale/200k] [--write]
    .venv/bin/python bench/bench_scale.py --n 2000 --launches 1 --runs 20     # quick mode, a minute

Steps (``--steps`` picks some; each one's figures are kept in DIR/results.json, so a later run
with ``--dir`` and other steps completes the same table):

* corpus: bench/make_corpus.py, N articles of SIZE_KB as one .jsonl (not timed against a target);
* import: `tadqiq import` of that file (bench_import_memory.measure_import: time, storing
  process's and largest reader's peak RSS, the process tree's);
* extract: `tadqiq extract --only-new` (rules engine, all cores): time, articles/s, peak RSS;
  ``--extract-minutes M`` stops it after M minutes and keeps the rate of the articles it did
  (on a shared machine 200k articles can take over an hour; a later run goes on from there);
* queue: bench/bench_queue.py on the extracted project (first half of the articles marked done):
  launch → queue's first page shown (worst of --launches fresh processes) and its RSS; next
  article (load + paint) p95 from the first, middle and last open article; search p95 (a common
  and a rare word, count + first page);
* keys: bench/scale_keys.py: review keys in the real window → the row stored, p95;
* export: `tadqiq export --status all` of every format (every proposal, the heaviest export):
  time, articles/s, output size, peak RSS; each output deleted once measured.

The table (bench/scale_table.py) puts each figure beside its target from the issues, with the
load average before each step; --write puts it at the top of the *scale* section of --doc
(docs/benchmarks.md), earlier runs kept below. Corpus and project are deleted at the end
unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_import_memory import measure_import  # noqa: E402
from bench.machine import load_average  # noqa: E402
from bench.measure import run_measured  # noqa: E402
from bench.scale_table import section  # noqa: E402
from tadqiq.core.formats.export import FORMATS  # noqa: E402

STEPS = ("corpus", "import", "extract", "queue", "keys", "export")
PY = sys.executable
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TQDM_DISABLE": "1"}


def _checked(argv: list, what: str) -> dict:
    r = run_measured(argv, env=ENV, cwd=REPO)
    if r["rc"] != 0:
        raise SystemExit(f"{what} failed (exit {r['rc']}):\n{r['stderr'][-3000:]}")
    return r


def _json_line(text: str) -> dict:
    return json.loads(next(line for line in reversed(text.splitlines()) if line.startswith("{")))


def corpus(a: argparse.Namespace, d: Path, _save) -> dict:
    r = _checked([PY, REPO / "bench" / "make_corpus.py", "--n", a.n, "--size-kb", a.size_kb, "--format", "jsonl",
                  "--out", d / "corpus.jsonl", "--seed", "1"], "make_corpus")
    return {"seconds": r["seconds"], "file_mb": (d / "corpus.jsonl").stat().st_size / 1e6, "peak_mb": r["peak_mb"]}


def import_(a: argparse.Namespace, d: Path, _save) -> dict:
    for old in d.glob("p.tadqiq*"):
        old.unlink()
    got = measure_import(d / "corpus.jsonl", d / "p.tadqiq")
    return {**got, "file_mb": (d / "corpus.jsonl").stat().st_size / 1e6, "articles": _count(d, "articles")}


def extract(a: argparse.Namespace, d: Path, _save) -> dict:
    """`tadqiq extract --only-new` (all articles on a new project; on one a stopped run left, the rest),
    stopped after --extract-minutes if given: the articles extracted in that time are counted."""
    before = _count(d, "(SELECT DISTINCT article_id FROM events)")
    argv = [PY, "-m", "tadqiq", "extract", d / "p.tadqiq", "--only-new"]
    r = run_measured(argv, env=ENV, cwd=REPO, timeout=a.extract_minutes * 60 if a.extract_minutes else None)
    if r["rc"] != 0 and not r["stopped"]:
        raise SystemExit(f"tadqiq extract failed (exit {r['rc']}):\n{r['stderr'][-3000:]}")
    done = _count(d, "(SELECT DISTINCT article_id FROM events)") - before
    return {"seconds": r["seconds"], "peak_mb": r["peak_mb"], "tree_mb": r["tree_mb"], "extracted": done,
            "before": before, "stopped": r["stopped"], "articles": _count(d, "articles"),
            "mentions": _count(d, "events")}


def queue(a: argparse.Namespace, d: Path, _save) -> dict:
    r = _checked([PY, REPO / "bench" / "bench_queue.py", d / "p.tadqiq", "--launches", a.launches], "bench_queue")
    got = json.loads(r["stdout"][r["stdout"].index("{"):])
    got["rss_mb"] *= 1.048576  # bench_queue reports MiB; the table is in MB of 10^6 bytes
    got["rss_in_process_mb"] *= 1.048576
    return got


def keys(a: argparse.Namespace, d: Path, _save) -> dict:
    r = _checked([PY, REPO / "bench" / "scale_keys.py", d / "p.tadqiq", "--runs", a.runs], "scale_keys")
    return {**_json_line(r["stdout"]), "peak_mb": r["peak_mb"]}


def export(a: argparse.Namespace, d: Path, save) -> dict:
    """The --formats in turn, each saved as soon as measured (a run stopped midway keeps those done;
    formats an earlier run in --dir measured stay in the table)."""
    out: dict = {"articles": _count(d, "articles"), "mentions": _count(d, "events"), "formats": dict(a.measured)}
    for fmt in a.formats.split(","):
        target = d / "export" / fmt / ("brat" if fmt == "brat" else f"out.{fmt}")
        target.parent.mkdir(parents=True, exist_ok=True)
        r = _checked([PY, "-m", "tadqiq", "export", d / "p.tadqiq", "--format", fmt, "--status", "all",
                      "-o", target], f"tadqiq export --format {fmt}")
        size = sum(p.stat().st_size for p in target.parent.rglob("*") if p.is_file())
        out["formats"][fmt] = {"seconds": r["seconds"], "peak_mb": r["peak_mb"], "output_mb": size / 1e6,
                               "load": load_average()}
        shutil.rmtree(target.parent)
        save(out)
    return out


def _count(d: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{d / 'p.tadqiq'}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


RUN = {"corpus": corpus, "import": import_, "extract": extract, "queue": queue, "keys": keys, "export": export}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--size-kb", type=int, default=2)
    ap.add_argument("--dir", type=Path, help="working folder (default: a new one under /tmp)")
    ap.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, of {','.join(STEPS)}")
    ap.add_argument("--launches", type=int, default=3, help="fresh processes timed from launch to the queue")
    ap.add_argument("--runs", type=int, default=60, help="review keys timed")
    ap.add_argument("--extract-minutes", type=float, help="stop the extract after this long (its rate is kept)")
    ap.add_argument("--formats", default=",".join(FORMATS), help="export formats, comma-separated")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the project file")
    ap.add_argument("--write", action="store_true", help="put the table into --doc")
    ap.add_argument("--doc", type=Path, default=REPO / "docs" / "benchmarks.md")
    a = ap.parse_args(argv)
    steps = [s for s in a.steps.split(",") if s]
    if unknown := set(steps) - set(STEPS) or set(a.formats.split(",")) - set(FORMATS):
        ap.error(f"unknown steps or formats: {', '.join(sorted(unknown))}")
    d = a.dir or Path(tempfile.mkdtemp(prefix="tadqiq-scale-"))
    d.mkdir(parents=True, exist_ok=True)
    saved = d / "results.json"
    results = json.loads(saved.read_text()) if saved.exists() else {}
    if results.get("n", a.n) != a.n:
        raise SystemExit(f"{saved} holds a run of {results['n']} articles, not {a.n}: use another --dir")
    results.update(n=a.n, size_kb=a.size_kb, launches=a.launches, runs=a.runs)
    a.measured = {f: v for f, v in results.get("export", {}).get("formats", {}).items()
                  if f not in a.formats.split(",")}
    try:
        for name in (s for s in STEPS if s in steps):
            begun, load = datetime.now(UTC), load_average()
            print(f"{begun:%H:%M:%S} {name} (load {load}) ...", flush=True)

            def save(got: dict, name: str = name, load: str = load, begun: datetime = begun) -> None:
                results[name] = {**got, "load": load, "start": f"{begun:%Y-%m-%d %H:%M}",
                                 "end": f"{datetime.now(UTC):%H:%M}"}
                saved.write_text(json.dumps(results, ensure_ascii=False, indent=1))

            save(RUN[name](a, d, save))
    finally:
        if not a.keep:
            for p in [d / "corpus.jsonl", d / "export", *d.glob("p.*")]:  # p.tadqiq.backups/: the window's
                shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)
    text = section(results)
    print(text)
    if a.write:
        from bench.machine import prepend_run
        prepend_run(a.doc, "scale", text, "Benchmarks at scale (`bench/bench_scale.py`)")


if __name__ == "__main__":
    main()
