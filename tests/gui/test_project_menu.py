"""File → New project / Open project / Open Recent on the real window, real project files.

Opening another project builds a new window (gui/app.py open_window) and closes this one; a
file that cannot be a project is answered with a message box naming it and why, the window
stays as it was and the file is not changed (its sha256, and no file left beside it).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tadqiq.db.project import Project
from tadqiq.gui.app import open_window
from tadqiq.gui.main_window import MainWindow
from tadqiq.gui.project_menu import forget_project, recent_projects, remember_project
from tadqiq.gui.settings import Settings


@pytest.fixture
def settings(tmp_path, qapp):
    return Settings(QSettings(str(tmp_path / "tadqiq.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def windows(qtbot, settings):
    """Factory: a window opened as the launcher opens it; every window left at the end is closed."""
    def make(path: Path) -> MainWindow:
        window = open_window(path, "mariam", settings=settings)
        qtbot.waitExposed(window)
        if window.auto_backup is not None:
            window.auto_backup.wait()  # its backup on open is written before a test lists the folder
        return window

    yield make
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and shiboken6.isValid(w):
            w.close()
            w.project.close()


def file_action(window: MainWindow, name: str):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "File")
    return next(a for a in file_menu.actions() if a.objectName() == f"action_{name}")


def choose(window: MainWindow, path: Path) -> None:
    """Pick ``path`` in the file chooser the action opened, as a user would, and press its button."""
    dialog = window.project_menu.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def opened_by(window: MainWindow) -> list[MainWindow]:
    got: list[MainWindow] = []
    window.project_menu.opened.connect(got.append)
    return got


def test_file_new_creates_an_empty_project_in_a_new_window_and_closes_this_one(qtbot, windows, settings, tmp_path,
                                                                               house_project_path):
    first = windows(house_project_path)
    action = file_action(first, "new_project")
    assert action.text() == "New project…" and action.shortcut().toString() == "Ctrl+N"
    got = opened_by(first)
    action.trigger()
    choose(first, tmp_path / "fresh")  # the suffix comes by itself
    assert len(got) == 1
    new = got[0]
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # closed and deleted: its project closed
    assert new.isVisible() and Path(new.project.path) == tmp_path / "fresh.tadqiq"
    assert new.project.article_count() == 0 and new.doc.article is None
    assert "fresh.tadqiq" in new.windowTitle()
    assert recent_projects(settings)[:2] == [tmp_path / "fresh.tadqiq", house_project_path.absolute()]
    with Project.open(tmp_path / "fresh.tadqiq", create=False, read_only=True) as p:
        assert p.schema.name == "conflict-ar"


def test_file_new_never_writes_over_a_file(qtbot, windows, tmp_path, house_project_path):
    window = windows(house_project_path)
    other = tmp_path / "notes.tadqiq"
    other.write_text("my notes", encoding="utf-8")
    assert window.project_menu.create_path(other) is None
    box = window.project_menu.message_box
    assert box.isVisible() and "already exists" in box.text() and str(other) in box.text()
    assert other.read_text(encoding="utf-8") == "my notes" and window.isVisible()


def test_file_open_replaces_the_project_and_open_recent_goes_back(qtbot, windows, settings, tmp_path,
                                                                  house_project_path):
    other = tmp_path / "other.tadqiq"
    shutil.copy(house_project_path, other)
    first = windows(house_project_path)
    got = opened_by(first)
    first.actions_by_name["open_project"].trigger()
    choose(first, other)
    second = got[0]
    assert Path(second.project.path) == other and second.doc.article is not None
    assert "other.tadqiq" in second.windowTitle()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))

    menu = second.project_menu.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.data()]
    assert [Path(a.data()) for a in entries] == [house_project_path.absolute()]  # not the open one
    assert entries[0].text().startswith("&1 review.tadqiq")
    back = opened_by(second)
    entries[0].trigger()
    assert Path(back[0].project.path) == house_project_path.absolute()
    assert recent_projects(settings)[:2] == [house_project_path.absolute(), other]


def test_a_recent_project_that_is_gone_is_dropped_with_a_message(qtbot, windows, settings, tmp_path,
                                                                 house_project_path):
    gone = tmp_path / "gone.tadqiq"
    shutil.copy(house_project_path, gone)
    remember_project(settings, gone)
    window = windows(house_project_path)
    gone.unlink()
    window.project_menu.recent_menu.aboutToShow.emit()
    entry = next(a for a in window.project_menu.recent_menu.actions() if a.data() == str(gone))
    entry.trigger()
    box = window.project_menu.message_box
    assert box.isVisible() and str(gone) in box.text() and "removed from Open Recent" in box.text()
    assert gone not in recent_projects(settings) and window.isVisible() and shiboken6.isValid(window)
    window.project_menu.recent_menu.aboutToShow.emit()
    assert all(a.data() != str(gone) for a in window.project_menu.recent_menu.actions())


def test_the_recent_list_keeps_the_newest_first_and_at_most_eight(settings, tmp_path):
    for i in range(10):
        remember_project(settings, tmp_path / f"p{i}.tadqiq")
    remember_project(settings, tmp_path / "p3.tadqiq")
    assert recent_projects(settings) == [tmp_path / f"p{i}.tadqiq" for i in (3, 9, 8, 7, 6, 5, 4, 2)]
    forget_project(settings, tmp_path / "p9.tadqiq")
    assert tmp_path / "p9.tadqiq" not in recent_projects(settings)
    settings.set("project/recent", "not json")
    assert recent_projects(settings) == []


# -- files that cannot be opened -------------------------------------------------------------
def _text(folder: Path, good: Path) -> Path:
    path = folder / "notes.tadqiq"
    path.write_text("an ordinary text file\n", encoding="utf-8")
    return path


def _other_sqlite(folder: Path, good: Path) -> Path:
    path = folder / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    return path


def _newer(folder: Path, good: Path) -> Path:
    path = folder / "newer.tadqiq"
    shutil.copy(good, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return path


def _unknown_schema(folder: Path, good: Path) -> Path:
    path = folder / "schema-v9.tadqiq"
    shutil.copy(good, path)
    conn = sqlite3.connect(path)
    conn.execute("""UPDATE event_schema SET definition = '{"name": "conflict-ar", "version": "9", "kinds": {}}'""")
    conn.commit()
    conn.close()
    return path


def _damaged(folder: Path, good: Path) -> Path:
    path = folder / "damaged.tadqiq"
    path.write_bytes(good.read_bytes()[:1500])  # a copy cut short
    return path


def _read_only_file(folder: Path, good: Path) -> Path:
    path = folder / "ro.tadqiq"
    shutil.copy(good, path)
    path.chmod(0o444)
    return path


def _read_only_folder(folder: Path, good: Path) -> Path:
    sub = folder / "ro-folder"
    sub.mkdir()
    shutil.copy(good, sub / "p.tadqiq")
    sub.chmod(0o555)
    return sub / "p.tadqiq"


CASES = {
    "not a project": (_text, "not a Tadqiq project (not an SQLite database file)"),
    "another program's database": (_other_sqlite, "an SQLite file, but not a Tadqiq project"),
    "made by a newer Tadqiq": (_newer, "made by a newer Tadqiq (file version 999"),
    "an event schema this Tadqiq cannot read": (_unknown_schema, "schema-v9.tadqiq (stored schema): missing 'roles'"),
    "damaged": (_damaged, "database disk image is malformed"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_that_cannot_be_opened_gets_a_message_and_is_not_changed(qtbot, windows, tmp_path,
                                                                        house_project_path, case):
    make, expected = CASES[case]
    folder = tmp_path / "files"
    folder.mkdir()
    with Project.open(tmp_path / "good.tadqiq") as p:  # a closed, checkpointed project to copy
        p.import_items([])
    path = make(folder, tmp_path / "good.tadqiq")
    window = windows(house_project_path)
    title = window.windowTitle()
    before, listing = sha(path), sorted(p.name for p in path.parent.iterdir())
    assert window.project_menu.open_path(path) is None
    box = window.project_menu.message_box
    assert box is not None and box.isVisible() and box.objectName() == "openError"
    assert expected in box.text() and box.text().count(str(path)) == 1, box.text()
    assert sha(path) == before and sorted(p.name for p in path.parent.iterdir()) == listing
    assert window.isVisible() and window.windowTitle() == title and window.doc.article is not None
    box.accept()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.article_view, "a")  # the window still reviews its own project
    assert window.doc.mentions[0].status == "confirmed"


def test_a_project_locked_by_another_program_gets_a_message_naming_the_lock(qtbot, windows, tmp_path,
                                                                          house_project_path, monkeypatch):
    monkeypatch.setenv("TADQIQ_BUSY_TIMEOUT", "0.2")
    locked = tmp_path / "locked.tadqiq"
    shutil.copy(house_project_path, locked)
    holder = sqlite3.connect(locked)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        window = windows(house_project_path)
        def beside_locked() -> list[str]:  # the locked file and any side file of it (not the settings' ini)
            return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("locked"))

        before, listing = sha(locked), beside_locked()
        assert window.project_menu.open_path(locked) is None
        box = window.project_menu.message_box
        assert "the project is busy: another process holds its write lock" in box.text() and str(locked) in box.text()
        assert sha(locked) == before and beside_locked() == listing
        assert window.isVisible() and shiboken6.isValid(window)
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.parametrize("make", [_read_only_file, _read_only_folder], ids=["read-only file", "read-only folder"])
def test_a_read_only_project_opens_for_reading_and_is_not_changed(qtbot, windows, tmp_path, house_project_path,
                                                                  make):
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder, house_project_path)
    before, listing = sha(path), sorted(p.name for p in path.parent.iterdir())
    first = windows(house_project_path)
    try:
        window = first.project_menu.open_path(path)
        assert window is not None and window.project.read_only
        qtbot.waitUntil(lambda: not shiboken6.isValid(first))
        assert f"{path.name} (read-only)" in window.windowTitle()
        label = window.read_only_label
        assert label.text() == "Read-only: nothing can be changed" and "is read-only" in label.toolTip()
        assert window.doc.article is not None and window.doc.mentions  # it reads
        for name in ("accept", "reject", "accept_all", "note", "undo", "import_files", "run_extractor"):
            assert not window.actions_by_name[name].isEnabled(), name
        assert window.actions_by_name["next_mention"].isEnabled() and window.actions_by_name["export"].isEnabled()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        first_id = window.doc.selected_id
        qtbot.keyClick(window.article_view, "a")  # nothing happens
        qtbot.keyClick(window.article_view, "j")  # moving on does
        assert window.doc.mention(first_id).status == "proposed" and window.doc.selected_id != first_id
        window.doc.open_article("demo-2")  # leaving an article writes no review time
        window.close()
        window.project.close()
    finally:
        for p in (path, path.parent):
            p.chmod(0o755)
    assert sha(path) == before and sorted(p.name for p in path.parent.iterdir()) == listing
