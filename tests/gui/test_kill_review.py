"""The review window SIGKILLed at random moments loses no acknowledged action and leaves a
project that passes `tadqiq check` (bench/gui_kill.py, here with 10 kills; 200 in the bench)."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).resolve().parents[2] / "bench" / "gui_kill.py"

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def _driver():
    spec = importlib.util.spec_from_file_location("gui_kill", DRIVER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ten_kills_lose_no_acknowledged_action():
    done = subprocess.run([sys.executable, str(DRIVER), "--kills", "10", "--seed", "7", "--max-wait", "1.0", "--json"],
                          capture_output=True, text=True, timeout=280)
    totals = json.loads(done.stdout.strip().splitlines()[-1])
    assert totals["problems"] == [] and done.returncode == 0
    assert totals["kills"] == 10 and totals["check_failures"] == 0 and totals["lost"] == 0
    assert totals["acknowledged"] > 0 and totals["found"] == totals["acknowledged"]


def test_the_check_finds_an_acknowledged_action_that_is_not_stored(tmp_path):
    """What the kill test relies on can fail: a status the window showed but the file lacks."""
    gui_kill = _driver()
    project = tmp_path / "p.tadqiq"
    gui_kill.make_project(project)
    conn = sqlite3.connect(project)
    event_id, status = conn.execute("SELECT id, status FROM events ORDER BY id LIMIT 1").fetchone()
    last, count = conn.execute("SELECT coalesce(max(id), 0), count(*) FROM history").fetchone()
    conn.close()
    ok = {"action": "redo", "text": "accept x", "h": last, "n": count, "m": [[event_id, status]]}
    assert gui_kill.verify(project, [ok]) == (1, [])
    wrong = {**ok, "m": [[event_id, "confirmed" if status != "confirmed" else "rejected"]]}
    found, lost = gui_kill.verify(project, [wrong])
    assert found == 0 and f"mention {event_id}" in lost[0]
    missing = {**ok, "h": last + 5, "n": count + 1}
    assert gui_kill.verify(project, [missing])[0] == 0
