"""A damaged file gets a message, reading never writes, a failed first open leaves no file."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def gold_project(run, tmp_path, house_gold_path):
    p = tmp_path / "p.db"
    assert run("import", p, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    return p


def _checkpoint(path) -> None:
    conn = sqlite3.connect(path)  # fold the WAL in, so the main file holds everything
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _damage_table(path, table: str) -> None:
    """Overwrite the header of the root page of ``table`` and of each of its indexes (a count can
    be answered from an index alone), as bad disk blocks would."""
    _checkpoint(path)
    conn = sqlite3.connect(path)
    roots = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0",
                                        (table,))]
    conn.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for root in roots:
        offset = (root - 1) * page_size
        assert offset + 12 < len(data)
        data[offset:offset + 12] = b"\x0d" + b"\xff" * 11  # a leaf page header with nonsense cell counts
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("args", [("check",), ("stats",), ("search", "هجوم"), ("show", "house-hama-001")])
def test_a_damaged_page_is_a_message_not_a_traceback(run, gold_project, args):
    _damage_table(gold_project, "articles")
    result = run(args[0], gold_project, *args[1:])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(gold_project) in result.output or "integrity" in result.output
    if args[0] == "check":
        assert "integrity" in result.output or "damaged" in result.output


@pytest.mark.parametrize("args", [("stats",), ("search", "هجوم"), ("show", "house-hama-001"), ("check",)])
def test_reading_commands_leave_the_file_byte_identical(run, gold_project, args):
    _checkpoint(gold_project)
    before = _sha(gold_project)
    assert run(args[0], gold_project, *args[1:]).exit_code == 0
    assert _sha(gold_project) == before


def test_init_with_a_broken_schema_leaves_no_file(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    p = tmp_path / "new.db"
    result = run("init", p, "--schema", bad)
    assert result.exit_code == 1 and "bad.json" in result.output
    assert not p.exists() and not (tmp_path / "new.db-wal").exists()
    result = run("init", p, "--schema", "ace2005")
    assert result.exit_code == 0, result.output
    assert "ace2005" in run("stats", p).output
