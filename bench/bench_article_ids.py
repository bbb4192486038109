#!/usr/bin/env python3
"""Listing every article id of a large project: the OFFSET pages ``tadqiq extract`` and
``evaluate`` used before, against the keyset pages of ``Project.article_ids`` (issue 13).

    .venv/bin/python bench/bench_article_ids.py [--n 200000] [--write]

Builds a throw-away project of N articles (synthetic texts of ``--chars`` characters: the text
sits in the table's rows, so OFFSET, which steps over every row before the page, reads it all;
stored with SQL, no search index: only the ``articles`` table matters here) and times both listings in this process.
``--write`` puts the figures into docs/benchmarks.md (section article-ids).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import machine_line, replace_section  # noqa: E402
from tadqiq.db.connection import now  # noqa: E402
from tadqiq.db.project import Project  # noqa: E402


def build(path: Path, n: int, chars: int) -> None:
    filler = ("قصفت طائرات حربية مواقع في ريف إدلب " * (chars // 36 + 1))[:chars]
    with Project.open(path) as p, p.db.atomic():
        stamp = now()
        p.db.conn.executemany(
            "INSERT INTO articles (ext_id, title, text, sha256, imported_at) VALUES (?, ?, ?, ?, ?)",
            ((f"a{i}", f"t{i}", f"نص {i} {filler}", f"{i:064x}", stamp) for i in range(n)),
        )


def offset_pages(p: Project, page: int = 500) -> int:
    count, offset = 0, 0
    while True:
        rows = p.db.execute("SELECT id FROM articles ORDER BY id LIMIT ? OFFSET ?", [page, offset]).fetchall()
        if not rows:
            return count
        count += len(rows)
        offset += len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--chars", type=int, default=2000, help="characters of each text (real news: 2,000-6,000)")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ids.tadqiq"
        build(path, args.n, args.chars)
        with Project.open(path, create=False, read_only=True) as p:
            t0 = time.perf_counter()
            n_keyset = sum(1 for _ in p.article_ids())
            keyset = time.perf_counter() - t0
            t0 = time.perf_counter()
            n_offset = offset_pages(p)
            offset = time.perf_counter() - t0
    assert n_keyset == n_offset == args.n
    body = (f"{machine_line()}\n\n`python bench/bench_article_ids.py --n {args.n} --chars {args.chars}`: a project of "
            f"{args.n:,} articles of {args.chars:,} characters (SQL inserts, no search index).\n\n"
            f"| listing of {args.n:,} article ids | seconds |\n|---|---|\n"
            f"| OFFSET pages of 500 (before) | {offset:.2f} |\n| keyset pages of 5,000 (`Project.article_ids`) | "
            f"{keyset:.3f} |")
    print(body)
    if args.write:
        replace_section(Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md", "article-ids", body)


if __name__ == "__main__":
    main()
