"""The project opener under hostile files (issue 13 item 8): random bytes, a project cut short
or with bits flipped, triggers and views Tadqiq does not make, PRAGMA tricks. Opening gives a
project or a ProjectError naming the file — never another exception — and a read-only opening
changes no byte of the file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tadqiq.core.resources import resource_path
from tadqiq.db.connection import ProjectError
from tadqiq.db.importing import import_paths
from tadqiq.db.project import Project

#: bench/fuzz.py sets TADQIQ_FUZZ_SCALE to run many more examples than the suite does
SCALE = float(os.environ.get("TADQIQ_FUZZ_SCALE", "1"))
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def make_good_project(folder: Path) -> bytes:
    """The bytes of a project of the demo corpus, as one self-contained file (no -wal)."""
    path = folder / "good.tadqiq"
    with Project.open(path) as p:
        import_paths(p, [resource_path("demo")])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=delete")
    conn.close()
    return path.read_bytes()


@pytest.fixture(scope="module")
def good_project():
    folder = Path(tempfile.mkdtemp(prefix="tadqiq-openfuzz-"))
    yield make_good_project(folder)
    shutil.rmtree(folder, ignore_errors=True)


def _open_both_ways(path: Path) -> None:
    """Read-only then writable: a project or a ProjectError naming the file, nothing else."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        with Project.open(path, read_only=True) as p:
            p.check()  # lists damage, never raises on it
            try:
                p.article_count()
            except sqlite3.DatabaseError:
                pass  # a bad page met later: the commands' handler words it (tests/cli/test_damaged_and_readonly.py)
    except ProjectError as exc:
        assert str(path) in str(exc)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest  # reading wrote nothing
    try:
        with Project.open(path, create=False) as p:
            p.check()
    except ProjectError as exc:
        assert str(path) in str(exc)


@settings(max_examples=int(60 * SCALE), deadline=None, suppress_health_check=list(HealthCheck))
@given(kind=st.sampled_from(["truncate", "flip", "garbage page", "random"]), data=st.data())
def test_a_damaged_project_file_opens_or_is_refused_with_a_message(tmp_path_factory, good_project, kind, data):
    raw = bytearray(good_project)
    if kind == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif kind == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            at = data.draw(st.integers(0, len(raw) - 1))
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
    elif kind == "garbage page":
        page = data.draw(st.integers(0, len(raw) // 4096 - 1))
        raw[page * 4096:(page + 1) * 4096] = data.draw(st.binary(min_size=4096, max_size=4096))
    else:
        raw = bytearray(data.draw(st.one_of(st.binary(max_size=300),
                                            st.binary(max_size=200).map(lambda b: b"SQLite format 3\x00" + b))))
    path = tmp_path_factory.mktemp("open") / "p.tadqiq"
    path.write_bytes(bytes(raw))
    _open_both_ways(path)


def _project_with(good_project: bytes, tmp_path: Path, *sql: str) -> Path:
    path = tmp_path / "p.tadqiq"
    path.write_bytes(good_project)
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_a_trigger_tadqiq_does_not_make_keeps_the_file_from_being_written(good_project, tmp_path):
    path = _project_with(good_project, tmp_path,
                         "CREATE TRIGGER wipe AFTER INSERT ON history BEGIN DELETE FROM events; END")
    with pytest.raises(ProjectError, match=r"has triggers Tadqiq does not make: wipe .*check --repair"):
        Project.open(path, create=False)
    with Project.open(path, read_only=True) as p:  # still readable, and check names it
        assert any(x.startswith("trigger wipe: not made by Tadqiq") for x in p.check())
    with Project.open(path, create=False, foreign_triggers=True) as p:  # what check --repair does
        p.rebuild_derived()
    with Project.open(path, create=False) as p:
        assert p.check() == []


def test_one_of_our_triggers_redefined_keeps_the_file_from_being_written(good_project, tmp_path):
    probe = sqlite3.connect(_project_with(good_project, tmp_path))
    (name,) = probe.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name LIMIT 1").fetchone()
    probe.close()
    path = _project_with(good_project, tmp_path, f'DROP TRIGGER "{name}"',
                         f'CREATE TRIGGER "{name}" AFTER INSERT ON history BEGIN DELETE FROM notes; END')
    with pytest.raises(ProjectError, match=rf"{name} \(changed\)"):
        Project.open(path, create=False)


@pytest.mark.parametrize("sql", [
    "PRAGMA user_version = 999",             # claims a newer Tadqiq
    "PRAGMA user_version = -1",
    "PRAGMA application_id = 12345",
    "CREATE VIEW articles_all AS SELECT * FROM articles",  # a view: listed by check, harmless to writes
    "PRAGMA journal_mode = delete",
    "DROP TABLE event_schema",
])
def test_pragma_and_schema_tricks_open_or_are_refused_with_a_message(good_project, tmp_path, sql):
    path = _project_with(good_project, tmp_path, sql)
    _open_both_ways(path)


def test_the_hostile_project_files_kept_in_tests_data(tmp_path):
    files = sorted(HOSTILE.glob("*.tadqiq"))
    assert files
    for original in files:
        path = tmp_path / original.name
        shutil.copy(original, path)
        _open_both_ways(path)


def test_found_by_fuzzing_a_damaged_stored_schema_is_a_project_error(good_project, tmp_path):
    path = _project_with(good_project, tmp_path, "UPDATE event_schema SET definition = '{\"name\": ' || 'x'")
    for read_only in (True, False):
        with pytest.raises(ProjectError, match="stored event schema is damaged"):
            Project.open(path, create=False, read_only=read_only)
