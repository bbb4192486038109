"""The real-text event set (tests/data/realtext: standoff over ANERcorp newswire in ../shared):
every span still reads its text, and the set imports into a real project.

Runs when ../shared/corpora/anercorp exists (as in CI); otherwise reported as NOT RUN."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "anercorp" / "anercorp-dev.conll"
STANDOFF = REPO / "tests" / "data" / "realtext"


@pytest.fixture(scope="module")
def realtext():
    if not CORPUS.is_file():
        pytest.skip(f"NOT RUN: ANERcorp was not found at {CORPUS}")
    sys.path.insert(0, str(REPO / "bench"))
    import realtext

    return realtext


def test_every_standoff_span_reads_its_text_and_the_set_imports(realtext):
    summary = realtext.check()
    assert "every span checked, import accepted" in summary
    units = realtext.read_units()
    with_events = {e["trigger"]["s"] for u in units for e in u["events"]}
    assert len(with_events) >= 300, summary  # issue 10: at least 300 sentences holding events
    splits = {u["split"] for u in units}
    assert splits == {"dev", "heldout"}


def test_native_items_carry_checked_spans(realtext):
    unit = realtext.read_units()[0]
    item = realtext.to_native(unit)
    for e in item["events"]:
        t = e["trigger"]
        assert item["text"][t["start"]:t["end"]] == t["text"]


def test_the_standoff_holds_no_corpus_text():
    """Offsets and hashes only: no Arabic letter anywhere in the files (bare clone too)."""
    for path in STANDOFF.rglob("*.standoff.jsonl"):  # the set and the batches it was merged from
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not any("\u0621" <= ch <= "\u064a" for ch in line), f"{path.name}:{n}"
            json.loads(line)


def test_the_set_is_the_merge_of_its_batches(realtext, tmp_path):
    out = tmp_path / "merged.standoff.jsonl"
    summary = realtext.merge(out, sorted((STANDOFF / "batches").glob("*.standoff.jsonl")))
    assert "dropped as repeated text: r0053" in summary
    assert out.read_text(encoding="utf-8") == (STANDOFF / "anercorp-events.standoff.jsonl").read_text(encoding="utf-8")
