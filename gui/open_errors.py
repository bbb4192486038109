"""Why a file cannot be opened as a project, in words, without touching it.

File → Open / Open Recent and the launcher ask here: a file that is not a project, one made by
a newer Tadqiq, a damaged or locked one is answered with a sentence naming the file and the
reason (the ProjectError text), never a traceback, and the file is left as it was (its bytes;
the empty side files an SQLite connection makes beside a WAL file are removed again when the
attempt made them). A read-only file or folder is opened for reading (gui/read_only.py).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from tadqiq.db.project import ProjectError

__all__ = ["SideFiles", "describe_open_error", "read_only_reason", "show_open_error"]

def _marked_read_only(path: Path) -> bool:
    try:
        return not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` (an existing file) cannot be written, or None. A file or folder without any
    write permission bit counts as read-only even for a user who could override it (root): the
    owner marked it so."""
    folder = path.parent
    if _marked_read_only(path) or not os.access(path, os.W_OK):
        return f"{path}: the file is read-only"
    if _marked_read_only(folder) or not os.access(folder, os.W_OK):
        return (f"{path}: the folder {folder} is read-only (SQLite keeps its journal beside the project, "
                "so the folder must be writable too)")
    return None


def describe_open_error(path: Path, exc: BaseException) -> str:
    """The sentence a dialog shows for a failed open (ProjectError texts already name the file)."""
    if isinstance(exc, ProjectError):
        return str(exc)
    if isinstance(exc, sqlite3.DatabaseError):
        return f"{path}: cannot be read as a project (the file may be damaged; `tadqiq check` lists what): {exc}"
    if isinstance(exc, OSError):
        return f"{path}: cannot be opened: {exc.strerror or exc}"
    return f"{path}: cannot be opened: {type(exc).__name__}: {exc}"


class SideFiles:
    """Remembers whether ``-wal`` / ``-shm`` were beside the project before an open was tried;
    :meth:`clean` removes them when that attempt made them and the journal is empty (nothing
    of anybody's is lost: an empty WAL holds no data)."""

    def __init__(self, path: Path) -> None:
        self.wal = path.with_name(path.name + "-wal")
        self.shm = path.with_name(path.name + "-shm")
        self.had = self.wal.exists() or self.shm.exists()

    def clean(self) -> None:
        if self.had:
            return
        with contextlib.suppress(OSError):
            if not self.wal.exists() or self.wal.stat().st_size == 0:
                self.wal.unlink(missing_ok=True)
                self.shm.unlink(missing_ok=True)


def show_open_error(parent: QWidget | None, text: str, *, title: str = "Cannot open the project",
                    advice: str = "The file was not changed.") -> QMessageBox:
    """A window-modal message box (does not block the event loop); returned so callers and tests
    can read it."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("openError")
    box.setInformativeText(advice)
    box.open()
    return box
