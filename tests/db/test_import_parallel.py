"""Reading on several cores stores exactly what reading on one does, errors and all."""

from __future__ import annotations

import json
import shutil

import pytest

import tadqiq.db.import_reading as reading
from tadqiq.core.importing.item import ImportOptions, ImportProblem
from tadqiq.core.resources import resource_path
from tadqiq.db.importing import import_paths
from tadqiq.db.project import Project


@pytest.fixture
def small_parts(monkeypatch):
    """Use the pool for tiny inputs, and cut .jsonl files into parts of 3 lines."""
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(reading, "JSONL_CHUNK_LINES", 3)


@pytest.fixture
def corpus(tmp_path, house_gold_path):
    """A folder of the demo .txt files (with their metadata.jsonl) and a .jsonl of 14 lines."""
    folder = tmp_path / "in"
    shutil.copytree(resource_path("demo"), folder / "demo")
    seed = json.loads(house_gold_path.read_text(encoding="utf-8"))
    lines = [json.dumps(seed, ensure_ascii=False)]
    for k in range(13):
        lines.append(json.dumps({"id": f"n{k}", "text": f"خبر رقم {k}\n\nقصفت طائرات حربية بلدة رقم {k} أمس.",
                                 "published": "2024-03-0" + str(1 + k % 9), "note": f"n{k}"}, ensure_ascii=False))
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _content(path) -> dict:
    with Project.open(path, create=False) as p:
        q = p.db.execute
        return {
            "articles": q("SELECT ext_id, title, text, published, source, metadata, regions FROM articles"
                          " ORDER BY id").fetchall(),
            "events": q("SELECT a.ext_id, e.type, e.trigger_start, e.trigger_end, e.status, e.origin FROM events e"
                        " JOIN articles a ON a.id = e.article_id ORDER BY e.id").fetchall(),
            "arguments": q("SELECT role, start, \"end\", text FROM arguments ORDER BY id").fetchall(),
            "search": [h.ext_id for h in p.search("حربية", limit=100)],
        }


def test_parallel_reading_stores_what_sequential_reading_does(tmp_path, corpus, small_parts):
    opts = ImportOptions(gold=True, reviewer="amal")
    with Project.open(tmp_path / "one.db") as p:
        one = import_paths(p, [corpus], opts, workers=0)
    with Project.open(tmp_path / "two.db") as p:
        two = import_paths(p, [corpus], opts, workers=2)
    assert two.result.articles_added == one.result.articles_added == 14 + 14
    assert two.result.mentions_added == one.result.mentions_added == 32
    assert [(f.path.name, f.articles, f.encoding) for f in two.files] == \
        [(f.path.name, f.articles, f.encoding) for f in one.files]
    assert _content(tmp_path / "two.db") == _content(tmp_path / "one.db")
    assert len(_content(tmp_path / "two.db")["search"]) >= 13


def _big_jsonl(path, bad_line: int | None = None, dup_line: int | None = None, bad_events: int | None = None) -> None:
    rows = []
    for n in range(1, 21):
        obj = {"id": f"a{n}", "text": f"خبر {n}\n\nاشتباكات في البلدة رقم {n}."}
        if n == dup_line:
            obj["id"] = "a2"
        if n == bad_events:
            obj["events"] = "not a list"
        rows.append("{not json" if n == bad_line else json.dumps(obj, ensure_ascii=False))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_the_first_bad_line_is_reported_and_nothing_is_stored(tmp_path, small_parts, fresh_project):
    _big_jsonl(tmp_path / "big.jsonl", bad_line=17)
    with pytest.raises(ImportProblem, match=r"big\.jsonl line 17: invalid JSON"):
        import_paths(fresh_project, [tmp_path / "big.jsonl"], workers=2)
    assert fresh_project.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_an_id_used_twice_across_parts_names_both_lines(tmp_path, small_parts, fresh_project):
    _big_jsonl(tmp_path / "big.jsonl", dup_line=11)
    with pytest.raises(ImportProblem, match=r"big\.jsonl line 11: id 'a2' already used on line 2"):
        import_paths(fresh_project, [tmp_path / "big.jsonl"], workers=2)
    assert fresh_project.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


@pytest.mark.parametrize("workers", [0, 2])
def test_a_repeated_id_before_a_bad_line_of_the_same_part_is_reported_first(tmp_path, small_parts, fresh_project,
                                                                          workers):
    _big_jsonl(tmp_path / "big.jsonl", dup_line=8, bad_events=9)  # lines 7-9 are one part of 3
    with pytest.raises(ImportProblem, match=r"big\.jsonl line 8: id 'a2' already used on line 2"):
        import_paths(fresh_project, [tmp_path / "big.jsonl"], workers=workers)


def test_skip_bad_drops_a_large_file_whose_late_part_is_bad(tmp_path, small_parts, fresh_project):
    _big_jsonl(tmp_path / "big.jsonl", bad_line=17)
    (tmp_path / "good.txt").write_text("عنوان\n\nقصف مدفعي على البلدة.", encoding="utf-8")
    report = import_paths(fresh_project, [tmp_path / "big.jsonl", tmp_path / "good.txt"], skip_bad=True, workers=2)
    assert [b.split(":")[0] for b in report.bad] == [f"{tmp_path / 'big.jsonl'} line 17"]
    ids = [r[0] for r in fresh_project.db.execute("SELECT ext_id FROM articles")]
    assert ids == ["good"]  # the first 16 lines of the bad file were read and stored nothing


def test_progress_counts_articles_up_to_the_total(tmp_path, corpus, small_parts, fresh_project):
    calls = []
    import_paths(fresh_project, [corpus / "demo"], workers=2, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (14, 14)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
