"""A longer run of the fuzz tests (issue 13 item 8): the article readers, other tools' formats
and the project opener, with many more hypothesis examples than the test suite runs.

    .venv/bin/python bench/fuzz.py [--examples 2000] [--write]

Any exception other than the expected refusal fails the run (exit 1) with hypothesis's smallest
failing example. Prints examples per target and, for the tool formats, how many were imported
and how many refused; --write puts the table in docs/benchmarks.md (section fuzz).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _load(rel: str):
    spec = importlib.util.spec_from_file_location(Path(rel).stem, REPO / rel)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Folders:
    """tmp_path_factory for the opener test, outside pytest."""

    def __init__(self, root: Path) -> None:
        self.root, self.n = root, 0

    def mktemp(self, name: str) -> Path:
        self.n += 1
        path = self.root / f"{name}{self.n}"
        path.mkdir()
        return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=2000)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    os.environ["TADQIQ_FUZZ_SCALE"] = str(args.examples / 300)  # the suite runs 300 of the first target
    readers = _load("tests/core/test_reader_fuzz.py")
    tools = _load("tests/db/test_tool_format_fuzz.py")
    opener = _load("tests/db/test_open_fuzz.py")
    work = Path(tempfile.mkdtemp(prefix="tadqiq-fuzz-"))
    rows, failed = [], False
    try:
        project_dir = work / "tools"
        project_dir.mkdir()
        with tools.Project.open(project_dir / "p.tadqiq") as p:
            tools.import_paths(p, [tools.PRE / "kafr-2026-01.txt"])
        good = opener.make_good_project(work)
        targets = [
            ("any bytes as .jsonl/.txt/.csv", readers.test_any_bytes_are_read_or_refused_with_a_message),
            ("any JSON record", readers.test_any_json_record_is_read_or_refused_with_its_line),
            ("other tools' .jsonl/.json", lambda: tools.test_a_hostile_tool_file_is_imported_or_refused_with_a_message(
                project_dir=project_dir)),
            ("brat folders", lambda: tools.test_a_hostile_brat_folder_is_imported_or_refused_with_a_message(
                project_dir=project_dir)),
            ("damaged project files", lambda: opener.test_a_damaged_project_file_opens_or_is_refused_with_a_message(
                tmp_path_factory=_Folders(work), good_project=good)),
        ]
        for name, target in targets:
            t0 = time.perf_counter()
            try:
                target()
                outcome = "0 unexpected exceptions"
            except Exception:  # the falsifying example, printed
                traceback.print_exc()
                outcome, failed = "FAILED", True
            rows.append((name, outcome, time.perf_counter() - t0))
            print(f"{name}: {outcome} ({rows[-1][2]:.0f} s)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    counts = ", ".join(f"{fmt} {what} {n}" for (fmt, what), n in sorted(tools.OUTCOMES.items()))
    from bench.machine import machine_line, replace_section
    table = "\n".join([machine_line(), "", f"Examples: the suite's numbers times {args.examples / 300:g} (the suite runs 300 / 200 for "
                       "the readers, 150 tool files, 80 brat folders, 60 project files).", "",
                       "| target | result | s |", "|---|---|---|",
                       *(f"| {n} | {o} | {s:.0f} |" for n, o, s in rows), "",
                       f"Tool formats, imported / refused: {counts}."])
    print(table)
    if args.write:
        replace_section(REPO / "docs" / "benchmarks.md", "fuzz", table)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
