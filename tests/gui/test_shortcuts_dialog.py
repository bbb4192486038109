"""Edit → Keyboard Shortcuts… on the real window, a real project file and a settings file.

The dialog is opened from its menu action, keys are typed into its key field, OK/Cancel
are clicked; the keys are then pressed in the window (no window manager: closing the
dialog must give the keys back by itself).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tadqiq.gui.actions import ACTIONS
from tadqiq.gui.shortcuts_dialog import ShortcutsDialog

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


def keys_are_back(w) -> bool:
    return QApplication.activeWindow() is w and QApplication.focusWidget() is w.article_view


def open_dialog(qtbot, w) -> ShortcutsDialog:
    w.menuBar()  # the entry lives in the Edit menu
    edit_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "Edit")
    entry = next(a for a in edit_menu.actions() if a.text() == "Keyboard Shortcuts…")
    entry.trigger()
    dialog = w.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def close_with(qtbot, w, dialog: ShortcutsDialog, button) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(ShortcutsDialog) is None)
    qtbot.waitUntil(lambda: keys_are_back(w), timeout=1000)


def select_proposed(w):
    m = next(m for m in w.doc.mentions if m.status == "proposed")
    w.doc.select(m.id)
    return m


def row_keys(dialog: ShortcutsDialog, name: str) -> str:
    row = [spec.name for spec in ACTIONS].index(name)
    return dialog.table.item(row, 2).text()


def test_the_table_lists_every_action_with_what_it_does_and_its_key(qtbot, open_window):
    w = open_window()
    dialog = open_dialog(qtbot, w)
    assert dialog.table.rowCount() == len(ACTIONS)
    texts = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
             for r in range(dialog.table.rowCount())}
    assert texts["Accept"] == ("accept the selected mention as it is", "A")
    assert texts["Next mention"][1] == "J / Down"
    assert texts["Guidelines for this type"][1] == "F1" and texts["Keys…"][1] == "?"
    assert texts["Keyboard Shortcuts…"][1] == "—"
    assert not any(b.isEnabled() for b in dialog.reset_buttons.values())  # nothing rebound yet
    close_with(qtbot, w, dialog, CANCEL)


def test_rebind_accept_to_y_then_reset_and_it_persists(qtbot, open_window, ui):
    w = open_window()
    first = w.doc.selected
    dialog = open_dialog(qtbot, w)
    dialog.select_action("accept")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Y)
    assert row_keys(dialog, "accept") == "Y" and dialog.reset_buttons["accept"].isEnabled()
    assert w.settings.shortcut("accept", "") == ""  # nothing written before OK
    close_with(qtbot, w, dialog, OK)

    assert w.settings.store.value("keys/accept") == "Y"
    ui.key(w, Qt.Key.Key_A)  # A does nothing now
    assert w.doc.mention(first.id).status == "proposed" and w.doc.undo_stack.count() == 0
    ui.key(w, Qt.Key.Key_Y)
    assert w.doc.mention(first.id).status == "confirmed"
    ui.key(w, Qt.Key.Key_Question)  # the list of keys shows the new key
    assert ("Y", "Accept") in [row[:2] for row in w.help_overlay.rows()]
    assert "<code>Y</code>" in w.help_overlay.label.text()
    ui.key(w, Qt.Key.Key_Escape)

    w.close()  # a new window on the same settings file: still Y
    again = open_window()
    second = select_proposed(again)
    ui.key(again, Qt.Key.Key_A)
    assert again.doc.mention(second.id).status == "proposed"
    ui.key(again, Qt.Key.Key_Y)
    assert again.doc.mention(second.id).status == "confirmed"

    dialog = open_dialog(qtbot, again)  # reset this row: A again, and the setting is gone
    assert row_keys(dialog, "accept") == "Y"
    qtbot.mouseClick(dialog.reset_buttons["accept"], Qt.MouseButton.LeftButton)
    assert row_keys(dialog, "accept") == "A" and not dialog.reset_buttons["accept"].isEnabled()
    close_with(qtbot, again, dialog, OK)
    assert not again.settings.has_shortcut("accept")
    third = select_proposed(again)
    ui.key(again, Qt.Key.Key_Y)
    assert again.doc.mention(third.id).status == "proposed"
    ui.key(again, Qt.Key.Key_A)
    assert again.doc.mention(third.id).status == "confirmed"


def test_a_key_of_another_action_is_refused_with_a_message(qtbot, open_window, ui):
    w = open_window()
    first = w.doc.selected
    dialog = open_dialog(qtbot, w)
    dialog.select_action("accept")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_X)  # X rejects
    assert row_keys(dialog, "accept") == "A" and row_keys(dialog, "reject") == "X"
    message = dialog.message.text()
    assert "X" in message and "Reject" in message and "already" in message
    assert dialog.message.isVisible()
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_F1)  # the guidelines' key is taken as well
    assert row_keys(dialog, "accept") == "A" and "Guidelines for this type" in dialog.message.text()
    close_with(qtbot, w, dialog, OK)
    assert not w.settings.has_shortcut("accept")
    ui.key(w, Qt.Key.Key_X)  # still reject, and A still accepts
    assert w.doc.mention(first.id).status == "rejected"
    second = select_proposed(w)
    ui.key(w, Qt.Key.Key_A)
    assert w.doc.mention(second.id).status == "confirmed"


def test_cancel_changes_nothing_and_reset_all_restores_every_default(qtbot, open_window, ui):
    w = open_window()
    dialog = open_dialog(qtbot, w)
    dialog.select_action("reject")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_W)
    assert row_keys(dialog, "reject") == "W"
    close_with(qtbot, w, dialog, CANCEL)
    assert not w.settings.has_shortcut("reject")
    assert [s.toString() for s in w.actions_by_name["reject"].shortcuts()] == ["X"]

    dialog = open_dialog(qtbot, w)  # a second key beside J/Down, and Tab rebound
    dialog.select_action("next_mention")
    dialog.keep_others.setChecked(True)
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Space)
    assert row_keys(dialog, "next_mention") == "J / Down / Space"
    dialog.select_action("next_argument")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_B)
    close_with(qtbot, w, dialog, OK)
    assert [s.toString() for s in w.actions_by_name["next_mention"].shortcuts()] == ["J", "Down", "Space"]
    start = w.doc.selected_id
    ui.key(w, Qt.Key.Key_Space)
    assert w.doc.selected_id != start

    dialog = open_dialog(qtbot, w)
    qtbot.mouseClick(dialog.reset_all_button, Qt.MouseButton.LeftButton)
    assert row_keys(dialog, "next_mention") == "J / Down" and row_keys(dialog, "next_argument") == "Tab"
    close_with(qtbot, w, dialog, OK)
    assert not any(w.settings.has_shortcut(spec.name) for spec in ACTIONS)
    assert [s.toString() for s in w.actions_by_name["next_argument"].shortcuts()] == ["Tab"]


def test_reset_refuses_a_default_now_used_elsewhere(qtbot, open_window):
    w = open_window()
    dialog = open_dialog(qtbot, w)
    dialog.select_action("accept")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Y)
    dialog.select_action("reject")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_A)  # A is free now: Reject takes it
    assert row_keys(dialog, "reject") == "A"
    qtbot.mouseClick(dialog.reset_buttons["accept"], Qt.MouseButton.LeftButton)
    assert row_keys(dialog, "accept") == "Y" and "Reject" in dialog.message.text()
    close_with(qtbot, w, dialog, CANCEL)
