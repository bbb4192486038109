"""Must show (issue 13): when storing fails at a random point of a parallel import — the file
locked by another process, an article id that clashes with a stored one late in a part, a bad
record late in a part — ``tadqiq import`` ends with its message (bounded by the pytest-timeout
marker, never by a timed assertion), stores nothing, and leaves no worker process behind."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys

import pytest

from tadqiq.db.import_reading import PARALLEL_BYTES, workers_for

LINES = 1800  # ~2.5 KB each: the file is above PARALLEL_BYTES, so it is read by worker processes


def _entry() -> list[str]:
    """The installed ``tadqiq`` command beside this Python (what a user runs), else ``-m``."""
    from pathlib import Path

    entry = Path(sys.executable).with_name("tadqiq")
    return [str(entry)] if entry.exists() else [sys.executable, "-m", "tadqiq.cli.main"]


def _corpus(path, rng: random.Random, bad_line: int | None = None, bad: str = "") -> None:
    out = []
    for n in range(1, LINES + 1):
        text = f"خبر رقم {n}\n\n" + " ".join(rng.choice(["قصفت", "طائرات", "حربية", "مواقع", "في", "ريف", "إدلب"])
                                              for _ in range(260))
        record = {"id": f"a{n}", "text": text}
        if n == bad_line and bad == "clash":
            record["id"] = "clash"  # stored already, with another text: the storing step refuses it
        line = json.dumps(record, ensure_ascii=False)
        if n == bad_line and bad == "json":
            line = line[:-20]  # a record cut short: the worker reading that part refuses it
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    assert path.stat().st_size > PARALLEL_BYTES


def _tadqiq(*args, env=None):
    return subprocess.Popen([*_entry(), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, env={**os.environ, **(env or {})})


def _ends_with_no_process_left(proc) -> tuple[int, str]:
    _out, err = proc.communicate()  # the test's timeout marker bounds this wait
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no process of its session (no reader worker) is left
    return proc.returncode, err


def _articles(project) -> list[str]:
    conn = sqlite3.connect(f"{project.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT ext_id FROM articles")]
    finally:
        conn.close()


@pytest.fixture
def project(tmp_path):
    src = tmp_path / "first.jsonl"
    src.write_text(json.dumps({"id": "clash", "text": "نص مخزن من قبل"}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = tmp_path / "p.db"
    proc = _tadqiq("import", p, src)
    assert proc.wait(timeout=120) == 0
    return p


@pytest.mark.timeout(600)
@pytest.mark.parametrize("bad", ["clash", "json"])
def test_a_failure_late_in_a_parallel_import_ends_with_its_message(tmp_path, project, bad):
    rng = random.Random(f"issue-13-{bad}")
    big = tmp_path / "big.jsonl"
    _corpus(big, rng)
    print(f"reader worker processes for this input: {workers_for([big])} (0 on a one-core machine)")
    for _round in range(2):
        line = rng.randrange(LINES // 2, LINES)  # late, so earlier parts were read and stored
        _corpus(big, rng, line, bad)
        code, err = _ends_with_no_process_left(_tadqiq("import", project, big))
        assert code == 1 and "Traceback" not in err
        if bad == "clash":
            assert f"big.jsonl line {line}: article id 'clash' is already in the project" in err, err
        else:
            assert f"big.jsonl line {line}: invalid JSON" in err, err
        assert _articles(project) == ["clash"]  # all or nothing: none of the lines before it stored


@pytest.mark.timeout(600)
def test_a_project_locked_by_another_process_ends_the_import_with_who_holds_it(tmp_path, project):
    big = tmp_path / "big.jsonl"
    _corpus(big, random.Random(13))
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(project)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\nprint('held', flush=True)\ntime.sleep(600)\n")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code, err = _ends_with_no_process_left(_tadqiq("import", project, big, env={"TADQIQ_BUSY_TIMEOUT": "1"}))
    finally:
        holder.kill()
        holder.wait()
    assert code == 1 and "Traceback" not in err
    assert "the project is busy" in err and "waited 1 s" in err
    assert "tadqiq check" not in err  # busy is not damaged
    assert _articles(project) == ["clash"]
