from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tadqiq.gui.app import application, open_window
from tadqiq.gui.settings import Settings


def test_open_window_on_a_project_file(qtbot, tmp_path, house_project_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = open_window(house_project_path, "omar", settings=settings)
    qtbot.addWidget(window)
    assert application() is QApplication.instance()
    assert window.isVisible() and window.windowTitle().startswith("Tadqiq")
    assert window.doc.article is not None and window.doc.selected_id == window.doc.mentions[0].id
    assert settings.get("review/reviewer") == "omar"
    window.close()


def test_gui_launch_has_the_signature_the_cli_calls():
    import inspect

    from tadqiq.cli.gui_launch import launch

    params = inspect.signature(launch).parameters
    assert list(params)[:2] == ["project", "reviewer"]


def _drive(keys):
    """Once the launched window is up: press ``keys`` on it (the last should quit)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from tadqiq.gui.main_window import MainWindow

    def step():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, step)
            return
        window = windows[0]
        if QApplication.activeWindow() is not window:  # shortcuts need the active window
            window.activateWindow()
            QTimer.singleShot(10, step)
            return
        for key, modifier in keys:
            QTest.keyClick(window.article_view, key, modifier)

    QTimer.singleShot(0, step)
    guard = QTimer()  # if the keys never quit the window, fail instead of hanging
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.closeAllWindows)
    guard.start(20000)
    return guard


def test_a_scripted_session_through_launch_then_a_restart(qapp, tmp_path, house_project_path):
    """As `tadqiq --reviewer NAME PROJECT` does: launch, review with keys, quit; again, undo, quit."""
    from PySide6.QtCore import Qt

    from tadqiq.db.project import Project
    from tadqiq.cli.gui_launch import launch

    none, ctrl = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier
    ini = tmp_path / "session.ini"
    guard = _drive([(Qt.Key.Key_A, none), (Qt.Key.Key_X, none), (Qt.Key.Key_Q, ctrl)])
    assert launch(house_project_path, "layla", settings_file=ini) == 0
    assert guard.isActive()  # Ctrl+Q closed the window, not the guard
    guard.stop()
    with Project.open(house_project_path) as project:
        house = project.article("house-hama-001")
        first, second = project.mentions(house.id)[:2]
        assert (first.status, first.reviewer) == ("confirmed", "layla")
        assert (second.status, second.reviewer) == ("rejected", "layla")
    guard = _drive([(Qt.Key.Key_Z, ctrl), (Qt.Key.Key_Q, ctrl)])
    assert launch(house_project_path, None, settings_file=ini) == 0  # reviewer remembered
    assert guard.isActive()
    guard.stop()
    with Project.open(house_project_path) as project:
        first, second = project.mentions(house.id)[:2]
        assert first.status == "confirmed" and second.status == "proposed"


def test_start_up_is_moved_out_of_the_collectors_way(qtbot, tmp_path, house_project_path):
    import gc

    gc.unfreeze()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        window = open_window(house_project_path, "omar", settings=settings)
        qtbot.addWidget(window)
        assert gc.get_freeze_count() == 0  # not before the first page is painted
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 10_000)  # Qt wrappers, fonts, lexicons, the article
        from tadqiq.extract.gazetteer import load_gazetteer

        assert load_gazetteer.cache_info().currsize == 1  # the gazetteer is read by then, too
        window.close()
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
