"""Large .jsonl and .csv files are streamed into the project: all or nothing still, the encoding
checks still made (on lines decoded as they come), with and without reading processes."""

from __future__ import annotations

import pytest

import tadqiq.db.import_reading as reading
from tadqiq.core.importing.item import ImportProblem
from tadqiq.db.importing import import_paths
from tadqiq.db.project import Project

ARABIC = "قصفت طائرات حربية بلدة كفرنبل أمس"


@pytest.fixture
def streamed(monkeypatch):
    """Every .jsonl/.csv is streamed, in parts of 5 lines."""
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(reading, "JSONL_CHUNK_LINES", 5)
    monkeypatch.setattr(reading, "STREAM_PART_ITEMS", 5)


def _count(path) -> int:
    with Project.open(path, create=False) as p:
        return p.db.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.parametrize("workers", [0, 1])
def test_a_late_change_of_encoding_stores_nothing(tmp_path, streamed, workers):
    path = tmp_path / "mixed.jsonl"
    utf8 = "".join(f'{{"id": "u{k}", "text": "{ARABIC} {k}"}}\n' for k in range(40)).encode("utf-8")
    path.write_bytes(utf8 + "".join(f'{{"id": "c{k}", "text": "{ARABIC} {k}"}}\n' for k in range(3)).encode("cp1256"))
    db = tmp_path / "p.db"
    with Project.open(db) as p:
        with pytest.raises(ImportProblem, match=r"UTF-8 on lines 1-40; Windows-1256 \(Arabic\) on lines 41-43"):
            import_paths(p, [path], workers=workers)
    assert _count(db) == 0


@pytest.mark.parametrize("workers", [0, 1])
def test_a_streamed_file_is_stored_whole_with_its_encoding(tmp_path, streamed, workers):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_bytes("\n".join(f'{{"id": "j{k}", "text": "{ARABIC} {k}"}}' for k in range(23)).encode("cp1256"))
    csv = tmp_path / "b.csv"
    csv.write_text("id,text\n" + "".join(f'c{k},"{ARABIC}\n{k}"\n' for k in range(12)), encoding="utf-16")
    db = tmp_path / "p.db"
    with Project.open(db) as p:
        report = import_paths(p, [jsonl, csv], workers=workers)
        assert [(f.path.name, f.articles, f.encoding) for f in report.files] == \
            [("a.jsonl", 23, "cp1256"), ("b.csv", 12, "utf-16-le")]
        assert p.article("c11").text == f"{ARABIC}\n11"
    assert _count(db) == 35


@pytest.mark.parametrize("workers", [0, 1])
def test_an_id_used_twice_far_apart_in_a_streamed_file_stores_nothing(tmp_path, streamed, workers):
    path = tmp_path / "dup.jsonl"
    lines = [f'{{"id": "j{k}", "text": "{ARABIC} {k}"}}' for k in range(30)]
    lines.append(f'{{"id": "j3", "text": "{ARABIC} again"}}')
    path.write_text("\n".join(lines), encoding="utf-8")
    db = tmp_path / "p.db"
    with Project.open(db) as p:
        with pytest.raises(ImportProblem, match="line 31: id 'j3' already used on line 4"):
            import_paths(p, [path], workers=workers)
    assert _count(db) == 0
