"""Site chrome is left out of the token formats (OneIE, DyGIE++, CoNLL), and arguments longer than
DyGIE++'s span width are reported (issue 12, items 7 and 8).

The files are read the way their consumers read them: CoNLL with the ``conllu`` package (6.x,
``conllu.parse`` with our column names), OneIE/TextEE line by line as JSON with its
``tokens``/``text`` (TextEE's loaders read those fields), DyGIE++ as its ``Document`` reader
does (``sentences`` as lists of tokens, indices counted over the document; dygie/data/dataset_readers/document.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import conllu
import pytest

from tadqiq.core.formats.export import export
from tadqiq.core.importing.chrome import site_regions
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import load_schema

SCHEMA = load_schema()
BODY = (
    "قتل ثلاثة مدنيين في قصف على بلدة كفرنبل.\n"
    "وأصيب عشرات من عناصر قوات النظام السوري وميليشيات موالية لها بجروح في القصف نفسه.\n"
)
CHROME = "أقسام\nفيسبوك\nأخبار متعلقة"
TEXT = BODY + CHROME
CHROME_WORDS = {"أقسام", "فيسبوك", "أخبار", "متعلقة"}


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


LONG = "عشرات من عناصر قوات النظام السوري وميليشيات موالية لها"  # 9 tokens


def _item() -> tuple[Article, list[Mention]]:
    regions = site_regions(TEXT)
    assert [TEXT[r.start : r.end] for r in regions] == ["أقسام", "فيسبوك", "أخبار متعلقة"]
    article = Article("kafr_01", TEXT, regions=regions)
    die = Mention("Life.Die", _span("قتل"), (Argument("Victim", _span("ثلاثة مدنيين")),
                                             Argument("Place", _span("بلدة كفرنبل"))), status="confirmed")  # fmt: skip
    injure = Mention("Life.Injure", _span("أصيب"), (Argument("Victim", _span(LONG)),), status="confirmed")
    return article, [die, injure]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, tuple[Path, dict]]:
    out = tmp_path_factory.mktemp("chrome")
    got = {}
    for fmt, name in (("oneie", "a.oneie.jsonl"), ("dygiepp", "a.dygiepp.jsonl"), ("conll", "a.conll")):
        manifest = export(fmt, [_item()], SCHEMA, out / name, created=None)
        got[fmt] = (out / name, manifest)
    return got


@pytest.mark.parametrize("fmt", ["oneie", "dygiepp", "conll"])
def test_the_manifest_counts_the_chrome_left_out(exported, fmt):
    _, manifest = exported[fmt]
    assert manifest["counts"]["chrome_sentences_excluded"] == 3
    assert manifest["counts"]["chrome_tokens_excluded"] == 4


def test_conll_has_no_chrome_sentence(exported):
    path, _ = exported["conll"]
    sentences = conllu.parse(path.read_text(encoding="utf-8"), fields=("form", "entity", "trigger"))
    assert len(sentences) == 2
    forms = [t["form"] for s in sentences for t in s]
    assert not CHROME_WORDS & set(forms)
    assert [t["trigger"] for t in sentences[0]][0] == "B-Life.Die"


def test_oneie_has_no_chrome_window(exported):
    path, _ = exported["oneie"]
    windows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(windows) == 2
    assert not CHROME_WORDS & {t for w in windows for t in w["tokens"]}
    assert all(w["text"] in TEXT for w in windows)


def test_dygiepp_has_no_chrome_sentence(exported):
    path, _ = exported["dygiepp"]
    [doc] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(doc["sentences"]) == len(doc["ner"]) == len(doc["events"]) == 2
    flat = [t for s in doc["sentences"] for t in s]
    assert not CHROME_WORDS & set(flat)
    # DyGIE++'s Document reader: each sentence's spans lie inside that sentence's token range.
    start = 0
    for sent, ner in zip(doc["sentences"], doc["ner"], strict=True):
        assert all(start <= s <= e < start + len(sent) for s, e, _ in ner)
        start += len(sent)


def test_a_mention_inside_chrome_keeps_its_sentence(tmp_path):
    article, mentions = _item()
    odd = Mention("Conflict.Demonstrate", _span("فيسبوك"), (), status="confirmed")
    manifest = export("conll", [(article, mentions + [odd])], SCHEMA, tmp_path / "b.conll", created=None)
    assert manifest["counts"]["chrome_sentences_excluded"] == 2
    forms = [t["form"] for s in conllu.parse((tmp_path / "b.conll").read_text(encoding="utf-8"),
                                              fields=("form", "entity", "trigger")) for t in s]  # fmt: skip
    assert "فيسبوك" in forms and "أقسام" not in forms


def test_arguments_over_the_span_width_are_listed_in_the_manifest(exported):
    path, manifest = exported["dygiepp"]
    assert manifest["counts"]["arguments_over_max_span_width"] == 1
    [long] = manifest["dygiepp"]["arguments_over_max_span_width"]
    assert manifest["dygiepp"]["max_span_width"] == 8
    assert long["text"] == LONG and long["width"] == 9 and long["role"] == "Victim"
    # Still written: DyGIE++ itself is what drops it.
    [doc] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    flat = [t for s in doc["sentences"] for t in s]
    s, e = long["tokens"]
    assert " ".join(flat[s : e + 1]) == LONG


def test_a_wider_span_width_reports_nothing(tmp_path):
    manifest = export("dygiepp", [_item()], SCHEMA, tmp_path / "w.jsonl", created=None,
                      options={"max_span_width": 9})  # fmt: skip
    assert manifest["counts"]["arguments_over_max_span_width"] == 0
    assert manifest["dygiepp"] == {"max_span_width": 9, "arguments_over_max_span_width": []}


def test_span_width_must_be_positive(tmp_path):
    from tadqiq.core.formats.common import FormatError

    with pytest.raises(FormatError, match="max span width 0"):
        export("dygiepp", [_item()], SCHEMA, tmp_path / "z.jsonl", options={"max_span_width": 0})
    assert not (tmp_path / "z.jsonl").exists()
