"""The demo project made on first run: the demo articles with the extractor's proposals."""

from __future__ import annotations

from tadqiq.db.project import Project
from tadqiq.app.demo import ensure_demo_project


def test_demo_project_is_created_once_with_proposals(tmp_path, monkeypatch):
    monkeypatch.setenv("TADQIQ_DATA_DIR", str(tmp_path))
    messages = []
    path = ensure_demo_project(echo=messages.append)
    assert path == tmp_path / "demo.db" and len(messages) == 1
    with Project.open(path, create=False) as p:
        stats = p.stats()
        assert stats["articles"] == 14
        assert stats["mentions_by_status"].get("proposed", 0) >= 30
        assert all(origin.startswith("extractor:rules@") for origin in stats["mentions_by_origin"])
        assert p.check() == []
    assert ensure_demo_project(echo=messages.append) == path and len(messages) == 1
