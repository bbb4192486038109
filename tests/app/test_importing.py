"""app.importing: options checked against each other, all or nothing, no empty project left."""

from __future__ import annotations

import pytest

from tadqiq.app.importing import (
    ImportCancelled, ImportOptions, ImportOptionsError, check_options, import_files, import_into,
)
from tadqiq.db.project import Project


def test_contradicting_options_are_refused_with_the_rule_they_break():
    with pytest.raises(ImportOptionsError) as no_reviewer:
        check_options(ImportOptions(gold=True))
    assert no_reviewer.value.reason == "gold-without-reviewer"
    with pytest.raises(ImportOptionsError) as both:
        check_options(ImportOptions(gold=True, reviewer="huda", origin="import:x"))
    assert both.value.reason == "gold-with-origin"
    check_options(ImportOptions(origin="import:x"))


def test_gold_import_stores_the_reviewers_labels(tmp_path, house_gold_path):
    path = tmp_path / "p.tadqiq"
    report = import_into(path, [house_gold_path], ImportOptions(gold=True, reviewer="huda"))
    assert report.result.articles_added == 1
    with Project.open(path, create=False) as p:
        stored = p.mentions(p.article("house-hama-001").id)
    assert len(stored) == 32 and {(m.status, m.origin) for m in stored} == {("added", "reviewer:huda")}


def test_a_failed_first_import_leaves_no_project_file(tmp_path, house_txt):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "نص"}\n{"id": "b", "text": \n', encoding="utf-8")
    path = tmp_path / "new.tadqiq"
    with pytest.raises(Exception, match="bad.jsonl"):
        import_into(path, [house_txt, bad])
    assert not path.exists() and list(tmp_path.iterdir()) == [bad]


def test_a_failed_import_into_an_existing_project_changes_nothing(tmp_path, house_txt):
    path = tmp_path / "p.tadqiq"
    import_into(path, [house_txt])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "b", "text": 5}\n', encoding="utf-8")
    with pytest.raises(Exception, match="bad.jsonl"):
        import_into(path, [bad])
    with Project.open(path, create=False) as p:
        assert p.article_count() == 1 and p.article("house-hama-001").text.startswith("مسلحون يشنون")


def _corpus(folder, n=6):
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"قصف على حلب اليوم رقم {i}.\n", encoding="utf-8")
    return folder


def test_a_cancelled_import_stores_nothing_and_keeps_what_was_there(tmp_path, house_txt):
    path = tmp_path / "p.tadqiq"
    import_into(path, [house_txt])
    corpus = _corpus(tmp_path / "corpus")
    seen = []
    with Project.open(path, create=False) as p:
        with pytest.raises(ImportCancelled, match="nothing was stored"):
            import_files(p, [corpus], progress=lambda done, total: seen.append(done),
                         cancelled=lambda: len(seen) >= 3)
        assert p.article_count() == 1  # the three articles already read were rolled back with the rest
    assert seen[:3] == [1, 2, 3]
    with Project.open(path, create=False) as p:
        assert [a.ext_id for a in p.article_list()] == ["house-hama-001"]
    import_into(path, [corpus])  # the same import, not cancelled, stores all of it
    with Project.open(path, create=False) as p:
        assert p.article_count() == 7


def test_a_cancelled_first_import_leaves_no_project_file(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    path = tmp_path / "new.tadqiq"
    with pytest.raises(ImportCancelled):
        import_into(path, [corpus], cancelled=lambda: True)
    assert not path.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]
