"""bench/bench_scale.py, the one command of the benchmarks at scale (issue 13 item 10), end to end on
200 articles: every step runs and the table it writes into the doc has a number for each, the doc's
earlier runs and other sections kept. Nothing here asserts a speed: speed is measured in bench/."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import prepend_run  # noqa: E402
from bench.scale_table import rows, section  # noqa: E402
from tadqiq.core.formats.export import FORMATS  # noqa: E402

EARLIER = "### 10 articles, an earlier run\n\n| step | measured |\n|---|---|\n| import | 1.0 s |"
DOC = (f"# Benchmarks\n\n## import\n\nkeep this section\n\n## Benchmarks at scale\n\n<!-- scale:start -->\n"
       f"{EARLIER}\n<!-- scale:end -->\n\n## fuzz\n\nand this one\n")
STEPS = ["corpus", "import", "extract", "open project",
         *(f"next article {how}.* {where}" for where in ("first", "middle", "last")
           for how in (r"p95, Ctrl\+PgDown", r"\(load \+ both panes")),
         "search, a common word", "search, a rare word", "key → commit",
         *(f"export {fmt} " for fmt in FORMATS)]
NUMBER = re.compile(r"\d")


def _table(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| step")]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


@pytest.mark.slow
def test_one_command_measures_every_step_and_writes_the_table(tmp_path: Path) -> None:
    doc, work = tmp_path / "benchmarks.md", tmp_path / "run"
    doc.write_text(DOC, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench_scale.py"), "--n", "200", "--launches", "1", "--runs", "8",
         "--dir", str(work), "--write", "--doc", str(doc)],
        capture_output=True, text=True, timeout=280, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    text = doc.read_text(encoding="utf-8")
    assert "keep this section" in text and "and this one" in text
    new, earlier = text.split("<!-- scale:start -->")[1].split("<!-- scale:end -->")[0].split("Earlier runs:")
    assert EARLIER in earlier
    assert new.strip().startswith("### 200 articles, ") and "Measured " in new and " cores" in new
    table = _table(new)
    assert len(table) == len(STEPS)
    for pattern, row in zip(STEPS, table, strict=True):
        step, measured, target, rss, load = row
        assert re.match(pattern, step), (pattern, step)
        assert NUMBER.search(measured) and "not run" not in measured, row
        assert NUMBER.search(rss) and NUMBER.search(load) and target, row
    results = json.loads((work / "results.json").read_text(encoding="utf-8"))
    assert results["import"]["articles"] == 200 and results["extract"]["mentions"] > 0
    assert results["keys"]["runs"] == 8 and set(results["export"]["formats"]) == set(FORMATS)
    assert all(f["output_mb"] > 0 for f in results["export"]["formats"].values())
    assert not (work / "corpus.jsonl").exists() and not list(work.glob("p.*"))  # big files deleted


def test_a_step_not_run_is_said_so_and_a_missed_target_is_marked() -> None:
    r = {"n": 5, "size_kb": 2, "launches": 1, "runs": 4,
         "keys": {"runs": 4, "committed_p50_ms": 10.0, "committed_p95_ms": 25.0, "painted_p95_ms": 40.0,
                  "peak_mb": 310.0, "load": "1.0 / 1.0 / 1.0", "start": "2026-12-03 18:00", "end": "18:01"}}
    table = {row[0].split(" (")[0].split(":")[0]: row for row in rows(r)}
    assert table["import"][1] == "not run" and table["export"][1] == "not run"
    key = table["key → commit"]
    assert "25.0 ms** ✗" in key[1] and "310 (< 300 ✗)" in key[3]
    assert "2026-12-03 18:00–18:01 UTC" in section(r)


def test_each_run_goes_on_top_and_earlier_runs_stay(tmp_path: Path) -> None:
    doc = tmp_path / "b.md"
    for k in range(3):
        prepend_run(doc, "scale", f"run {k}", "Benchmarks at scale")
    text = doc.read_text(encoding="utf-8")
    assert text.count("## Benchmarks at scale") == 1 and text.count("Earlier runs:") == 1
    assert text.index("run 2") < text.index("Earlier runs:") < text.index("run 1") < text.index("run 0")
