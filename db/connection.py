"""Opening a project file: pragmas, corruption checks, migrations with a backup first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from tadqiq.db.locking import ProjectBusy, ProjectDatabase, ProjectError, busy_message, busy_timeout, is_busy
from tadqiq.db.migrations import MIGRATIONS, apply_pending, latest_version

__all__ = ["ProjectBusy", "ProjectError", "backup", "connect", "now", "remove_project_files"]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _pragmas(conn: sqlite3.Connection, timeout: float) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")  # writers wait (db/locking.py)
    # WAL + NORMAL: a committed action survives a killed process; only an OS crash or
    # power cut can lose the last transactions, never corrupt the file.
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


def connect(path: Path, *, create: bool) -> tuple[Database, list[str], Path | None]:
    """Open (or create) the SQLite file; return it, the migrations applied, and any backup."""
    exists = path.exists()
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
    timeout = busy_timeout()
    try:
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


def _open_error(path: Path, exc: sqlite3.DatabaseError, doing: str) -> ProjectError:
    """A busy file says who holds it; anything else says what failed, with SQLite's words."""
    if is_busy(exc):
        return ProjectBusy(busy_message(path))
    return ProjectError(f"{path}: {doing}: {exc}")
