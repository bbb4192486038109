"""File → Import… on the real window and a real project file: the import runs in a worker thread,
Cancel rolls it back whole, the queue shows the new articles, the report lists each file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt

from tadqiq.db.project import Project
from tadqiq.gui.import_dialog import ImportDialog


def corpus(folder: Path, n: int = 5) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"news-{i}.txt").write_text(f"قصف على حمص اليوم، الخبر رقم {i}.\n", encoding="utf-8")
    return folder


def open_import(qtbot, window) -> ImportDialog:
    """File → Import… as a user picks it from the menu bar."""
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "File")
    action = next(a for a in file_menu.actions() if a.objectName() == "action_import_files")
    assert action.text() == "Import…"
    action.trigger()
    dialog = window.project_menu.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def run(qtbot, dialog, outcome="done"):
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [outcome], dialog.status.text()
    assert not dialog.running


def hold_at(dialog, articles: int) -> threading.Event:
    """Stop the next import's worker after ``articles`` articles are read and stored in its open
    transaction, until someone asks it to stop (Cancel, closing the dialog); the event says when
    it got there."""
    reached = threading.Event()

    def hold(done: int, _expected: int, worker) -> None:  # runs in the worker thread
        if done == articles:
            reached.set()
            while not worker.isInterruptionRequested():
                time.sleep(0.001)

    def created(worker) -> None:
        dialog.worker_created.disconnect(created)  # the next import runs freely
        worker.advanced.connect(lambda done, expected: hold(done, expected, worker), Qt.ConnectionType.DirectConnection)

    dialog.worker_created.connect(created)
    return reached


def stored_ids(path: Path) -> list[str]:
    with Project.open(path, create=False, read_only=True) as p:
        return [a.ext_id for a in p.article_list(0, 1000)]


def test_a_folder_chosen_in_the_dialog_is_imported_and_the_queue_shows_it(qtbot, open_window, tmp_path):
    window = open_window()
    rows_before = window.queue_pane.model.rowCount()
    folder = corpus(tmp_path / "news")
    dialog = open_import(qtbot, window)
    assert not dialog.import_button.isEnabled()  # nothing to import yet
    qtbot.mouseClick(dialog.add_folder_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    chooser.selectFile(str(folder))
    chooser.accept()
    assert dialog.paths() == [folder] and dialog.import_button.isEnabled()
    stored = []
    dialog.stored.connect(lambda: stored.append(True))
    run(qtbot, dialog)
    assert stored == [True]
    assert dialog.report.result.articles_added == 5
    text = dialog.report_view.toPlainText()
    assert text.startswith("Imported 5 articles from 5 files; 0 duplicates not stored again.\n0 events stored")
    assert all(f"{folder / f'news-{i}.txt'}: 1 article (encoding utf-8)" in text for i in range(5))
    assert "Imported 5 articles" in dialog.status.text()
    assert window.queue_pane.model.rowCount() == rows_before + 5  # the queue was read again
    assert "/7 articles done" in window.progress_label.text()
    assert window.doc.article is not None and window.doc.article.ext_id == "house-hama-001"  # still here
    assert sorted(stored_ids(window.project.path))[-5:] == [f"news-{i}" for i in range(5)]


def test_gold_labels_of_a_reviewer_and_their_warnings(qtbot, open_window, tmp_path, house_gold_path):
    window = open_window()
    dialog = open_import(qtbot, window)
    dialog.add_paths([house_gold_path])
    dialog.gold_radio.setChecked(True)
    assert dialog.reviewer_edit.text() == "mariam"  # the window's reviewer by default
    dialog.reviewer_edit.setText("huda")
    run(qtbot, dialog)
    r = dialog.report.result
    assert (r.articles_added, r.duplicates, r.mentions_added) == (0, 1, 32)  # the text was there: labels attach
    with Project.open(window.project.path, create=False, read_only=True) as p:
        gold = [m for m in p.mentions(p.article("house-hama-001").id) if m.origin == "reviewer:huda"]
    assert len(gold) == 32 and {m.status for m in gold} == {"added"}
    assert sum(m.origin == "reviewer:huda" for m in window.doc.mentions) == 32  # the open article shows them


def test_gold_without_a_reviewer_is_refused_in_the_form(qtbot, open_window, house_gold_path):
    window = open_window()
    dialog = open_import(qtbot, window)
    dialog.add_paths([house_gold_path])
    dialog.gold_radio.setChecked(True)
    dialog.reviewer_edit.clear()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is None and "Gold labels need the reviewer" in dialog.status.text()


def test_cancel_rolls_the_whole_import_back(qtbot, open_window, tmp_path):
    window = open_window()
    before = stored_ids(window.project.path)
    rows_before = window.queue_pane.model.rowCount()
    folder = corpus(tmp_path / "news", 8)
    dialog = open_import(qtbot, window)
    dialog.add_paths([folder])
    reached = hold_at(dialog, 3)
    stored = []
    dialog.stored.connect(lambda: stored.append(True))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.import_button.isEnabled()
    assert not dialog.add_folder_button.isEnabled()  # the form is frozen while it runs
    # three articles are read and stored in the open transaction when the user presses Cancel
    qtbot.waitUntil(reached.is_set, timeout=30000)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"] and stored == []
    assert "nothing was stored" in dialog.status.text()
    assert stored_ids(window.project.path) == before  # none of the three
    assert window.queue_pane.model.rowCount() == rows_before
    assert dialog.import_button.isEnabled() and not dialog.cancel_button.isEnabled()
    run(qtbot, dialog)  # the same import again, not cancelled: all of it
    assert len(stored_ids(window.project.path)) == len(before) + 8


def test_a_bad_file_stores_nothing_and_says_which(qtbot, open_window, tmp_path):
    window = open_window()
    before = stored_ids(window.project.path)
    folder = corpus(tmp_path / "news", 3)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "نص"}\n{"id": "x2", "text": \n', encoding="utf-8")
    dialog = open_import(qtbot, window)
    dialog.add_paths([folder, bad])
    run(qtbot, dialog, "failed")
    assert "bad.jsonl" in dialog.report_view.toPlainText() and "line 2" in dialog.report_view.toPlainText()
    assert "nothing was stored" in dialog.status.text()
    assert stored_ids(window.project.path) == before

    dialog.skip_bad.setChecked(True)  # the good ones, the bad listed
    run(qtbot, dialog)
    text = dialog.report_view.toPlainText()
    assert "Skipped 1 bad file:" in text and "bad.jsonl" in text
    assert len(stored_ids(window.project.path)) == len(before) + 3


def test_closing_the_dialog_while_it_imports_cancels_it(qtbot, open_window, tmp_path):
    window = open_window()
    before = stored_ids(window.project.path)
    dialog = open_import(qtbot, window)
    dialog.add_paths([corpus(tmp_path / "news", 4)])
    reached = hold_at(dialog, 2)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # asks the worker to stop, waits for it
    assert not dialog.isVisible() and dialog.worker is not None and dialog.worker.isFinished()
    assert stored_ids(window.project.path) == before


def test_closing_the_window_while_it_imports_cancels_the_import_first(qtbot, open_window, tmp_path):
    window = open_window()
    before = stored_ids(window.project.path)
    dialog = open_import(qtbot, window)
    dialog.add_paths([corpus(tmp_path / "news", 4)])
    reached = hold_at(dialog, 2)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    assert window.close()  # its review time is written after the import let go of the lock
    assert stored_ids(window.project.path) == before
    with Project.open(window.project.path, create=False, read_only=True) as p:
        assert p.db.execute("SELECT count(*) FROM review_time WHERE reviewer = 'mariam'").fetchone()[0] == 1
