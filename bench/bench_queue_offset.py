"""What OFFSET costs the queue's positional paging (db/queue.py), at 200k articles (issue 13 item 9).

The queue model asks for rows by position (a scroll bar jump), so its pages skip rows with
OFFSET over the narrow `articles_queue_order` index rather than by keyset. This measures a
page of 100 at the start, the middle and the end of a 200k-article project (tiny texts: the
index, not the texts, is what OFFSET walks), for the default queue and for the open-only one.

    .venv/bin/python bench/bench_queue_offset.py [--n 200000] [--write]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_line, replace_section  # noqa: E402
from tadqiq.core.importing.item import ImportItem  # noqa: E402
from tadqiq.core.model import Article  # noqa: E402
from tadqiq.core.queue import QueueFilter, QueueOrder  # noqa: E402
from tadqiq.db.project import Project  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp(prefix="tadqiq-qoff-")) / "p.tadqiq"
    with Project.open(path) as p:
        p.import_items(ImportItem(Article(ext_id=f"a{k}", text=f"خبر قصير رقم {k}", title=f"t{k}"), shadow="")
                       for k in range(args.n))
        p.db.execute("UPDATE articles SET status = 'done' WHERE id % 2 = 0")
        rows = []
        for name, f in (("all articles", QueueFilter()), ("articles to review", QueueFilter(statuses=frozenset({"todo"})))):
            count = p.queue_count(f)
            for where, offset in (("first page", 0), ("middle", count // 2), ("last page", max(0, count - 100))):
                times = []
                for _ in range(7):
                    t0 = time.perf_counter()
                    got = p.queue_page(f, QueueOrder(), offset, 100)
                    times.append(time.perf_counter() - t0)
                assert got
                rows.append((name, count, where, offset, statistics.median(times) * 1000))
    table = "\n".join([machine_line(), "", f"{args.n:,} articles (tiny texts), half of them done; a page = 100 rows.", "",
                       "| queue | rows | page | OFFSET | median ms (7 runs) |", "|---|---|---|---|---|",
                       *(f"| {a} | {b:,} | {c} | {d:,} | {e:.1f} |" for a, b, c, d, e in rows)])
    print(table)
    if args.write:
        replace_section(REPO / "docs" / "benchmarks.md", "queue-offset", table)
    for f in path.parent.glob("p.tadqiq*"):
        f.unlink()


if __name__ == "__main__":
    main()
