"""Hostile input (issue 13): exit status 1, a message naming the file, line (and column) and the
problem, never a traceback, and the project unchanged (its whole SQL dump)."""

from __future__ import annotations

import json
import re

import pytest

ARABIC_UTF8 = "قصفت طائرات حربية مواقع في ريف إدلب الجنوبي".encode()
ARABIC_CP1256 = "هجوم على قرية في ريف حماة الشمالي".encode("cp1256")


def _jsonl(*objs: dict) -> bytes:
    return ("\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + "\n").encode()


def _good_lines(n: int) -> list[dict]:
    return [{"id": f"g{i}", "text": f"خبر رقم {i} عن قصف"} for i in range(1, n + 1)]


CASES = {
    # name: (file name, bytes, expected message regex)
    "200,000 nested [": ("deep.jsonl", _jsonl(*_good_lines(2)) + b"[" * 200_000 + b"\n",
                         r"deep\.jsonl line 3: JSON nested too deeply"),
    "lone surrogate in a text": ("s.jsonl", _jsonl(*_good_lines(1)) + b'{"id": "s", "text": "abc \\ud800 def"}\n',
                                 r"s\.jsonl line 2: a lone surrogate \\ud800 at column 26"),
    "lone surrogate in an id": ("i.jsonl", b'{"id": "x\\udc00", "text": "\xd9\x86\xd8\xb5"}\n',
                                r"i\.jsonl line 1: a lone surrogate \\udc00 at column 10"),
    "id an object": ("o.jsonl", _jsonl(*_good_lines(3), {"id": {"a": 1}, "text": "نص"}),
                     r"o\.jsonl line 4: field 'id' must be a string, got an object \{\"a\": 1\}"),
    "id zero": ("z.jsonl", _jsonl({"id": 0, "text": "نص"}), r"z\.jsonl line 1: field 'id' must be a string, got a number 0"),
    "id true": ("b.jsonl", _jsonl({"id": True, "text": "نص"}), r"b\.jsonl line 1: field 'id' must be a string, got a boolean"),
    "id blank": ("e.jsonl", _jsonl({"id": "  ", "text": "نص"}), r"e\.jsonl line 1: field 'id' is blank"),
    "mixed UTF-8 and Windows-1256 (.txt)": (
        "mixed.txt", ARABIC_UTF8 + b"\n" + ARABIC_CP1256 + b"\nascii line\n" + ARABIC_UTF8 + b"\n" + ARABIC_CP1256,
        r"mixed\.txt: mixes encodings, nothing imported: UTF-8 on lines 1, 4; Windows-1256 \(Arabic\) on lines 2, 5"),
    "mixed UTF-8 and Windows-1256 (.jsonl)": (
        "mixed.jsonl", _jsonl({"id": "u", "text": "نص"}) + b'{"id": "c", "text": "' + ARABIC_CP1256 + b'"}\n',
        r"mixed\.jsonl: mixes encodings.*UTF-8 on line 1; Windows-1256 \(Arabic\) on line 2"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_hostile_input_is_refused_and_changes_nothing(run, dump, tmp_path, house_txt, case):
    name, data, message = CASES[case]
    project = tmp_path / "p.db"
    assert run("import", project, house_txt).exit_code == 0
    before = dump(project)
    bad = tmp_path / name
    bad.write_bytes(data)
    r = run("import", project, bad)
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert re.search(message, r.stderr), r.stderr
    assert dump(project) == before


def test_a_cp1256_file_alone_is_still_read(run, tmp_path):
    src = tmp_path / "old.txt"
    src.write_bytes(ARABIC_CP1256 + b"\n\n" + ARABIC_CP1256)
    r = run("import", tmp_path / "p.db", src)
    assert r.exit_code == 0, r.output
    assert "decoded as cp1256" in r.stdout
    shown = run("show", tmp_path / "p.db", "old").stdout
    assert "هجوم على قرية في ريف حماة الشمالي" in shown


def test_a_lone_surrogate_on_the_command_line_is_a_message(run, tmp_path, house_txt):
    project = tmp_path / "p.db"
    assert run("import", project, house_txt).exit_code == 0
    r = run("show", project, "bad\udcff")
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    assert "lone surrogate (U+DCFF)" in r.stderr and "tadqiq show" in r.stderr


def test_a_name_too_long_for_the_file_system_is_a_message(run, tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    out = tmp_path / ("x" * 300) / "gold.jsonl"
    r = run("export", project, "--format", "jsonl", "-o", out)
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    assert "longer than the file system allows" in r.stderr
    assert "300 characters" not in r.stderr or "…" in r.stderr  # a long path is cut, never 5,000 characters
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())


def test_evaluate_with_an_engine_version_not_in_the_project_names_what_is(run, tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    assert run("extract", project, "--jobs", "1").exit_code == 0
    origins = run("stats", project, "--json").stdout
    rules = next(o for o in json.loads(origins)["mentions_by_origin"] if o.startswith("extractor:rules@"))
    r = run("evaluate", project, "--gold", "reviewer:amal", "--pred", "extractor:rules@9.9")
    assert r.exit_code == 1
    assert "no mentions with origin 'extractor:rules@9.9'" in r.stderr
    assert rules in r.stderr and "reviewer:amal" in r.stderr
    assert "F1" not in r.stdout  # no scores printed as if measured
