"""Our brat export read by the pip brat readers themselves: pybrat 0.1.7 and bratly 0.1.4.

Both are test dependencies only (neither declares a licence, so neither is vendored). pybrat
refuses two text-bound annotations on the identical span ("Detected identical span for different
entities", pybrat/parser.py ``_check_entities``); bratly checks every line against its grammar
(bratly/io/file_read_src.py ``parse_and_fix_ann_grammar``): an ``N`` line must read
``Nn<TAB>Reference Tn resource:id<TAB>name`` with ``\\w+`` for the resource and the id.
"""

from __future__ import annotations

from pathlib import Path

import bratly
import bratly.io.file_read_src as bratly_io
import pybrat.parser as pybrat_parser
import pytest

from tadqiq.core.formats.brat import read_brat, write_brat
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import load_schema

SCHEMA = load_schema()

TEXT = (
    "قصفت طائرات مسيرة محيط سد تشرين شرقي حلب.\n"
    "وقتل مدنيان في القصف نفسه في منبج.\n"
    "وفي محافظة ديالى اعتقلت القوات ثلاثة مسلحين."
)
TISHRIN = {"kind": "place", "id": "extra:tishrin-dam", "name_ar": "سد تشرين", "country": "SY"}
MANBIJ = {"kind": "place", "id": "geonames:166141", "name_ar": "منبج", "name_en": "Manbij", "country": "SY"}
DIYALA = {"kind": "place", "id": "admin1:iq:diyala", "name_ar": "محافظة ديالى", "country": "IQ",
          "precision": "admin1", "admin1": "Diyala"}  # fmt: skip


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def _mentions() -> list[Mention]:
    attack = Mention("Conflict.Attack", _span("قصفت"),
                     (Argument("Attacker", _span("طائرات مسيرة")), Argument("Place", _span("سد تشرين"), TISHRIN)))
    die = Mention("Life.Die", _span("قتل"),
                  (Argument("Victim", _span("مدنيان")), Argument("Place", _span("منبج"), MANBIJ)))
    # The same place span as the death's, and a second reviewer's mention on the same trigger.
    shelling = Mention("Conflict.Attack", _span("القصف"), (Argument("Place", _span("منبج"), MANBIJ),))
    die_again = Mention("Life.Die", _span("قتل"), (Argument("Victim", _span("مدنيان")),), reviewer="huda")
    arrest = Mention("Justice.Arrest-Jail", _span("اعتقلت"),
                     (Argument("Agent", _span("القوات")), Argument("Person", _span("ثلاثة مسلحين")),
                      Argument("Place", _span("محافظة ديالى"), DIYALA)))  # fmt: skip
    return [attack, die, shelling, die_again, arrest]


@pytest.fixture
def folder(tmp_path) -> Path:
    result = write_brat([(Article("raqqa_01", TEXT), _mentions())], SCHEMA, tmp_path / "brat")
    assert result["counts"]["spans_with_two_labels"] == 0
    return tmp_path / "brat"


def test_pybrat_reads_it_one_entity_per_span(folder):
    [example] = pybrat_parser.BratParser(error="raise").parse(folder)
    assert example.text == TEXT
    spans = [tuple((s.start, s.end) for s in e.spans) for e in example.entities]
    assert len(spans) == len(set(spans))  # what pybrat checks, and would raise on
    manbij = [e for e in example.entities if e.mention == "منبج"]
    assert len(manbij) == 1
    assert [(r.rid, r.eid, r.entry) for r in manbij[0].references] == [("geonames", "166141", "منبج")]
    refs = {(r.rid, r.eid) for e in example.entities for r in e.references}
    assert refs == {("geonames", "166141"), ("extra", "tishrin_dam"), ("admin1", "iq_diyala")}
    assert len(example.events) == 5
    by_trigger = {}
    for ev in example.events:
        by_trigger.setdefault(ev.trigger.mention, []).append(ev)
    assert len(by_trigger["قتل"]) == 2 and by_trigger["قتل"][0].trigger is by_trigger["قتل"][1].trigger
    shelling = by_trigger["القصف"][0]
    assert shelling.arguments == [manbij[0]]


def test_bratly_reads_every_line(folder):
    path = str(folder / "raqqa_01.ann")
    text = bratly_io.read_from_file(path)
    bratly_io.parse_and_fix_ann_grammar(text)  # raises ParsingError("Badly formed annotation") on a bad line
    coll = bratly_io.read_and_load_ann_file(path, no_duplicates=False, sorting=False, renumerotize=False)
    lines = [line for line in text.splitlines() if line]
    assert len(coll.annotations) == len(lines)  # bratly returns None (and drops) a line it cannot read
    norms = coll.get_annotations(descendant_type=bratly.NormalizationAnnotation)
    assert sorted(n.external_resource for n in norms) == [
        ("admin1", "iq_diyala"), ("extra", "tishrin_dam"), ("geonames", "166141")]  # fmt: skip
    events = coll.get_annotations(descendant_type=bratly.EventAnnotation)
    assert sorted(e.label for e in events) == sorted(
        ["Conflict_Attack", "Conflict_Attack", "Life_Die", "Life_Die", "Justice_Arrest-Jail"])  # fmt: skip


def test_each_resource_is_declared_in_tools_conf(folder):
    conf = (folder / "tools.conf").read_text(encoding="utf-8")
    section = conf.split("[normalization]", 1)[1]
    declared = {line.split("\t")[0] for line in section.splitlines() if line and not line.startswith("#")}
    assert declared == {"geonames", "extra", "admin1"}
    assert "geonames\tDB:dbs/geonames, <URL>:https://www.geonames.org/, <URLBASE>:https://www.geonames.org/%s" in section
    ann = (folder / "raqqa_01.ann").read_text(encoding="utf-8")
    used = {line.split("\t")[1].split()[2].split(":")[0] for line in ann.splitlines() if line.startswith("N")}
    assert used == declared


def test_reading_back_keeps_the_exact_ids_and_each_mention(folder):
    [(article, mentions)] = read_brat(folder, SCHEMA, origin="x")
    assert [m.type for m in mentions] == [m.type for m in _mentions()]
    places = {a.value["id"] for m in mentions for a in m.arguments if a.role == "Place"}
    assert places == {"extra:tishrin-dam", "geonames:166141", "admin1:iq:diyala"}
    assert [[(a.role, a.span) for a in m.arguments] for m in mentions] == [
        [(a.role, a.span) for a in m.arguments] for m in _mentions()
    ]


def test_a_span_with_two_labels_is_counted(tmp_path):
    """A trigger that is also another mention's argument needs two T lines: counted, and pybrat refuses."""
    die = Mention("Life.Die", _span("قتل"), (Argument("Victim", _span("مدنيان")),))
    odd = Mention("Conflict.Attack", _span("القصف"), (Argument("Target", _span("قتل")),))
    result = write_brat([(Article("odd", TEXT), [die, odd])], SCHEMA, tmp_path / "b")
    assert result["counts"]["spans_with_two_labels"] == 1
    with pytest.raises(RuntimeError, match="identical span"):
        pybrat_parser.BratParser(error="raise").parse(tmp_path / "b")


EXPECTED = Path(__file__).resolve().parent.parent / "data/formats/brat"


def test_the_checked_export_reads_in_pybrat_and_in_bratly_but_for_events_without_arguments():
    examples = pybrat_parser.BratParser(error="raise").parse(EXPECTED)
    assert [(e.id, len(e.events)) for e in examples] == [("house-hama-001", 32), ("small_001", 4)]
    # bratly's grammar wants an event to have at least one argument (``( \\w+:[TE]\\d+)+``); brat
    # does not. Every other line passes, and the manifest counts those events.
    refused = []
    for ann in sorted(EXPECTED.glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            try:
                bratly_io.parse_and_fix_ann_grammar(line)
            except bratly.ParsingError:
                refused.append(line)
    assert refused and all(line.startswith("E") and " " not in line.split("\t")[1] for line in refused)
    import json

    manifest = json.loads((EXPECTED / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["events_without_arguments"] == len(refused)
