"""The demo project: the articles in resources/demo/, imported on first run into the user
data folder (platformdirs; TADQIQ_DATA_DIR overrides it), with the extractor's proposals."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_data_path

from tadqiq.core.resources import resource_path
from tadqiq.db.importing import import_paths
from tadqiq.db.project import Project


def data_dir() -> Path:
    override = os.environ.get("TADQIQ_DATA_DIR")
    path = Path(override) if override else user_data_path("tadqiq", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_path() -> Path:
    return data_dir() / "demo.db"


def propose(project: Project) -> int:
    """Run the default extraction engine over every article; return proposals stored."""
    from tadqiq.extract.base import get_engine, origin_of

    engine = get_engine("rules")
    origin = origin_of(engine)
    total = 0
    for summary in project.article_list(0, 1_000_000):
        article = project.article(summary.id)
        total += project.replace_proposals(article.id, origin, engine.extract(article), reviewer=origin)
    return total


def ensure_demo_project(echo: Callable[[str], None] = print) -> Path:
    path = demo_path()
    if path.exists():
        return path
    tmp = path.with_suffix(".creating")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    with Project.open(tmp) as project:
        report = import_paths(project, [resource_path("demo")])
        proposals = propose(project)
    tmp.replace(path)
    echo(f"demo project created at {path}: {report.result.articles_added} articles, {proposals} proposals")
    return path
