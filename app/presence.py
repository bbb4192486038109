"""Who has a project open in a review window: a presence note beside the project file.

Two windows writing one project each notice the other's changes only when they come to them
(gui/outside_changes.py: within seconds, and a write over a changed mention is refused), so a
window leaves ``<project>.window-note`` (reviewer, pid, host, since when) for as long as it is
open; another window about to open the project reads it and lets the reviewer choose: open it
read-only, open it anyway, or not (gui/app.py). A note whose process is gone (same host, no such pid)
is stale and replaced; a note from another host cannot be checked and is believed, which is
also how a project on a shared folder used from two machines is caught.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path


def note_path(project: Path) -> Path:
    return project.with_name(project.name + ".window-note")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # no permission: somebody's process is there
        return True
    return True


def other_window(project: Path) -> dict | None:
    """The note of another live window on ``project``, or None."""
    try:
        note = json.loads(note_path(Path(project)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict) or not isinstance(note.get("pid"), int):
        return None
    here = socket.gethostname()
    if note.get("host") == here and (note["pid"] == os.getpid() or not _alive(note["pid"])):
        return None
    return note


def describe(note: dict) -> str:
    who = f"reviewer {note['reviewer']}" if note.get("reviewer") else "a reviewer"
    host = note.get("host") or "?"
    where = "" if host == socket.gethostname() else f" on computer {host}"
    return f"{who} (process {note['pid']}{where}, since {note.get('since', '?')})"


def leave_note(project: Path, reviewer: str | None) -> Path | None:
    """Say this process has ``project`` open in a window; the note's path, None if it could not
    be written (a read-only folder: advice only, never a reason not to open)."""
    target = note_path(Path(project))
    note = {"reviewer": reviewer, "pid": os.getpid(), "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        tmp.write_text(json.dumps(note), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return None
    return target


def remove_note(project: Path) -> None:
    """Remove this process's note (never another window's)."""
    target = note_path(Path(project))
    try:
        note = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(note, dict) and note.get("pid") == os.getpid() and note.get("host") == socket.gethostname():
        with contextlib.suppress(OSError):
            target.unlink()
