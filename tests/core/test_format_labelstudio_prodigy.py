"""Label Studio and Prodigy pre-annotations: the seed gold converted here, read back; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.labelstudio import read_labelstudio
from tadqiq.core.formats.native import read_native
from tadqiq.core.formats.preannotations import detect_format, read_preannotations
from tadqiq.core.formats.prodigy import read_prodigy
from tadqiq.core.schema import load_schema

SCHEMA = load_schema()


@pytest.fixture(scope="module")
def seed(house_gold_path):
    [(article, mentions)] = read_native(house_gold_path, SCHEMA, origin="house")
    return article, mentions


def to_labelstudio(article, mentions) -> list[dict]:
    result = []
    spans: dict[tuple, str] = {}

    def region(start, end, label) -> str:
        key = (start, end, label)
        if key not in spans:
            spans[key] = f"r{len(spans)}"
            result.append(
                {
                    "id": spans[key],
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": start, "end": end, "text": article.text[start:end], "labels": [label]},
                }
            )
        return spans[key]

    for k, m in enumerate(mentions):
        trig = region(m.trigger.start, m.trigger.end, m.type)
        spans[("trigger", k)] = trig
        for a in m.arguments:
            arg = region(a.span.start, a.span.end, "ARG")
            result.append(
                {"type": "relation", "from_id": trig, "to_id": arg, "direction": "right", "labels": [a.role]}
            )
        for name, value in m.attributes.items():
            if value != SCHEMA.attributes[name][0]:
                result.append(
                    {
                        "id": trig,
                        "type": "choices",
                        "from_name": name,
                        "to_name": "text",
                        "value": {"choices": [value]},
                    }
                )
    return [
        {
            "id": 1,
            "data": {"text": article.text, "id": article.ext_id},
            "annotations": [{"id": 9, "result": result, "was_cancelled": False}],
        }
    ]


def summary(mentions):
    return sorted(
        (
            m.type,
            m.trigger.start,
            m.trigger.text,
            tuple(sorted(m.attributes.items())),
            tuple(sorted((a.role, a.span.start, a.span.text) for a in m.arguments)),
        )
        for m in mentions
    )


def test_labelstudio_seed(tmp_path, seed):
    article, mentions = seed
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(to_labelstudio(article, mentions), ensure_ascii=False), encoding="utf-8")
    assert detect_format(path) == "labelstudio"
    [(got_article, got)] = read_preannotations(path, SCHEMA, origin="labelstudio:team-b")
    assert got_article.text == article.text and got_article.ext_id == article.ext_id
    assert summary(got) == summary(mentions)
    assert {(m.status, m.origin) for m in got} == {("proposed", "labelstudio:team-b")}


def test_labelstudio_utf16_offsets(tmp_path):
    text = "😀 هجوم على منبج"
    # JavaScript counts the emoji as two units: هجوم is at 3..7 in UTF-16, 2..6 in code points.
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 3, "end": 7, "text": "هجوم", "labels": ["Conflict.Attack"]}},
        {"id": "b", "type": "labels", "value": {"start": 12, "end": 16, "text": "منبج", "labels": ["LOC"]}},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["Place"]},
    ]}]}  # fmt: skip
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    [(_, [m])] = read_labelstudio(path, SCHEMA, origin="x")
    assert (m.trigger.start, m.trigger.end, m.trigger.text) == (2, 6, "هجوم")
    assert (m.arguments[0].span.start, m.arguments[0].span.text) == (11, "منبج")


def _ls(tmp_path, seed, edit) -> Path:
    tasks = to_labelstudio(*seed)
    edit(tasks[0]["annotations"][0]["result"])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def _first(kind):
    return lambda result: next(r for r in result if r["type"] == kind)


LS_BAD = {
    "wrong offsets": (lambda r: _first("labels")(r)["value"].update(start=16), "هجوما"),
    "unknown type": (
        lambda r: _first("labels")(r)["value"].update(labels=["Conflict.Bomb"]),
        "Conflict.Bomb",
    ),
    "unknown role": (lambda r: _first("relation")(r).update(labels=["Victim"]), "Victim"),
    "dangling relation": (lambda r: _first("relation")(r).update(to_id="zz"), "zz"),
    "bad attribute": (lambda r: _first("choices")(r)["value"].update(choices=["perhaps"]), "perhaps"),
    "two labels": (
        lambda r: _first("labels")(r)["value"].update(labels=["Conflict.Attack", "Life.Die"]),
        "exactly one",
    ),
}


@pytest.mark.parametrize("case", sorted(LS_BAD))
def test_labelstudio_bad_input(tmp_path, seed, case):
    edit, what = LS_BAD[case]
    path = _ls(tmp_path, seed, edit)
    with pytest.raises(FormatError) as err:
        read_labelstudio(path, SCHEMA, origin="x")
    msg = str(err.value)
    assert str(path) in msg and "house-hama-001" in msg and what in msg, msg


@pytest.mark.parametrize("content", ['[{"data": {"text": "x"}', '{"data": {}}', "not json"])
def test_labelstudio_invalid_or_truncated(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match="bad.json"):
        read_labelstudio(path, SCHEMA, origin="x")


def to_prodigy(article, mentions) -> dict:
    spans, rels, seen = [], [], {}

    def span(start, end, label):
        key = (start, end)
        if key not in seen:
            seen[key] = {"start": start, "end": end, "label": label, "text": article.text[start:end]}
            spans.append(seen[key])
        return seen[key]

    for m in mentions:
        head = span(m.trigger.start, m.trigger.end, m.type)
        for a in m.arguments:
            child = span(a.span.start, a.span.end, "ARG")
            rels.append({"head_span": head, "child_span": child, "label": a.role})
    return {
        "text": article.text,
        "spans": spans,
        "relations": rels,
        "meta": {"id": article.ext_id},
        "answer": "accept",
    }


def test_prodigy_seed(tmp_path, seed):
    article, mentions = seed
    path = tmp_path / "p.jsonl"
    rejected = {"text": "نص مرفوض", "spans": [], "answer": "reject"}
    path.write_text(
        json.dumps(to_prodigy(article, mentions), ensure_ascii=False) + "\n" + json.dumps(rejected) + "\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "prodigy"
    [(got_article, got)] = read_preannotations(path, SCHEMA, origin="prodigy:x")
    assert got_article.ext_id == article.ext_id
    plain = [m.with_(attributes={k: v[0] for k, v in SCHEMA.attributes.items()}) for m in mentions]
    assert summary(got) == summary(plain)


def _prodigy_bad(tmp_path, seed, edit) -> Path:
    obj = to_prodigy(*seed)
    edit(obj)
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


PRODIGY_BAD = {
    "wrong offsets": (lambda o: o["spans"][0].update(start=14), "هجوما"),
    "unknown type": (lambda o: o["spans"][0].update(label="Conflict.Bomb"), "Conflict.Bomb"),
    "unknown role": (lambda o: o["relations"][0].update(label="Victim"), "Victim"),
    "relation to nothing": (
        lambda o: o["relations"][0].update(child_span={"start": 1, "end": 2}),
        "not one of the spans",
    ),
    "no text": (lambda o: o.pop("text"), "'text'"),
}


@pytest.mark.parametrize("case", sorted(PRODIGY_BAD))
def test_prodigy_bad_input(tmp_path, seed, case):
    edit, what = PRODIGY_BAD[case]
    path = _prodigy_bad(tmp_path, seed, edit)
    with pytest.raises(FormatError) as err:
        read_prodigy(path, SCHEMA, origin="x")
    assert str(path) in str(err.value) and what in str(err.value), str(err.value)


def test_prodigy_truncated(tmp_path, seed):
    line = json.dumps(to_prodigy(*seed), ensure_ascii=False)
    path = tmp_path / "p.jsonl"
    path.write_text(line + "\n" + line[:500], encoding="utf-8")
    with pytest.raises(FormatError, match="line 2: invalid JSON.*truncated"):
        read_prodigy(path, SCHEMA, origin="x")


def test_unknown_extension(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text("<x/>", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot tell the format"):
        read_preannotations(path, SCHEMA, origin="x")
