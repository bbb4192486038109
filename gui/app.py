"""Start the workstation: one QApplication, the bundled fonts, the window on a project."""

from __future__ import annotations

import gc
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tadqiq.app import presence
from tadqiq.core.resources import resource_path
from tadqiq.db.project import Project, ProjectError, note_operation
from tadqiq.extract.gazetteer import load_gazetteer
from tadqiq.gui.fonts import FontError, load_fonts
from tadqiq.gui.i18n import tr
from tadqiq.gui.main_window import MainWindow
from tadqiq.gui.open_errors import describe_open_error, read_only_reason
from tadqiq.gui.settings import Settings


def app_icon() -> QIcon:
    """The window icon, an SVG: sharp at every size and device pixel ratio."""
    return QIcon(str(resource_path("icons", "tadqiq.svg")))


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication (created once), Fusion style so every platform looks the same."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("Tadqiq")
        app.setOrganizationName("Tadqiq")
        app.setStyle("Fusion")
        app.setWindowIcon(app_icon())
    load_fonts()
    return app  # type: ignore[return-value]


def settle_after_startup() -> None:
    """Move everything start-up loaded (Qt wrappers, fonts, lexicons, the gazetteer) out of the
    garbage collector's way: ``gc.freeze`` puts it in a permanent generation that later full
    collections skip. Without it a full collection during a key press or an article opening
    walks all of it, which is what made the slowest 5 % of article openings twice the median
    (docs/benchmarks-gui.md)."""
    gc.collect()
    gc.freeze()


class AlreadyOpen(ProjectError):
    """Another window has the project open and the reviewer chose not to open it twice."""


#: What ``open_window`` does when another live window has the project open.
IF_OPEN = ("ask", "refuse", "anyway", "read_only")


def _second_window(project_path: Path, if_open: str) -> bool:
    """When another live window has the project open: ``ask`` the reviewer (open read-only, open
    anyway, or not at all), ``refuse``, open ``anyway`` or ``read_only``. True: open read-only."""
    if if_open not in IF_OPEN:
        raise ValueError(f"if_open={if_open!r}: one of {', '.join(IF_OPEN)}")
    note = presence.other_window(project_path)
    if note is None or if_open == "anyway":
        return False
    if if_open == "read_only":
        return True
    text = tr("{0} is open in another Tadqiq window: {1}.\n\nBoth windows can write: what the other window "
              "decides shows here within seconds, and a decision or undo here over a mention the other window "
              "changed is refused, never written over it. Open it read-only to look without changing anything, "
              "or close the other window first.").format(project_path, presence.describe(note))
    if if_open == "ask":
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Tadqiq: project open elsewhere"), text)
        reading = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        reading.setObjectName("openReadOnly")
        anyway = box.addButton(tr("Open anyway"), QMessageBox.ButtonRole.AcceptRole)
        anyway.setObjectName("openAnyway")
        box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole).setObjectName("cancelOpen")
        box.setDefaultButton(reading)  # Enter: the choice that cannot clash with the other window
        box.exec()
        if box.clickedButton() is anyway:
            return False
        if box.clickedButton() is reading:
            return True
    raise AlreadyOpen(f"{project_path}: open in another Tadqiq window ({presence.describe(note)}); not opened twice")


def open_window(project_path: str | Path, reviewer: str | None = None, *, article: int | str | None = None,
                settings: Settings | None = None, if_open: str = "ask") -> MainWindow:
    """Open ``project_path`` (must exist) in a shown MainWindow; the window owns the project.

    ``if_open``: what to do when another live window has the project open (app/presence.py):
    ``ask`` the reviewer, ``refuse`` (AlreadyOpen), open ``anyway`` or ``read_only``."""
    application()
    beside_another = _second_window(Path(project_path), if_open)
    note_operation(f"the review window{f' of {reviewer}' if reviewer else ''}")  # named to a waiting writer
    # a file this user cannot write is opened for reading (gui/read_only.py), never converted or migrated;
    # so is one the reviewer chose to open read-only beside another window
    read_only = beside_another or (Path(project_path).is_file() and read_only_reason(Path(project_path)) is not None)
    project = Project.open(project_path, create=False, read_only=read_only)
    try:
        window = MainWindow(project, settings or Settings(QSettings("Tadqiq", "Tadqiq")), reviewer=reviewer,
                            article=article)
    except BaseException:  # a file that opened but cannot be read (damaged): nothing left open
        project.close()
        raise
    window.destroyed.connect(project.close)
    # a window that only reads leaves no note: reading writes nothing beside the file either
    if not read_only and presence.leave_note(project.path, reviewer) is not None:
        path = project.path
        window.destroyed.connect(lambda *_: presence.remove_note(path))
        QApplication.instance().aboutToQuit.connect(lambda: presence.remove_note(path))
    window.show()
    # once the first page is painted: the gazetteer (0.4 s; else the first place value waits for
    # it), then the garbage collector's permanent generation
    QTimer.singleShot(0, _after_first_paint)
    return window


def _after_first_paint() -> None:
    load_gazetteer()
    settle_after_startup()


def run(project_path: str | Path, reviewer: str | None = None, *, article: int | str | None = None,
        settings_file: str | Path | None = None) -> int:
    """Run the GUI until the window closes; returns the exit code."""
    app = application()
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)) if settings_file else None
    try:
        window = open_window(project_path, reviewer, article=article, settings=settings)
    except AlreadyOpen:
        return 2  # the reviewer chose it; nothing more to say
    except (ProjectError, FontError, FileNotFoundError, sqlite3.DatabaseError) as exc:
        QMessageBox.critical(None, "Tadqiq", describe_open_error(Path(project_path), exc))
        return 2
    code = app.exec()
    for widget in [window, *QApplication.topLevelWidgets()]:  # File → Open may have replaced the first
        if isinstance(widget, MainWindow):
            widget.project.close()
    return code
