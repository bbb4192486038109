"""Import benchmark: a generated corpus of 10k articles (~60 MB) into a new project.

Measures wall time of the whole `tadqiq import` path (read, decode, mark chrome, hash,
store, index for search), time until the first article is readable, the project file size
against the text size, and one search. Writes a Markdown table to stdout (and with --write
into docs/benchmarks.md between the import markers).

    .venv/bin/python bench/bench_import.py [--n 10000] [--format txt|jsonl] [--write]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_line, replace_section  # noqa: E402
from tadqiq.db.importing import import_paths  # noqa: E402
from tadqiq.db.project import Project  # noqa: E402


def run(n: int, fmt: str) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="tadqiq-bench-"))
    corpus = tmp / ("corpus.jsonl" if fmt == "jsonl" else "corpus")
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), "--n", str(n), "--format", fmt,
                    "--out", str(corpus), "--seed", "1"], check=True, capture_output=True)
    files = [corpus] if fmt == "jsonl" else sorted(corpus.glob("*.txt"))
    text_bytes = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in files)
    db_path = tmp / "p.db"
    t0 = time.perf_counter()
    with Project.open(db_path) as project:
        report = import_paths(project, [corpus])
        t_import = time.perf_counter() - t0
        first = project.article_list(0, 1)[0]
        project.article(first.id)
        t_first = time.perf_counter() - t0
        t1 = time.perf_counter()
        hits = project.search("الهجوم", limit=50)
        t_search = time.perf_counter() - t1
    size = db_path.stat().st_size
    return {
        "articles": report.result.articles_added, "text_mb": text_bytes / 1e6, "import_s": t_import,
        "first_s": t_first, "db_mb": size / 1e6, "ratio": size / text_bytes,
        "search_ms": t_search * 1000, "hits": len(hits), "fmt": fmt,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = ap.parse_args()
    rows = [run(args.n, fmt) for fmt in (["txt", "jsonl"] if args.write else [args.format])]
    lines = [
        machine_line(), "",
        "| input | articles | text MB | import + index s | first article readable s | project MB | project / text | search 'الهجوم' ms (50 hits) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['fmt']} | {r['articles']} | {r['text_mb']:.1f} | {r['import_s']:.2f} | {r['first_s']:.2f} |"
                     f" {r['db_mb']:.1f} | {r['ratio']:.2f}x | {r['search_ms']:.1f} ({r['hits']}) |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        replace_section(REPO / "docs" / "benchmarks.md", "import", table)


if __name__ == "__main__":
    main()
