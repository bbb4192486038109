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


def _mention_with_arguments(w, n=2):
    m = next(m for m in w.doc.mentions if len(m.arguments) >= n)
    w.doc.select(m.id)
    return w.doc.selected


def test_r_then_a_number_gives_the_selected_argument_another_role_on_its_span(open_window, ui):
    w = open_window()
    m = _mention_with_arguments(w)
    ui.key(w, Qt.Key.Key_Tab)
    index = w.doc.selected_argument
    before = m.arguments[index]
    roles = w.doc.schema.types[m.type].roles
    target = next(r for r in roles if r != before.role and all(a.role != r for a in m.arguments))
    ui.key(w, Qt.Key.Key_R)
    assert "press its number" in w.statusBar().currentMessage()
    ui.key(w, getattr(Qt.Key, f"Key_{roles.index(target) + 1}"))
    after = w.doc.mention(m.id)
    changed = after.arguments[index]
    assert (changed.role, changed.span) == (target, before.span)
    assert len(after.arguments) == len(m.arguments)  # relabelled, not added
    assert after.status == "corrected"
    assert w.doc.selected_argument == index
    w.actions_by_name["undo"].trigger()
    assert w.doc.mention(m.id).arguments[index].role == before.role
    assert f"{before.role} → {target}" in w.statusBar().currentMessage()


def test_escape_cancels_a_pending_role_change(open_window, ui):
    w = open_window()
    m = _mention_with_arguments(w)
    ui.key(w, Qt.Key.Key_Tab)
    ui.key(w, Qt.Key.Key_R)
    ui.key(w, Qt.Key.Key_Escape)
    assert w.statusBar().currentMessage() == "Cancelled"
    ui.key(w, Qt.Key.Key_1)  # no text selection: the number now means "selection → role 1", and asks for text
    assert w.doc.mention(m.id).arguments == m.arguments
    assert "Select the text" in w.statusBar().currentMessage()


def test_r_without_a_selected_argument_says_what_to_do(open_window, ui):
    w = open_window()
    m = _mention_with_arguments(w, 1)
    w.doc.select_argument(-1)
    ui.key(w, Qt.Key.Key_R)
    assert "Select an argument first" in w.statusBar().currentMessage()
    assert w.controller.role_pending is None and w.doc.mention(m.id) == m


def test_the_linked_partner_is_shown_by_trigger_and_sentence(open_window, ui):
    w = open_window()
    a, b = w.doc.mentions[0], w.doc.mentions[5]
    w.doc.select(a.id)
    ui.key(w, Qt.Key.Key_L)
    w.doc.select(b.id)
    ui.key(w, Qt.Key.Key_L)
    model = w.event_panel.attribute_model
    link_row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "link")
    shown = model.data(model.index(link_row, 1))
    assert f"«{a.trigger.text}» ({a.type})" in shown and " — " in shown
    assert str(w.doc.mention(b.id).link) not in shown  # the partner, not an id


def test_the_selected_mention_keeps_two_rows_of_context_in_view(open_window, qtbot):
    w = open_window()
    view = w.event_panel.mention_view
    w.resize(1200, 700)
    qtbot.wait(10)
    n = w.event_panel.mention_model.rowCount()
    for row in (n - 3, 2, n // 2):
        w.doc.select(w.doc.mentions[row].id)
        port = view.viewport().rect()
        for k in range(row - 2, row + 3):
            rect = view.visualRect(w.event_panel.mention_model.index(k, 0))
            assert port.contains(rect.center()), (row, k)
