"""`tadqiq export` on a real project file: every format, filters, splits, round trip through import."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tadqiq.core.formats.export import FORMATS
from tadqiq.core.formats.native import read_native
from tadqiq.core.schema import load_schema
from tadqiq.cli.main import cli

SCHEMA = load_schema()
NAMES = {"jsonl": "x.jsonl", "oneie": "x.oneie.jsonl", "oneie-original": "x.oneie1.jsonl", "dygiepp": "x.dy.jsonl", "brat": "brat", "conll": "x.conll",
         "acled-csv": "x.csv"}  # fmt: skip


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture
def gold_project(tmp_path, house_gold_path) -> Path:
    project = tmp_path / "p.db"
    r = run("import", project, house_gold_path, "--gold", "--reviewer", "amal")
    assert r.exit_code == 0, r.output
    return project


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_every_format(tmp_path, gold_project, fmt):
    out = tmp_path / "out" / NAMES[fmt]
    r = run("export", gold_project, "--format", fmt, "-o", out)
    assert r.exit_code == 0, r.output
    assert f"exported 1 articles, 32 mentions as {fmt}" in r.output
    manifest_path = out / "manifest.json" if fmt == "brat" else out.with_name(out.name + ".manifest.json")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    assert manifest["counts"]["mentions"] == 32
    width = " --max-span-width 8" if fmt == "dygiepp" else ""  # the span width DyGIE++ is checked against
    assert manifest["command"] == f"tadqiq export {gold_project} --format {fmt} -o {out} --status gold{width}"
    assert manifest["selection"]["status"] == "gold"


def test_native_round_trip_through_import(tmp_path, gold_project):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run("export", gold_project, "--format", "jsonl", "-o", a).exit_code == 0
    assert run("import", tmp_path / "p2.db", a).exit_code == 0
    assert run("export", tmp_path / "p2.db", "--format", "jsonl", "-o", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    [(_, mentions)] = read_native(a, SCHEMA, origin="x", keep_review=True)
    assert {(m.status, m.origin, m.reviewer) for m in mentions} == {("added", "reviewer:amal", "amal")}


def test_filters(tmp_path, gold_project):
    out = tmp_path / "t.jsonl"
    r = run("export", gold_project, "--format", "jsonl", "-o", out, "--types", "Life.Die,Conflict.Capture")
    assert r.exit_code == 0 and "32 mentions" not in r.output
    [line] = out.read_text("utf-8").splitlines()
    assert {e["type"] for e in json.loads(line)["events"]} == {"Life.Die", "Conflict.Capture"}
    assert len(json.loads(line)["events"]) == 11  # 7 Life.Die + 4 Conflict.Capture
    r = run("export", gold_project, "--format", "jsonl", "-o", out, "--reviewer", "someone-else")
    assert r.exit_code == 0 and "exported 0 articles" in r.output


def test_proposals_are_not_gold(tmp_path, house_gold_path):
    project = tmp_path / "p.db"
    assert run("import", project, house_gold_path, "--origin", "model:x").exit_code == 0
    r = run("export", project, "--format", "jsonl", "-o", tmp_path / "g.jsonl")
    assert "exported 0 articles, 0 mentions" in r.output
    r = run("export", project, "--format", "jsonl", "-o", tmp_path / "all.jsonl", "--status", "all")
    assert "exported 1 articles, 32 mentions" in r.output


def test_split(tmp_path, gold_project):
    out = tmp_path / "split"
    r = run("export", gold_project, "--format", "conll", "-o", out, "--split", "0/100/0", "--seed", "1")
    assert r.exit_code == 0, r.output
    assert (out / "dev.conll").read_text("utf-8").startswith("# doc_id = house-hama-001")
    assert (out / "train.conll").read_text("utf-8") == ""
    assert json.loads((out / "manifest.json").read_text("utf-8"))["counts"]["dev"]["mentions"] == 32


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--types", "Life.Dies"], "unknown event type Life.Dies"),
        (["--split", "80/30"], "split '80/30'"),
    ],
)
def test_errors(tmp_path, gold_project, args, message):
    r = run("export", gold_project, "--format", "jsonl", "-o", tmp_path / "x.jsonl", *args)
    assert r.exit_code == 1
    assert message in r.output
    assert not (tmp_path / "x.jsonl").exists()


def test_missing_project(tmp_path):
    r = run("export", tmp_path / "nope.db", "--format", "jsonl", "-o", tmp_path / "x.jsonl")
    assert r.exit_code == 1 and "no such project file" in r.output


def _native_round_trip(tmp_path, source, *import_args):
    """import SOURCE -> export a -> import a into a new project -> export b; returns (a, b)."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    r = run("import", tmp_path / "p1.db", source, *import_args)
    assert r.exit_code == 0, r.output
    assert run("export", tmp_path / "p1.db", "--format", "jsonl", "-o", a, "--status", "all").exit_code == 0
    assert run("import", tmp_path / "p2.db", a).exit_code == 0
    assert run("export", tmp_path / "p2.db", "--format", "jsonl", "-o", b, "--status", "all").exit_code == 0
    return a, b


def test_native_round_trip_with_events_out_of_text_order(tmp_path):
    source = Path(__file__).resolve().parents[1] / "data" / "formats" / "gold.jsonl"
    a, b = _native_round_trip(tmp_path, source)
    assert a.read_bytes() == b.read_bytes()
    small = [json.loads(line) for line in a.read_text("utf-8").splitlines()][1]
    assert small["id"] == "small_001"
    # the exported id is the mention's ordinal in text order within its article
    assert [e["id"] for e in small["events"]] == [1, 2, 3, 4]
    starts = [e["trigger"]["start"] for e in small["events"]]
    assert starts == sorted(starts)
    assert [e.get("link") for e in small["events"]] == [None, "ev1", "ev1", "ev1"]


def test_native_round_trip_keeps_article_level_fields(tmp_path, house_gold_path):
    a, b = _native_round_trip(tmp_path, house_gold_path, "--gold", "--reviewer", "amal")
    assert a.read_bytes() == b.read_bytes()
    [article] = [json.loads(line) for line in a.read_text("utf-8").splitlines()]
    assert article["metadata"] == {"note": "publication date unknown; Friday per the text"}


def test_labels_after_the_text_bring_their_metadata(tmp_path, house_txt, house_gold_path):
    project, out = tmp_path / "p.db", tmp_path / "a.jsonl"
    assert run("import", project, house_txt).exit_code == 0
    assert run("import", project, house_gold_path, "--gold", "--reviewer", "amal").exit_code == 0
    assert run("export", project, "--format", "jsonl", "-o", out).exit_code == 0
    [article] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert article["metadata"]["note"] == "publication date unknown; Friday per the text"
    assert len(article["events"]) == 32


@pytest.fixture
def mixed_project(tmp_path) -> Path:
    """tests/data/formats/gold.jsonl with every fourth house mention rejected and some proposed."""
    source = Path(__file__).resolve().parents[1] / "data" / "formats" / "gold.jsonl"
    docs = [json.loads(line) for line in source.read_text("utf-8").splitlines()]
    for k, e in enumerate(docs[0]["events"]):
        e["status"] = "rejected" if k % 4 == 1 else "proposed" if k % 4 == 2 else "confirmed"
        e["origin"] = "extractor:rules@1"
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    project = tmp_path / "mixed.db"
    assert run("import", project, path).exit_code == 0
    return project


REJECTED = 8  # k % 4 == 1 for k in range(32)
TOTAL = 36  # the house article's 32 mentions and the small article's 4


@pytest.mark.parametrize("fmt", ["oneie", "dygiepp", "conll", "acled-csv"])
def test_rejected_mentions_never_become_positive_examples(tmp_path, mixed_project, fmt):
    out = tmp_path / "out" / NAMES[fmt]
    r = run("export", mixed_project, "--format", fmt, "-o", out, "--status", "all")
    assert r.exit_code == 0, r.output
    manifest = json.loads(out.with_name(out.name + ".manifest.json").read_text("utf-8"))
    assert manifest["counts"]["mentions"] == TOTAL - REJECTED
    assert manifest["counts"]["rejected_excluded"] == REJECTED
    assert manifest["excluded"]["rejected"] == REJECTED
    assert f"rejected_excluded {REJECTED}" in r.output
    text = out.read_text("utf-8-sig")
    if fmt == "oneie":
        assert sum(len(json.loads(line)["event_mentions"]) for line in text.splitlines()) == TOTAL - REJECTED
    elif fmt == "dygiepp":
        assert sum(len(s) for line in text.splitlines() for s in json.loads(line)["events"]) == TOTAL - REJECTED
    elif fmt == "conll":
        assert sum(line.startswith("# event ") for line in text.splitlines()) == TOTAL - REJECTED
    if fmt == "oneie":  # the house's 2nd mention (Life.Die يقتلون, rejected) is not among the first window's events
        first = json.loads(text.splitlines()[0])
        assert "Life.Die" not in {e["event_type"] for e in first["event_mentions"]}


def test_native_and_brat_keep_rejected_mentions_with_their_status(tmp_path, mixed_project):
    out = tmp_path / "all.jsonl"
    assert run("export", mixed_project, "--format", "jsonl", "-o", out, "--status", "all").exit_code == 0
    statuses = [e["status"] for line in out.read_text("utf-8").splitlines() for e in json.loads(line)["events"]]
    assert statuses.count("rejected") == REJECTED and len(statuses) == TOTAL
    assert "excluded" not in json.loads((tmp_path / "all.jsonl.manifest.json").read_text("utf-8"))
    assert run("export", mixed_project, "--format", "brat", "-o", tmp_path / "b", "--status", "all").exit_code == 0
    notes = (tmp_path / "b" / "house-hama-001.ann").read_text("utf-8")
    assert notes.count('"status": "rejected"') == REJECTED


def test_export_into_a_folder_of_other_files_is_refused(tmp_path, gold_project):
    out = tmp_path / "brat"
    out.mkdir()
    (out / "mine.txt").write_text("not an export", encoding="utf-8")
    r = run("export", gold_project, "--format", "brat", "-o", out)
    assert r.exit_code == 1
    assert "not empty" in r.output and "manifest.json" in r.output
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []
    r = run("export", gold_project, "--format", "conll", "-o", out, "--split", "50/50")
    assert r.exit_code == 1 and "not empty" in r.output


def test_export_replaces_a_previous_export_whole(tmp_path, gold_project):
    out = tmp_path / "brat"
    other = tmp_path / "other.db"
    assert run("import", other, Path(__file__).resolve().parents[1] / "data" / "formats" / "gold.jsonl").exit_code == 0
    assert run("export", other, "--format", "brat", "-o", out).exit_code == 0
    assert (out / "small_001.ann").is_file()
    r = run("export", gold_project, "--format", "brat", "-o", out)
    assert r.exit_code == 0, r.output
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert on_disk == sorted([*manifest["files"], "manifest.json"])
    assert not (out / "small_001.ann").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat", "other.db", "p.db"]


def test_failed_folder_export_leaves_the_previous_one(tmp_path, gold_project):
    out = tmp_path / "brat"
    assert run("export", gold_project, "--format", "brat", "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    r = run("export", gold_project, "--format", "brat", "-o", out, "--types", "Life.Dies")
    assert r.exit_code == 1
    conn = sqlite3.connect(gold_project)
    try:  # a span that no longer matches its text stops the export half-way
        conn.execute("UPDATE events SET trigger_text = 'xxx' WHERE id = (SELECT max(id) FROM events)")
        conn.commit()
    finally:
        conn.close()
    r = run("export", gold_project, "--format", "brat", "-o", out)
    assert r.exit_code == 1 and str(out) in r.output and ".partial" not in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
