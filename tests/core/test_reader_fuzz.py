"""Bounded fuzzing of the article readers (issue 13): whatever the bytes, a reader returns items
whose texts are valid Unicode, or raises ImportProblem — never another exception."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tadqiq.core.importing.item import ImportOptions, ImportProblem
from tadqiq.core.importing.readers import read_csv, read_jsonl, read_txt
from tadqiq.core.schema import load_schema

#: bench/fuzz.py sets TADQIQ_FUZZ_SCALE to run many more examples than the suite does
SCALE = float(os.environ.get("TADQIQ_FUZZ_SCALE", "1"))
SCHEMA = load_schema()
OPTIONS = ImportOptions()
PIECES = [b"{", b"}", b"[", b"]", b'"', b":", b",", b"\\u", b"d800", b"dc00", b"\\", b"\n", b"\r\n", b"\x00",
          b'"id"', b'"text"', b'"events"', b"0", b"null", b"true", "نص".encode(), "هجوم".encode("cp1256"),
          b"\xff", b"\xd9", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\xae", b"id,text\n"]
ANY_CHAR = st.characters(blacklist_categories=())  # lone surrogates too (json.dumps escapes them)
fragments = st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=8)), max_size=40).map(b"".join)


def _must_be_usable(items) -> None:
    for item in items:
        item.article.text.encode("utf-8")  # storable: no lone surrogate got through
        item.article.ext_id.encode("utf-8")
        json.dumps(dict(item.article.metadata), ensure_ascii=False).encode("utf-8")


@settings(max_examples=int(300 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments)
def test_any_bytes_are_read_or_refused_with_a_message(data):
    for reader in (lambda: read_jsonl(Path("f.jsonl"), data, SCHEMA, OPTIONS), lambda: read_txt(Path("f.txt"), data),
                   lambda: read_csv(Path("f.csv"), data)):
        try:
            items, _encoding = reader()
        except ImportProblem as exc:
            assert str(exc).startswith("f.")  # names the file
            continue
        _must_be_usable(items)


@settings(max_examples=int(200 * SCALE), deadline=None)
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(ANY_CHAR, max_size=5)),
                    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(ANY_CHAR, max_size=3), inner,
                                                                                          max_size=3)),
                    max_leaves=12),
       st.text(ANY_CHAR, max_size=20))
def test_any_json_record_is_read_or_refused_with_its_line(extra, text):
    record = {"id": "x", "text": text or "نص", "metadata": {"k": extra}, "extra": extra}
    data = (json.dumps(record) + "\n").encode("utf-8", "surrogatepass")
    try:
        items, _ = read_jsonl(Path("f.jsonl"), data, SCHEMA, OPTIONS)
    except ImportProblem as exc:
        assert str(exc).startswith("f.jsonl")
        return
    _must_be_usable(items)
