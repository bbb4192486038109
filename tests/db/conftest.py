from __future__ import annotations

import pytest

from tadqiq.db.project import Project


@pytest.fixture
def fresh_project(tmp_path):
    """A new, empty project file on disk (closed after the test)."""
    project = Project.open(tmp_path / "p.db")
    yield project
    project.close()
