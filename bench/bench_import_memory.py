"""Peak memory of `tadqiq import` of one .jsonl (or .csv) file, at growing sizes (issue 13 item 9).

Each size is a corpus made by bench/make_corpus.py (~6 KB of Arabic text per article), imported
into a new project by the real command in a child process. Reported per size: the storing
process's peak RSS (getrusage), the largest reading worker's peak RSS, and the peak of the
whole process tree summed (sampled from /proc every 20 ms), beside the file size. Streaming
(core/importing/stream.py) keeps these flat; before it the storing process grew ~9.5 KB per
article (0.20 / 0.58 / 1.03 / 1.93 GB at 10k / 50k / 100k / 200k).

    .venv/bin/python bench/bench_import_memory.py [--sizes 10000,50000,100000] [--format jsonl|csv] [--write]

Keep the 200k size for one run: it generates a 1.2 GB file and imports it for a minute or two.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_line, replace_section  # noqa: E402
from bench.measure import run_measured  # noqa: E402


def _child(db: str, corpus: str) -> None:
    """Run the import here and print this process's and its workers' peak RSS (bytes)."""
    from tadqiq.cli import main
    sys.argv = ["tadqiq", "import", db, corpus]
    try:
        main()
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"main": own, "worker": workers}), file=sys.stderr)


def _to_csv(jsonl: Path, out: Path) -> None:
    with open(jsonl, encoding="utf-8") as src, open(out, "w", encoding="utf-8", newline="") as dst:
        w = csv.writer(dst)
        w.writerow(["id", "title", "published", "text"])
        for line in src:
            obj = json.loads(line)
            w.writerow([obj["id"], obj.get("title", ""), obj.get("published", ""), obj["text"]])


def measure_import(corpus: Path, db: Path) -> dict:
    """`tadqiq import DB CORPUS` in a child process: its seconds, the storing process's and the
    largest reader's peak RSS (main_mb, worker_mb) and the process tree's sampled peak (tree_mb)."""
    r = run_measured([sys.executable, __file__, "--child", db, corpus])
    if r["rc"] != 0:
        raise SystemExit(f"import of {corpus} failed:\n{r['stderr']}")
    got = json.loads(r["stderr"].strip().splitlines()[-1])
    return {"main_mb": got["main"] / 1e6, "worker_mb": got["worker"] / 1e6, "tree_mb": r["tree_mb"],
            "seconds": r["seconds"]}


def run(n: int, fmt: str, tmp: Path) -> dict:
    corpus = tmp / f"c{n}.jsonl"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), "--n", str(n), "--format", "jsonl",
                    "--out", str(corpus), "--seed", "1"], check=True, capture_output=True)
    if fmt == "csv":
        _to_csv(corpus, corpus.with_suffix(".csv"))
        corpus.unlink()
        corpus = corpus.with_suffix(".csv")
    db = tmp / f"p{n}.db"
    got = measure_import(corpus, db)
    row = {"n": n, "fmt": fmt, "file_mb": corpus.stat().st_size / 1e6, **got}
    corpus.unlink()
    for p in tmp.glob(f"p{n}.db*"):
        p.unlink()
    return row


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,50000,100000")
    ap.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md (section import-memory)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tadqiq-mem-"))
    try:
        rows = []
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append(run(n, args.format, tmp))
            r = rows[-1]
            print(f"{r['n']:>7} {r['fmt']}: file {r['file_mb']:.0f} MB, storing process {r['main_mb']:.0f} MB, "
                  f"largest worker {r['worker_mb']:.0f} MB, tree {r['tree_mb']:.0f} MB, {r['seconds']:.1f} s",
                  flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = [machine_line(), "",
             "| input | articles | file MB | storing process peak RSS MB | largest reader peak RSS MB |"
             " process tree peak MB (sampled) | import s |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| one .{r['fmt']} | {r['n']:,} | {r['file_mb']:.0f} | {r['main_mb']:.0f} | {r['worker_mb']:.0f} |"
                     f" {r['tree_mb']:.0f} | {r['seconds']:.1f} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        replace_section(REPO / "docs" / "benchmarks.md", f"import-memory-{args.format}", table)


if __name__ == "__main__":
    main()
