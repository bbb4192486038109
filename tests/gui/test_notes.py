"""Notes and flags in the window (issue 11 item 5): C, Enter stores; listed, resolved; exported by the CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner
from PySide6.QtCore import Qt

from tadqiq.cli.main import cli


def test_c_then_enter_stores_a_note_on_the_selected_mention(open_window, ui, qtbot):
    w = open_window()
    m = w.doc.selected
    ui.key(w, Qt.Key.Key_C)
    assert w.notes_panel.edit.hasFocus()
    assert m.trigger.text in w.notes_panel.edit.placeholderText()
    w.notes_panel.edit.insert("التوجيهات غير واضحة: قصف بلا هدف؟")
    qtbot.keyClick(w.notes_panel.edit, Qt.Key.Key_Return)
    notes = w.project.notes(w.doc.article.id)
    assert [(n["kind"], n["text"], n["event_id"], n["reviewer"]) for n in notes] == [
        ("note", "التوجيهات غير واضحة: قصف بلا هدف؟", m.id, "mariam")]
    assert w.article_view.hasFocus()  # back to reviewing
    assert w.notes_panel.list.count() == 1 and "التوجيهات" in w.notes_panel.list.item(0).text()
    assert w.notes_panel.title.text() == "Notes (1 open)"
    assert w.project.article_status(w.doc.article.id) != "flagged"  # a note is not a flag


def test_a_flag_marks_the_article_until_it_is_resolved(open_window, ui, qtbot):
    w = open_window()
    article = w.doc.article.id
    ui.key(w, Qt.Key.Key_C)
    w.notes_panel.flag.setChecked(True)
    w.notes_panel.edit.insert("check the Place")
    qtbot.keyClick(w.notes_panel.edit, Qt.Key.Key_Return)
    row = w.project.queue_page(w.doc.queue_filter, w.doc.queue_order, 0, 10)
    assert next(r for r in row if r.id == article).status == "flagged"
    w.notes_panel.list.setCurrentRow(0)
    w.notes_panel.resolve_button.click()
    note = w.project.notes(article)[0]
    assert note["resolved_by"] == "mariam" and note["resolved_at"]
    row = w.project.queue_page(w.doc.queue_filter, w.doc.queue_order, 0, 10)
    assert next(r for r in row if r.id == article).status != "flagged"
    assert "resolved by mariam" in w.notes_panel.list.item(0).text()


def test_escape_drops_the_note_and_an_empty_note_stores_nothing(open_window, ui, qtbot):
    w = open_window()
    ui.key(w, Qt.Key.Key_C)
    w.notes_panel.edit.insert("not this")
    qtbot.keyClick(w.notes_panel.edit, Qt.Key.Key_Escape)
    ui.key(w, Qt.Key.Key_C)
    qtbot.keyClick(w.notes_panel.edit, Qt.Key.Key_Return)
    assert w.project.notes(w.doc.article.id) == []
    assert w.article_view.hasFocus()


def test_tadqiq_notes_lists_searches_and_exports(open_window, ui, qtbot, house_project_path):
    w = open_window()
    m = w.doc.selected
    w.doc.add_note(w.doc.article.id, "الهدف غير واضح", "flag", m.id)
    w.doc.add_note(w.doc.article.id, "all good", "note")
    w.project.db.execute("PRAGMA wal_checkpoint(FULL)")
    runner = CliRunner()
    r = runner.invoke(cli, ["notes", str(house_project_path), "--json"], catch_exceptions=False)
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["kind"], x["text"], x["trigger"], x["type"]) for x in rows] == [
        ("flag", "الهدف غير واضح", m.trigger.text, m.type), ("note", "all good", None, None)]
    assert rows[0]["article"] == w.doc.article.ext_id
    r = runner.invoke(cli, ["notes", str(house_project_path), "--search", "الهدف"], catch_exceptions=False)
    assert "الهدف غير واضح" in r.stdout and "all good" not in r.stdout and r.stdout.strip().endswith("1 notes")
