"""Two real `tadqiq` processes writing one project: the second waits for the first, and when its
busy timeout runs out it names the operation holding the file, never hinting at damage.

The first process is an import reading a named pipe: it takes the write lock and then blocks
reading its input until the test writes it, so the lock is held exactly as long as the test
wants — no sleeps, no timed assertions.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _tadqiq(*args, env=None, **kw):
    return subprocess.Popen([sys.executable, "-m", "tadqiq", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, **kw)


def _wait_for(path, proc, limit=60.0):
    """Until ``path`` exists (the holder's lock note); fails if the holder ends first."""
    deadline = time.monotonic() + limit
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


@pytest.fixture
def held(tmp_path, house_txt):
    """A project whose write lock is held by a running `tadqiq import` blocked on a named pipe;
    yields (project, holder process, function that feeds the pipe and lets the import finish)."""
    p = tmp_path / "p.db"
    first = subprocess.run([sys.executable, "-m", "tadqiq", "import", p, house_txt], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    pipe = tmp_path / "more.jsonl"
    os.mkfifo(pipe)
    holder = _tadqiq("import", p, pipe)
    _wait_for(p.with_name("p.db.lock-note"), holder)

    def release():
        with open(pipe, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"id": "late-1", "text": "نص وصل متأخرا عن هجوم على القرية."}, ensure_ascii=False))
            fh.write("\n")
        out, err = holder.communicate(timeout=120)
        assert holder.returncode == 0, err
        return out

    yield p, holder, release
    if holder.poll() is None:
        holder.kill()
        holder.communicate()


def test_the_lock_note_names_the_holder(held):
    p, holder, release = held
    note = json.loads(p.with_name("p.db.lock-note").read_text(encoding="utf-8"))
    assert note["operation"] == "tadqiq import"
    assert note["pid"] == holder.pid and note["host"] == socket.gethostname()
    release()
    assert not p.with_name("p.db.lock-note").exists()  # removed before the commit


def test_with_a_tiny_timeout_the_second_writer_names_the_first(held):
    p, holder, release = held
    second = _tadqiq("extract", p, env={"TADQIQ_BUSY_TIMEOUT": "0.2"})
    out, err = second.communicate(timeout=120)
    assert second.returncode == 1
    assert "Traceback" not in err
    assert "the project is busy: `tadqiq import`" in err
    assert f"pid {holder.pid} on {socket.gethostname()}" in err
    assert "try again when it ends" in err
    assert "check" not in err and "damage" not in err
    release()
    # nothing was half-stored by the refused extract; the holder's import is all there
    stats = subprocess.run([sys.executable, "-m", "tadqiq", "stats", p, "--json"], capture_output=True, text=True)
    assert json.loads(stats.stdout)["articles"] == 2
    assert json.loads(stats.stdout)["mentions"] == 0


def test_the_second_writer_waits_and_succeeds(held):
    p, holder, release = held
    second = _tadqiq("extract", p)  # default timeout (30 s): waits for the import
    _wait_for_started(second)
    assert second.poll() is None  # still waiting: the import holds the lock until its input ends
    release()
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    stats = subprocess.run([sys.executable, "-m", "tadqiq", "stats", p, "--json"], capture_output=True, text=True)
    data = json.loads(stats.stdout)
    assert data["articles"] == 2  # the import's late article is stored ...
    assert data["mentions_by_origin"]  # ... and the extract that waited proposed events


def _wait_for_started(proc) -> None:
    # The extract must reach its first write before the lock is released, or the test would
    # pass without any waiting: its proposals are computed first, so watch /proc until the
    # process sleeps in SQLite's busy handler (Linux; elsewhere it simply runs on).
    status = f"/proc/{proc.pid}/wchan"
    deadline = time.monotonic() + 20
    while os.path.exists(status) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            with open(status, encoding="ascii") as fh:
                if fh.read().strip() in ("hrtimer_nanosleep", "do_nanosleep"):
                    return
        except OSError:
            return
        time.sleep(0.05)
