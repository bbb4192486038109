"""The queue pane: a paged SQL model (qtmodeltester), filters, and the article keys of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import Article, Mention, Span
from tadqiq.db.project import Project
from tadqiq.gui import queue_model
from tadqiq.gui.queue_model import QueueModel

HOUSE = "house-hama-001"


def many_articles(path, n: int) -> None:
    items = []
    for i in range(n):
        text = f"قصفت الطائرات قرية رقم {i} صباح اليوم"
        m = Mention("Conflict.Attack", Span.of(text, 0, 4), status="proposed", origin="extractor:test",
                    confidence=(i % 10) / 10)
        items.append(ImportItem(Article(f"n{i:05d}", text, f"خبر {i}", source="wire" if i % 3 else "agency"), (m,)))
    with Project.open(path) as p:
        p.import_items(items)


def test_model_passes_qtmodeltester_and_reads_only_the_pages_shown(qtmodeltester, tmp_path, monkeypatch):
    monkeypatch.setattr(queue_model, "PAGE", 50)
    path = tmp_path / "many.tadqiq"
    many_articles(path, 1200)
    with Project.open(path) as p:
        model = QueueModel(p)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == 1200
        model.pages_read = 0
        last = model.index(1199, 0)
        assert model.data(last) == "خبر 1199"
        assert model.data(model.index(1199, 1)) == ""  # no date
        assert model.pages_read == 1  # the end is one page, not all 24 before it
        model.sort(3, Qt.SortOrder.DescendingOrder)  # by proposals: all 1
        assert model.order.key == "proposals" and model.order.descending
        model.sort(4)  # the status column does not sort
        assert model.order.key == "proposals"


def test_queue_filters_and_the_row_of_the_open_article(open_window, house_project_path):
    w = open_window()
    pane = w.queue_pane
    assert pane.model.rowCount() == 2
    assert pane.table.currentIndex().row() == pane.model.row_of(w.doc.article.id)
    pane.search.setText("حلب")
    pane.search.returnPressed.emit()
    assert [pane.model.row(i).ext_id for i in range(pane.model.rowCount())] == ["demo-2"]
    assert w.doc.queue_filter.text == "حلب"  # next article follows the queue's filter
    pane.search.clear()
    pane.search.returnPressed.emit()
    pane.status.setCurrentIndex(pane.status.findData("done"))
    assert pane.model.rowCount() == 0
    assert "0 in this queue" in pane.count_label.text()


def test_article_keys_next_previous_skip_and_flag(open_window, ui):
    w = open_window()
    house = w.doc.article.id
    ui.key(w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.article.ext_id == "demo-2"
    ui.key(w, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.article.id == house
    ui.key(w, Qt.Key.Key_S)  # skip: the next article opens, the house article is set aside
    assert w.doc.article.ext_id == "demo-2"
    statuses = {w.queue_pane.model.row(i).ext_id: w.queue_pane.model.row(i).status for i in range(2)}
    assert statuses == {HOUSE: "skipped", "demo-2": "todo"}
    assert w.doc.next_article_id() is None  # the only other article is skipped
    ui.key(w, Qt.Key.Key_F)
    notes = w.project.notes(w.doc.article.id)
    assert [(n["kind"], n["reviewer"]) for n in notes] == [("flag", "mariam")]
    assert "flagged" in [w.queue_pane.model.row(i).status for i in range(2)]


def test_resume_at_the_first_undecided_mention_and_jump_to_the_next(open_window, ui):
    w = open_window()
    first, second = w.doc.mentions[0], w.doc.mentions[1]
    ui.key(w, Qt.Key.Key_A)  # accept the first: the second is selected
    w.close()
    w2 = open_window()
    assert w2.doc.selected_id == second.id  # a restart resumes at the first undecided mention
    w2.doc.select(first.id)
    ui.key(w2, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert w2.doc.selected_id == second.id
    assert "1/" in w2.progress_label.text() and "articles done" in w2.progress_label.text()


def test_arabic_titles_are_aligned_right_and_latin_ones_left(tmp_path):
    path = tmp_path / "dir.tadqiq"
    with Project.open(path) as p:
        p.import_items([ImportItem(Article("ar", "نص عربي", "قصف على حلب")),
                        ImportItem(Article("en", "English text", "Shelling in Aleppo"))])
        model = QueueModel(p)
        align = [model.data(model.index(r, 0), Qt.ItemDataRole.TextAlignmentRole) for r in range(2)]
        assert align[0] & int(Qt.AlignmentFlag.AlignRight) and not align[1]


def test_confidence_and_date_range_widgets_filter_the_queue(qtbot, tmp_path):
    from tadqiq.gui.queue_pane import QueuePane

    items = []
    for i in range(10):
        text = f"قصفت الطائرات قرية رقم {i} صباح اليوم"
        m = Mention("Conflict.Attack", Span.of(text, 0, 4), status="proposed", origin="extractor:test",
                    confidence=i / 10)
        items.append(ImportItem(Article(f"d{i}", text, f"خبر {i}", published=f"2024-03-{i + 1:02d}"), (m,)))
    path = tmp_path / "ranges.tadqiq"
    with Project.open(path) as p:
        p.import_items(items)
    with Project.open(path) as p:
        pane = QueuePane(p, "amal")
        qtbot.addWidget(pane)
        assert pane.model.rowCount() == 10
        pane.conf_min.setValue(0.3)
        pane.conf_max.setValue(0.6)
        assert pane.current_filter().min_confidence == 0.3
        assert sorted(pane.model.data(pane.model.index(r, 0)) for r in range(pane.model.rowCount())) == [
            "خبر 3", "خبر 4", "خبر 5", "خبر 6"]
        pane.conf_min.setValue(pane.conf_min.minimum())  # "(any)": no lower bound again
        assert pane.current_filter().min_confidence is None and pane.model.rowCount() == 7
        pane.date_from.setText("2024-03-05")
        pane.date_from.editingFinished.emit()
        assert pane.model.rowCount() == 3  # 0.4, 0.5, 0.6 published on the 5th to the 7th
        pane.date_to.setText("2024-03")  # not a whole date yet: no bound, not an error
        pane.date_to.editingFinished.emit()
        assert pane.current_filter().date_to is None and pane.model.rowCount() == 3
        pane.date_from.clear()
        assert pane.model.rowCount() == 7


def test_stepping_through_the_queue_keeps_context_rows_and_seldom_scrolls(qtbot, tmp_path):
    from tadqiq.gui.queue_pane import QueuePane

    path = tmp_path / "steps.tadqiq"
    many_articles(path, 120)
    with Project.open(path) as p:
        pane = QueuePane(p, "amal")
        qtbot.addWidget(pane)
        pane.resize(500, 400)
        pane.show()
        qtbot.waitExposed(pane)
        bar, table = pane.table.verticalScrollBar(), pane.table
        moves, last = 0, bar.value()
        for row in range(120):
            pane.show_article(pane.model.row(row).id)
            assert table.currentIndex().row() == row
            top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
            assert top <= row <= bottom
            if 3 <= row <= 116:  # context rows on both sides, except at the queue's ends
                assert top <= row - 3 and (bottom < 0 or row + 3 <= bottom), (row, top, bottom)
            moves += bar.value() != last
            last = bar.value()
        visible = table.rowAt(table.viewport().height() - 1) - table.rowAt(0)
        assert visible > 8
        assert moves <= 120 // (visible - 7) + 1  # a page turn now and then, not a scroll per step
        pane.show_article(pane.model.row(3).id)  # far away: it comes to the middle
        top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        assert top <= 3 <= bottom
