"""AutoBackup: rolling backups of the open project while a reviewer works (issue 13 item 7).

One backup when the window opens (none when the newest holds every decision already) and then one every ``backup/minutes`` minutes (settings; 0
turns them off) in which a decision was stored, kept to ``backup/keep`` files in
``PROJECT.backups/`` (db/backups.py: SQLite's online backup API, read through its own
read-only connection, so reviewing goes on meanwhile). The copy runs in a Python thread; the
window hears how it went through ``done`` (the status bar shows it). A read-only project gets
none: reading writes nothing, beside the file either. `tadqiq restore` puts a backup back.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from tadqiq.db.backups import backup_is_current
from tadqiq.db.project import Project, ProjectError
from tadqiq.gui.i18n import tr


class AutoBackup(QObject):
    done = Signal(str, bool)  # (what happened, in words; it worked)

    def __init__(self, project_path: Path, minutes: int, keep: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.keep = Path(project_path), max(1, keep)
        self.changed = False  # a decision stored since the last backup
        self.thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    @property
    def enabled(self) -> bool:
        return self.timer.isActive()

    def note_change(self, *_: object) -> None:
        self.changed = True

    def tick(self) -> None:
        """The timer's minute has come: a backup if something was decided since the last one."""
        if self.changed:
            self.start()

    def start(self) -> bool:
        """One backup in the background; False when one is still running."""
        if self.thread is not None and self.thread.is_alive():
            return False
        self.changed = False
        self.thread = threading.Thread(target=self._run, name="tadqiq-backup", daemon=True)
        self.thread.start()
        return True

    def start_on_open(self) -> bool:
        """The backup of a window's opening, unless the newest backup already holds everything
        decided (db/backups.py: then the status bar names it); False when none started."""
        current = backup_is_current(self.path)
        if current is None:
            return self.start()
        self._say(tr("Backup up to date: {0}").format(current.name), True)
        return False

    def wait(self, seconds: float = 60.0) -> None:
        if self.thread is not None:
            self.thread.join(seconds)

    def _run(self) -> None:
        try:
            target, removed = Project.backup(self.path, keep=self.keep)
        except (ProjectError, OSError) as exc:
            self._say(tr("Backup failed: {0}").format(exc), False)
            return
        gone = tr("; {0} older removed").format(len(removed)) if removed else ""
        self._say(tr("Backup written: {0}{1}").format(target.name, gone), True)

    def _say(self, text: str, ok: bool) -> None:
        try:
            self.done.emit(text, ok)
        except RuntimeError:  # the window closed while the copy ran: the backup is written all the same
            pass
