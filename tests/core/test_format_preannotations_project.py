"""Pre-annotations from another tool into a real project file, as proposals; bad input stores nothing."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from tadqiq.core.formats.brat import write_brat
from tadqiq.core.formats.preannotations import preannotation_import_items
from tadqiq.core.importing.item import ImportProblem
from tadqiq.core.schema import load_schema
from tadqiq.db.project import Project

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def test_brat_folder_into_a_project(tmp_path):
    items = make_expected.expected_items()
    write_brat(items, SCHEMA, tmp_path / "brat")
    with Project.open(tmp_path / "p.db") as p:
        result = p.import_items(preannotation_import_items(tmp_path / "brat", p.schema, origin="brat:team-b"))
        assert (result.articles_added, result.mentions_added) == (2, 36)
        stored = p.mentions(p.article("house-hama-001").id)
    assert len(stored) == 32
    assert {(m.status, m.origin) for m in stored} == {("proposed", "brat:team-b")}
    assert sorted((m.type, m.trigger.start, m.trigger.text) for m in stored) == sorted(
        (m.type, m.trigger.start, m.trigger.text) for m in items[0][1]
    )


def test_bad_input_stores_nothing(tmp_path):
    write_brat(make_expected.expected_items(), SCHEMA, tmp_path / "brat")
    ann = tmp_path / "brat" / "small_001.ann"
    ann.write_text(ann.read_text("utf-8").replace("Place:T2", "Victim:T2", 1), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as p:
        with pytest.raises(ImportProblem, match="small_001.ann.*Victim"):
            p.import_items(preannotation_import_items(tmp_path / "brat", p.schema, origin="x"))
    conn = sqlite3.connect(tmp_path / "p.db")
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    finally:
        conn.close()
