"""GUI fixtures: the house article as core objects, a settings file in tmp_path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import load_schema
from tadqiq.gui.settings import Settings


def mention_from_json(obj: dict, text: str, **extra) -> Mention:
    trig = obj["trigger"]
    args = tuple(
        Argument(a["role"], Span(a["start"], a["end"], a["text"]), a.get("value"), a.get("confidence"), a.get("rule"))
        for a in obj.get("arguments", [])
    )
    m = Mention(obj["type"], Span(trig["start"], trig["end"], trig["text"]), args,
                dict(obj.get("attributes") or {}), **extra)
    m.check(text)
    return m


@pytest.fixture(scope="session")
def schema():
    return load_schema("conflict-ar")


@pytest.fixture
def house_objects(house_gold):
    """(Article, [Mention]) of the house article, mentions proposed, with ids 1.. in text order."""
    text = house_gold["text"]
    article = Article(house_gold["id"], text, house_gold["title"], lang="ar", id=1)
    events = sorted(house_gold["events"], key=lambda e: e["trigger"]["start"])
    mentions = [
        mention_from_json(e, text, id=i, origin="extractor:test@1", confidence=0.8, rule=f"rule-{i}")
        for i, e in enumerate(events, 1)
    ]
    return article, mentions


@pytest.fixture
def settings(tmp_path, qapp):
    return Settings(QSettings(str(tmp_path / "tadqiq.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def house_project_path(tmp_path, house_gold):
    """A real project file holding the house article with its gold events as proposals, and demo-2."""
    from tadqiq.db.project import ImportItem, Project

    text = house_gold["text"]
    from tadqiq.core.importing.chrome import site_regions

    article = Article(house_gold["id"], text, house_gold["title"], lang="ar", regions=site_regions(text))
    mentions = tuple(
        mention_from_json(e, text, origin="extractor:test@1", confidence=0.8, rule=f"house-{i}")
        for i, e in enumerate(house_gold["events"], 1)
    )
    second = Article("demo-2", "قتل ثلاثة مدنيين في قصف على حلب اليوم.", "قصف على حلب", lang="ar")
    m2 = Mention("Conflict.Attack", Span.of(second.text, 20, 23), origin="extractor:test@1")
    path = tmp_path / "review.tadqiq"
    with Project.open(path, create=True) as project:
        project.import_items([ImportItem(article, mentions), ImportItem(second, (m2,))])
    return path


@pytest.fixture
def project(house_project_path):
    from tadqiq.db.project import Project

    p = Project.open(house_project_path)
    yield p
    p.close()


HOUSE = "house-hama-001"


@pytest.fixture
def open_window(qtbot, tmp_path, house_project_path):
    """Factory: a shown window on the house project (a fresh Project each time, like a restart)."""
    from PySide6.QtWidgets import QApplication

    from tadqiq.db.project import Project
    from tadqiq.gui.main_window import MainWindow

    opened = []

    def make(reviewer: str | None = "mariam", article=HOUSE) -> MainWindow:
        project = Project.open(house_project_path)
        settings = Settings(QSettings(str(tmp_path / "tadqiq.ini"), QSettings.Format.IniFormat))
        window = MainWindow(project, settings, reviewer=reviewer, article=article)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.article_view.setFocus()
        opened.append(window)
        return window

    yield make
    for w in opened:
        w.close()
        w.project.close()


class _Drive:
    """Helpers to drive the real window like a reviewer (keys on the article view, mouse drags)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def key(self, window, k, modifier=None) -> None:
        from PySide6.QtCore import Qt

        self.qtbot.keyClick(window.article_view, k, modifier or Qt.KeyboardModifier.NoModifier)

    @staticmethod
    def char_point(view, offset):
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QTextCursor

        qs = view.qt_range(offset, offset)[0]
        a, b = QTextCursor(view.document()), QTextCursor(view.document())
        a.setPosition(qs)
        b.setPosition(qs + 1)
        ra, rb = view.cursorRect(a), view.cursorRect(b)
        return QPoint((ra.center().x() + rb.center().x()) // 2, ra.center().y())

    def drag_select(self, view, start, end) -> None:
        """Press at ``start``, release at ``end`` (str offsets), scrolled into view first."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(view.document())
        cursor.setPosition(view.qt_range(start, start)[0])
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        p0, p1 = self.char_point(view, start), self.char_point(view, end - 1)
        self.qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=p0)
        self.qtbot.mouseMove(view.viewport(), pos=p1)
        self.qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=p1)


@pytest.fixture
def ui(qtbot):
    return _Drive(qtbot)
