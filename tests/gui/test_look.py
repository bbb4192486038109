"""How the window looks: the dark theme everywhere, tables that show their rows whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from tadqiq.gui.export_dialog import ExportDialog
from tadqiq.gui.shortcuts_dialog import ShortcutsDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WINDOW, BUTTON = QPalette.ColorRole.Window, QPalette.ColorRole.Button


def test_the_dark_theme_reaches_the_scroll_bars_and_every_dialog(qtbot, open_window, ui):
    w = open_window()
    light = w.palette().color(WINDOW)
    ui.key(w, Qt.Key.Key_D, CTRL_SHIFT)
    assert w.settings.get("view/theme") == "dark"
    dark = w.palette()
    assert dark.color(WINDOW) != light
    view = w.article_view
    assert view.palette().color(QPalette.ColorRole.Base).name() == "#1e1f22"
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):  # not the light application palette
        assert bar.palette().color(BUTTON) == dark.color(BUTTON)
        assert bar.palette().color(WINDOW) == dark.color(WINDOW)

    w.show_shortcuts()
    w.show_export()
    dialogs = [w.type_picker, w.value_editor, w.findChild(ShortcutsDialog), w.findChild(ExportDialog)]
    assert all(d is not None and d.palette().color(WINDOW) == dark.color(WINDOW) for d in dialogs)
    # a disabled button or field looks disabled in the dark theme too
    disabled, active = QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Active
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        assert dark.color(disabled, role) != dark.color(active, role)

    w.toggle_theme()  # back to light (the open export dialog has the keys): the dialogs follow
    assert w.settings.get("view/theme") == "light"
    assert all(d.palette().color(WINDOW) == light for d in dialogs)
    assert view.verticalScrollBar().palette().color(WINDOW) == light
    for d in dialogs[2:]:
        d.reject()


def test_attributes_stay_whole_and_arguments_keep_room_with_the_guidelines_open(qtbot, open_window, ui):
    w = open_window()
    panel = w.event_panel
    rows = panel.attribute_model.rowCount()
    assert rows == 5  # polarity, modality, genericity, rule, link
    for width, height in ((1440, 900), (1100, 700), (1920, 1080)):
        w.resize(width, height)
        if w.guide_panel.isHidden():
            ui.key(w, Qt.Key.Key_F1)
        else:
            panel.show_section(w.guide_panel, True)
        qtbot.waitUntil(lambda: w.guide_panel.isVisible())
        row = panel.attribute_view.verticalHeader().defaultSectionSize()
        assert panel.attribute_view.viewport().height() >= rows * row, (width, height)
        assert not panel.attribute_view.verticalScrollBar().isVisible(), (width, height)
        if height >= 900:  # room for five arguments, and a real share for the guidelines
            assert panel.argument_view.viewport().height() >= 5 * row, (width, height)
            assert w.guide_panel.height() > 200, (width, height)
        else:
            assert panel.argument_view.viewport().height() >= 3 * row, (width, height)


def test_the_type_picker_shows_every_type_with_its_whole_gloss(qtbot, open_window, ui):
    w = open_window()
    ui.key(w, Qt.Key.Key_T)
    picker = w.type_picker
    assert picker.isVisible()
    assert picker.list.viewport().width() >= picker.list.sizeHintForColumn(0)
    assert not picker.list.horizontalScrollBar().isVisible()
    picker.reject()


def test_the_value_editor_shows_a_place_and_its_country_on_one_line(qtbot, open_window, ui):
    w = open_window()
    m = next(m for m in w.doc.mentions if any(a.role == "Place" for a in m.arguments))
    w.doc.select(m.id, next(i for i, a in enumerate(m.arguments) if a.role == "Place"))
    ui.key(w, Qt.Key.Key_V)
    editor = w.value_editor
    assert editor.isVisible()
    editor.edit.setText("دير الزور")
    shown = editor.preview.text()
    assert "Deir ez-Zor" in shown
    assert editor.preview.fontMetrics().horizontalAdvance(shown) <= editor.preview.width()
    editor.reject()


def test_a_taller_window_lengthens_the_mention_list_not_the_empty_argument_rows(qtbot, open_window):
    w = open_window()
    panel = w.event_panel
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.height() == 900)
    mentions, lower = panel.split.sizes()[:2]
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: w.height() == 1080)
    taller_mentions, taller_lower = panel.split.sizes()[:2]
    assert taller_lower == lower and taller_mentions > mentions + 150
    assert panel.argument_view.viewport().height() >= 5 * panel.argument_view.verticalHeader().defaultSectionSize()
