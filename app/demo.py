"""The demo project: the articles in resources/demo/, imported on first run into the user
data folder (platformdirs; TADQIQ_DATA_DIR overrides it), with the extractor's proposals."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_data_path

from tadqiq.app import propose as proposing
from tadqiq.app.importing import import_files
from tadqiq.core.resources import resource_path
from tadqiq.db.project import Project


def data_dir() -> Path:
    override = os.environ.get("TADQIQ_DATA_DIR")
    path = Path(override) if override else user_data_path("tadqiq", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_path() -> Path:
    return data_dir() / "demo.db"


def propose(project: Project) -> int:
    """Run the default extraction engine over every article (app.propose: what a reviewer
    decided is not proposed again); return the proposals stored."""
    return proposing.propose(project, "rules").stored


def ensure_demo_project(echo: Callable[[str], None] = print) -> Path:
    path = demo_path()
    if path.exists():
        return path
    tmp = path.with_suffix(".creating")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    with Project.open(tmp) as project:
        report = import_files(project, [resource_path("demo")])
        proposals = propose(project)
    tmp.replace(path)
    echo(f"demo project created at {path}: {report.result.articles_added} articles, {proposals} proposals")
    return path
