"""A window on a project that lives on a network file system says so, for as long as it is open.

SQLite cannot always lock a file on NFS, SMB/CIFS, sshfs, 9p and the like (db/network_fs.py),
and two programs writing it at once can then damage it. The window cannot make that safe; it
puts a warning in its status bar (a label that stays, its tooltip saying what to do) and says it
once in the status line as the window opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from tadqiq.db.project import Project
from tadqiq.gui.i18n import tr

if TYPE_CHECKING:
    from tadqiq.gui.main_window import MainWindow

__all__ = ["show_network_warning"]


def show_network_warning(window: MainWindow) -> QLabel | None:
    """Mark ``window`` when its project is on a network file system; the label, else None."""
    path = Path(str(window.project.path))
    mount = Project.network_mount(path)
    if mount is None:
        return None
    label = QLabel(tr("⚠ On a network drive"))
    label.setObjectName("networkLabel")
    text = tr("{0} is on a network file system ({1} from {2}). SQLite cannot always lock a file there: two "
              "programs writing it at once (two windows, a window and an import, two computers) can damage it. "
              "Copy the project to a local disk to review, or make sure only one Tadqiq uses it at a time."
              ).format(path.name, mount.fstype, mount.source)
    label.setToolTip(text)
    window.statusBar().addPermanentWidget(label)
    window.statusBar().showMessage(text, 30000)
    return label
