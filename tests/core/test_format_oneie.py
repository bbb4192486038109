"""OneIE/TextEE export, re-read by an independent reader written here (not the writer's code)."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.oneie import read_oneie, write_oneie
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()
PUNCT_OR_SPACE = set(" \n\t")


def token_offsets(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Where each token is in ``text``: in order, separated only by whitespace or nothing."""
    out, pos = [], 0
    for tok in tokens:
        assert tok and not any(c.isspace() for c in tok), tok
        found = text.find(tok, pos)
        assert found >= 0 and text[pos:found].strip() == "", (tok, text[pos:found])
        out.append((found, found + len(tok)))
        pos = found + len(tok)
    assert text[pos:].strip() == "", f"text after the last token: {text[pos:]!r}"
    return out


def check_span(obj: dict, text: str, offs: list[tuple[int, int]]) -> None:
    """Token range [start, end) is the smallest one covering the characters [start_char, end_char)."""
    s, e = obj["start"], obj["end"]
    assert 0 <= s < e <= len(offs)
    cs, ce = obj["start_char"], obj["end_char"]
    assert text[cs:ce] == obj["text"]
    assert offs[s][0] <= cs < offs[s][1], "first token does not hold the first character"
    assert offs[e - 1][0] < ce <= offs[e - 1][1], "last token does not hold the last character"


def independent_read(path: Path, articles: dict[str, str]) -> dict[str, list[tuple]]:
    """doc_id -> [(type, trigger start, end, text, ((role, start, end, text), ...))] in document offsets."""
    got: dict[str, list[tuple]] = {}
    cursor: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        w = json.loads(line)
        assert set(w) >= {"doc_id", "wnd_id", "lang", "text", "tokens", "entity_mentions", "event_mentions"}
        doc_text = articles[w["doc_id"]]
        base = doc_text.find(w["text"], cursor.get(w["doc_id"], 0))
        assert base >= 0, "window text is not in the article"
        cursor[w["doc_id"]] = base + len(w["text"])
        offs = token_offsets(w["text"], w["tokens"])
        ents = {}
        for ent in w["entity_mentions"]:
            check_span(ent, w["text"], offs)
            assert ent["id"] not in ents
            ents[ent["id"]] = ent
        for ev in w["event_mentions"]:
            trig = ev["trigger"]
            check_span(trig, w["text"], offs)
            args = []
            for a in ev["arguments"]:
                ent = ents[a["entity_id"]]
                assert (a["text"], a["start"], a["end"]) == (ent["text"], ent["start"], ent["end"])
                args.append((a["role"], base + ent["start_char"], base + ent["end_char"], a["text"]))
            got.setdefault(w["doc_id"], []).append(
                (
                    ev["event_type"],
                    base + trig["start_char"],
                    base + trig["end_char"],
                    trig["text"],
                    tuple(args),
                )
            )
    return got


def as_tuples(mentions) -> list[tuple]:
    return [
        (m.type, m.trigger.start, m.trigger.end, m.trigger.text,
         tuple((a.role, a.span.start, a.span.end, a.span.text) for a in m.arguments))
        for m in mentions
    ]  # fmt: skip


def test_every_trigger_and_argument_comes_back(tmp_path):
    items = make_expected.expected_items()
    out = tmp_path / "x.jsonl"
    result = write_oneie(items, SCHEMA, out)
    got = independent_read(out, {a.ext_id: a.text for a, _ in items})
    for article, mentions in items:
        assert Counter(got[article.ext_id]) == Counter(as_tuples(mentions))
    assert result["counts"]["mentions"] == 36  # the house article's 32 and the small article's 4
    assert sum(len(v) for v in got.values()) == 36


def test_sub_token_trigger_maps_to_its_whole_token(tmp_path):
    items = make_expected.expected_items()[:1]
    out = tmp_path / "x.jsonl"
    write_oneie(items, SCHEMA, out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    die = first["event_mentions"][1]
    assert die["trigger"]["text"] == "يقتلون"
    assert first["tokens"][die["trigger"]["start"] : die["trigger"]["end"]] == ["ويقتلون"]
    assert first["text"][die["trigger"]["start_char"] : die["trigger"]["end_char"]] == "يقتلون"


def test_windows_without_events_are_kept(tmp_path):
    out = tmp_path / "x.jsonl"
    write_oneie(make_expected.expected_items()[:1], SCHEMA, out)
    windows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [w["text"] for w in windows[-3:]] == ["أقسام", "أخبار سوريا", "أخبار ذات صلة"]
    assert all(w["event_mentions"] == [] for w in windows[-3:])


def test_read_back_as_proposals(tmp_path):
    items = make_expected.expected_items()
    out = tmp_path / "x.jsonl"
    write_oneie(items, SCHEMA, out)
    back = read_oneie(out, SCHEMA, origin="model:oneie")
    assert [a.ext_id for a, _ in back] == [a.ext_id for a, _ in items]
    for (_, ms), (_, original) in zip(back, items, strict=True):
        assert [(m.type, m.trigger.text, m.attributes) for m in ms] == [
            (m.type, m.trigger.text, dict(m.attributes)) for m in original
        ]
        assert [[(a.role, a.span.text) for a in m.arguments] for m in ms] == [
            [(a.role, a.span.text) for a in m.arguments] for m in original
        ]
        assert {(m.status, m.origin) for m in ms} == {("proposed", "model:oneie")}


def _window(tmp_path, edit) -> Path:
    out = tmp_path / "ok.jsonl"
    write_oneie(make_expected.expected_items()[:1], SCHEMA, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    w = json.loads(lines[1])
    edit(w)
    lines[1] = json.dumps(w, ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return bad


BAD = {
    "char offsets": (lambda w: w["event_mentions"][0]["trigger"].update(start_char=5), "characters 5..3"),
    "token range": (lambda w: w["event_mentions"][0]["trigger"].update(end=99), "outside the window"),
    "empty token range": (
        lambda w: w["event_mentions"][0]["trigger"].update(end=w["event_mentions"][0]["trigger"]["start"]),
        "empty token range",
    ),
    "unknown type": (lambda w: w["event_mentions"][0].update(event_type="Conflict.Bomb"), "Conflict.Bomb"),
    "unknown role": (lambda w: w["event_mentions"][0]["arguments"][0].update(role="Attacker"), "Attacker"),
    "dangling entity": (lambda w: w["event_mentions"][0]["arguments"][0].update(entity_id="nope"), "nope"),
    "no tokens": (lambda w: w.pop("tokens"), "'tokens'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input(tmp_path, case):
    edit, what = BAD[case]
    bad = _window(tmp_path, edit)
    with pytest.raises(FormatError) as err:
        read_oneie(bad, SCHEMA, origin="x")
    assert str(bad) in str(err.value) and what in str(err.value), str(err.value)


def test_truncated(tmp_path):
    out = tmp_path / "x.jsonl"
    write_oneie(make_expected.expected_items(), SCHEMA, out)
    data = out.read_bytes()
    cut = len(data) - 200
    while (data[cut] & 0xC0) == 0x80:  # cut between characters: the JSON is then what is broken
        cut += 1
    out.write_bytes(data[:cut])
    with pytest.raises(FormatError, match="invalid JSON.*truncated"):
        read_oneie(out, SCHEMA, origin="x")


def test_truncated_inside_a_character(tmp_path):
    out = tmp_path / "x.jsonl"
    write_oneie(make_expected.expected_items(), SCHEMA, out)
    data = out.read_bytes()
    cut = data.rindex("منبج".encode()) + 1
    out.write_bytes(data[:cut])
    with pytest.raises(FormatError, match="truncated"):
        read_oneie(out, SCHEMA, origin="x")
