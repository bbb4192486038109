"""Bad input: exit status 1, a message naming the file, line and problem, and nothing imported.

Every case imports a good file together with a bad one into a project that already holds
the house article; the project file must be byte-for-byte the same dump afterwards.
"""

from __future__ import annotations

import json
import re

import pytest


def _house_line(house_gold: dict, **changes) -> str:
    obj = json.loads(json.dumps(house_gold))
    obj.update(changes)
    return json.dumps(obj, ensure_ascii=False)


def _event_edit(house_gold: dict, fn) -> str:
    obj = json.loads(json.dumps(house_gold))
    obj["id"] = "edited"
    obj["text"] = obj["text"] + " "  # a different article, so the events are checked as new
    fn(obj["events"])
    return json.dumps(obj, ensure_ascii=False)


def _lines_with_bad_17(house_gold: dict) -> str:
    good = [json.dumps({"id": f"a{i}", "text": f"خبر رقم {i} عن قصف"}, ensure_ascii=False) for i in range(1, 17)]
    return "\n".join(good + ['{"id": "a17", "text": "نص" ', json.dumps({"id": "a18", "text": "x"})]) + "\n"


CASES = {
    # name: (file name, content builder (house_gold) -> bytes, expected message regex)
    "binary file": ("photo.txt", lambda g: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, r"photo\.txt: binary"),
    "invalid JSON on line 17": ("bad.jsonl", lambda g: _lines_with_bad_17(g).encode(), r"bad\.jsonl line 17: invalid JSON"),
    "span text mismatch": ("m.jsonl", lambda g: _event_edit(g, lambda ev: ev[0]["trigger"].update(text="هجوم")).encode(),
                           r"m\.jsonl line 1 event 1 trigger: text at 13\.\.18 is 'هجوما', the span says 'هجوم'"),
    "unknown event type": ("t.jsonl", lambda g: _event_edit(g, lambda ev: ev[2].update(type="Conflict.Bombing")).encode(),
                           r"t\.jsonl line 1 event 3: unknown event type 'Conflict\.Bombing'"),
    "unknown role": ("r.jsonl", lambda g: _event_edit(g, lambda ev: ev[0]["arguments"][1].update(role="Victim")).encode(),
                     r"r\.jsonl line 1 event 1 argument 2: role 'Victim' is not a role of Conflict\.Attack"),
    "offset past the end": ("o.jsonl", lambda g: _event_edit(g, lambda ev: ev[5]["arguments"][0].update(end=99999)).encode(),
                            r"o\.jsonl line 1 event 6 argument 1 \(Attacker\): offsets 145\.\.99999 outside the text"),
    "offset not an integer": ("i.jsonl", lambda g: _event_edit(g, lambda ev: ev[0]["trigger"].update(start="15")).encode(),
                              r"i\.jsonl line 1 event 1 trigger: start and end must be integers"),
    "unknown attribute value": ("a.jsonl", lambda g: _event_edit(g, lambda ev: ev[0]["attributes"].update(polarity="maybe")).encode(),
                                r"a\.jsonl line 1 event 1: attribute polarity='maybe' not one of positive, negative"),
    "missing text": ("n.jsonl", lambda g: b'{"id": "x", "title": "no text"}\n', r"n\.jsonl line 1: missing 'text'"),
    "line not an object": ("l.jsonl", lambda g: b'["a", "b"]\n', r"l\.jsonl line 1: each line must be a JSON object"),
    "bad published date": ("d.jsonl", lambda g: _house_line(g, id="d", text="نص", published="2020-13-45").encode(),
                           r"d\.jsonl line 1: 'published' '2020-13-45' is not an ISO date"),
    "duplicate id in a file": ("dup.jsonl", lambda g: b'{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n',
                               r"dup\.jsonl line 2: id 'x' already used on line 1"),
    "csv without a text column": ("c.csv", lambda g: "id,headline\n1,عنوان\n".encode(), r"c\.csv: no text column"),
    "csv row too long": ("w.csv", lambda g: "id,text\n1,نص,زائد\n".encode(), r"w\.csv row 2: more cells than header"),
    "empty text": ("e.txt", lambda g: b"  \n\n ", r"e\.txt: the text is empty"),
    "unsupported type": ("report.pdf", lambda g: b"%PDF-1.4", r"report\.pdf: unsupported file type \.pdf"),
    "truncated file": ("cut.jsonl", lambda g: _house_line(g, id="cut")[:-40].encode(), r"cut\.jsonl line 1: invalid JSON"),
    "same id, other text": ("house-hama-001.txt", lambda g: "نص آخر تماما".encode(),
                            r"house-hama-001\.txt: article id 'house-hama-001' is already in the project"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_input_changes_nothing(run, dump, tmp_path, house_txt, house_gold, case):
    name, build, message = CASES[case]
    project = tmp_path / "p.db"
    assert run("import", project, house_txt).exit_code == 0
    before = dump(project)
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("خبر جيد\n\nقصفت طائرات حربية مواقع في ريف إدلب الجنوبي.", encoding="utf-8")
    bad = tmp_path / "in" / name
    bad.write_bytes(build(house_gold))
    r = run("import", project, good, bad)
    assert r.exit_code == 1
    assert re.search(message, r.stderr), r.stderr
    assert dump(project) == before


def test_missing_path(run, dump, tmp_path, house_txt):
    project = tmp_path / "p.db"
    run("import", project, house_txt)
    before = dump(project)
    r = run("import", project, tmp_path / "nowhere.txt")
    assert r.exit_code == 1 and "nowhere.txt: no such file or folder" in r.stderr
    assert dump(project) == before


def test_gold_without_reviewer(run, tmp_path, house_gold_path):
    r = run("import", tmp_path / "p.db", house_gold_path, "--gold")
    assert r.exit_code == 1 and "--gold needs --reviewer" in r.stderr


def test_corrupt_project_file(run, tmp_path, house_txt):
    project = tmp_path / "p.db"
    project.write_bytes(b"not a database at all" * 50)
    r = run("import", project, house_txt)
    assert r.exit_code == 1 and "not an SQLite database" in r.stderr
    assert project.read_bytes() == b"not a database at all" * 50


def test_skip_bad_imports_the_good_and_lists_the_bad(run, tmp_path, house_txt):
    project = tmp_path / "p.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("خبر\n\nنص عن هجوم على قرية.", encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"text": \n', encoding="utf-8")
    r = run("import", project, folder, house_txt, "--skip-bad")
    assert r.exit_code == 0, r.output
    assert "imported 2 articles" in r.stdout
    assert "skipped 1 bad files" in r.stderr and "bad.jsonl line 1: invalid JSON" in r.stderr
