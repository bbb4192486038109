"""Dialogs and the help overlay on the real window, with no window manager (offscreen).

Nothing here re-activates the window by hand after a dialog: closing the type picker, the
value editor or the export dialog (accepted or cancelled) must give the keys back to the
window by itself, or every later key (P, Ctrl+Z, Ctrl+Q) would do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tadqiq.gui.export_dialog import ExportDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def keys_are_back(w) -> bool:
    return QApplication.activeWindow() is w and QApplication.focusWidget() is w.article_view


def wait_keys_back(qtbot, w) -> None:
    """The platform reports (de)activation through the event loop: give it a moment, no more."""
    qtbot.waitUntil(lambda: keys_are_back(w), timeout=1000)


def test_keys_still_work_after_every_dialog_closes(qtbot, open_window, ui):
    w = open_window()
    first = w.doc.selected

    ui.key(w, Qt.Key.Key_T)  # type picker, accepted
    assert w.type_picker.isVisible()
    qtbot.keyClicks(w.type_picker.edit, "inj")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    assert w.doc.mention(first.id).type == "Life.Injure"
    assert keys_are_back(w)
    ui.key(w, Qt.Key.Key_P)
    assert w.doc.mention(first.id).attributes["polarity"] == "negative"

    text = w.doc.article.text
    meet = text.index("اجتماع")
    ui.drag_select(w.article_view, meet, meet + 6)
    ui.key(w, Qt.Key.Key_N)  # new mention picker, cancelled
    assert w.type_picker.isVisible()
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Escape)
    assert not w.type_picker.isVisible()
    assert keys_are_back(w)

    ui.key(w, Qt.Key.Key_Tab)  # value editor, accepted then cancelled
    ui.key(w, Qt.Key.Key_V)
    assert w.value_editor.isVisible()
    w.value_editor.kind.setCurrentText("actor")
    qtbot.keyClick(w.value_editor.edit, Qt.Key.Key_Return)
    assert not w.value_editor.isVisible()
    assert keys_are_back(w)
    ui.key(w, Qt.Key.Key_V)
    qtbot.keyClick(w.value_editor.edit, Qt.Key.Key_Escape)
    assert keys_are_back(w)

    ui.key(w, Qt.Key.Key_E, CTRL)  # export dialog, closed
    dialog = w.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: w.findChild(ExportDialog) is None)
    wait_keys_back(qtbot, w)

    count = w.doc.undo_stack.index()
    ui.key(w, Qt.Key.Key_Z, CTRL)
    assert w.doc.undo_stack.index() == count - 1
    ui.key(w, Qt.Key.Key_Q, CTRL)
    assert not w.isVisible()


def test_the_help_overlay_takes_every_key_and_acts_on_none(qtbot, open_window, ui):
    w = open_window()
    first = w.doc.selected
    ui.key(w, Qt.Key.Key_Question)
    assert w.help_overlay.isVisible()
    ui.key(w, Qt.Key.Key_A)  # closes the overlay, does not accept the mention behind it
    assert not w.help_overlay.isVisible()
    assert w.doc.mention(first.id).status == "proposed" and w.doc.undo_stack.count() == 0
    assert w.doc.selected_id == first.id
    assert keys_are_back(w)

    for closing in (Qt.Key.Key_Escape, Qt.Key.Key_Question, Qt.Key.Key_J, Qt.Key.Key_F1):
        ui.key(w, Qt.Key.Key_Question)
        assert w.help_overlay.isVisible()
        qtbot.keyClick(w.article_view, Qt.Key.Key_Shift)  # a modifier alone changes nothing
        assert w.help_overlay.isVisible()
        ui.key(w, closing)
        assert not w.help_overlay.isVisible(), closing
        assert w.guide_panel.isHidden(), closing  # F1 only closed the list: the guide stays hidden
        assert w.doc.selected_id == first.id
    ui.key(w, Qt.Key.Key_Z, CTRL)  # nothing to undo, and nothing was done
    assert w.doc.undo_stack.count() == 0

    ui.key(w, Qt.Key.Key_Question)
    qtbot.mouseClick(w.help_overlay, Qt.MouseButton.LeftButton)
    assert not w.help_overlay.isVisible()
    ui.key(w, Qt.Key.Key_A)  # and the keys work again
    assert w.doc.mention(first.id).status == "confirmed"
