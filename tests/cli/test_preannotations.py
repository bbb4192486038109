"""Other tools' pre-annotations through `tadqiq import`: read as proposals, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path


def test_brat_export_imports_as_proposals_of_another_team(run, tmp_path, house_gold_path):
    gold = tmp_path / "g.db"
    assert run("import", gold, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    assert run("export", gold, "--format", "brat", "-o", tmp_path / "brat").exit_code == 0
    other = tmp_path / "n.db"
    r = run("import", other, tmp_path / "brat", "--origin", "teamB")
    assert r.exit_code == 0, r.output
    assert "read as brat" in r.stdout
    stats = json.loads(run("stats", other, "--json").stdout)
    assert stats["mentions_by_origin"] == {"teamB": 32} and stats["mentions_by_status"] == {"proposed": 32}
    a = json.loads(run("show", gold, "house-hama-001", "--json").stdout)
    b = json.loads(run("show", other, "house-hama-001", "--json").stdout)
    key = lambda e: (e["trigger"]["start"], e["type"])  # noqa: E731
    assert [(e["type"], e["trigger"]) for e in sorted(a["events"], key=key)] == \
        [(e["type"], e["trigger"]) for e in sorted(b["events"], key=key)]


def test_label_studio_json_with_a_bad_span_imports_nothing(run, dump, tmp_path, house_txt):
    project = tmp_path / "p.db"
    run("import", project, house_txt)
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


def _mixed_statuses(tmp_path):
    """tests/data/formats/gold.jsonl with every review state, a confidence, a reviewer and links."""
    lines = (Path(__file__).resolve().parents[1] / "data/formats/gold.jsonl").read_text("utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    states = ["proposed", "rejected", "confirmed", "corrected", "added"]
    for k, e in enumerate(docs[0]["events"]):
        e["status"] = states[k % len(states)]
        e["origin"] = "extractor:rules@1" if e["status"] in ("proposed", "rejected", "confirmed") else "reviewer:amal"
        if e["status"] != "proposed":
            e["reviewer"] = "amal" if k % 2 else "omar"
        if k % 3 == 0:
            e["confidence"] = 0.5 + k / 100
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "manifest.json"}


def test_brat_round_trip_through_a_project_keeps_review_fields(run, tmp_path):
    first, second = tmp_path / "p1.db", tmp_path / "p2.db"
    assert run("import", first, _mixed_statuses(tmp_path)).exit_code == 0
    assert run("export", first, "--format", "brat", "-o", tmp_path / "a", "--status", "all").exit_code == 0
    r = run("import", second, tmp_path / "a")
    assert r.exit_code == 0, r.output
    assert run("export", second, "--format", "brat", "-o", tmp_path / "b", "--status", "all").exit_code == 0
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    one = json.loads(run("stats", first, "--json").stdout)
    two = json.loads(run("stats", second, "--json").stdout)
    assert two["mentions_by_status"] == one["mentions_by_status"]
    assert set(two["mentions_by_status"]) == {"proposed", "rejected", "confirmed", "corrected", "added"}
    assert two["mentions_by_origin"] == one["mentions_by_origin"]
    a = json.loads(run("show", first, "house-hama-001", "--json").stdout)["events"]
    b = json.loads(run("show", second, "house-hama-001", "--json").stdout)["events"]
    fields = ("type", "trigger", "arguments", "attributes", "status", "origin", "reviewer", "confidence", "link")
    assert [[e.get(f) for f in fields] for e in a] == [[e.get(f) for f in fields] for e in b]


def test_brat_with_origin_or_gold_overrides_the_notes(run, tmp_path):
    first = tmp_path / "p1.db"
    assert run("import", first, _mixed_statuses(tmp_path)).exit_code == 0
    assert run("export", first, "--format", "brat", "-o", tmp_path / "a", "--status", "all").exit_code == 0
    assert run("import", tmp_path / "o.db", tmp_path / "a", "--origin", "teamB").exit_code == 0
    stats = json.loads(run("stats", tmp_path / "o.db", "--json").stdout)
    assert stats["mentions_by_status"] == {"proposed": 36} and stats["mentions_by_origin"] == {"teamB": 36}
    assert run("import", tmp_path / "g.db", tmp_path / "a", "--gold", "--reviewer", "lead").exit_code == 0
    stats = json.loads(run("stats", tmp_path / "g.db", "--json").stdout)
    assert stats["mentions_by_status"] == {"added": 36} and stats["mentions_by_origin"] == {"reviewer:lead": 36}


def test_native_with_origin_is_proposals_whatever_the_file_says(run, tmp_path):
    project = tmp_path / "p.db"
    assert run("import", project, _mixed_statuses(tmp_path), "--origin", "model-x").exit_code == 0
    stats = json.loads(run("stats", project, "--json").stdout)
    assert stats["mentions_by_status"] == {"proposed": 36} and stats["mentions_by_origin"] == {"model-x": 36}


def test_oneie_proposals_onto_an_article_already_in_the_project(run, tmp_path, house_txt, house_gold_path):
    gold = tmp_path / "g.db"
    assert run("import", gold, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    assert run("export", gold, "--format", "oneie", "-o", tmp_path / "o.jsonl").exit_code == 0
    project = tmp_path / "p.db"
    assert run("import", project, house_txt).exit_code == 0
    r = run("import", project, tmp_path / "o.jsonl", "--origin", "model-x")
    assert r.exit_code == 0, r.output
    assert "32 events stored (32 onto articles already there)" in r.stdout
    stats = json.loads(run("stats", project, "--json").stdout)
    assert stats["articles"] == 1 and stats["mentions_by_status"] == {"proposed": 32}
    assert stats["mentions_by_origin"] == {"model-x": 32}
    assert run("check", project).exit_code == 0
    want = json.loads(run("show", gold, "house-hama-001", "--json").stdout)["events"]
    got = json.loads(run("show", project, "house-hama-001", "--json").stdout)["events"]
    spans = lambda e: [(a["role"], a["start"], a["end"], a["text"]) for a in e["arguments"]]  # noqa: E731
    assert [(e["type"], e["trigger"], spans(e)) for e in got] == [(e["type"], e["trigger"], spans(e)) for e in want]


def _oneie_window(doc, n, text, trigger, etype="Conflict.Attack"):
    s = text.index(trigger)
    tokens = text.split()
    t = next(i for i, tok in enumerate(tokens) if trigger in tok)
    return {"doc_id": doc, "wnd_id": f"{doc}-{n}", "lang": "ar", "text": text, "tokens": tokens,
            "entity_mentions": [], "event_mentions": [{"id": f"{doc}-{n}-E1", "event_type": etype, "trigger": {
                "text": trigger, "start": t, "end": t + 1, "start_char": s, "end_char": s + len(trigger)}}]}


def test_oneie_windows_align_across_whitespace_differences(run, dump, tmp_path):
    stored = "قصف جوي على منبج.\n\n\n  قتل   مدنيان في القصف.\n"
    (tmp_path / "doc1.txt").write_text(stored, encoding="utf-8")
    project = tmp_path / "p.db"
    assert run("import", project, tmp_path / "doc1.txt").exit_code == 0
    windows = [_oneie_window("doc1", 0, "قصف جوي على منبج.", "قصف"),
               _oneie_window("doc1", 1, "قتل مدنيان في القصف.", "القصف")]  # spaces collapsed by the tool
    path = tmp_path / "w.oneie.jsonl"
    path.write_text("".join(json.dumps(w, ensure_ascii=False) + "\n" for w in windows), encoding="utf-8")
    r = run("import", project, path, "--origin", "m")
    assert r.exit_code == 0, r.output
    events = json.loads(run("show", project, "doc1", "--json").stdout)["events"]
    assert [(e["trigger"]["start"], e["trigger"]["text"]) for e in events] == \
        [(0, "قصف"), (stored.index("القصف"), "القصف")]

    before = dump(project)
    windows[1]["text"] = windows[1]["text"].replace("مدنيان", "جنديان")
    windows[1]["tokens"] = windows[1]["text"].split()
    path.write_text("".join(json.dumps(w, ensure_ascii=False) + "\n" for w in windows), encoding="utf-8")
    r = run("import", project, path, "--origin", "m2")
    assert r.exit_code == 1
    assert "document 'doc1'" in r.stderr and "window doc1-1" in r.stderr, r.stderr
    assert dump(project) == before
