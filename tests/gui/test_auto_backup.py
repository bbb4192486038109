"""Rolling backups while reviewing (issue 13 item 7): one on open, then one per N minutes with decisions."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from tadqiq.db.project import Project


def _rows(path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM history").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_is_written_on_open_and_after_decisions(open_window, ui, qtbot, house_project_path):
    w = open_window()
    b = w.auto_backup
    assert b is not None and b.enabled
    b.wait()
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith("Backup written"))
    first = Project.backups(house_project_path)
    assert len(first) == 1
    b.tick()  # nothing decided since: no new backup
    b.wait()
    assert Project.backups(house_project_path) == first
    ui.key(w, Qt.Key.Key_A)  # a decision, then the timer's minute
    assert b.changed
    import time

    time.sleep(1.1)  # backups are named to the second
    b.tick()
    b.wait()
    later = Project.backups(house_project_path)
    assert len(later) == 2
    assert _rows(later[-1]) == _rows(house_project_path) > _rows(first[0])  # the decision is in the new one


def test_old_backups_beyond_keep_are_removed_and_zero_minutes_turns_them_off(open_window, qtbot, house_project_path):
    w = open_window()
    w.auto_backup.wait()
    w.auto_backup.keep = 1
    import time

    time.sleep(1.1)
    w.auto_backup.start()
    w.auto_backup.wait()
    assert len(Project.backups(house_project_path)) == 1
    w.settings.set("backup/minutes", 0)
    w2 = open_window()
    assert w2.auto_backup is None


def test_opening_again_without_a_change_makes_no_second_copy(open_window, ui, qtbot, house_project_path):
    w = open_window()
    w.auto_backup.wait()
    first = Project.backups(house_project_path)
    assert len(first) == 1
    w.close()
    w2 = open_window()  # nothing decided since that backup: it is current
    assert w2.auto_backup.thread is None or not w2.auto_backup.thread.is_alive()
    qtbot.waitUntil(lambda: w2.statusBar().currentMessage().startswith("Backup up to date"))
    assert first[0].name in w2.statusBar().currentMessage()
    assert Project.backups(house_project_path) == first
    ui.key(w2, Qt.Key.Key_A)  # a decision changes the file: the next opening copies it again
    w2.close()
    w3 = open_window()
    w3.auto_backup.wait()
    later = Project.backups(house_project_path)
    assert len(later) == 2 and _rows(later[-1]) == _rows(house_project_path)
