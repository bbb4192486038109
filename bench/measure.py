"""Run a command in a child process and measure it: wall time, the largest process's peak RSS
(``wait4``: the child and the descendants it waited for), and the peak of the whole process tree
summed (sampled from /proc every 20 ms). Shared by bench_import_memory.py and bench_scale.py."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its descendants, now."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def _stop_tree(pid: int) -> None:
    """SIGTERM to a process and its descendants (children first found, then the process)."""
    todo, found = [pid], []
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    for p in reversed(found):
        try:
            os.kill(p, signal.SIGTERM)
        except OSError:
            pass


def run_measured(argv: Sequence[str | Path], *, env: dict[str, str] | None = None,
                 cwd: Path | None = None, timeout: float | None = None) -> dict:
    """Run ARGV to its end (or stop it and its workers with SIGTERM after TIMEOUT seconds: then
    stopped is True); return rc, stdout, stderr (text), seconds, peak_mb (largest process)
    and tree_mb (the process tree's sampled peak), in MB of 10^6 bytes."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(a) for a in argv], stdout=out, stderr=err, env=env, cwd=cwd)
        done, peak = threading.Event(), [0]

        stopped = [False]

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(proc.pid))
                if timeout is not None and not stopped[0] and time.perf_counter() - t0 > timeout:
                    stopped[0] = True
                    _stop_tree(proc.pid)
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"rc": proc.returncode, "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace"), "seconds": seconds,
                "peak_mb": usage.ru_maxrss * 1024 / 1e6, "tree_mb": peak[0] / 1e6, "stopped": stopped[0]}
