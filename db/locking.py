"""Write transactions that wait for the file, and say who holds it when they cannot.

Every write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at once, so
SQLite's busy timeout applies (a plain ``BEGIN`` reads first and fails at once, whatever the
timeout, when it later tries to write after another process has). The timeout is
:data:`DEFAULT_BUSY_TIMEOUT` seconds unless ``TADQIQ_BUSY_TIMEOUT`` says otherwise.

While it holds the lock, a transaction keeps a *lock note* beside the project
(``<project>.lock-note``: operation, pid, host, since when), removed before it commits. A
writer whose timeout runs out reads the note and names the operation it waited for. Why a
side file and not a table: a row written inside the holder's transaction is invisible to the
others until it commits (the moment it stops mattering), and a row written in a transaction of
its own would need the very lock it describes. See docs/concurrency.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import sys
from collections.abc import Callable, Generator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_ENV = "TADQIQ_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 30.0
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes' low byte)


class ProjectError(Exception):
    """A project file that cannot be opened or written, with the path and the reason."""


class ProjectBusy(ProjectError):
    """Another process held the project's write lock for longer than the busy timeout."""


def busy_timeout() -> float:
    """Seconds a writer waits for the lock: ``TADQIQ_BUSY_TIMEOUT`` or 30."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < 1e6:
        raise ProjectError(f"{BUSY_TIMEOUT_ENV}={raw!r}: not a number of seconds (e.g. 30 or 0.5)")
    return value


_operation = {"operation": Path(sys.argv[0]).name or "tadqiq", "since": datetime.now(UTC).isoformat(timespec="seconds")}


def note_operation(name: str) -> None:
    """Name what this process is doing (``tadqiq import``, ``the review window of amal``) for
    the lock notes of its write transactions; the operation's start time is now."""
    _operation.update(operation=name, since=datetime.now(UTC).isoformat(timespec="seconds"))


def note_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock-note")


def _write_note(path: Path) -> bool:
    note = {**_operation, "pid": os.getpid(), "host": socket.gethostname()}
    target = note_path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        tmp.write_text(json.dumps(note), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:  # the note is advice; a folder that refuses it must not stop the write
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True


def _clear_note(path: Path) -> None:
    # Called while the lock is still held: no other process can have written a note since ours.
    with contextlib.suppress(OSError):
        note_path(path).unlink()


def read_note(path: Path) -> dict | None:
    try:
        note = json.loads(note_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return note if isinstance(note, dict) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _clock(iso: str) -> str:
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except (TypeError, ValueError):
        return str(iso)
    today = datetime.now().astimezone().date()
    return when.strftime("%H:%M:%S") if when.date() == today else when.strftime("%Y-%m-%d %H:%M:%S")


def busy_message(path: Path, waited: float | None = None) -> str:
    """Why a write could not start: who holds the file (from its lock note) — never a hint of
    damage, because a busy file is not a damaged one."""
    waited_text = f" (waited {waited:g} s; {BUSY_TIMEOUT_ENV} sets how long)" if waited is not None else ""
    note = read_note(path)
    if note and isinstance(note.get("pid"), int):
        who = f"`{note.get('operation')}` (pid {note['pid']} on {note.get('host')}, since {_clock(note.get('since'))})"
        if note.get("host") == socket.gethostname() and not _alive(note["pid"]):
            return (f"{path}: the project is busy: another program holds its write lock{waited_text}; the last "
                    f"Tadqiq writer noted, {who}, has ended; try again when the other program ends")
        return f"{path}: the project is busy: {who} holds it{waited_text}; try again when it ends"
    return (f"{path}: the project is busy: another process holds its write lock (no Tadqiq operation noted)"
            f"{waited_text}; try again when it ends")


def is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return "locked" in str(exc) or "busy" in str(exc)


class ProjectDatabase(Database):
    """sqlite-utils' Database whose outermost ``atomic()`` begins IMMEDIATE and keeps a lock note."""

    def __init__(self, conn: sqlite3.Connection, path: Path, timeout: float) -> None:
        super().__init__(conn)
        self.path, self.timeout = path, timeout
        self._before_commit: dict[str, Callable[[], None]] | None = None  # a dict inside atomic()
        # sqlite3's implicit transactions (before an INSERT outside atomic) take the lock at once too
        conn.isolation_level = "IMMEDIATE"

    def begin_write(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise ProjectBusy(busy_message(self.path, self.timeout)) from None
            raise

    def before_commit(self, key: str, step: Callable[[], None]) -> None:
        """Run ``step`` once, as the last write of the open ``atomic()`` transaction (under
        ``key``: registering it again changes nothing). Outside ``atomic()`` there is no commit
        to run it before, so that is refused rather than silently skipped."""
        if self._before_commit is None:
            raise RuntimeError("before_commit outside a write transaction (db.atomic())")
        self._before_commit.setdefault(key, step)

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint inside the open transaction
                yield self
            return
        self.begin_write()
        self._before_commit = {}
        noted = _write_note(self.path)
        try:
            yield self
            for step in self._before_commit.values():
                step()
        except BaseException:
            self._before_commit = None
            if noted:
                _clear_note(self.path)
            self.rollback()
            raise
        self._before_commit = None
        if noted:
            _clear_note(self.path)
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
