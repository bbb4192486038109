"""File → New project / Open project / Open Recent / Import, Review → Run extractor, for one window.

Opening another project replaces the window whole: a new MainWindow is built on the new file
(gui/app.py ``open_window``, as at start-up) and only then is this one closed, so a file that
cannot be opened leaves the window as it was, with a message saying why (gui/open_errors.py).
The recent list lives in the typed settings (``project/recent``, newest first); a file that is
gone is dropped from it, with a message, when it is picked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

from tadqiq.db.project import Project
from tadqiq.gui.i18n import tr
from tadqiq.gui.open_errors import SideFiles, describe_open_error, show_open_error
from tadqiq.gui.read_only import show_read_only
from tadqiq.gui.settings import Settings

if TYPE_CHECKING:
    from tadqiq.gui.main_window import MainWindow

__all__ = ["MAX_RECENT", "ProjectMenu", "forget_project", "recent_projects", "remember_project"]

RECENT = "project/recent"
MAX_RECENT = 8
PROJECT_FILTER = "Tadqiq projects (*.tadqiq *.db *.sqlite);;All files (*)"


def recent_projects(settings: Settings) -> list[Path]:
    """The recently opened project files, newest first (a damaged setting reads as none)."""
    try:
        items = json.loads(settings.get(RECENT) or "[]")
    except ValueError:
        return []
    return [Path(p) for p in items if isinstance(p, str) and p] if isinstance(items, list) else []


def _store(settings: Settings, paths: list[Path]) -> None:
    settings.set(RECENT, json.dumps([str(p) for p in paths[:MAX_RECENT]], ensure_ascii=False))


def remember_project(settings: Settings, path: str | Path) -> None:
    path = Path(path).absolute()
    _store(settings, [path, *(p for p in recent_projects(settings) if p != path)])


def forget_project(settings: Settings, path: str | Path) -> None:
    path = Path(path).absolute()
    _store(settings, [p for p in recent_projects(settings) if p != path])


class ProjectMenu(QObject):
    """The project-level entries of one window; ``run(task)`` is what the actions call."""

    opened = Signal(object)  # the MainWindow now showing the other project

    def __init__(self, window: MainWindow, file_menu: QMenu, before: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.message_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.dialog = None  # the import or extract dialog shown last
        self.recent_menu = QMenu(tr("Open &Recent"), file_menu)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.insertMenu(before, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        remember_project(self.settings, window.project.path)
        self.fill_recent()
        window.installEventFilter(self)  # a closing window first stops the work of its dialog
        if window.project.read_only:
            show_read_only(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Before the window closes (and writes its review time), an import or extractor run
        still going is cancelled and waited for, so the window never waits on its lock."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.running_dialog() is not None:
            self.running_dialog().done(QDialog.DialogCode.Rejected)  # cancels, waits for the worker
        return False

    def running_dialog(self) -> QDialog | None:
        dialog = self.dialog
        if dialog is None or not shiboken6.isValid(dialog) or not dialog.running:
            return None
        return dialog

    def run(self, task: str) -> None:
        {"new": self.ask_new, "open": self.ask_open, "import": self.show_import, "extract": self.show_extract}[task]()

    # -- recent --------------------------------------------------------------------------
    def fill_recent(self) -> None:
        self.recent_menu.clear()
        current = Path(str(self.window.project.path)).absolute()
        others = [p for p in recent_projects(self.settings) if p != current]
        for n, path in enumerate(others, 1):
            action = self.recent_menu.addAction(f"&{n} {path.name} — {path.parent}")
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not others:
            self.recent_menu.addAction(tr("(no other project yet)")).setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(tr("Clear the list"))
        clear.triggered.connect(lambda: _store(self.settings, [current]))

    # -- new / open ----------------------------------------------------------------------
    def _file_dialog(self, title: str, save: bool) -> QFileDialog:
        dialog = QFileDialog(self.window, title, str(Path(str(self.window.project.path)).parent), PROJECT_FILTER)
        dialog.setObjectName("projectFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
        if save:
            dialog.setDefaultSuffix("tadqiq")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        return dialog

    def ask_open(self) -> None:
        dialog = self._file_dialog(tr("Open project"), save=False)
        dialog.fileSelected.connect(self.open_path)
        dialog.open()

    def ask_new(self) -> None:
        dialog = self._file_dialog(tr("New project"), save=True)
        dialog.fileSelected.connect(self.create_path)
        dialog.open()

    def _refuse(self, text: str, advice: str = "The file was not changed.") -> None:
        self.message_box = show_open_error(self.window, text, advice=advice)

    def create_path(self, path: str | Path) -> MainWindow | None:
        """An empty project (the default schema) at ``path``, opened in place of this one."""
        path = Path(path).expanduser().absolute()
        if path.exists():
            self._refuse(tr("{0}: already exists; File → Open project… opens it").format(path),
                         "A new project is never written over a file.")
            return None
        try:
            Project.open(path, create=True).close()
        except Exception as exc:  # noqa: BLE001 - every failure is a message: folder missing, read-only...
            self._refuse(describe_open_error(path, exc), "No project was created.")
            return None
        return self.open_path(path)

    def open_path(self, path: str | Path) -> MainWindow | None:
        """Open ``path`` in a new window and close this one; a message (and None) when it cannot be."""
        path = Path(path).expanduser().absolute()
        if not path.exists():
            was_recent = path in recent_projects(self.settings)
            forget_project(self.settings, path)
            self._refuse(f"{path}: no such project file" + (" (removed from Open Recent)" if was_recent else ""),
                         "It was moved, renamed or deleted.")
            return None
        if path == Path(str(self.window.project.path)).absolute():
            self.window.statusBar().showMessage(tr("{0} is the project open in this window").format(path.name), 5000)
            return None
        from tadqiq.gui.app import open_window  # the launcher builds windows (it imports this module's window)

        side = SideFiles(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a locked file waits for its lock
        try:
            new = open_window(path, self.window.reviewer, settings=self.settings)
        except Exception as exc:  # noqa: BLE001 - a file that is not a project, newer, locked, damaged
            side.clean()
            self._refuse(describe_open_error(path, exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its project closes with it
        self.window.close()
        self.opened.emit(new)
        return new

    def reopen(self) -> MainWindow | None:
        """This project again in a new window, on the same article and mention, and this one
        closed: every label is built anew in the language installed now (a language switch needs
        no restart). Decisions are all stored already and the undo stack is read again from the
        history, so nothing is lost; a window that only reads reopens only to read."""
        from tadqiq.app import presence
        from tadqiq.gui.app import open_window

        old = self.window
        path = Path(str(old.project.path))
        article = old.doc.article.id if old.doc.article is not None else None
        selected, geometry = old.doc.selected_id, old.saveGeometry()
        try:
            new = open_window(path, old.reviewer, article=article, settings=self.settings,
                              if_open="read_only" if old.project.read_only else "anyway")
        except Exception as exc:  # noqa: BLE001 - the file went away or was locked meanwhile: keep this one
            self._refuse(describe_open_error(path, exc))
            return None
        new.restoreGeometry(geometry)
        if selected is not None:
            new.doc.select(selected)
        if not new.project.read_only:  # the old window's going removes this process's note: leave it again
            reviewer = old.reviewer
            old.destroyed.connect(lambda *_: presence.leave_note(path, reviewer))
        old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its project closes with it
        old.close()
        self.opened.emit(new)
        return new

    # -- work on this project ------------------------------------------------------------
    def show_import(self) -> None:
        from tadqiq.gui.import_dialog import ImportDialog  # loaded when first used: 0.2 s less start-up

        self._show(ImportDialog(self.window.project, self.window.reviewer, self.window))

    def show_extract(self) -> None:
        article = self.window.doc.article
        from tadqiq.gui.extract_dialog import ExtractDialog  # loaded when first used

        self._show(ExtractDialog(self.window.project, self.window.reviewer, article.id if article else None,
                                 self.window))

    def _show(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the window's theme
        dialog.stored.connect(self.window.reload_project)
        self.dialog = dialog
        dialog.open()  # window-modal: the reviewer's keys do not write while it stores
