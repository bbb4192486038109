"""DyGIE++ export, re-read by an independent reader written here (document-level, end-inclusive)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tadqiq.core.formats.dygiepp import write_dygiepp
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def doc_token_offsets(
    text: str, sentences: list[list[str]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character span of every document token, and each sentence's [first, last] token index."""
    offs, bounds, pos = [], [], 0
    for sent in sentences:
        assert sent, "empty sentence"
        first = len(offs)
        for tok in sent:
            found = text.find(tok, pos)
            assert found >= 0 and text[pos:found].strip() == "", (tok, text[pos:found])
            offs.append((found, found + len(tok)))
            pos = found + len(tok)
        bounds.append((first, len(offs) - 1))
    assert text[pos:].strip() == ""
    return offs, bounds


def covers(offs, s: int, e: int, start: int, end: int) -> bool:
    """Tokens s..e (inclusive) are the smallest token run holding characters [start, end)."""
    return offs[s][0] <= start < offs[s][1] and offs[e][0] < end <= offs[e][1]


def test_every_trigger_and_argument_comes_back(tmp_path):
    items = make_expected.expected_items()
    out = tmp_path / "x.jsonl"
    result = write_dygiepp(items, SCHEMA, out)
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["doc_key"] for d in docs] == [a.ext_id for a, _ in items]
    total = 0
    for doc, (article, mentions) in zip(docs, items, strict=True):
        n = len(doc["sentences"])
        assert doc["dataset"] == "conflict-ar"
        assert len(doc["ner"]) == len(doc["events"]) == len(doc["relations"]) == n
        offs, bounds = doc_token_offsets(article.text, doc["sentences"])
        events = []
        for k, sentence_events in enumerate(doc["events"]):
            lo, hi = bounds[k]
            ner = {(s, e) for s, e, _ in doc["ner"][k]}
            for s, e, _ in doc["ner"][k]:
                assert lo <= s <= e <= hi
            for ev in sentence_events:
                (trig, etype), *args = ev
                assert lo <= trig <= hi
                for s, e, _ in args:
                    assert lo <= s <= e <= hi and (s, e) in ner
                events.append((trig, etype, args))
        assert len(events) == len(mentions)
        # Events come sentence by sentence; match each mention to its event by trigger token and type.
        remaining = list(events)
        for m in mentions:
            match = next(
                ev
                for ev in remaining
                if ev[1] == m.type and covers(offs, ev[0], ev[0], *_first_token(offs, m))
            )
            remaining.remove(match)
            trig, _, args = match
            tok_text = article.text[offs[trig][0] : offs[trig][1]]
            assert m.trigger.text in tok_text
            assert len(args) == len(m.arguments)
            for (s, e, role), a in zip(args, m.arguments, strict=True):
                assert role == a.role
                assert covers(offs, s, e, a.span.start, a.span.end)
                assert a.span.text in article.text[offs[s][0] : offs[e][1]]
            total += 1
    assert total == 36 == result["counts"]["mentions"]  # house 32 + small 4
    assert result["counts"]["triggers_shortened"] == 0


def _first_token(offs, m):
    """The characters of the trigger's first token (DyGIE++ keeps one token per trigger)."""
    for s, e in offs:
        if s <= m.trigger.start < e:
            return m.trigger.start, min(e, m.trigger.end)
    raise AssertionError("trigger not in any token")


def test_indices_are_document_level_and_end_inclusive(tmp_path):
    out = tmp_path / "x.jsonl"
    write_dygiepp(make_expected.expected_items()[1:], SCHEMA, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["sentences"][0] == ["قصف", "جوي", "على", "مدينة", "منبج"]
    # Second sentence starts at document token 5; «قتل مدنيان» -> Life.Die at 5, Victim 6..6.
    die = doc["events"][1][1]
    assert die[0] == [5, "Life.Die"]
    assert die[1] == [6, 6, "Victim"]
    # «مدينة منبج» in the second sentence: tokens 14 and 15, written [14, 15].
    assert [14, 15, "Place"] in die
    assert doc["relations"] == [[], [], []]
