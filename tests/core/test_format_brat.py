"""brat standoff: write, read back, write again identical; the conf files; bad folders."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from tadqiq.core.formats.brat import annotation_conf, read_brat, write_brat
from tadqiq.core.formats.common import FormatError
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_round_trip_is_identical(tmp_path):
    items = make_expected.expected_items()
    write_brat(items, SCHEMA, tmp_path / "a")
    back = read_brat(tmp_path / "a", SCHEMA, origin="unused", keep_review=True)
    write_brat(back, SCHEMA, tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    # And what brat can carry survives: types, spans, roles, values, attributes, review fields.
    for (a1, m1), (a2, m2) in zip(items, back, strict=True):
        assert a1.text == a2.text and a1.ext_id == a2.ext_id
        assert [m.with_(rule=None) for m in m1] == m2


def test_txt_is_the_exact_text(tmp_path):
    items = make_expected.expected_items()
    write_brat(items, SCHEMA, tmp_path)
    for article, _ in items:
        assert (tmp_path / f"{article.ext_id}.txt").read_bytes() == article.text.encode("utf-8")


def test_ann_lines(tmp_path):
    write_brat(make_expected.expected_items()[1:], SCHEMA, tmp_path)
    ann = (tmp_path / "small_001.ann").read_text(encoding="utf-8").splitlines()
    assert "T1\tConflict_Attack 0 3\tقصف" in ann
    assert "N1\tReference T2 geonames:166141\tمنبج" in ann
    assert "E2\tConflict_Attack:T3 Target:T4 Place:T4 Time:T5" in ann  # one T for the shared span
    assert "#7\tAnnotatorNotes E3\t-2 كان الرقم في المسودة" in ann


def test_span_across_a_newline_is_written_as_fragments(tmp_path):
    text = "هجوم على مدينة\nمنبج اليوم"
    m = Mention(
        "Conflict.Attack",
        Span(0, 4, "هجوم"),
        attributes={"polarity": "negative", "modality": "asserted", "genericity": "specific"},
    )
    m = m.with_(arguments=(Argument("Place", Span(9, 19, "مدينة\nمنبج")),))
    write_brat([(Article("nl", text), [m])], SCHEMA, tmp_path / "a")
    ann = (tmp_path / "a" / "nl.ann").read_text(encoding="utf-8")
    assert "T2\tLOC 9 14;15 19\tمدينة منبج\n" in ann
    assert "A1\tpolarity E1 negative\n" in ann
    back = read_brat(tmp_path / "a", SCHEMA, origin="x")
    assert back[0][1][0].arguments[0].span == Span(9, 19, "مدينة\nمنبج")
    assert back[0][1][0].attributes["polarity"] == "negative"


def test_annotation_conf_comes_from_the_schema():
    conf = annotation_conf(SCHEMA)
    assert (
        "[events]\nConflict_Attack\tAttacker*:ENT|LOC|TIME|VEH|WEA, Target*:ENT|LOC|TIME|VEH|WEA,"
        in conf
    )
    assert "modality\tArg:<EVENT>, Value:asserted|reported|hypothetical\n" in conf
    assert all(t.replace(".", "_") in conf for t in SCHEMA.types)
    assert "." not in conf.split("[events]")[1].split("[attributes]")[0]  # brat stores [A-Za-z0-9_-] only


def test_crlf_text_is_read_with_offsets_moved(tmp_path):
    (tmp_path / "d.txt").write_bytes("سطر\r\nهجوم هنا".encode())
    (tmp_path / "d.ann").write_text(
        "T1\tConflict.Attack 5 9\tهجوم\nE1\tConflict.Attack:T1\n", encoding="utf-8"
    )
    [(article, [m])] = read_brat(tmp_path, SCHEMA, origin="x")
    assert article.text == "سطر\nهجوم هنا"
    assert m.trigger == Span(4, 8, "هجوم")


@pytest.fixture
def folder(tmp_path) -> Path:
    write_brat(make_expected.expected_items(), SCHEMA, tmp_path / "ok")
    return tmp_path / "ok"


def _edit(folder: Path, old: str, new: str) -> None:
    ann = folder / "small_001.ann"
    text = ann.read_text(encoding="utf-8")
    assert old in text
    ann.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD = {
    "wrong offsets": ("T1\tConflict_Attack 0 3\tقصف", "T1\tConflict_Attack 1 4\tقصف", "line 1"),
    "offsets past the end": ("T1\tConflict_Attack 0 3", "T1\tConflict_Attack 0 9999", "outside the text"),
    "unknown type": ("E1\tConflict_Attack:T1", "E1\tConflict.Strike:T1", "Conflict.Strike"),
    "unknown role": ("E2\tConflict_Attack:T3 Target:T4", "E2\tConflict_Attack:T3 Victim:T4", "Victim"),
    "missing T": ("Time:T5\n", "Time:T55\n", "T55"),
    "bad attribute": (
        "E1\tConflict_Attack:T1 Place:T2\n",
        "E1\tConflict_Attack:T1 Place:T2\nA9\tpolarity E1 maybe\n",
        "maybe",
    ),
    "malformed line": (
        "E1\tConflict_Attack:T1 Place:T2\n",
        "E1\tConflict_Attack:T1 Place:T2\nX1\tzzz\n",
        "unknown annotation",
    ),
    "truncated": ('#10\tTadqiq E4\t{"status": "added"', '#10\tTadqiq E4\t{"status": "ad', "not JSON"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input(folder, case):
    old, new, what = BAD[case]
    _edit(folder, old, new)
    with pytest.raises(FormatError) as err:
        read_brat(folder, SCHEMA, origin="x", keep_review=True)
    msg = str(err.value)
    assert "small_001.ann" in msg and what in msg, msg


def test_ann_without_its_txt(folder):
    (folder / "small_001.txt").unlink()
    with pytest.raises(FormatError, match=r"small_001.ann: no small_001.txt beside it"):
        read_brat(folder, SCHEMA, origin="x")


def test_txt_without_ann_is_an_article_without_events(folder, tmp_path):
    shutil.copy(folder / "small_001.txt", folder / "plain.txt")
    items = read_brat(folder, SCHEMA, origin="x")
    assert ("plain", []) in [(a.ext_id, ms) for a, ms in items]


def test_not_a_folder(tmp_path):
    with pytest.raises(FormatError, match="not a folder"):
        read_brat(tmp_path / "nothing", SCHEMA, origin="x")


def test_ann_cut_in_the_middle_of_a_line(folder):
    ann = folder / "small_001.ann"
    data = ann.read_bytes()
    cut = data.index("T4\tLOC 66 76".encode()) + len("T4\tLOC 66 7")
    ann.write_bytes(data[:cut])
    with pytest.raises(FormatError, match="small_001.ann: line"):
        read_brat(folder, SCHEMA, origin="x")


def test_reference_id_carrying_its_gazetteer_prefix_is_written_once():
    from tadqiq.core.formats.brat import place_reference

    value = {"kind": "place", "gazetteer": "geonames", "id": "geonames:170794", "name_ar": "منبج"}
    assert place_reference(value) == ("geonames:170794", "منبج")
    assert place_reference({**value, "id": "170794"}) == ("geonames:170794", "منبج")
