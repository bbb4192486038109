"""export(): unknown formats, splits, manifests, no half-written files, mention selection."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.export import FORMATS, assign_splits, export, parse_split, select_mentions
from tadqiq.core.model import Span
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def test_unknown_format(tmp_path):
    with pytest.raises(FormatError, match="unknown format 'xml'"):
        export("xml", [], SCHEMA, tmp_path / "x")


@pytest.mark.parametrize(
    ("spec", "parts"), [("80/10/10", (80, 10, 10)), ("90/10", (90, 10)), ("100/0/0", (100, 0, 0))]
)
def test_parse_split(spec, parts):
    assert parse_split(spec) == parts


@pytest.mark.parametrize("spec", ["80/10", "80-10-10", "50/50/10", "a/b/c", "100"])
def test_parse_split_refuses(spec):
    with pytest.raises(FormatError, match="split"):
        parse_split(spec)


def test_assign_splits_is_exact_and_seeded():
    ids = [f"doc{i:03d}" for i in range(200)]
    a = assign_splits(ids, (80, 10, 10), seed=7)
    assert Counter(a.values()) == {"train": 160, "dev": 20, "test": 20}
    assert a == assign_splits(list(reversed(ids)), (80, 10, 10), seed=7)
    assert a != assign_splits(ids, (80, 10, 10), seed=8)


@pytest.mark.parametrize("fmt", FORMATS)
def test_split_export_writes_one_part_per_split(tmp_path, fmt):
    items = make_expected.expected_items()
    parts = {"train": items[:1], "dev": items[1:], "test": []}
    manifest = export(fmt, parts, SCHEMA, tmp_path / "out", command="t", created=None)
    assert manifest["counts"]["train"]["articles"] == 1
    assert manifest["counts"]["dev"]["articles"] == 1
    assert manifest["counts"]["total"]["articles"] == 2
    on_disk = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert on_disk == manifest
    names = set(manifest["files"])
    if fmt == "brat":
        assert {"train/house-hama-001.ann", "dev/small_001.txt", "test/annotation.conf"} <= names
    else:
        assert {p.split(".")[0] for p in names} == {"train", "dev", "test"}


@pytest.mark.parametrize("fmt", ["jsonl", "oneie", "dygiepp", "conll", "acled-csv"])
def test_a_bad_span_leaves_no_file(tmp_path, fmt):
    article, mentions = make_expected.small_item()
    bad = mentions[2].with_(trigger=Span(23, 26, "قصف"))
    with pytest.raises(FormatError) as err:
        export(
            fmt, [*make_expected.expected_items()[:1], (article, [mentions[0], bad])], SCHEMA, tmp_path / "x"
        )
    assert "small_001" in str(err.value) and "mention 2" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_select_mentions():
    _, mentions = make_expected.small_item()
    statuses = [m.status for m in mentions]
    assert statuses == ["confirmed", "confirmed", "corrected", "added"]
    rejected = mentions[0].with_(status="rejected")
    proposed = mentions[1].with_(status="proposed", reviewer=None)
    pool = [rejected, proposed, *mentions[2:]]
    assert select_mentions(pool, "gold") == mentions[2:]
    assert select_mentions(pool, "all") == pool
    assert select_mentions(pool, "all", types=["Life.Die"]) == [mentions[2]]
    assert select_mentions(pool, "gold", reviewer="nobody") == []
    with pytest.raises(FormatError, match="unknown event type"):
        select_mentions(pool, "gold", types=["Life.Dies"], schema=SCHEMA)


class _Stop(Exception):
    pass


@pytest.mark.parametrize("fmt,split", [("jsonl", False), ("conll", False), ("brat", False), ("jsonl", True)])
def test_a_cancelled_export_leaves_nothing_not_even_the_folders_it_made(tmp_path, fmt, split):
    items = make_expected.expected_items()

    calls = []

    def cancel_at_second(n: int) -> None:  # called with the articles written since the last call
        calls.append(n)
        if sum(calls) >= 2:
            raise _Stop

    out = tmp_path / "new" / "deeper" / ("out" if fmt == "brat" or split else "out.file")
    what = {"train": items[:1], "dev": items[1:]} if split else items
    with pytest.raises(_Stop):
        export(fmt, what, SCHEMA, out, progress=cancel_at_second)
    assert list(tmp_path.iterdir()) == []


def test_a_previous_folder_export_is_replaced_whole(tmp_path):
    items = make_expected.expected_items()
    out = tmp_path / "brat"
    export("brat", items, SCHEMA, out)
    first = {p.name for p in out.iterdir()}
    export("brat", items[:1], SCHEMA, out)
    second = {p.name for p in out.iterdir()}
    assert second < first and not any(n.startswith(".") for n in (p.name for p in tmp_path.iterdir()))


def test_a_file_export_and_its_manifest_are_replaced_together_or_not_at_all(tmp_path):
    items = make_expected.expected_items()
    out = tmp_path / "x.jsonl"
    out.write_text("OLD\n", encoding="utf-8")
    (tmp_path / "x.jsonl.manifest.json").mkdir()  # something in the way of the manifest
    (tmp_path / "x.jsonl.manifest.json" / "keep").write_text("k", encoding="utf-8")
    with pytest.raises(FormatError, match="is a folder"):
        export("jsonl", items, SCHEMA, out)
    assert out.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.jsonl", "x.jsonl.manifest.json"]
    (tmp_path / "x.jsonl.manifest.json" / "keep").unlink()
    (tmp_path / "x.jsonl.manifest.json").rmdir()
    export("jsonl", items, SCHEMA, out)
    assert out.read_text(encoding="utf-8") != "OLD\n" and (tmp_path / "x.jsonl.manifest.json").is_file()


def test_an_unwritable_place_is_named_not_the_hidden_staging_folder(tmp_path, monkeypatch):
    import tadqiq.core.formats.export as export_module

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".x.jsonl.partial-abc"))

    monkeypatch.setattr(export_module, "staging_folder", refuse)
    out = tmp_path / "new" / "x.jsonl"
    with pytest.raises(OSError) as err:
        export("jsonl", make_expected.expected_items(), SCHEMA, out)
    assert str(out) in str(err.value) and ".partial" not in str(err.value)
    assert not (tmp_path / "new").exists()
