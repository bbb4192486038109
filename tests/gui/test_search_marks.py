"""Search in the window (issue 11 item 2): find in the article, the queue's words marked, the concordance."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _marked(w):
    text = w.doc.article.text
    return [text[s:e] for s, e in w.article_view.marks]


def _mark_formats(w):
    return [s for s in w.article_view.extraSelections()
            if s.format.property(s.format.Property.UserProperty) == "match"]


def test_ctrl_f_marks_every_form_of_the_word_and_steps_through_them(open_window, ui, qtbot):
    w = open_window()
    ui.key(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.find_bar.isVisible() and w.find_bar.edit.hasFocus()
    w.find_bar.edit.insert("هجوم")  # QTest types ASCII only: the text arrives as typed text does
    words = _marked(w)
    assert words and all("هجوم" in x for x in words)
    assert len(_mark_formats(w)) == len(words)
    n = len(words)
    assert w.find_bar.count.text() == f"1 of {n}"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
    assert w.find_bar.count.text() == f"{min(2, n)} of {n}"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert w.find_bar.count.text() == f"1 of {n}"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible() and w.article_view.marks == []
    assert w.article_view.hasFocus()  # the review keys act again


def test_a_word_that_is_not_there_says_so(open_window, ui, qtbot):
    w = open_window()
    w.actions_by_name["find"].trigger()
    w.find_bar.edit.insert("طوفان")
    assert w.find_bar.count.text() == "no match" and w.article_view.marks == []
    w.find_bar.edit.setText('"هجوم')
    assert "unbalanced quote" in w.find_bar.count.text()


def test_the_queue_search_words_stay_marked_in_the_article_it_opens(open_window, qtbot):
    w = open_window()
    w.queue_pane.search.setText("حماة")
    qtbot.keyClick(w.queue_pane.search, Qt.Key.Key_Return)
    assert w.queue_pane.model.rowCount() >= 1
    assert _marked(w) and all("حماة" in x for x in _marked(w))
    w.queue_pane.search.clear()
    qtbot.keyClick(w.queue_pane.search, Qt.Key.Key_Return)
    assert w.article_view.marks == []


def test_the_concordance_lists_the_trigger_word_and_opens_a_line(open_window, ui, qtbot):
    w = open_window()
    m = w.doc.selected
    ui.key(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c = w.concordance_window
    assert c is not None and c.isVisible() and not c.isModal()
    assert c.edit.text() == m.trigger.text
    lines = c.model.lines
    assert lines and "occurrences" in c.status.text()
    text = w.doc.article.text
    assert all(w.project.article(ln.article_id).text[ln.start:ln.end] == ln.match for ln in lines)
    last = len(lines) - 1
    qtbot.keyClick(c.table, Qt.Key.Key_End)  # the last line
    qtbot.keyClick(c.table, Qt.Key.Key_Return)
    line = lines[last]
    assert w.doc.article.id == line.article_id
    current = w.article_view.marks[w.find_bar.current]
    assert current[1] > line.start and text is not None
