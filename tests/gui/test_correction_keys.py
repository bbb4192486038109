"""Keyboard correction (issue 11, item 3): T starts on the current type; undo and redo say what they did."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_t_preselects_the_current_type_so_enter_changes_nothing(open_window, ui, qtbot):
    w = open_window()
    m = w.doc.selected
    ui.key(w, Qt.Key.Key_T)
    qtbot.waitUntil(w.type_picker.isVisible)
    assert w.type_picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == m.type
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    assert w.doc.mention(m.id).type == m.type and w.doc.mention(m.id).status == m.status


def test_undo_and_redo_name_what_they_did_in_the_status_bar(open_window, ui):
    w = open_window()
    ui.key(w, Qt.Key.Key_A)
    w.actions_by_name["undo"].trigger()
    assert w.statusBar().currentMessage().startswith("Undone: ")
    assert "ccept" in w.statusBar().currentMessage()
    w.actions_by_name["redo"].trigger()
    assert w.statusBar().currentMessage().startswith("Redone: ")
