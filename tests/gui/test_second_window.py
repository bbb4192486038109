"""A second window on a project another live window has open asks first (gui/app.py,
app/presence.py); a note left by a window whose process is gone is not believed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from tadqiq.app import presence
from tadqiq.gui.app import AlreadyOpen, open_window
from tadqiq.gui.settings import Settings


def _settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def _note(project, pid: int, reviewer: str = "amal") -> None:
    presence.note_path(project).write_text(json.dumps(
        {"reviewer": reviewer, "pid": pid, "host": socket.gethostname(), "since": "2026-12-03T09:00:00+00:00"}),
        encoding="utf-8")


@pytest.fixture
def other_process():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def test_a_project_open_in_another_live_window_is_not_opened_twice_unless_chosen(
        qtbot, tmp_path, house_project_path, other_process):
    _note(house_project_path, other_process)
    with pytest.raises(AlreadyOpen, match=rf"open in another Tadqiq window \(reviewer amal \(process {other_process}"):
        open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="refuse")
    window = open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="anyway")
    qtbot.addWidget(window)
    assert window.isVisible()
    window.close()


def test_a_window_leaves_a_note_while_open_and_removes_it(qtbot, tmp_path, house_project_path):
    window = open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="refuse")
    qtbot.addWidget(window)
    note = json.loads(presence.note_path(house_project_path).read_text(encoding="utf-8"))
    assert note["pid"] == os.getpid() and note["reviewer"] == "omar"
    assert presence.other_window(house_project_path) is None  # this process's own window
    presence.remove_note(house_project_path)
    assert not presence.note_path(house_project_path).exists()
    window.close()


def test_a_note_of_a_process_that_is_gone_is_not_believed(qtbot, tmp_path, house_project_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    _note(house_project_path, gone.pid)
    window = open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="refuse")
    qtbot.addWidget(window)
    assert json.loads(presence.note_path(house_project_path).read_text(encoding="utf-8"))["pid"] == os.getpid()
    window.close()


def test_a_note_from_another_computer_is_believed(tmp_path):
    project = tmp_path / "p.tadqiq"
    presence.note_path(project).write_text(json.dumps({"reviewer": None, "pid": 1, "host": "elsewhere-42"}),
                                           encoding="utf-8")
    note = presence.other_window(project)
    assert note is not None and "on computer elsewhere-42" in presence.describe(note)


def _answer(qtbot, button: str) -> list[str]:
    """Click ``button`` (object name) of the question when it shows; the question's text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        seen.append(box.defaultButton().objectName())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, click)
    return seen


def test_the_question_offers_read_only_and_that_window_changes_nothing(qtbot, tmp_path, house_project_path,
                                                                       other_process):
    from tadqiq.db.project import Project

    _note(house_project_path, other_process)
    seen = _answer(qtbot, "openReadOnly")
    window = open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="ask")
    qtbot.addWidget(window)
    assert "is open in another Tadqiq window: reviewer amal" in seen[0] and "Open it read-only" in seen[0]
    assert seen[1] == "openReadOnly"  # Enter picks the choice that cannot clash with the other window
    assert window.project.read_only and "(read-only)" in window.windowTitle()
    assert not window.actions_by_name["accept"].isEnabled() and not window.actions_by_name["undo"].isEnabled()
    tip = window.read_only_label.toolTip()
    assert tip.startswith("Opened read-only beside another Tadqiq window (reviewer amal") and "Copy the file" not in tip
    assert json.loads(presence.note_path(house_project_path).read_text(encoding="utf-8"))["pid"] == other_process
    # what the other window decides shows here: a reading window notices commits too
    shown = window.doc.mentions[0]
    with Project.open(house_project_path) as other:
        from tadqiq.core import review

        other.save_mention(window.doc.article.id, review.rejected(other.mention(shown.id), "amal"), reviewer="amal",
                           action="reject#1")
    assert window.outside_changes.check() is not None
    assert window.doc.mention(shown.id).status == "rejected"
    window.close()


@pytest.mark.parametrize(("button", "read_only"), [("openAnyway", False), ("cancelOpen", None)])
def test_the_question_opens_anyway_or_nothing(qtbot, tmp_path, house_project_path, other_process, button, read_only):
    _note(house_project_path, other_process)
    _answer(qtbot, button)
    if read_only is None:
        with pytest.raises(AlreadyOpen):
            open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="ask")
        return
    window = open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="ask")
    qtbot.addWidget(window)
    assert window.project.read_only is read_only and window.actions_by_name["accept"].isEnabled()
    window.close()


def test_read_only_without_asking_and_an_unknown_choice(qtbot, tmp_path, house_project_path, other_process):
    _note(house_project_path, other_process)
    window = open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="read_only")
    qtbot.addWidget(window)
    assert window.project.read_only
    window.close()
    with pytest.raises(ValueError, match="if_open='maybe'"):
        open_window(house_project_path, "omar", settings=_settings(tmp_path), if_open="maybe")
