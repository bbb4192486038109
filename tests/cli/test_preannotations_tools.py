"""Label Studio and Prodigy files as those tools write them, imported onto stored articles (issue 12,
items 5 and 6). Fixtures: tests/data/preannotations (our own articles; see its README.md)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data/preannotations"
LS = DATA / "labelstudio-notes-predictions.json"
PRODIGY = DATA / "prodigy-sentences.jsonl"
ARTICLE = DATA / "kafr-2026-01.txt"


def _events(run, project: Path, doc: str) -> list[dict]:
    r = run("show", project, doc, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["events"]


def _project(run, tmp_path: Path) -> Path:
    project = tmp_path / "p.db"
    assert run("import", project, ARTICLE).exit_code == 0
    return project


def test_label_studio_notes_predictions_and_empty_tasks(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, LS, "--gold", "--reviewer", "amal")
    assert r.exit_code == 0, r.output
    # Never an abort: what is not read is named, with the task and the result.
    assert "result 7: text area 'notes' on region 'r3' (Place), which is not an event trigger; left out" in r.stderr
    assert "result 8: text area 'summary' belongs to no region (a note on the whole task); left out" in r.stderr
    assert "task 3: document 'empty-2026-03': 0 events (1 annotations, 0 predictions)" in r.stderr
    kafr = _events(run, project, "kafr-2026-01")
    attack = next(e for e in kafr if e["type"] == "Conflict.Attack")
    assert attack["notes"] == "الطائرات روسية بحسب المصدر"
    assert {e["status"] for e in kafr} == {"added"} and len(kafr) == 2  # annotations: gold; its predictions not read
    die = next(e for e in kafr if e["type"] == "Life.Die")
    assert die["attributes"]["modality"] == "reported"
    # A task with only predictions: read as the model's proposals, even with --gold.
    [arrest] = _events(run, project, "raqqa-2026-02")
    assert (arrest["status"], arrest["origin"]) == ("proposed", "model:arabert-ee@0.3")
    assert [a["role"] for a in arrest["arguments"]] == ["Agent", "Person", "Place"]


def test_label_studio_from_annotations_only_warns_of_the_prediction_task(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, LS, "--label-studio-from", "annotations")
    assert r.exit_code == 0, r.output
    assert "task 2: document 'raqqa-2026-02': 0 events (0 annotations, 1 predictions; read from annotations)" in r.stderr
    assert _events(run, project, "raqqa-2026-02") == []
    assert {e["status"] for e in _events(run, project, "kafr-2026-01")} == {"proposed"}


def test_label_studio_from_both_reads_predictions_beside_annotations(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, LS, "--label-studio-from", "both", "--gold", "--reviewer", "amal")
    assert r.exit_code == 0, r.output
    kafr = _events(run, project, "kafr-2026-01")
    by_origin = sorted((e["origin"], e["status"], e["type"]) for e in kafr)
    assert by_origin == [("model:arabert-ee@0.3", "proposed", "Conflict.Attack"),
                         ("reviewer:amal", "added", "Conflict.Attack"), ("reviewer:amal", "added", "Life.Die")]  # fmt: skip


def test_label_studio_from_a_bad_value_is_refused(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, LS, "--label-studio-from", "drafts")
    assert r.exit_code != 0 and "--label-studio-from" in r.output


def test_prodigy_sentences_land_on_the_stored_article(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, PRODIGY, "--origin", "prodigy:ner-events")
    assert r.exit_code == 0, r.output
    text = ARTICLE.read_text(encoding="utf-8")
    events = _events(run, project, "kafr-2026-01")
    assert sorted(e["type"] for e in events) == ["Conflict.Attack", "Life.Die", "Life.Injure"]
    for e in events:  # offsets are the stored article's
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        for a in e["arguments"]:
            assert text[a["start"] : a["end"]] == a["text"]
    injure = next(e for e in events if e["type"] == "Life.Injure")
    assert injure["trigger"]["start"] == text.index("أصيب")
    # The record without an id is an article of its own, and the import says so.
    assert "no meta.id: stored as an article of its own" in r.stderr
    stats = json.loads(run("stats", project, "--json").stdout)
    assert stats["articles"] == 2


def test_prodigy_sentences_without_a_stored_article_make_one_article(run, tmp_path):
    project = tmp_path / "q.db"
    r = run("import", project, PRODIGY, "--origin", "prodigy:ner-events")
    assert r.exit_code == 0, r.output
    shown = json.loads(run("show", project, "kafr-2026-01", "--json").stdout)
    lines = ARTICLE.read_text(encoding="utf-8").split("\n")[:3]
    assert shown["text"] == "\n".join(lines)
    assert len(shown["events"]) == 3


def _edited(tmp_path: Path, edit) -> Path:
    records = [json.loads(line) for line in PRODIGY.read_text(encoding="utf-8").splitlines()]
    edit(records)
    path = tmp_path / "edited.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_prodigy_refusals_name_the_record_and_what_was_expected(run, dump, tmp_path):
    project = _project(run, tmp_path)
    before = dump(project)

    def wrong_offset(records):
        records[1]["meta"]["offset"] = 3

    r = run("import", project, _edited(tmp_path, wrong_offset))
    assert r.exit_code == 1
    assert "edited.jsonl: line 2: document 'kafr-2026-01': offset 3: the stored article has" in r.stderr

    def foreign(records):
        records[2]["text"] = "جملة ليست في المقال."

    r = run("import", project, _edited(tmp_path, foreign))
    assert r.exit_code == 1
    assert "line 3: document 'kafr-2026-01': the record's text is not in the stored article" in r.stderr

    def bad_offset(records):
        records[1]["meta"]["offset"] = "ten"

    r = run("import", project, _edited(tmp_path, bad_offset))
    assert r.exit_code == 1 and "line 2" in r.stderr and "meta.offset must be a character offset" in r.stderr
    assert dump(project) == before


def test_prodigy_ambiguous_sentence_is_refused_unless_an_offset_says_which(run, tmp_path):
    twice = tmp_path / "twice"
    twice.mkdir()
    text = "قتل مدني في قصف.\nقتل مدني في قصف.\n"
    (twice / "rep-1.txt").write_text(text, encoding="utf-8")
    project = tmp_path / "r.db"
    assert run("import", project, twice / "rep-1.txt").exit_code == 0
    rec = {"text": "قتل مدني في قصف.", "meta": {"id": "rep-1"},
           "spans": [{"start": 0, "end": 3, "label": "Life.Die"}]}  # fmt: skip
    path = tmp_path / "amb.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("import", project, path)
    assert r.exit_code == 1 and "occurs 2 times in the stored article (at 0, 17); give meta.offset" in r.stderr
    rec["meta"]["offset"] = 17
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", project, path).exit_code == 0
    [event] = _events(run, project, "rep-1")
    assert event["trigger"]["start"] == 17


def test_prodigy_a_repeated_sentence_is_placed_once_after_the_previous_record(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "قتل مدني في قصف.\nوأصيب آخرون.\nقتل مدني في قصف.\n"
    (folder / "rep-2.txt").write_text(text, encoding="utf-8")
    project = tmp_path / "s.db"
    assert run("import", project, folder / "rep-2.txt").exit_code == 0
    records = [
        {"text": "قتل مدني في قصف.", "meta": {"id": "rep-2", "offset": 0}, "spans": []},
        {"text": "وأصيب آخرون.", "meta": {"id": "rep-2"}, "spans": [{"start": 0, "end": 5, "label": "Life.Injure"}]},
        {"text": "قتل مدني في قصف.", "meta": {"id": "rep-2"}, "spans": [{"start": 0, "end": 3, "label": "Life.Die"}]},
    ]
    path = tmp_path / "rep.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    r = run("import", project, path)
    assert r.exit_code == 0, r.output
    die = next(e for e in _events(run, project, "rep-2") if e["type"] == "Life.Die")
    assert die["trigger"]["start"] == text.rindex("قتل")
