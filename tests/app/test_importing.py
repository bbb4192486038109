"""app.importing: options checked against each other, all or nothing, no empty project left."""

from __future__ import annotations

import pytest

from tadqiq.app.importing import ImportOptions, ImportOptionsError, check_options, import_into
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
