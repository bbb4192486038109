"""Numbered migrations: user_version follows, a backup is taken first, a failure changes nothing."""

from __future__ import annotations

import sqlite3

import pytest

from tadqiq.db.connection import ProjectError
from tadqiq.db.migrations import MIGRATIONS, latest_version
from tadqiq.db.project import Project


@pytest.fixture
def extra_migration():
    """Register one more migration for the duration of a test (the way a release adds one)."""
    added = []

    def add(fn, name):
        MIGRATIONS(name=name)(fn)
        added.append(name)

    yield add
    MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name not in added]


def test_migration_backs_up_then_upgrades(tmp_path, extra_migration):
    path = tmp_path / "p.db"
    base = latest_version()
    with Project.open(path) as p:
        p.db.execute("INSERT INTO meta (key, value) VALUES ('marker', 'v1')")
        p.db.conn.commit()

    def add_column(db):
        db.execute("ALTER TABLE articles ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")

    extra_migration(add_column, "9001_test_priority")
    with Project.open(path) as p:
        assert p.migrated == ["9001_test_priority"]
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == latest_version() == base + 1
        assert "priority" in p.db.table("articles").columns_dict
        backup = p.backup_path
    assert backup is not None and backup.exists() and f".v{base}-" in backup.name
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == base
    assert old.execute("SELECT value FROM meta WHERE key='marker'").fetchone()[0] == "v1"
    assert "priority" not in [r[1] for r in old.execute("PRAGMA table_info(articles)")]
    old.close()


def test_failed_migration_leaves_the_file_as_it_was(tmp_path, extra_migration):
    path = tmp_path / "p.db"
    Project.open(path).close()
    base = latest_version()

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        db.execute("THIS IS NOT SQL")

    extra_migration(broken, "9001_broken")
    with pytest.raises(ProjectError, match="migration failed"):
        Project.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == base
    assert "half_done" not in [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()


def test_migration_0003_drops_proposals_that_repeat_a_decision(tmp_path):
    """A project written by an older version: gold imported, then extract proposed the same
    triggers again. Reopening removes those proposals (and only those), with history rows."""
    from tadqiq.core.model import Article, Mention, Span
    from tadqiq.db.project import ImportItem

    text = "قتل ثلاثة مدنيين في قصف استهدف بلدة سرمين."
    span = lambda w: Span(text.index(w), text.index(w) + len(w), w)  # noqa: E731
    path = tmp_path / "old.db"
    with Project.open(path) as p:
        p.import_items([ImportItem(Article("a1", text, "قصف"), (
            Mention("Life.Die", span("قتل"), status="confirmed", origin="reviewer:lead", reviewer="lead"),
            Mention("Conflict.Attack", span("قصف"), status="rejected", origin="reviewer:lead", reviewer="lead"),
        ))])
        aid = p.article("a1").id
        # what the old `tadqiq extract` left beside them
        p.replace_proposals(aid, "extractor:rules@1.5", [
            Mention("Life.Die", span("قتل"), origin="extractor:rules@1.5", confidence=0.8),  # same as gold
            Mention("Conflict.Attack", span("قصف"), origin="extractor:rules@1.5", confidence=0.8),  # rejected before
            Mention("Conflict.Attack", span("استهدف"), origin="extractor:rules@1.5", confidence=0.8),  # new: kept
        ], reviewer="extractor:rules@1.5")
        p.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_drop_duplicate_proposals'")
        p.db.execute("PRAGMA user_version = 2")
        p.db.conn.commit()
        assert len(p.mentions(aid)) == 5
    with Project.open(path) as p:
        assert p.migrated == ["0003_drop_duplicate_proposals"]
        left = [(m.type, m.trigger.text, m.status) for m in p.mentions(aid)]
        rows = p.db.execute("SELECT reviewer, action, before FROM history WHERE action = 'drop_duplicate_proposal'").fetchall()
    assert sorted(left) == sorted([("Life.Die", "قتل", "confirmed"), ("Conflict.Attack", "قصف", "rejected"),
                                   ("Conflict.Attack", "استهدف", "proposed")])
    assert len(rows) == 2 and all(r[0] == "migration" and '"origin":"extractor:rules@1.5"' in r[2].replace(" ", "")
                                  for r in rows)
