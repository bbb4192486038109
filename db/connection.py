"""Opening a project file: pragmas, corruption checks, migrations with a backup first."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from tadqiq.db.locking import ProjectBusy, ProjectDatabase, ProjectError, busy_message, busy_timeout, is_busy
from tadqiq.db.migrations import MIGRATIONS, apply_pending, latest_version

__all__ = ["ProjectBusy", "ProjectError", "backup", "connect", "now", "read_only_uri", "remove_project_files"]

#: The command that brings an older project file up to date (it is what every writing command
#: does on open); a read-only command names it instead of migrating.
UPGRADE_COMMAND = "tadqiq upgrade"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _pragmas(conn: sqlite3.Connection, timeout: float, *, read_only: bool = False) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")  # writers wait (db/locking.py)
    # WAL + NORMAL: a committed action survives a killed process; only an OS crash or
    # power cut can lose the last transactions, never corrupt the file.
    if read_only:
        conn.execute("PRAGMA query_only = ON")  # a bug that tries to write fails instead
    else:
        conn.execute("PRAGMA synchronous = NORMAL")
    # Up to 64 MiB of page cache (allocated only as used): a 10k-article import keeps the
    # search index's pages in memory instead of re-reading them (about a fifth faster).
    conn.execute("PRAGMA cache_size = -65536")


def remove_project_files(path: Path) -> None:
    """Delete a project file with its WAL and shared-memory files (a new one that failed)."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def backup(db: Database, path: Path, version: int) -> Path:
    """Copy the whole database (consistent snapshot, WAL included) beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def read_only_uri(path: Path, *, folder_writable: bool | None = None) -> str:
    """The ``file:`` URI a reading command opens ``path`` with: ``mode=ro`` (SQLite never writes
    the file, never creates it). In a folder this process cannot write, with no ``-wal`` file
    beside the project, no writer can be at work on it (a writer needs that file), so the file
    is opened ``immutable=1``: SQLite then needs no ``-shm`` file, which it could not create."""
    if folder_writable is None:
        folder_writable = os.access(path.parent, os.W_OK)
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not folder_writable and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


class ReadOnlyDatabase(ProjectDatabase):
    """A project opened by a reading command. SQLite's WAL index (``-shm``) and an empty ``-wal``
    appear beside a WAL file while anything reads it, and a read-only connection cannot remove
    them; when they were not there before, closing removes them the way SQLite does: one
    ordinary connection that reads the header and closes last (an empty WAL: the project file
    itself is not written). Left as they are when another process has the project open."""

    side_files_were_there = True

    def close(self) -> None:
        super().close()
        if self.side_files_were_there:
            return
        with contextlib.suppress(sqlite3.Error, OSError):
            if os.path.getsize(self.path.with_name(self.path.name + "-wal")) == 0:
                conn = sqlite3.connect(self.path, timeout=0)
                try:
                    conn.execute("PRAGMA user_version").fetchone()
                finally:
                    conn.close()


def _check_header(path: Path, *, create: bool, exists: bool) -> None:
    if not exists and not create:
        raise ProjectError(f"{path}: no such project file")
    if exists and path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    if exists and not create and path.stat().st_size == 0:  # reading must not turn it into a project
        raise ProjectError(f"{path}: an empty file, not a Tadqiq project (`tadqiq init {path}` makes one)")
    if exists and path.stat().st_size:
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head != b"SQLite format 3\x00":
            raise ProjectError(f"{path}: not a Tadqiq project (not an SQLite database file)")


def connect(path: Path, *, create: bool, read_only: bool = False) -> tuple[Database, list[str], Path | None]:
    """Open (or create) the SQLite file; return it, the migrations applied, and any backup.

    ``read_only``: open it with a ``mode=ro`` URI (see :func:`read_only_uri`): nothing is
    created, converted or migrated; a file that needs migrating is refused, naming the command
    that migrates it."""
    exists = path.exists()
    _check_header(path, create=create and not read_only, exists=exists)
    timeout = busy_timeout()
    try:
        if read_only:
            side = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
            were_there = (any(p.exists() for p in side) or not os.access(path.parent, os.W_OK)
                          or not os.access(path, os.W_OK))  # then SQLite could not remove them either
            conn = sqlite3.connect(read_only_uri(path), timeout=timeout, uri=True)
            _pragmas(conn, timeout, read_only=True)
            db = ReadOnlyDatabase(conn, path, timeout)
            db.side_files_were_there = were_there
        else:
            conn = sqlite3.connect(path, timeout=timeout)
            _pragmas(conn, timeout)
            db = ProjectDatabase(conn, path, timeout)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = set(db.table_names())
    except sqlite3.DatabaseError as exc:
        raise _open_error(path, exc, "cannot open the project file") from None
    if version > latest_version():
        db.close()
        raise ProjectError(
            f"{path}: made by a newer Tadqiq (file version {version}, this program knows {latest_version()})"
        )
    if exists and tables and "_sqlite_migrations" not in tables:
        db.close()
        raise ProjectError(f"{path}: an SQLite file, but not a Tadqiq project (tables: {', '.join(sorted(tables))})")
    if read_only:
        return _checked_read_only(db, path, tables)
    try:
        db.enable_wal()  # only once the file is known to be ours: somebody else's keeps its journal mode
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _open_error(path, exc, "cannot open the project file") from None
    saved: Path | None = None
    try:
        if MIGRATIONS.pending(db) and version > 0:
            saved = backup(db, path, version)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _open_error(path, exc, "cannot copy the project file before migrating it") from None
    try:
        applied = apply_pending(db)
    except ProjectBusy:
        db.close()
        raise
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _open_error(path, exc, "migration failed, file left as it was") from None
    return db, applied, saved


def _checked_read_only(db: Database, path: Path, tables: set[str]) -> tuple[Database, list[str], Path | None]:
    """A file opened for reading is a complete, current project, or it is refused untouched."""
    if not tables:
        db.close()
        raise ProjectError(f"{path}: an empty SQLite database, not a Tadqiq project (`tadqiq init` makes one)")
    try:
        pending = [m.name for m in MIGRATIONS.pending(db)]
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _open_error(path, exc, "cannot open the project file") from None
    if pending:
        db.close()
        raise ProjectError(
            f"{path}: made by an older Tadqiq; it needs {len(pending)} migration(s) ({', '.join(pending)}) before "
            f"it can be read. This command only reads and changes nothing: run `{UPGRADE_COMMAND} {path}` "
            "(a backup is kept beside it), then try again"
        )
    return db, [], None


def _open_error(path: Path, exc: sqlite3.DatabaseError, doing: str) -> ProjectError:
    """A busy file says who holds it; anything else says what failed, with SQLite's words."""
    if is_busy(exc):
        return ProjectBusy(busy_message(path))
    return ProjectError(f"{path}: {doing}: {exc}")
