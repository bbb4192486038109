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
