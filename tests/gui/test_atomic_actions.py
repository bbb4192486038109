"""Each reviewer action is one SQLite transaction and one undo step, driven through the window.

A write that fails halfway (here a TEMP trigger on the window's own connection refuses one
mention of the batch, as a constraint would) must leave nothing of the action on disk,
nothing changed on screen and nothing on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

HOUSE = "house-hama-001"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def history_count(project) -> int:
    return project.db.execute("SELECT count(*) FROM history").fetchone()[0]


def test_accept_all_is_all_or_nothing_and_one_undo_step(qtbot, open_window, ui):
    w = open_window()
    project = w.project
    house = project.article(HOUSE)
    refused = w.doc.mentions[20]
    project.db.execute(
        f"CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON events WHEN NEW.trigger_start = {refused.trigger.start:d} "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    rows = history_count(project)

    ui.key(w, Qt.Key.Key_Return, CTRL)
    assert "Not saved" in w.statusBar().currentMessage()
    assert history_count(project) == rows  # not the 20 mentions before the refused one either
    assert {m.status for m in project.mentions(house.id)} == {"proposed"}
    assert project.article_status(house.id) != "done"
    assert w.doc.article.ext_id == HOUSE  # stayed on the article
    assert {m.status for m in w.doc.mentions} == {"proposed"}  # and the screen shows what is stored
    assert w.doc.undo_stack.count() == 0

    project.db.execute("DROP TRIGGER refuse_one")
    ui.key(w, Qt.Key.Key_Return, CTRL)
    assert w.doc.article.ext_id == "demo-2"
    new = project.history(limit=100)[-(history_count(project) - rows):]
    assert len(new) == 33  # 32 mentions and the article status, written together
    assert len({e.action for e in new if e.action != "article_status"}) == 1
    assert w.doc.undo_stack.count() == 1
    ui.key(w, Qt.Key.Key_Z, CTRL)  # one step undoes all of it
    assert {m.status for m in project.mentions(house.id)} == {"proposed"}
    assert project.article_status(house.id) != "done"


def test_a_failed_undo_changes_nothing_and_says_so(qtbot, open_window, ui):
    w = open_window()
    project = w.project
    first = w.doc.selected
    ui.key(w, Qt.Key.Key_M)
    project.db.execute("CREATE TEMP TRIGGER refuse_all BEFORE INSERT ON events "
                       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    rows = history_count(project)
    ui.key(w, Qt.Key.Key_Z, CTRL)
    assert "Not saved" in w.statusBar().currentMessage()
    assert history_count(project) == rows
    assert project.mention(first.id).attributes["modality"] == "reported"
    assert w.doc.mention(first.id).attributes["modality"] == "reported"
    # the step is kept, at the same place: the stack agrees with the file and the screen
    qtbot.waitUntil(lambda: w.doc.undo_stack.index() == 1, timeout=2000)
    assert w.doc.undo_stack.count() == 1 and w.doc.undo_stack.canUndo()
    project.db.execute("DROP TRIGGER refuse_all")
    ui.key(w, Qt.Key.Key_Z, CTRL)  # trying again once the file takes writes undoes it
    assert project.mention(first.id).attributes["modality"] == "asserted"
    assert w.doc.mention(first.id).attributes["modality"] == "asserted"
    assert w.doc.undo_stack.index() == 0 and w.doc.undo_stack.canRedo()


def test_a_failed_redo_keeps_the_step_to_redo(qtbot, open_window, ui):
    w = open_window()
    project = w.project
    first = w.doc.selected
    ui.key(w, Qt.Key.Key_M)
    ui.key(w, Qt.Key.Key_Z, CTRL)
    assert project.mention(first.id).attributes["modality"] == "asserted"
    project.db.execute("CREATE TEMP TRIGGER refuse_all BEFORE INSERT ON events "
                       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    ui.key(w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "Not saved" in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: w.doc.undo_stack.index() == 0, timeout=2000)
    assert w.doc.undo_stack.canRedo()
    assert project.mention(first.id).attributes["modality"] == "asserted"
    project.db.execute("DROP TRIGGER refuse_all")
    ui.key(w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert project.mention(first.id).attributes["modality"] == "reported"


def test_unlinking_one_of_two_unlinks_both_in_one_step(qtbot, open_window, ui):
    w = open_window()
    a, b, c = w.doc.mentions[:3]
    for k in (Qt.Key.Key_L, Qt.Key.Key_J, Qt.Key.Key_L):
        ui.key(w, k)
    key = w.doc.mention(a.id).link
    assert key and w.doc.mention(b.id).link == key
    ui.key(w, Qt.Key.Key_U)  # on b
    assert w.doc.mention(b.id).link is None and w.doc.mention(a.id).link is None
    assert w.project.mention(a.id).link is None  # stored, not only shown
    assert "🔗" not in w.event_panel.mention_model.index(0, 1).data()
    assert "left alone" in w.statusBar().currentMessage()
    ui.key(w, Qt.Key.Key_Z, CTRL)  # one undo step restores both links
    assert w.project.mention(a.id).link == key == w.project.mention(b.id).link

    w.doc.select(c.id)  # c joins the group: three members; c leaving keeps a and b linked
    ui.key(w, Qt.Key.Key_L)
    ui.key(w, Qt.Key.Key_K)
    ui.key(w, Qt.Key.Key_L)
    assert w.doc.mention(c.id).link == key
    w.doc.select(c.id)
    ui.key(w, Qt.Key.Key_U)
    assert w.doc.mention(c.id).link is None
    assert w.doc.mention(a.id).link == key == w.doc.mention(b.id).link


def test_queued_undos_after_a_failure_keep_the_stack_where_the_file_is(qtbot, open_window, ui):
    """Two Ctrl+Z delivered before the event loop runs (a locked file makes the reviewer press
    again): the stack must not end up past what is stored."""
    w = open_window()
    a, b = w.doc.mentions[:2]
    ui.key(w, Qt.Key.Key_A)  # accept a (moves on to b)
    ui.key(w, Qt.Key.Key_A)  # accept b
    statuses = lambda: [w.project.mention(m.id).status for m in (a, b)]  # noqa: E731
    w.project.db.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON events "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    ui.key(w, Qt.Key.Key_Z, CTRL)
    ui.key(w, Qt.Key.Key_Z, CTRL)
    qtbot.wait(50)
    assert statuses() == ["confirmed", "confirmed"] and w.doc.undo_stack.index() == 2
    w.project.db.execute("DROP TRIGGER refuse")
    # only b refused: the second Ctrl+Z tries b again instead of skipping to a
    w.project.db.execute(f"CREATE TEMP TRIGGER refuse BEFORE INSERT ON events WHEN NEW.trigger_start = "
                         f"{b.trigger.start:d} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    ui.key(w, Qt.Key.Key_Z, CTRL)
    ui.key(w, Qt.Key.Key_Z, CTRL)
    qtbot.wait(50)
    assert statuses() == ["confirmed", "confirmed"] and w.doc.undo_stack.index() == 2
    w.project.db.execute("DROP TRIGGER refuse")
    ui.key(w, Qt.Key.Key_Z, CTRL)
    ui.key(w, Qt.Key.Key_Z, CTRL)
    assert statuses() == ["proposed", "proposed"] and w.doc.undo_stack.index() == 0
