"""Reading never writes (issue 13, item 2): the commands that only read open the project with a
``mode=ro`` URI; they never create, convert or migrate a file, and refuse an empty or foreign
file untouched — its sha256 and mtime the same before and after, and no file appears beside it."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tadqiq.db.connection import read_only_uri
from tadqiq.db.migrations import MIGRATIONS

READERS = [("stats",), ("check",), ("show", "house-hama-001"), ("search", "هجوم"),
           ("export", "--format", "jsonl", "-o", "{out}"), ("evaluate", "--gold", "reviewer:amal", "--pred", "x"),
           ("train", "--list")]


def _state(path) -> tuple[str, int, list[str]]:
    """sha256, mtime (ns) and the names in its folder: what a read must leave as it was."""
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns,
            sorted(p.name for p in path.parent.iterdir()))


def _args(args, tmp_path):
    return [a.format(out=tmp_path / "out" / "x.jsonl") for a in args]


@pytest.fixture
def gold_project(run, tmp_path, house_gold_path):
    folder = tmp_path / "proj"
    folder.mkdir()
    p = folder / "p.db"
    assert run("import", p, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()  # the last connection: SQLite removes -wal and -shm
    return p


@pytest.mark.parametrize("args", READERS, ids=[a[0] for a in READERS])
def test_an_empty_file_is_refused_untouched(run, tmp_path, args):
    folder = tmp_path / "f"
    folder.mkdir()
    empty = folder / "empty.db"
    empty.write_bytes(b"")
    before = _state(empty)
    r = run(args[0], empty, *_args(args[1:], tmp_path))
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "empty file, not a Tadqiq project" in r.stderr
    assert _state(empty) == before and empty.stat().st_size == 0


@pytest.mark.parametrize("args", READERS, ids=[a[0] for a in READERS])
def test_somebody_elses_sqlite_file_keeps_its_journal_mode(run, tmp_path, args):
    folder = tmp_path / "f"
    folder.mkdir()
    other = folder / "theirs.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.execute("INSERT INTO birds VALUES ('hoopoe')")
    conn.commit()
    conn.close()
    before = _state(other)
    r = run(args[0], other, *_args(args[1:], tmp_path))
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "not a Tadqiq project (tables: birds)" in r.stderr
    assert _state(other) == before
    conn = sqlite3.connect(f"{other.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_an_sqlite_file_without_tables_is_refused_untouched(run, tmp_path):
    blank = tmp_path / "blank.db"
    conn = sqlite3.connect(blank)
    conn.execute("CREATE TABLE t (a)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    before = _state(blank)
    r = run("stats", blank)
    assert r.exit_code == 1 and "an empty SQLite database, not a Tadqiq project" in r.stderr
    assert _state(blank) == before


@pytest.mark.parametrize("args", READERS, ids=[a[0] for a in READERS])
def test_reading_a_project_changes_no_byte_and_leaves_no_file(run, gold_project, tmp_path, args):
    before = _state(gold_project)
    r = run(args[0], gold_project, *_args(args[1:], tmp_path))
    assert "Traceback" not in r.output
    assert r.exit_code == (1 if args[0] == "evaluate" else 0), r.output  # evaluate: no origin "x"
    assert _state(gold_project) == before  # no -wal / -shm left beside it either


def test_a_project_in_a_read_only_folder_can_be_read(run, gold_project):
    folder = gold_project.parent
    before = _state(gold_project)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        r = run("stats", gold_project)
        writable = os.access(folder, os.W_OK)  # root may write anyway: the assertions hold either way
    finally:
        folder.chmod(stat.S_IRWXU)
    assert r.exit_code == 0, r.output
    assert "articles: 1" in r.stdout
    assert _state(gold_project) == before
    print(f"folder writable despite chmod (root): {writable}")


def test_in_a_folder_nobody_can_write_the_file_is_read_immutable(gold_project):
    uri = read_only_uri(gold_project, folder_writable=False)
    assert "mode=ro" in uri and "immutable=1" in uri
    conn = sqlite3.connect(uri, uri=True)  # no -shm can be made there: immutable needs none
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()
    assert "immutable" not in read_only_uri(gold_project, folder_writable=True)


def _older_project(path) -> None:
    """A project as an older Tadqiq left it: every migration but the last."""
    from sqlite_utils import Database

    db = Database(path)
    MIGRATIONS.apply(db, stop_before=MIGRATIONS._migrations[-1].name)  # noqa: SLF001
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS._migrations) - 1}")  # noqa: SLF001
    db.conn.commit()
    db.close()


def test_a_project_that_needs_migrating_is_not_migrated_by_a_read(run, tmp_path):
    project = tmp_path / "old.db"
    _older_project(project)
    before = _state(project)
    r = run("stats", project)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "made by an older Tadqiq" in r.stderr and f"tadqiq upgrade {project}" in r.stderr
    assert MIGRATIONS._migrations[-1].name in r.stderr  # noqa: SLF001
    assert _state(project) == before
    r = run("upgrade", project)
    assert r.exit_code == 0 and "applied 1 migrations" in r.stdout, r.output
    assert run("upgrade", project).stdout.strip().endswith("already up to date")


def _tadqiq_command() -> list[str]:
    entry = Path(sys.executable).with_name("tadqiq")
    return [str(entry)] if entry.exists() else [sys.executable, "-m", "tadqiq.cli.main"]


def test_a_project_in_a_folder_the_user_cannot_write_is_read_for_real(gold_project):
    """The folder really is read-only for the process: as root, the command runs as nobody."""
    as_user: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: a read-only folder cannot be made for this process")
        as_user = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    base = Path(tempfile.mkdtemp(prefix="tadqiq-ro-"))  # outside pytest's private folder, so nobody may enter
    try:
        folder = base / "read-only"
        folder.mkdir()
        project = folder / "p.db"
        shutil.copy2(gold_project, project)
        project.chmod(0o644)
        base.chmod(0o755)
        folder.chmod(0o555)
        before = _state(project)
        r = subprocess.run([*as_user, *_tadqiq_command(), "stats", str(project)], capture_output=True, text=True,
                           timeout=120, env={**os.environ, "HOME": str(base)})
        assert r.returncode == 0, r.stderr
        assert "articles: 1" in r.stdout and "Traceback" not in r.stderr
        assert _state(project) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)
