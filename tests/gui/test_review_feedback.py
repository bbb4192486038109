"""What the reviewer sees after a key: duplicates refused, dropped arguments named, the text
selection cleared once used, the selected mention kept in view, columns and marks readable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtWidgets import QApplication

from tadqiq.core.model import Article

CTRL = Qt.KeyboardModifier.ControlModifier


def has_text_selection(w) -> bool:
    return w.article_view.textCursor().hasSelection()


def test_n_on_a_trigger_that_already_has_that_type_selects_it(qtbot, open_window, ui):
    w = open_window()
    text = w.doc.article.text
    at = text.index("اجتماع")
    existing = next(m for m in w.doc.mentions if m.trigger.start == at)
    assert existing.type == "Contact.Meet"
    ui.drag_select(w.article_view, at + 1, at + 5)
    ui.key(w, Qt.Key.Key_N)
    qtbot.keyClicks(w.type_picker.edit, "meet")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    assert w.doc.undo_stack.count() == 0
    assert len(w.project.mentions(w.doc.article.id)) == 32  # no second, double-counted event
    assert w.doc.selected_id == existing.id
    assert "already a Contact.Meet" in w.statusBar().currentMessage()
    assert not has_text_selection(w)


def test_n_and_role_keys_clear_the_text_selection_once_used(qtbot, open_window, ui):
    w = open_window()
    text = w.doc.article.text
    meeting = text.index("مؤتمر")  # مؤتمر صحافي: no mention has it yet
    ui.drag_select(w.article_view, meeting + 1, meeting + 4)
    assert has_text_selection(w)
    ui.key(w, Qt.Key.Key_N)
    qtbot.keyClicks(w.type_picker.edit, "meet")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    assert [m.trigger.text for m in w.doc.mentions if m.status == "added"] == ["مؤتمر"]
    assert not has_text_selection(w)

    w.doc.select(w.doc.mentions[3].id)  # Life.Die قتل (the teaser's): 2 is Victim
    victim = w.doc.selected.arguments[0]
    assert (w.doc.selected.type, victim.role, victim.span.text) == ("Life.Die", "Victim", "عدد من جنود الجيش السوري")
    ui.drag_select(w.article_view, victim.span.start, victim.span.end - 3)
    ui.key(w, Qt.Key.Key_2)
    assert w.doc.undo_stack.count() == 2
    assert not has_text_selection(w)


def test_a_type_change_names_the_arguments_it_drops_and_undo_restores_them(qtbot, open_window, ui):
    w = open_window()
    m = next(x for x in w.doc.mentions if x.type == "Life.Die" and {"Agent", "Victim"} <= {a.role for a in x.arguments})
    w.doc.select(m.id)
    ui.key(w, Qt.Key.Key_T)
    qtbot.keyClicks(w.type_picker.edit, "meet")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    changed = w.doc.mention(m.id)
    assert changed.type == "Contact.Meet"
    message = w.statusBar().currentMessage()
    dropped = [a for a in m.arguments if a.role not in ("Entity", "Place", "Time")]
    assert dropped and "dropped" in message
    for a in dropped:
        assert f"{a.role} «{a.span.text}»" in message
    assert "Ctrl+Z" in message
    ui.key(w, Qt.Key.Key_Z, CTRL)
    restored = w.project.mention(m.id).arguments
    assert [(a.role, a.span, a.value) for a in restored] == [(a.role, a.span, a.value) for a in m.arguments]
    assert w.project.mention(m.id).type == "Life.Die"


def trigger_visible(w) -> bool:
    view = w.article_view
    m = w.doc.selected
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_range(m.trigger.start, m.trigger.start)[0])
    return view.viewport().rect().contains(view.cursorRect(cursor))


def test_zoom_keeps_the_selected_mention_in_view(qtbot, open_window, ui):
    w = open_window()
    w.resize(760, 560)
    qtbot.waitUntil(lambda: w.width() <= 760)
    w.doc.select(w.doc.mentions[-1].id)  # near the end of the article
    assert trigger_visible(w)
    for _ in range(8):
        ui.key(w, Qt.Key.Key_Equal, CTRL)
        assert trigger_visible(w)
    for _ in range(12):
        ui.key(w, Qt.Key.Key_Minus, CTRL)
        assert trigger_visible(w)


def test_bidi_mark_labels_stay_inside_the_viewport(qtbot, schema):
    from tadqiq.gui.article_view import ArticleView

    text = "\u200fقال مسؤول إن الهجوم وقع صباح اليوم في ريف المدينة الشرقي.\u200f\nنص آخر\u200e"
    view = ArticleView(schema)
    qtbot.addWidget(view)
    view.resize(520, 200)
    view.set_article(Article("bidi-edge", text, id=1))
    view.show()
    qtbot.waitExposed(view)
    marks = view.bidi_marks()
    assert len(marks) == 3
    inside = view.viewport().rect()
    for name, _bar, label in marks:
        assert inside.contains(label), (name, label, inside)
        assert label.width() >= QFontMetrics(view._mark_font()).horizontalAdvance(name)


def test_the_mention_table_keeps_type_and_trigger_whole_in_a_narrow_window(qtbot, open_window):
    w = open_window()
    w.resize(1100, 700)
    qtbot.waitUntil(lambda: w.width() <= 1100)
    QApplication.processEvents()
    table = w.event_panel.mention_view
    header = table.horizontalHeader()
    metrics = QFontMetrics(table.font())
    model = table.model()
    for column in (1, 2):  # type (with its colour square and link mark), trigger
        widest = max(metrics.horizontalAdvance(model.index(r, column).data()) for r in range(model.rowCount()))
        assert header.sectionSize(column) >= widest, (column, header.sectionSize(column), widest)
    assert header.sectionResizeMode(4) == header.ResizeMode.Stretch  # origin takes what is left, elided
