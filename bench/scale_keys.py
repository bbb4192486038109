"""Review keys in the real window on a large project, for bench/bench_scale.py: the window opens
PROJECT (as `tadqiq review` does), goes to the first open article of its queue and takes RUNS
keys through bench_gui.press_keys (A / X / M / 2, each checked to have stored its history row).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scale_keys.py PROJECT [--runs 60]

Prints one JSON line: p95 (and p50) of key → committed and of key → committed + repainted, in ms,
and the process's peak RSS in MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402

from bench.bench_gui import pct, press_keys  # noqa: E402
from tadqiq.db.project import Project  # noqa: E402
from tadqiq.gui.app import application, settle_after_startup  # noqa: E402
from tadqiq.gui.main_window import MainWindow  # noqa: E402
from tadqiq.gui.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("project", type=Path)
    ap.add_argument("--runs", type=int, default=60)
    args = ap.parse_args()
    app = application()
    project = Project.open(args.project, create=False)
    settings = Settings(QSettings(str(args.project.with_suffix(".keys.ini")), QSettings.Format.IniFormat))
    window = MainWindow(project, settings, reviewer="bench")
    window.resize(1600, 900)
    window.show()
    window.activateWindow()
    app.processEvents()
    settle_after_startup()
    window.doc.open_article(window.doc.next_article_id())
    committed, painted = press_keys(window, project, args.runs)
    window.close()
    project.close()
    print(json.dumps({"runs": len(committed), "committed_p50_ms": statistics.median(committed),
                      "committed_p95_ms": pct(committed, 0.95), "painted_p95_ms": pct(painted, 0.95),
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
