"""Review → Run extractor… on the real window and a real project file: the engine runs in a worker
thread; Cancel stops between articles (each replaced whole or untouched); the window shows the
new proposals."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from tadqiq.core.model import Article
from tadqiq.db.project import ImportItem, Project
from tadqiq.gui.extract_dialog import ExtractDialog

NEWS = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة سرمين في ريف إدلب يوم {i}.\n"


@pytest.fixture
def more_articles(house_project_path):
    with Project.open(house_project_path) as p:
        p.import_items([ImportItem(Article(f"news-{i}", NEWS.format(i=i), f"قصف {i}", lang="ar")) for i in range(6)])
    return house_project_path


def open_extract(window) -> ExtractDialog:
    review = next(a.menu() for a in window.menuBar().actions() if a.text() == "Review")
    action = next(a for a in review.actions() if a.objectName() == "action_run_extractor")
    assert action.text() == "Run extractor…"
    action.trigger()
    dialog = window.project_menu.dialog
    assert isinstance(dialog, ExtractDialog) and dialog.isVisible()
    return dialog


def rules_articles(path) -> list[str]:
    with Project.open(path, create=False, read_only=True) as p:
        return [a.ext_id for a in p.article_list(0, 100)
                if any(m.origin.startswith("extractor:rules@") for m in p.mentions(a.id))]


def test_the_rules_over_every_article_and_the_window_shows_them(qtbot, open_window, more_articles):
    window = open_window()
    dialog = open_extract(window)
    assert dialog.engine_box.currentData() == "rules" and dialog.all_radio.isChecked()
    learned = dialog.engine_box.findData("learned")
    assert not dialog.engine_box.model().item(learned).isEnabled()  # no model trained yet
    stored = []
    dialog.stored.connect(lambda: stored.append(True))
    with qtbot.waitSignal(dialog.finished_run, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["done"] and stored == [True]
    s = dialog.summary
    assert s.articles == 8 and s.stored > 8 and not s.cancelled
    text = dialog.result_view.toPlainText()
    assert text.startswith(f"{s.origin} ran over 8 articles.") and f"{s.stored} proposals stored" in text
    assert dialog.progress.value() == dialog.progress.maximum() == 8
    assert len(rules_articles(window.project.path)) == 8
    assert any(m.origin == s.origin for m in window.doc.mentions)  # the open article was read again


def test_this_article_only(qtbot, open_window, more_articles):
    window = open_window(article="news-2")
    dialog = open_extract(window)
    dialog.article_radio.setChecked(True)
    with qtbot.waitSignal(dialog.finished_run, timeout=60000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.articles == 1 and rules_articles(window.project.path) == ["news-2"]


def test_cancel_stops_between_articles_and_says_how_far_it_went(qtbot, open_window, more_articles):
    window = open_window()
    dialog = open_extract(window)
    reached = threading.Event()

    def created(worker) -> None:
        count = [0]

        def hold(_n: int) -> None:  # in the worker thread, after an article is stored
            count[0] += 1
            if count[0] == 3:
                reached.set()
                while not worker.isInterruptionRequested():
                    time.sleep(0.001)

        worker.advanced.connect(hold, Qt.ConnectionType.DirectConnection)

    dialog.worker_created.connect(created)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=60000)
    with qtbot.waitSignal(dialog.finished_run, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"]
    assert dialog.summary.cancelled and dialog.summary.articles == 3
    assert dialog.result_view.toPlainText().startswith("Cancelled after 3 of 8 articles")
    with Project.open(window.project.path, create=False, read_only=True) as p:
        first_three = [a.ext_id for a in p.article_list(0, 3)]
    assert rules_articles(window.project.path) == first_three  # whole articles, in order; the rest untouched


def test_a_learned_engine_without_a_model_is_a_message_not_a_traceback(qtbot, open_window):
    window = open_window()
    dialog = open_extract(window)
    dialog.engine_box.setCurrentIndex(dialog.engine_box.findData("combined"))  # as a script could
    with qtbot.waitSignal(dialog.finished_run, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["failed"]
    assert "has no learned model: run `tadqiq train" in dialog.result_view.toPlainText()
    assert rules_articles(window.project.path) == []
