"""Other tools' pre-annotations through `tadqiq import`: read as proposals, all or nothing."""

from __future__ import annotations

import json


def test_brat_export_imports_as_proposals_of_another_team(run, tmp_path, seed_gold_path):
    gold = tmp_path / "g.db"
    assert run("import", gold, seed_gold_path, "--gold", "--reviewer", "seed").exit_code == 0
    assert run("export", gold, "--format", "brat", "-o", tmp_path / "brat").exit_code == 0
    other = tmp_path / "n.db"
    r = run("import", other, tmp_path / "brat", "--origin", "teamB")
    assert r.exit_code == 0, r.output
    assert "read as brat" in r.stdout
    stats = json.loads(run("stats", other, "--json").stdout)
    assert stats["mentions_by_origin"] == {"teamB": 28} and stats["mentions_by_status"] == {"proposed": 28}
    a = json.loads(run("show", gold, "000_aa59fc9b5caee80f", "--json").stdout)
    b = json.loads(run("show", other, "000_aa59fc9b5caee80f", "--json").stdout)
    key = lambda e: (e["trigger"]["start"], e["type"])  # noqa: E731
    assert [(e["type"], e["trigger"]) for e in sorted(a["events"], key=key)] == \
        [(e["type"], e["trigger"]) for e in sorted(b["events"], key=key)]


def test_label_studio_json_with_a_bad_span_imports_nothing(run, dump, tmp_path, seed_txt):
    project = tmp_path / "p.db"
    run("import", project, seed_txt)
    before = dump(project)
    text = "قصفت طائرات حربية بلدة كفرنبل"
    task = {"id": 1, "data": {"text": text}, "annotations": [{"result": [
        {"id": "t1", "type": "labels", "value": {"start": 0, "end": 4, "text": "قصفت", "labels": ["Conflict.Attack"]}},
        {"id": "t2", "type": "labels", "value": {"start": 23, "end": 26, "text": "XYZ", "labels": ["Place"]}},
    ]}]}
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    r = run("import", project, path)
    assert r.exit_code == 1 and "ls.json" in r.stderr
    assert dump(project) == before
