"""A project this user cannot write (a read-only file or folder), opened for reading.

Tadqiq writes each decision as it is made, so a window on such a file says so (title and status
bar) and turns off everything that would write: the decisions, notes and flags, undo and redo,
import, the extractor and retraining. Reading stays: articles, queue, search, concordance,
dashboard, export. A project another window has open can be opened the same way by choice (the
question gui/app.py asks). The project is opened ``read_only`` (db/connection.py: ``mode=ro``), so a
write that slipped through would fail instead of changing the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from tadqiq.app import presence
from tadqiq.gui.i18n import tr
from tadqiq.gui.open_errors import read_only_reason

if TYPE_CHECKING:
    from tadqiq.gui.main_window import MainWindow

__all__ = ["WRITING_ACTIONS", "show_read_only"]

WRITING_ACTIONS = frozenset({
    "accept", "reject", *(f"role_{n}" for n in range(1, 10)), "pick_role", "change_type", "new_mention",
    "edit_value", "remove_argument", "cycle_polarity", "cycle_modality", "cycle_genericity", "link", "unlink",
    "accept_all", "skip_article", "flag_article", "note", "undo", "redo", "retrain", "import_files",
    "run_extractor",
})


def show_read_only(window: MainWindow) -> None:
    """Mark ``window`` (on a read-only project) as such and disable the actions that write."""
    window.doc.undo_stack.clear()  # nothing to undo here: the undo actions stay disabled
    for name in WRITING_ACTIONS:
        window.actions_by_name[name].setEnabled(False)
    window.controller.ask_value = None  # a double-click on a value opens no editor
    window.controller.pick_type = None
    window.notes_panel.setEnabled(False)
    path = Path(str(window.project.path))
    why = read_only_reason(path)
    label = QLabel(tr("Read-only: nothing can be changed"))
    label.setObjectName("readOnlyLabel")
    if why is not None:
        label.setToolTip(tr("{0}. Copy the file to a folder you can write to review in it.").format(why))
    else:  # chosen: another window has the project open (gui/app.py)
        note = presence.other_window(path)
        label.setToolTip(tr("Opened read-only beside another Tadqiq window ({0}): what it decides shows here "
                            "within seconds. Close it and open the project again to review here.").format(
            presence.describe(note) if note is not None else tr("now closed")))
    window.statusBar().addPermanentWidget(label)
    window.read_only_label = label
