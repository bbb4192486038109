"""Backups (SQLite's online backup API), restore, and ``check --repair`` (issue 13, item 7)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest


@pytest.fixture
def project(run, tmp_path, house_gold_path):
    p = tmp_path / "p.db"
    assert run("import", p, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    return p


def _count(path, sql="SELECT count(*) FROM articles") -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _add_article(run, project, tmp_path, name="extra") -> None:
    src = tmp_path / f"{name}.txt"
    src.write_text(f"خبر {name}\n\nقصفت طائرات مواقع في ريف حماة.", encoding="utf-8")
    assert run("import", project, src).exit_code == 0


def test_a_backup_is_a_consistent_snapshot_while_another_process_writes(run, project, tmp_path):
    writer = sqlite3.connect(project, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE articles SET title = 'uncommitted'")
    try:
        r = run("backup", project)  # the write lock held elsewhere does not stop a backup
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert r.exit_code == 0, r.output
    (made,) = (project.parent / "p.db.backups").iterdir()
    assert _count(made) == 1
    assert _count(made, "SELECT count(*) FROM articles WHERE title = 'uncommitted'") == 0
    assert run("check", made).exit_code == 0  # a backup is a project of its own
    assert not (made.parent / (made.name + "-wal")).exists()  # one standalone file


def test_backups_are_kept_to_the_limit(run, project):
    for _ in range(4):
        assert run("backup", project, "--keep", "2").exit_code == 0
    listed = run("backup", project, "--list")
    assert listed.exit_code == 0 and "2 backups of" in listed.stderr
    assert len(list((project.parent / "p.db.backups").iterdir())) == 2


def test_restore_puts_the_backup_back_and_keeps_the_file_as_it_was(run, project, tmp_path):
    assert run("backup", project).exit_code == 0
    (first,) = (project.parent / "p.db.backups").iterdir()
    _add_article(run, project, tmp_path)
    reader = sqlite3.connect(project)  # another process with the project open sees the restore
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    r = run("restore", project, first)
    assert r.exit_code == 0, r.output
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    reader.close()
    assert run("check", project).exit_code == 0
    kept = [p for p in (project.parent / "p.db.backups").iterdir() if p != first]
    assert len(kept) == 1 and _count(kept[0]) == 2  # the file as it was before the restore


def test_a_backup_that_fails_its_check_is_not_restored(run, dump, project, tmp_path):
    assert run("backup", project).exit_code == 0
    (bad,) = (project.parent / "p.db.backups").iterdir()
    conn = sqlite3.connect(bad)
    conn.execute("UPDATE articles SET sha256 = 'x'")
    conn.commit()
    conn.close()
    before = dump(project)
    r = run("restore", project, bad)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "not restored, the backup itself has 1 problems" in r.stderr
    assert dump(project) == before


def test_check_repair_rebuilds_the_search_index_and_the_queue_counts(run, project):
    conn = sqlite3.connect(project)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    conn.execute("UPDATE articles SET mentions = 99")
    conn.commit()
    conn.close()
    assert "0 articles" in run("search", project, "هجوم").stderr
    r = run("check", project)
    assert r.exit_code == 1
    assert "search index: 1 articles missing" in r.stdout and "queue counts out of step" in r.stdout
    r = run("check", project, "--repair")
    assert r.exit_code == 0, r.output
    assert "search index rebuilt from 1 texts" in r.stdout and r.stdout.strip().endswith("every span matches its text")
    assert "1 articles" in run("search", project, "هجوم").stderr
    assert _count(project, "SELECT mentions FROM articles") == 32


def test_check_repair_leaves_a_damaged_file_alone(run, project):
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()
    conn.close()
    data = bytearray(project.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[(root - 1) * page:(root - 1) * page + 12] = b"\x0d" + b"\xff" * 11
    project.write_bytes(bytes(data))
    before = hashlib.sha256(project.read_bytes()).hexdigest()
    r = run("check", project, "--repair")
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "the file itself is damaged" in r.stderr and "tadqiq restore" in r.stderr
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before


def test_check_finds_views_and_triggers_not_as_tadqiq_makes_them_and_repair_restores_them(run, project):
    conn = sqlite3.connect(project)
    conn.execute("DROP VIEW gold_events")
    conn.execute("DROP TRIGGER events_queue_insert")  # the queue counts would go stale on the next import
    conn.execute("CREATE TRIGGER theirs AFTER INSERT ON events BEGIN UPDATE articles SET title = 'x'; END")
    conn.commit()
    conn.close()
    r = run("check", project)
    assert r.exit_code == 1
    assert "view gold_events: missing" in r.stdout and "trigger events_queue_insert: missing" in r.stdout
    assert "trigger theirs: not made by Tadqiq" in r.stdout and "removes it" in r.stdout
    r = run("check", project, "--repair")
    assert r.exit_code == 0, r.output
    assert "2 views/triggers/indexes made again" in r.stdout and "1 not made by Tadqiq removed" in r.stdout
    assert _count(project, "SELECT count(*) FROM gold_events") > 0
    assert _count(project, "SELECT count(*) FROM sqlite_master WHERE name = 'theirs'") == 0


def test_restore_waits_for_a_writer_and_gives_up_with_who_holds_it(run, dump, project, monkeypatch):
    assert run("backup", project).exit_code == 0
    (first,) = (project.parent / "p.db.backups").iterdir()
    monkeypatch.setenv("TADQIQ_BUSY_TIMEOUT", "0.5")
    before = dump(project)
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        r = run("restore", project, first)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "the project is busy" in r.stderr and "waited 0.5 s" in r.stderr
    assert dump(project) == before
