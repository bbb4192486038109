from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from gui.app import application, open_window
from gui.settings import Settings


def test_open_window_on_a_project_file(qtbot, tmp_path, seed_project_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = open_window(seed_project_path, "omar", settings=settings)
    qtbot.addWidget(window)
    assert application() is QApplication.instance()
    assert window.isVisible() and window.windowTitle().startswith("Tadqiq")
    assert window.doc.article is not None and window.doc.selected_id == window.doc.mentions[0].id
    assert settings.get("review/reviewer") == "omar"
    window.close()


def test_gui_launch_has_the_signature_the_cli_calls():
    import inspect

    from tadqiq.gui_launch import launch

    params = inspect.signature(launch).parameters
    assert list(params)[:2] == ["project", "reviewer"]
