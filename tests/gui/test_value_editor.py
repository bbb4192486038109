from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tadqiq.gui.value_editor import actors, default_kind, make_value, place_names

HOUSE = "house-hama-001"


@pytest.mark.parametrize("kind,typed,expected", [
    ("count", "سبعة", {"kind": "count", "value": 7}),
    ("count", "15", {"kind": "count", "value": 15}),
    ("date", "2018-11-03", {"kind": "date", "raw": "2018-11-03", "value": "2018-11-03", "precision": "day"}),
    ("none", "anything", None),
    ("count", "", None),
])
def test_make_value(kind, typed, expected):
    assert make_value(kind, typed) == expected


def test_vague_count_and_relative_date():
    assert make_value("count", "عدد من")["vague"] == "several"
    assert make_value("date", "اليوم السبت")["weekday"] == "Saturday"


def test_places_resolve_in_arabic_and_english():
    ar = make_value("place", "دير الزور")
    assert ar["kind"] == "place" and ar["name_ar"]
    assert "دير الزور" in place_names() or any("الزور" in n for n in place_names())
    assert make_value("place", "no such place xyz") is None


def test_actors_map_aliases_to_the_canonical_name():
    assert actors()["داعش"] == "تنظيم داعش"
    assert make_value("actor", "داعش") == {"kind": "actor", "name": "تنظيم داعش", "known": True}


@pytest.mark.parametrize("role,kind", [("Time", "date"), ("Place", "place"), ("Victim", "count"), ("Vehicle", "count"),
                                       ("Attacker", "actor")])
def test_default_kind_by_role(role, kind):
    assert default_kind(role) == kind


def test_v_key_edits_the_selected_argument_value_through_the_window(qtbot, tmp_path, house_project_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tadqiq.db.project import Project
    from tadqiq.gui.main_window import MainWindow
    from tadqiq.gui.settings import Settings

    project = Project.open(house_project_path)
    w = MainWindow(project, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                   reviewer="mariam", article=HOUSE)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    m = w.doc.mentions[1]  # Life.Die يقتلون: Agent, Victim «العشرات», Place
    w.doc.select(m.id, 1)
    qtbot.keyClick(w.article_view, Qt.Key.Key_V)
    assert w.value_editor.isVisible() and w.value_editor.kind.currentText() == "count"
    w.value_editor.edit.setText("سبعة")
    qtbot.keyClick(w.value_editor.edit, Qt.Key.Key_Return)
    stored = next(x for x in project.mentions(w.doc.article.id) if x.id == m.id)
    assert stored.arguments[1].value == {"kind": "count", "value": 7}
    assert stored.status == "corrected"
    w.doc.undo_stack.undo()
    stored = next(x for x in project.mentions(w.doc.article.id) if x.id == m.id)
    assert stored.arguments[1].value == m.arguments[1].value
    w.close()
    project.close()


def test_the_preview_reads_like_the_argument_table(qtbot):
    from tadqiq.gui.value_editor import ValueEditor

    editor = ValueEditor()
    qtbot.addWidget(editor)
    editor.kind.setCurrentText("count")
    editor.edit.setText("عشرات")
    assert editor.preview.text() == "≥ 10 (tens)"
    editor.edit.setText("نحو 30")
    assert editor.preview.text() == "≈ 30"
