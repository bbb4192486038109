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
