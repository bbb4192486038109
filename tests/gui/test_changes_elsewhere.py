"""A change another process made to a mention the window shows is never overwritten: a write
(or an undo, or a redo) over it is refused and the article read again; without a write, the
window notices another connection's commit (PRAGMA data_version) on activation or on its
timer and reads the article again, keeping the selection (gui/outside_changes.py).

The other process is a second Project on the same file (its own SQLite connection), driven the
way another window would drive it; this window is the real one, driven by keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tadqiq.core import review
from tadqiq.db.project import Project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def other(house_project_path):
    """The other process's Project on the window's file."""
    p = Project.open(house_project_path)
    yield p
    p.close()


def _reject_elsewhere(other: Project, mention_id: int) -> None:
    m = other.mention(mention_id)
    other.save_mention(other.mention_article(mention_id), review.rejected(m, "omar"), reviewer="omar",
                       action="reject#elsewhere")


def _history(project, reviewer: str) -> int:
    return project.db.execute("SELECT count(*) FROM history WHERE reviewer = ?", [reviewer]).fetchone()[0]


def test_an_accept_over_a_mention_changed_elsewhere_is_refused_and_the_article_read_again(
        qtbot, open_window, ui, other):
    w = open_window()
    shown = w.doc.selected
    _reject_elsewhere(other, shown.id)
    ui.key(w, Qt.Key.Key_A)
    message = w.statusBar().currentMessage()
    assert message.startswith(f"Not applied: Accept {shown.trigger.text}. {shown.type} «{shown.trigger.text}» was "
                              "changed elsewhere (another Tadqiq window or process) since this window read it")
    assert "nothing was overwritten, the article was read again from the file" in message
    assert w.project.mention(shown.id).status == "rejected"  # the other process's decision stands
    assert w.project.mention(shown.id).reviewer == "omar"
    assert _history(w.project, "mariam") == 0
    assert w.doc.mention(shown.id).status == "rejected"  # the screen shows the file
    assert w.doc.selected_id == shown.id  # and stays on the mention
    assert w.doc.undo_stack.count() == 0
    ui.key(w, Qt.Key.Key_A)  # now that the window shows it, the reviewer may decide over it
    assert w.project.mention(shown.id).status == "confirmed"


def test_an_undo_over_a_change_made_elsewhere_is_refused_and_the_step_kept(qtbot, open_window, ui, other):
    w = open_window()
    first, second = w.doc.mentions[:2]
    ui.key(w, Qt.Key.Key_A)  # accept first, the selection moves on to second
    ui.key(w, Qt.Key.Key_A)  # accept second
    assert w.doc.undo_stack.index() == 2
    _reject_elsewhere(other, first.id)
    ui.key(w, Qt.Key.Key_Z, CTRL)  # second was not changed elsewhere: undone
    assert w.project.mention(second.id).status == "proposed"
    assert w.statusBar().currentMessage().startswith("Undone:")
    ui.key(w, Qt.Key.Key_Z, CTRL)  # first was: refused, not overwritten
    assert "Not applied" in w.statusBar().currentMessage()
    assert f"«{first.trigger.text}» was changed elsewhere" in w.statusBar().currentMessage()
    assert w.project.mention(first.id).status == "rejected" and w.project.mention(first.id).reviewer == "omar"
    assert w.doc.mention(first.id).status == "rejected"
    qtbot.waitUntil(lambda: w.doc.undo_stack.index() == 1, timeout=2000)  # the step stays where the file is
    assert w.doc.undo_stack.canUndo() and w.doc.undo_stack.canRedo()
    ui.key(w, Qt.Key.Key_Z, CTRL | SHIFT)  # redo of second: its mention was not changed elsewhere
    assert w.project.mention(second.id).status == "confirmed"
    assert w.project.mention(first.id).status == "rejected"


def test_a_redo_over_a_change_made_elsewhere_is_refused(qtbot, open_window, ui, other):
    w = open_window()
    first = w.doc.selected
    ui.key(w, Qt.Key.Key_A)
    ui.key(w, Qt.Key.Key_Z, CTRL)
    assert w.project.mention(first.id).status == "proposed"
    _reject_elsewhere(other, first.id)
    ui.key(w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "Not applied" in w.statusBar().currentMessage()
    assert w.project.mention(first.id).status == "rejected"
    qtbot.waitUntil(lambda: w.doc.undo_stack.index() == 0, timeout=2000)
    assert w.doc.undo_stack.canRedo()


def test_undo_and_redo_of_this_windows_own_steps_pass_the_check(qtbot, open_window, ui):
    """Undoing a later step stores the earlier state under a new version; the earlier step's
    undo (which knows the older version) is not mistaken for a change made elsewhere."""
    w = open_window()
    first = w.doc.selected
    ui.key(w, Qt.Key.Key_M)  # modality, then polarity, of one mention: two steps
    ui.key(w, Qt.Key.Key_P)
    for _ in range(2):
        ui.key(w, Qt.Key.Key_Z, CTRL)
    assert w.project.mention(first.id) == first and w.doc.undo_stack.index() == 0
    for _ in range(2):
        ui.key(w, Qt.Key.Key_Z, CTRL | SHIFT)
    stored = w.project.mention(first.id)
    assert (stored.attributes["modality"], stored.attributes["polarity"]) == ("reported", "negative")
    assert "Not applied" not in w.statusBar().currentMessage()


def test_after_a_restart_an_undo_over_a_change_made_elsewhere_is_refused(qtbot, open_window, ui, other):
    """The rebuilt stack knows each step's content from the history, not a version."""
    w = open_window()
    first = w.doc.selected
    ui.key(w, Qt.Key.Key_A)
    w.close()
    w.project.close()
    _reject_elsewhere(other, first.id)
    w2 = open_window()
    assert w2.doc.undo_stack.index() == 1
    ui.key(w2, Qt.Key.Key_Z, CTRL)
    assert "Not applied" in w2.statusBar().currentMessage()
    assert w2.project.mention(first.id).reviewer == "omar"
    qtbot.waitUntil(lambda: w2.doc.undo_stack.index() == 1, timeout=2000)


def test_a_commit_elsewhere_is_noticed_without_a_write_and_the_selection_kept(qtbot, open_window, ui, other):
    w = open_window()
    ui.key(w, Qt.Key.Key_J)
    ui.key(w, Qt.Key.Key_J)  # the third mention selected
    selected = w.doc.selected
    changed = w.doc.mentions[0]
    assert w.outside_changes.check() is None  # nothing committed elsewhere yet
    ui.key(w, Qt.Key.Key_P)  # this window's own commit is not news
    assert w.outside_changes.check() is None
    _reject_elsewhere(other, changed.id)
    reload = w.outside_changes.check()
    assert reload is not None and reload.changed == (f"{changed.type} «{changed.trigger.text}»",)
    assert w.doc.mention(changed.id).status == "rejected"
    assert w.event_panel.mention_model.index(0, 0).data() is not None
    assert w.doc.selected_id == selected.id  # kept
    assert w.statusBar().currentMessage() == (
        "This article was changed elsewhere (another Tadqiq window or process) and read again from the file; "
        f"changed: {changed.type} «{changed.trigger.text}»")
    assert w.outside_changes.check() is None  # nothing new since


def test_the_window_looks_again_when_activated_and_on_its_timer(qtbot, open_window, other):
    w = open_window()
    a, b = w.doc.mentions[:2]
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere)
    _reject_elsewhere(other, a.id)  # while the reviewer was in another window
    w.activateWindow()
    qtbot.waitUntil(lambda: w.doc.mention(a.id).status == "rejected", timeout=3000)
    assert "changed elsewhere" in w.statusBar().currentMessage()
    assert w.outside_changes.timer.isActive() and w.outside_changes.timer.interval() == 3000
    w.outside_changes.timer.setInterval(20)  # the timer, without waiting three seconds
    _reject_elsewhere(other, b.id)
    qtbot.waitUntil(lambda: w.doc.mention(b.id).status == "rejected", timeout=3000)
    w.close()
    assert not w.outside_changes.timer.isActive()  # a closed window looks no more


def test_removed_and_added_elsewhere_read_again_with_the_selection_moved_to_its_neighbour(
        qtbot, open_window, other):
    w = open_window()
    gone = w.doc.mentions[1]
    w.doc.select(gone.id)
    article = w.doc.article
    other.delete_mention(gone.id, reviewer="omar", action="delete#x")
    added = other.save_mention(article.id, review.added("Conflict.Attack", article.text, gone.trigger.start,
                                                       gone.trigger.end, "omar"), reviewer="omar", action="new#y")
    reload = w.outside_changes.check()
    assert reload.removed == (f"{gone.type} «{gone.trigger.text}»",)
    assert reload.added == (f"Conflict.Attack «{gone.trigger.text}»",)
    assert w.doc.mention(gone.id) is None and w.doc.mention(added.id) is not None
    assert w.doc.selected_id == w.doc.mentions[1].id  # the mention now in that row
    message = w.statusBar().currentMessage()
    assert f"removed: {gone.type} «{gone.trigger.text}»" in message and "added: Conflict.Attack" in message


def test_a_half_done_role_choice_on_a_mention_changed_elsewhere_is_forgotten(qtbot, open_window, ui, other):
    w = open_window()
    m = next(x for x in w.doc.mentions if x.arguments)
    w.doc.select(m.id, 0)
    ui.key(w, Qt.Key.Key_R)
    assert w.controller.role_pending == (m.id, 0)
    _reject_elsewhere(other, m.id)
    w.outside_changes.check()
    assert w.controller.role_pending is None


def test_a_change_by_another_real_process_shows_on_the_timer(qtbot, open_window, house_project_path):
    import subprocess
    import sys

    w = open_window()
    shown = w.doc.selected
    script = ("import sys\nfrom tadqiq.core import review\nfrom tadqiq.db.project import Project\n"
              "with Project.open(sys.argv[1]) as p:\n"
              "    m = p.mention(int(sys.argv[2]))\n"
              "    p.save_mention(p.mention_article(m.id), review.rejected(m, 'omar'), reviewer='omar', action='r#1')\n")
    subprocess.run([sys.executable, "-c", script, str(house_project_path), str(shown.id)], check=True, timeout=60)
    w.outside_changes.timer.setInterval(20)
    qtbot.waitUntil(lambda: w.doc.mention(shown.id).status == "rejected", timeout=5000)
    assert w.doc.selected_id == shown.id and "changed elsewhere" in w.statusBar().currentMessage()
    ui_accept = w.actions_by_name["accept"]
    ui_accept.trigger()  # the window shows the other process's decision now: deciding over it is allowed
    assert w.project.mention(shown.id).status == "confirmed"
