"""Backups of a project file with SQLite's online backup API, kept to a limit, and restoring one.

``backup_project`` copies a consistent snapshot (what is committed, WAL included) while other
processes may go on reading and writing, into ``NAME.backups/`` beside the project, as
``STEM-YYYYMMDDTHHMMSSmmm.SUFFIX``: a standalone single file (journal mode DELETE) that opens
as a project itself. The oldest beyond ``keep`` are removed. A backup is written under a hidden
``.partial`` name and renamed when complete, so a killed backup never looks like one.

``restore_project`` checks the backup first (a Tadqiq project, every check passing), keeps the
current file as one more backup (or, when it cannot be read as a project, a byte copy named
``-damaged``), then writes the backup into the project through the same API — page by page,
inside the project's write lock, so a process that has the project open sees the old file or
the restored one, never a mix. The mention clock then goes on from where the replaced file's
was (db/versions.py: a version once seen never returns on another content).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from tadqiq.db.connection import ProjectError, read_only_uri
from tadqiq.db.locking import ProjectBusy, busy_message, busy_timeout, is_busy

DEFAULT_KEEP = 5


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")[:-3]


def list_backups(path: Path) -> list[Path]:
    """The backups of ``path``, oldest first (names sort by time)."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.startswith(f"{path.stem}-")
                  and not p.name.startswith("."))


#: Tables whose rows are only ever added by what a backup protects: decisions (history), imports
#: (articles, events), notes and trained models. Their largest ids are a backup's fingerprint.
_GROWING = ("history", "articles", "events", "notes", "models")


def _fingerprint(path: Path) -> tuple:
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return tuple(conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] for table in _GROWING)
    finally:
        conn.close()


def backup_is_current(path: Path) -> Path | None:
    """The newest backup when it holds every decision, article, event, note and model the
    project holds (the same largest ids: each is only ever added), else None. A project opened
    again with nothing decided since needs no second copy (at 200k articles one is 0.9 GB); the
    review time, skips and assignments of such a visit are not what a backup is for."""
    backups = list_backups(path)
    if not backups:
        return None
    try:
        return backups[-1] if _fingerprint(backups[-1]) == _fingerprint(path) else None
    except sqlite3.Error:  # an unreadable backup or an older layout: make a new one
        return None


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one standalone file, no -wal beside it
        bad = [r[0] for r in dest.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        if bad:
            raise ProjectError(f"{target}: the copy does not pass SQLite's check ({bad[0]}); not kept")
    except BaseException:
        dest.close()
        partial.unlink(missing_ok=True)
        raise
    dest.close()
    os.replace(partial, target)


def backup_project(path: Path, *, keep: int = DEFAULT_KEEP) -> tuple[Path, list[Path]]:
    """Copy the project into its backup folder; return the new backup and the old ones removed."""
    if keep < 1:
        raise ProjectError(f"keep {keep}: at least one backup must be kept")
    from tadqiq.db.project import Project  # the opening checks: only a project is backed up

    folder = backup_folder(path)
    with Project.open(path, create=False, read_only=True) as project:
        folder.mkdir(exist_ok=True)
        target = folder / f"{path.stem}-{_stamp()}{path.suffix or '.db'}"
        try:
            _copy_into(project.db.conn, target)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: cannot copy the project file ({exc})") from None
    removed = []
    for old in list_backups(path)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return target, removed


class _StillBusy(Exception):
    pass


def _give_up_after(seconds: float, path: Path):
    """A backup progress callback that ends the copy once the destination has been busy for
    ``seconds`` (sqlite3's backup loop would otherwise retry a locked destination for ever)."""
    started = time.monotonic()

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() - started > seconds:
            raise _StillBusy(str(path))

    return progress


def _mention_clock(path: Path) -> int | None:
    """The project's mention clock as it is now (db/versions.py), None when it cannot be read."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = conn.execute("SELECT version FROM mention_clock").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _clock_past(dest: sqlite3.Connection, clock: int | None) -> None:
    """After a restore the clock goes on from where the replaced file's was, not from the
    backup's: a window that read a mention of the replaced file must never meet its version
    again on another content (a restore puts older versions back)."""
    if clock is None:
        return
    with dest:
        dest.execute("UPDATE mention_clock SET version = max(version, ?) + 1", (clock,))


def restore_project(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the project ``path``; return where the file as it was is kept."""
    from tadqiq.db.project import Project

    with Project.open(backup, create=False, read_only=True) as saved:
        problems = saved.check()
    if problems:
        raise ProjectError(f"{backup}: not restored, the backup itself has {len(problems)} problems "
                           f"(first: {problems[0]}); choose another (`tadqiq backup --list {path}`)")
    try:
        kept, _ = backup_project(path, keep=10_000)  # the current one, kept whatever the limit
    except ProjectError:  # damaged, not a project any more: its bytes, as they are
        backup_folder(path).mkdir(exist_ok=True)
        kept = backup_folder(path) / f"{path.stem}-{_stamp()}-damaged{path.suffix or '.db'}"
        shutil.copy2(path, kept)
    timeout = busy_timeout()
    clock = _mention_clock(path)
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        dest = sqlite3.connect(path, timeout=timeout)
        try:
            source.backup(dest, progress=_give_up_after(timeout, path))
            _clock_past(dest, clock)
        finally:
            dest.close()
    except _StillBusy:
        raise ProjectBusy(busy_message(path, timeout)) from None
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise ProjectBusy(busy_message(path, timeout)) from None
        raise ProjectError(f"{path}: cannot write the backup into it ({exc}); the file as it was is in {kept}") from None
    finally:
        source.close()
    return kept
