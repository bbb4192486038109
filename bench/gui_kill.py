"""The GUI under SIGKILL (issue 13 item 6): a scripted review killed at random moments.

    .venv/bin/python bench/gui_kill.py [--kills 200] [--seed 1] [--write] [--json]

Builds a project of the demo corpus with the rules engine's proposals, then, ``--kills`` times:
starts a real app process offscreen running bench/gui_review_script.py (the window's own actions
at random: accept, reject, edits, undo, redo, moving on), waits for its window to be up, lets it
review for a random 0–1.5 s and SIGKILLs it. After each kill:

- ``tadqiq check`` must pass on the project (exit 0);
- every acknowledged action must be stored: the history rows the app had when it acknowledged
  its last action are all there (count and last id), and each mention an acknowledged action
  changed has the status the window showed after it, unless a later history row (an action
  stored but killed before its acknowledgement was written) changed that mention since.

The next round reviews on in the same project (the window rebuilds its undo stack from the
history, so undo crosses the kills). Prints the totals (and with --write puts them in
docs/benchmarks.md, section gui-kill); exit status 1 if anything was lost or failed the check.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "gui_review_script.py"
TADQIQ = [sys.executable, "-c", "from tadqiq.cli import main; main()"]


def make_project(path: Path) -> int:
    """The demo corpus with the rules engine's proposals; returns how many were proposed."""
    from tadqiq.app.demo import propose
    from tadqiq.core.resources import resource_path
    from tadqiq.db.importing import import_paths
    from tadqiq.db.project import Project

    with Project.open(path) as project:
        import_paths(project, [resource_path("demo")])
        return propose(project)


def _acks(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            break  # never happens with fsync'd whole lines; a torn last line would end the log
    return out


def verify(project: Path, acks: list[dict]) -> tuple[int, list[str]]:
    """(acknowledged actions found stored, what was lost) for one round's acknowledgements.

    An action is found when the history rows the window had at its acknowledgement are all
    stored (their count and last id) and each mention it changed last among the acknowledged
    actions has the status the window showed (or was changed by a later, unacknowledged row)."""
    actions = [a for a in acks if "action" in a]
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        lost: list[str] = []
        bad_actions: set[int] = set()
        latest: dict[int, int] = {}  # mention id -> index of the last action that changed it
        for i, a in enumerate(actions):
            (count,) = conn.execute("SELECT count(*) FROM history WHERE id <= ?", [a["h"]]).fetchone()
            if count != a["n"]:
                bad_actions.add(i)
                lost.append(f"'{a['text']}': {a['n']} history rows up to {a['h']} acknowledged, {count} stored")
            for mention_id, _status in a["m"]:
                latest[mention_id] = i
        for mention_id, i in latest.items():
            a = actions[i]
            status = dict(a["m"])[mention_id]
            if conn.execute("SELECT 1 FROM history WHERE id > ? AND event_id = ?", [a["h"], mention_id]).fetchone():
                continue  # changed since by an action stored but killed before it was acknowledged
            row = conn.execute("SELECT status FROM events WHERE id = ?", [mention_id]).fetchone()
            stored = None if row is None else row[0]
            if stored != status:
                bad_actions.add(i)
                lost.append(f"mention {mention_id} after '{a['text']}': window showed {status}, stored {stored}")
        return len(actions) - len(bad_actions), lost
    finally:
        conn.close()


def run(kills: int, seed: int, work: Path, max_wait: float = 1.5) -> dict:
    project = work / "review.tadqiq"
    proposals = make_project(project)
    rng = random.Random(seed)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    totals = {"kills": 0, "acknowledged": 0, "found": 0, "lost": 0, "check_failures": 0, "proposals": proposals,
              "startup_timeouts": 0, "problems": []}
    for k in range(kills):
        ack = work / f"ack-{k}.jsonl"
        proc = subprocess.Popen([sys.executable, str(SCRIPT), str(project), str(ack), str(seed * 100_003 + k)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while not any("ready" in a for a in _acks(ack)) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace")[-2000:] if proc.stderr else ""
            totals["problems"].append(f"round {k}: the app exited by itself ({proc.returncode}): {err}")
            break
        if not any("ready" in a for a in _acks(ack)):
            totals["startup_timeouts"] += 1
        time.sleep(rng.uniform(0.0, max_wait))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.stderr:
            proc.stderr.close()
        totals["kills"] += 1
        check = subprocess.run([*TADQIQ, "check", str(project)], capture_output=True, text=True)
        if check.returncode != 0:
            totals["check_failures"] += 1
            totals["problems"].append(f"round {k}: tadqiq check: {check.stdout[-500:]}{check.stderr[-500:]}")
        acks = _acks(ack)
        found, lost = verify(project, acks)
        totals["acknowledged"] += sum(1 for a in acks if "action" in a)
        totals["found"] += found
        totals["lost"] += len(lost)
        totals["problems"].extend(f"round {k}: {p}" for p in lost)
        print(f"round {k + 1}/{kills}: {json.dumps({x: v for x, v in totals.items() if x != 'problems'})}",
              file=sys.stderr, flush=True)
    return totals


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-wait", type=float, default=1.5, help="longest review before a kill, seconds")
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md (section gui-kill)")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tadqiq-gui-kill-"))
    t0 = time.perf_counter()
    try:
        totals = run(args.kills, args.seed, work, args.max_wait)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    totals["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(totals))
    else:
        print(json.dumps({k: v for k, v in totals.items() if k != "problems"}))
        for p in totals["problems"][:20]:
            print(p)
    if args.write:
        sys.path.insert(0, str(REPO))
        from bench.machine import machine_line, replace_section
        table = "\n".join([
            machine_line(), "",
            "| kills | acknowledged actions | found stored | lost | `tadqiq check` failures | run s |",
            "|---|---|---|---|---|---|",
            f"| {totals['kills']} | {totals['acknowledged']} | {totals['found']} | {totals['lost']} |"
            f" {totals['check_failures']} | {totals['seconds']} |",
        ])
        replace_section(REPO / "docs" / "benchmarks.md", "gui-kill", table)
    bad = totals["lost"] or totals["check_failures"] or totals["problems"] or totals["kills"] < args.kills
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
