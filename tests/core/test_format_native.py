"""Native JSONL: write, read back, write again; and every kind of bad input."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.native import read_native, write_native
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def test_house_reads_as_32_proposals(house_gold_path):
    items = read_native(house_gold_path, SCHEMA, origin="import:house")
    assert len(items) == 1
    article, mentions = items[0]
    assert article.ext_id == "house-hama-001"
    assert len(mentions) == 32
    assert {m.status for m in mentions} == {"proposed"}
    assert {m.origin for m in mentions} == {"import:house"}
    assert mentions[10].attributes == {
        "polarity": "negative",
        "modality": "reported",
        "genericity": "specific",
    }
    assert article.metadata == {"note": "publication date unknown; Friday per the text"}


def test_round_trip_is_identical(tmp_path):
    items = make_expected.expected_items()
    first = tmp_path / "a.jsonl"
    write_native(items, SCHEMA, first)
    back = read_native(first, SCHEMA, origin="unused", keep_review=True)
    assert back == items
    second = tmp_path / "b.jsonl"
    write_native(back, SCHEMA, second)
    assert first.read_bytes() == second.read_bytes()


def test_review_fields_are_written(tmp_path):
    out = tmp_path / "x.jsonl"
    write_native(make_expected.expected_items(), SCHEMA, out)
    small = json.loads(out.read_text(encoding="utf-8").splitlines()[1])
    die = small["events"][2]
    assert die["status"] == "corrected"
    assert die["origin"] == "reviewer:amal"
    assert die["reviewer"] == "amal"
    assert die["notes"] == "-2 كان الرقم في المسودة"
    assert small["events"][1]["confidence"] == 0.9


def test_proposals_drop_review_fields(tmp_path):
    out = tmp_path / "x.jsonl"
    write_native(make_expected.expected_items(), SCHEMA, out)
    items = read_native(out, SCHEMA, origin="model:x")
    mentions = [m for _, ms in items for m in ms]
    assert {(m.status, m.origin, m.reviewer) for m in mentions} == {("proposed", "model:x", None)}


def test_writer_refuses_a_span_that_does_not_match(tmp_path):
    article, mentions = make_expected.small_item()
    bad = mentions[1].with_(trigger=mentions[1].trigger.__class__(0, 3, "هجم"))
    out = tmp_path / "x.jsonl"
    with pytest.raises(FormatError) as err:
        write_native([(article, [mentions[0], bad])], SCHEMA, out)
    assert "small_001" in str(err.value) and "mention 2" in str(err.value)
    assert not out.exists()


def _seed_obj(house_gold_path):
    return json.loads(house_gold_path.read_text(encoding="utf-8").splitlines()[0])


def _bad(tmp_path, obj_or_text) -> Path:
    p = tmp_path / "bad.jsonl"
    text = obj_or_text if isinstance(obj_or_text, str) else json.dumps(obj_or_text, ensure_ascii=False) + "\n"
    p.write_text(text, encoding="utf-8")
    return p


def _edit(obj, fn):
    fn(obj)
    return obj


BAD = {
    "wrong offsets": (lambda o: o["events"][3]["trigger"].update(start=135), "mention 4", "قتل"),
    "offsets past the end": (
        lambda o: o["events"][0]["arguments"][0].update(end=99999),
        "mention 1",
        "outside",
    ),
    "unknown type": (lambda o: o["events"][1].update(type="Life.Explode"), "mention 2", "Life.Explode"),
    "unknown role": (lambda o: o["events"][0]["arguments"][0].update(role="Victim"), "mention 1", "Victim"),
    "bad attribute": (lambda o: o["events"][0]["attributes"].update(polarity="maybe"), "mention 1", "maybe"),
    "bad status": (lambda o: o["events"][0].update(status="done"), "mention 1", "done"),
    "unknown key": (lambda o: o["events"][5].update(score=1), "mention 6", "score"),
    "no text": (lambda o: o.pop("text"), "line 1", "'text'"),
    "string offsets": (lambda o: o["events"][0]["trigger"].update(start="15"), "mention 1", "int"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_a_clear_error(tmp_path, house_gold_path, case):
    edit, where, what = BAD[case]
    path = _bad(tmp_path, _edit(_seed_obj(house_gold_path), edit))
    with pytest.raises(FormatError) as err:
        read_native(path, SCHEMA, origin="x")
    msg = str(err.value)
    assert str(path) in msg and where in msg and what in msg, msg


def test_truncated_file(tmp_path, house_gold_path):
    text = house_gold_path.read_text(encoding="utf-8")
    path = _bad(tmp_path, text + text.replace("000_aa", "001_aa")[: len(text) // 2])
    with pytest.raises(FormatError, match=r"line 2: invalid JSON .*truncated"):
        read_native(path, SCHEMA, origin="x")


def test_invalid_json_names_the_line(tmp_path, house_gold_path):
    text = house_gold_path.read_text(encoding="utf-8")
    path = _bad(tmp_path, text + "{not json}\n")
    with pytest.raises(FormatError, match=r"bad.jsonl: line 2: invalid JSON"):
        read_native(path, SCHEMA, origin="x")


def test_not_utf8(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes('{"text": "هجوم"}\n'.encode("cp1256"))
    with pytest.raises(FormatError, match="not UTF-8"):
        read_native(path, SCHEMA, origin="x")


def test_duplicate_document_id(tmp_path, house_gold_path):
    text = house_gold_path.read_text(encoding="utf-8")
    path = _bad(tmp_path, text + text)
    with pytest.raises(FormatError, match="already appeared on line 1"):
        read_native(path, SCHEMA, origin="x")
