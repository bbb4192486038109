"""GUI fixtures: the seed article as core objects, a settings file in tmp_path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from core.model import Argument, Article, Mention, Span
from core.schema import load_schema
from gui.settings import Settings


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
def seed_objects(seed_gold):
    """(Article, [Mention]) of the seed, mentions proposed, with ids 1.. in text order."""
    text = seed_gold["text"]
    article = Article(seed_gold["id"], text, seed_gold["title"], lang="ar", id=1)
    events = sorted(seed_gold["events"], key=lambda e: e["trigger"]["start"])
    mentions = [
        mention_from_json(e, text, id=i, origin="extractor:seed@1", confidence=0.8, rule=f"rule-{i}")
        for i, e in enumerate(events, 1)
    ]
    return article, mentions


@pytest.fixture
def settings(tmp_path, qapp):
    return Settings(QSettings(str(tmp_path / "tadqiq.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def seed_project_path(tmp_path, seed_gold):
    """A real project file holding the seed article with its gold events as proposals."""
    from db.project import ImportItem, Project

    text = seed_gold["text"]
    from core.importing.chrome import site_regions

    article = Article(seed_gold["id"], text, seed_gold["title"], lang="ar", regions=site_regions(text))
    mentions = tuple(
        mention_from_json(e, text, origin="extractor:seed@1", confidence=0.8, rule=f"seed-{i}")
        for i, e in enumerate(seed_gold["events"], 1)
    )
    second = Article("demo-2", "قتل ثلاثة مدنيين في قصف على حلب اليوم.", "قصف على حلب", lang="ar")
    m2 = Mention("Conflict.Attack", Span.of(second.text, 20, 23), origin="extractor:seed@1")
    path = tmp_path / "review.tadqiq"
    with Project.open(path, create=True) as project:
        project.import_items([ImportItem(article, mentions), ImportItem(second, (m2,))])
    return path


@pytest.fixture
def project(seed_project_path):
    from db.project import Project

    p = Project.open(seed_project_path)
    yield p
    p.close()
