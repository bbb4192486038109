"""The CoNLL export read with conllu (6.x) and its BIO columns decoded with seqeval (1.2.x), both
from the registry as test dependencies: the entities seqeval finds are the triggers and argument
spans the OneIE export of the same items has, token for token."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import conllu
from seqeval.metrics import f1_score
from seqeval.metrics.sequence_labeling import get_entities

from tadqiq.core.formats.export import export
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)
SCHEMA = load_schema()


def test_seqeval_reads_the_trigger_column_as_the_oneie_triggers(tmp_path):
    items = make_expected.expected_items()
    export("conll", items, SCHEMA, tmp_path / "g.conll", created=None)
    export("oneie", items, SCHEMA, tmp_path / "g.jsonl", created=None)
    sentences = conllu.parse((tmp_path / "g.conll").read_text(encoding="utf-8"), fields=("form", "entity", "trigger"))
    windows = [json.loads(x) for x in (tmp_path / "g.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(sentences) == len(windows)
    overlapping = 0
    for sent, wnd in zip(sentences, windows, strict=True):
        assert sent.metadata["sent_id"] == wnd["wnd_id"]
        assert [t["form"] for t in sent] == wnd["tokens"]
        found = {(t, s, e + 1) for t, s, e in get_entities([tok["trigger"] for tok in sent])}
        want = {(ev["event_type"], ev["trigger"]["start"], ev["trigger"]["end"]) for ev in wnd["event_mentions"]}
        assert found <= want
        overlapping += len(want - found)  # BIO cannot hold two triggers on one token
        ents = {(s, e + 1) for _, s, e in get_entities([tok["entity"] for tok in sent])}
        assert ents <= {(x["start"], x["end"]) for x in wnd["entity_mentions"]}
    manifest = json.loads((tmp_path / "g.conll.manifest.json").read_text(encoding="utf-8"))
    assert overlapping == manifest["counts"]["triggers_overlapping"]


def test_seqeval_scores_the_export_against_itself_perfectly(tmp_path):
    export("conll", make_expected.expected_items(), SCHEMA, tmp_path / "g.conll", created=None)
    sentences = conllu.parse((tmp_path / "g.conll").read_text(encoding="utf-8"), fields=("form", "entity", "trigger"))
    tags = [[t["trigger"] for t in s] for s in sentences]
    assert any(tag != "O" for s in tags for tag in s)
    assert f1_score(tags, tags) == 1.0
    shifted = [["O"] + s[:-1] for s in tags]  # every trigger one token late: no longer the same spans
    assert f1_score(tags, shifted) < 1.0
