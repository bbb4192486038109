"""Review → Retrain… on the real window and a real project file (gold from an own-written
development set, tests/data/extract/dev2): training runs in a worker thread, the scores are
shown, and only "Keep this model" stores it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tadqiq.app.importing import ImportOptions, import_files
from tadqiq.db.project import Project
from tadqiq.gui.main_window import MainWindow
from tadqiq.gui.retrain_dialog import RetrainDialog
from tadqiq.gui.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "extract"


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        import_files(p, [DATA / "dev2.gold.jsonl"], ImportOptions(gold=True, reviewer="lead"))
    project = Project.open(path)
    settings = Settings(QSettings(str(tmp_path / "tadqiq.ini"), QSettings.Format.IniFormat))
    w = MainWindow(project, settings, reviewer="mariam")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    project.close()


def open_retrain(qtbot, window) -> RetrainDialog:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Review")
    action = next(a for a in menu.actions() if a.objectName() == "action_retrain")
    assert action.text() == "Retrain…" and "Ctrl+Shift+R" in action.shortcut().toString()
    action.trigger()
    dialog = window.findChild(RetrainDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_train_shows_scores_then_keep_stores_version_1(qtbot, window):
    dialog = open_retrain(qtbot, window)
    assert "<b>6</b> reviewed articles" in dialog.summary.text() and "No learned model yet" in dialog.summary.text()
    dialog.folds.setValue(2)
    qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    report = dialog.report.toPlainText()
    assert "2-fold cross-validation by article" in report
    assert "new model" in report and "rule engine" in report and "F1 0." in report
    assert dialog.keep_button.isEnabled()
    assert window.project.model("learned") is None  # nothing stored before Keep
    with qtbot.waitSignal(dialog.kept, timeout=5000) as kept:
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert kept.args == [1]
    stored = window.project.model("learned")
    assert stored is not None and stored.version == 1 and stored.trained_by == "mariam"
    assert stored.scores["k"] == 2
    assert "learned model v1 kept" in window.statusBar().currentMessage()


def test_closing_without_keeping_stores_nothing(qtbot, window):
    dialog = open_retrain(qtbot, window)
    dialog.folds.setValue(2)
    qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    dialog.reject()
    assert window.project.model("learned") is None


def test_too_little_gold_says_so(qtbot, tmp_path, house_project_path):
    project = Project.open(house_project_path)
    settings = Settings(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    w = MainWindow(project, settings, reviewer="mariam")
    qtbot.addWidget(w)
    try:
        dialog = RetrainDialog(project, "mariam", w)
        assert not dialog.train_button.isEnabled()
        assert "Review at least two articles" in dialog.report.toPlainText()
    finally:
        w.close()
        project.close()
