"""The guidelines panel (F1, Help → Guidelines for this type) on the real window and project file."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextTable

from tadqiq.core.resources import resource_path
from tadqiq.gui.guide_panel import LRM, isolate_arabic, load_guidelines

CTRL = Qt.KeyboardModifier.ControlModifier


def guide_table(w) -> list[list[str]]:
    """The roles table of the panel as it is rendered: [key, role, English, Arabic] per row."""
    doc = w.guide_panel.browser.document()
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    return [[table.cellAt(r, c).firstCursorPosition().block().text() for c in range(table.columns())]
            for r in range(1, table.rows())]


def block_with(w, text: str):
    doc = w.guide_panel.browser.document()
    block = doc.begin()
    while block.isValid():
        if block.text() == text:
            return block
        block = block.next()
    raise AssertionError(f"no paragraph {text!r} in the guide")


def select_type(w, event_type: str):
    m = next(m for m in w.doc.mentions if m.type == event_type)
    w.doc.select(m.id)
    return m


def test_f1_shows_the_selected_types_definition_and_roles_with_their_keys(qtbot, open_window, ui):
    w = open_window()
    assert w.guide_panel.isHidden()
    select_type(w, "Life.Die")
    ui.key(w, Qt.Key.Key_F1)
    assert w.guide_panel.isVisible() and w.actions_by_name["guide"].isChecked()
    assert w.guide_panel.height() > 150  # a real share of the event panel, not a sliver
    text = w.guide_panel.browser.toPlainText()
    assert "Life.Die" in text and "someone died (killed, perished)" in text
    rows = guide_table(w)
    assert [(r[0], r[1].lstrip("■\xa0 ")) for r in rows] == [
        ("1", "Agent"), ("2", "Victim"), ("3", "Instrument"), ("4", "Place"), ("5", "Time")]
    assert rows[1][2] == "who died, with the count" and rows[1][3] == "القتلى مع عددهم"

    # Arabic lays out right to left, right-aligned
    arabic = block_with(w, "مقتل أو موت شخص")
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    assert block_with(w, "القتلى مع عددهم").textDirection() == Qt.LayoutDirection.RightToLeft

    # the conventions for every type come from resources/guidelines/, in both languages
    text = text.replace(LRM, "")  # the invisible marks around Arabic in English
    assert "ويقتل → يقتل" in text
    data = json.loads(resource_path("guidelines", "conflict-ar.json").read_text(encoding="utf-8"))
    for section in data["sections"]:
        assert section["title"]["en"] in text
        for item in section["items"]:
            assert item["en"] in text
            assert block_with(w, item["ar"]).textDirection() == Qt.LayoutDirection.RightToLeft
    assert "[P]" in text and "[M]" in text and "[G]" in text  # the attribute keys as bound

    ui.key(w, Qt.Key.Key_F1)  # F1 hides it again
    assert w.guide_panel.isHidden() and not w.actions_by_name["guide"].isChecked()
    assert w.doc.undo_stack.count() == 0  # and it changed nothing


def test_the_panel_follows_the_selection_and_a_type_change(qtbot, open_window, ui):
    w = open_window()
    m = select_type(w, "Life.Die")
    ui.key(w, Qt.Key.Key_F1)
    assert w.guide_panel.shown_type == "Life.Die"

    ui.key(w, Qt.Key.Key_T)  # the type picker: Life.Die → Life.Injure
    qtbot.keyClicks(w.type_picker.edit, "inj")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    assert w.doc.mention(m.id).type == "Life.Injure"
    assert w.guide_panel.shown_type == "Life.Injure"
    text = w.guide_panel.browser.toPlainText()
    assert "someone was injured" in text and "someone died" not in text
    assert guide_table(w)[1][2] == "who was injured, with the count"

    ui.key(w, Qt.Key.Key_Z, CTRL)  # undo: back to Life.Die, and so is the panel
    assert w.guide_panel.shown_type == "Life.Die"

    attack = select_type(w, "Conflict.Attack")  # another mention
    assert w.doc.selected_id == attack.id and w.guide_panel.shown_type == "Conflict.Attack"
    assert [r[1].lstrip("■\xa0 ") for r in guide_table(w)][:2] == ["Attacker", "Target"]
    ui.key(w, Qt.Key.Key_J)
    assert w.guide_panel.shown_type == w.doc.selected.type


def test_help_menu_entry_rebound_role_keys_and_the_remembered_panel(qtbot, open_window, ui):
    w = open_window()
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "Help")
    entry = next(a for a in help_menu.actions() if a.text() == "Guidelines for this type")
    assert entry.shortcut().toString() == "F1" and entry.isCheckable()
    select_type(w, "Life.Die")
    entry.trigger()
    assert w.guide_panel.isVisible() and entry.isChecked()

    w.settings.set_shortcut("role_2", "Shift+V")  # the panel shows the keys as bound now
    w.apply_shortcuts()
    assert guide_table(w)[1][0] == "Shift+V"

    w.close()  # shown when the window closed: shown in the next one
    again = open_window()
    assert again.guide_panel.isVisible() and again.actions_by_name["guide"].isChecked()
    assert again.guide_panel.shown_type == again.doc.selected.type
    ui.key(again, Qt.Key.Key_F1)
    assert again.guide_panel.isHidden() and again.settings.get("view/guide") is False


def test_guidelines_resource_loads_and_a_schema_without_one_is_empty():
    guide = load_guidelines("conflict-ar")
    assert [s.title_en for s in guide.sections] == ["Trigger", "Arguments", "Attributes", "Counts"]
    assert all(item.ar for s in guide.sections for item in s.items)
    assert load_guidelines("no-such-schema").sections == ()


def test_arabic_inside_english_is_isolated_phrase_by_phrase():
    assert isolate_arabic("drop (و ف ب ل ك): ويقتل → يقتل.") == f"drop ({LRM}و ف ب ل ك{LRM}): {LRM}ويقتل{LRM} → {LRM}يقتل{LRM}."
    assert isolate_arabic("several (عدد من, عدة: 2–9)") == f"several ({LRM}عدد من{LRM}, {LRM}عدة{LRM}: 2–9)"
    assert isolate_arabic("no Arabic") == "no Arabic"


def test_a_list_of_arabic_words_in_an_english_line_keeps_the_english_order(qtbot, open_window, ui):
    w = open_window()
    select_type(w, "Life.Die")
    ui.key(w, Qt.Key.Key_F1)
    doc = w.guide_panel.browser.document()
    block = doc.begin()
    while block.isValid() and "most clearly" not in block.text():
        block = block.next()
    plain, layout = block.text(), block.layout()

    def x(word: str) -> float:
        at = plain.index(word)
        return layout.lineForTextPosition(at).cursorToX(at)[0]

    assert block.textDirection() == Qt.LayoutDirection.LeftToRight
    assert x("(") < x("هجوم") < x("غارات") < x("مقتل") < x("أسر") < x(")")  # not turned right to left
