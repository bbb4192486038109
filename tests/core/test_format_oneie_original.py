"""``--format oneie-original`` read by the original OneIE loader's logic (issue 12, item 3).

``oneie_read`` below re-implements what OneIE's ``oneie/data.py`` (IEDataset.load_data and
IEDataset.numberize, with remove_overlap_entities, get_entity_labels, get_trigger_labels and
get_role_list; the mention type vocabulary {'NAM', 'NOM', 'PRO', 'UNK'} of train.py's
generate_vocabs) reads from each line, field by field, raising KeyError where OneIE does; and
what BERT's ``tokenizer.encode(pieces)`` needs of the pieces (each in the vocabulary). OneIE's
code needs torch and transformers, so it is not run here; its reading is.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tadqiq.core.formats.export import export
from tadqiq.core.formats.oneie_original import basic_split, wordpiece
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)
SCHEMA = load_schema()
MENTION_TYPES = {"NAM": 0, "NOM": 1, "PRO": 2, "UNK": 3}  # OneIE train.py generate_vocabs


def _remove_overlap_entities(entities):
    tokens = [None] * 1000
    kept, id_map = [], {}
    for entity in entities:
        start, end = entity["start"], entity["end"]
        for i in range(start, end):
            if tokens[i]:
                id_map[entity["id"]] = tokens[i]
                continue
        kept.append(entity)
        for i in range(start, end):
            tokens[i] = entity["id"]
    return kept, id_map


def oneie_read(path: Path, vocab: set[str] | None = None, max_length: int = 128) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        inst = json.loads(line)
        inst_len = len(inst["pieces"])  # load_data
        _is_title = inst["sent_id"].endswith("-3") and inst["tokens"][-1] != "." and len(inst["entity_mentions"]) == 0
        if max_length != -1 and inst_len > max_length - 2:
            continue
        tokens, pieces, token_lens = inst["tokens"], inst["pieces"], inst["token_lens"]  # numberize
        entities, id_map = _remove_overlap_entities(inst["entity_mentions"])
        entities.sort(key=lambda x: x["start"])
        events = inst["event_mentions"]
        events.sort(key=lambda x: x["trigger"]["start"])
        relations = inst["relation_mentions"]
        assert len(token_lens) == len(tokens) and sum(token_lens) == len(pieces)  # pieces pooled per token
        if vocab is not None:
            assert all(p in vocab for p in pieces), [p for p in pieces if p not in vocab]
        labels = ["O"] * len(tokens)  # get_entity_labels
        for e in entities:
            if all(labels[i] == "O" for i in range(e["start"], e["end"])):
                labels[e["start"]] = f"B-{e['entity_type']}"
                for i in range(e["start"] + 1, e["end"]):
                    labels[i] = f"I-{e['entity_type']}"
        mention_types = [MENTION_TYPES[e["mention_type"]] for e in entities]
        triggers = ["O"] * len(tokens)  # get_trigger_labels
        for ev in events:
            s, e = ev["trigger"]["start"], ev["trigger"]["end"]
            triggers[s] = f"B-{ev['event_type']}"
            for i in range(s + 1, e):
                triggers[i] = f"I-{ev['event_type']}"
        entity_idxs = {e["id"]: i for i, e in enumerate(entities)}  # get_role_list
        roles = [(i, entity_idxs[id_map.get(a["entity_id"], a["entity_id"])], a["role"])
                 for i, ev in enumerate(events) for a in ev["arguments"]]  # fmt: skip
        out.append({"sent_id": inst["sent_id"], "tokens": tokens, "entity_labels": labels, "trigger_labels": triggers,
                    "mention_types": mention_types, "roles": roles, "relations": relations})  # fmt: skip
    return out


def test_the_oneie_export_stops_the_original_loader(tmp_path):
    export("oneie", make_expected.expected_items(), SCHEMA, tmp_path / "a.jsonl", created=None)
    with pytest.raises(KeyError, match="pieces"):
        oneie_read(tmp_path / "a.jsonl")


def test_oneie_original_reads_without_a_vocabulary(tmp_path):
    manifest = export("oneie-original", make_expected.expected_items(), SCHEMA, tmp_path / "o.jsonl", created=None)
    sents = oneie_read(tmp_path / "o.jsonl")
    assert len(sents) == manifest["counts"]["windows"]
    assert sum(len(s["roles"]) for s in sents) == manifest["counts"]["arguments"]
    assert sum(1 for s in sents for t in s["trigger_labels"] if t.startswith("B-")) >= 1
    assert {t for s in sents for t in s["mention_types"]} == {3}  # UNK
    assert manifest["pieces"]["vocabulary"] is None
    lines = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(x["pieces"] == x["tokens"] and set(x["token_lens"]) <= {1} for x in lines)


def _vocab(tmp_path: Path, words: list[str]) -> Path:
    """A tiny WordPiece vocabulary: [UNK], punctuation, every first letter and ## letter of the words."""
    pieces = {"[UNK]", "[CLS]", "[SEP]", "[PAD]", ".", "،", "ال", "##ون", "قصف"}
    for w in words:
        for part in basic_split(w):
            pieces.add(part[0])
            pieces.update(f"##{ch}" for ch in part[1:])
    path = tmp_path / "vocab.txt"
    path.write_text("\n".join(sorted(pieces)) + "\n", encoding="utf-8")
    return path


def test_oneie_original_with_a_vocabulary_gives_pieces_bert_can_encode(tmp_path):
    items = make_expected.expected_items()
    words = [w for a, _ in items for w in a.text.split()]
    vocab_path = _vocab(tmp_path, words)
    vocab = set(vocab_path.read_text(encoding="utf-8").split("\n")) - {""}
    manifest = export("oneie-original", items, SCHEMA, tmp_path / "p.jsonl", created=None,
                      options={"pieces_vocab": vocab_path})  # fmt: skip
    sents = oneie_read(tmp_path / "p.jsonl", vocab)
    # Letter-sized pieces make long windows: OneIE drops those over 126 pieces, and the manifest says how many.
    assert manifest["counts"]["windows_over_126_pieces"] > 0
    assert len(sents) == manifest["counts"]["windows"] - manifest["counts"]["windows_over_126_pieces"]
    assert len(oneie_read(tmp_path / "p.jsonl", vocab, max_length=-1)) == manifest["counts"]["windows"]
    assert manifest["counts"]["pieces"] > manifest["counts"]["unknown_pieces"]
    line = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()[0])
    k = line["tokens"].index("مسلحون")
    start = sum(line["token_lens"][:k])
    assert line["pieces"][start : start + line["token_lens"][k]] == ["م", "##س", "##ل", "##ح", "##ون"]


def test_wordpiece_is_greedy_longest_match_first():
    vocab = {"[UNK]", "ال", "##هجوم", "##ه", "##ج", "هجوم", "3", ".", "5"}
    assert wordpiece("الهجوم", vocab) == ["ال", "##هجوم"]
    assert wordpiece("هجوم", vocab) == ["هجوم"]
    assert wordpiece("xyz", vocab) == ["[UNK]"]
    assert basic_split("3.5") == ["3", ".", "5"]  # BERT splits what our tokenizer keeps as one number
    assert basic_split("Hé", lowercase=True) == ["he"]


def test_a_bad_vocabulary_is_refused_by_name(tmp_path):
    from tadqiq.core.formats.common import FormatError

    bad = tmp_path / "v.txt"
    bad.write_text("a\nb\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"v.txt: no \[UNK\] entry"):
        export("oneie-original", make_expected.expected_items(), SCHEMA, tmp_path / "x.jsonl",
               options={"pieces_vocab": bad})  # fmt: skip
    assert not (tmp_path / "x.jsonl").exists()
