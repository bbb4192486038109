#!/usr/bin/env python3
"""The review queue at scale: launch to first page, next article, scrolling, search (issue 11).

    .venv/bin/python bench/make_corpus.py --n 200000 --size-kb 2 --format jsonl --out /tmp/q/corpus.jsonl
    .venv/bin/tadqiq init /tmp/q/p.tadqiq && .venv/bin/tadqiq import /tmp/q/p.tadqiq /tmp/q/corpus.jsonl
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_queue.py /tmp/q/p.tadqiq [--launches 3] [--write]

The first run adds 1-4 synthetic proposals to every article without events (SQL, through the
queue triggers; after ``tadqiq extract`` only to those it did not reach: bench/bench_scale.py), and
marks the first half of the articles done, so the next open article is 100k rows away from the start. Timed, each in a fresh process where it says so:

* launch: process start (interpreter, imports) → window shown with the queue's first page
  painted; peak RSS of that process;
* scroll: the queue table scrolled to its last row — page queries run, rows held;
* next article, from the first, the middle and the last open article (p95 of 50 each), two
  ways: Ctrl+PgDown pressed in the window and the event loop run until it has painted (what
  the reviewer waits for), and ``next_article_id`` + ``open_article`` with the article view and
  the queue table repainted whole (the pessimistic bound);
* search: a queue filter by a common and a rare word: count + first page (p95 of 20).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHILD = r"""
import os, resource, sys, time
t0 = float(sys.argv[2])
from PySide6.QtCore import QSettings
from tadqiq.db.project import Project
from tadqiq.gui.app import application
from tadqiq.gui.main_window import MainWindow
from tadqiq.gui.settings import Settings
app = application()
project = Project.open(sys.argv[1], create=False)
settings = Settings(QSettings(sys.argv[3], QSettings.Format.IniFormat))
w = MainWindow(project, settings, reviewer="bench")
w.resize(1600, 900); w.show(); w.splitter.setSizes([700, 420, 480])
w.queue_pane.table.viewport().repaint(); app.processEvents()
shown = time.time() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
model, table = w.queue_pane.model, w.queue_pane.table
before = model.pages_read
table.scrollToBottom(); table.viewport().repaint(); app.processEvents()
print(f"{shown:.3f} {rss:.0f} {model.rowCount()} {model.pages_read - before} {len(model._pages)}")
w.close(); project.close()
"""


WORDS = (("الهجوم", "common"), ("تدمر", "rare"))  # searched: a common and a rare word of the corpus
SYNTHETIC = [("Conflict.Attack", 0, 4), ("Life.Die", 5, 9), ("Life.Injure", 10, 14), ("Conflict.Attack", 15, 19)]


def prepare(path: Path) -> None:
    """1-4 synthetic proposals in each article without events (every article of a project never
    extracted; those an extract did not reach or found nothing in keep none of their own), then the
    first half of the articles done; nothing when some article is done already."""
    import sqlite3
    conn = sqlite3.connect(path)
    if conn.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]:
        conn.close()
        return
    stamp = "2026-01-01T00:00:00"
    with conn:
        conn.execute("CREATE TEMP TABLE bare AS SELECT id FROM articles WHERE id NOT IN"
                     " (SELECT DISTINCT article_id FROM events)")
        for k, (kind, start, end) in enumerate(SYNTHETIC):
            conn.execute(
                "INSERT INTO events (article_id, type, trigger_start, trigger_end, trigger_text, status, origin,"
                " confidence, created_at, updated_at) SELECT id, ?, ?, ?, substr(text, ? + 1, ? - ?), 'proposed',"
                " 'extractor:bench', (abs(random()) % 1000) / 1000.0, ?, ? FROM articles"
                " WHERE id % 4 >= ? AND id IN (SELECT id FROM bare)",
                [kind, start, end, start, end, start, stamp, stamp, k],
            )
        half = conn.execute("SELECT max(id) / 2 FROM articles").fetchone()[0]
        conn.execute("UPDATE articles SET status = 'done' WHERE id <= ?", [half])
    conn.close()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]


def next_by_key(app, w, n: int) -> list[float]:
    """Ctrl+PgDown pressed in the article view, timed until the event loop has painted what
    changed (what a reviewer waits for; Qt repaints only the rows whose selection moved)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w.article_view.setFocus()
    app.processEvents()
    times = []
    for _ in range(n):
        before = w.doc.article.id
        t = time.perf_counter()
        QTest.keyClick(w.article_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
        assert w.doc.article.id != before, "the key did not open the next article"
    return times


def in_process(path: Path) -> dict:
    from PySide6.QtCore import QSettings

    from tadqiq.core.queue import QueueFilter, QueueOrder
    from tadqiq.db.project import Project
    from tadqiq.gui.app import application
    from tadqiq.gui.main_window import MainWindow
    from tadqiq.gui.settings import Settings

    app = application()
    project = Project.open(path, create=False)
    settings = Settings(QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat))
    w = MainWindow(project, settings, reviewer="bench")
    w.resize(1600, 900)
    w.show()
    w.splitter.setSizes([700, 420, 480])  # the queue pane on screen, as a reviewer has it
    app.processEvents()
    out: dict = {}
    if w.auto_backup is not None and w.auto_backup.thread is not None:  # steady state: after the opening backup
        t = time.perf_counter()
        w.auto_backup.wait(900)
        out["opening_backup_s"] = round(time.perf_counter() - t, 1)
    f, order = QueueFilter(), QueueOrder()
    first = project.next_open_article(f, order)
    last = project.next_open_article(f, order, backwards=True)
    middle = (first + last) // 2
    for name, start in (("first", first), ("middle", middle), ("last", max(first, last - 60))):
        w.doc.open_article(start)
        times = []
        for _ in range(50):
            t = time.perf_counter()
            nxt = w.doc.next_article_id()  # wraps around at the end of a short queue
            w.doc.open_article(nxt)
            w.article_view.viewport().repaint()
            w.queue_pane.table.viewport().repaint()
            times.append((time.perf_counter() - t) * 1000)
        out[f"next_{name}_p95_ms"] = round(p95(times), 1)
        out[f"key_{name}_p95_ms"] = round(p95(next_by_key(app, w, 50)), 1)
    for word, _kind in WORDS:
        times = []
        for _ in range(20):
            t = time.perf_counter()
            qf = QueueFilter(text=word)
            n = project.queue_count(qf)
            project.queue_page(qf, order, 0, 200)
            times.append((time.perf_counter() - t) * 1000)
        out[f"search_{word}"] = {"hits": n, "p95_ms": round(p95(times), 1)}
    w.close()
    project.close()
    out["rss_in_process_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("project", type=Path)
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    ap.add_argument("--launches", type=int, default=3, help="fresh processes timed from launch (the worst is kept)")
    args = ap.parse_args()
    prepare(args.project)
    ini = args.project.with_suffix(".child.ini")
    runs = []
    for _ in range(args.launches):
        t0 = time.time()
        line = subprocess.run([sys.executable, "-c", CHILD, str(args.project), repr(t0), str(ini)],
                              capture_output=True, text=True, check=True).stdout.split()
        runs.append(line)
    shown = [float(r[0]) for r in runs]
    result = {"launches": len(shown), "launch_to_first_page_s": max(shown), "rss_mb": max(int(r[1]) for r in runs),
              "rows": int(runs[0][2]), "pages_read_scrolling_to_end": int(runs[0][3]),
              "pages_held": int(runs[0][4]), **in_process(args.project)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.write:
        from bench.machine import machine_line, replace_section
        s = result
        body = (f"{machine_line()}\n\n200k generated articles (bench/make_corpus.py, 2 KB each), 1-4 synthetic proposals "
                "each, the first 100k done.\n\n| measure | value | target |\n|---|---|---|\n"
                f"| launch → queue's first page shown (worst of 3, start-up included) | {s['launch_to_first_page_s']:.2f} s | < 2 s |\n"
                f"| peak RSS of that process | {s['rss_mb']} MB | < 300 MB |\n"
                f"| scrolling the queue to its last row | {s['pages_read_scrolling_to_end']} page queries, "
                f"{s['pages_held']} pages held of {s['rows'] // 200 + 1} | not all rows |\n"
                + "".join(f"| next article p95, from the {k} open article: Ctrl+PgDown → painted "
                          f"| {s[f'key_{k}_p95_ms']} ms | < 50 ms |\n" for k in ("first", "middle", "last"))
                + "".join(f"| next article p95, from the {k} open article: open + both panes repainted whole "
                          f"| {s[f'next_{k}_p95_ms']} ms | < 50 ms |\n" for k in ("first", "middle", "last"))
                + (f"| the backup the window makes as it opens (a thread; waited for before the timings above) "
                   f"| {s['opening_backup_s']} s | no target |\n" if "opening_backup_s" in s else "")
                + "".join(f"| search «{w}» as a queue filter ({s[f'search_{w}']['hits']} hits): count + first page p95 "
                          f"| {s[f'search_{w}']['p95_ms']} ms | < 100 ms |\n" for w, _k in WORDS))
        replace_section(REPO / "docs" / "benchmarks.md", "queue", body.rstrip("\n"))


if __name__ == "__main__":
    main()
