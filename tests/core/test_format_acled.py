"""ACLED-like CSV: rows per real-world event, vague counts, places, dates, CSV injection."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from tadqiq.core.formats.acled import COLUMNS, acled_count, neutralise, write_acled_csv
from tadqiq.core.formats.common import FormatError
from tadqiq.core.schema import load_schema, schema_from_dict

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    ("value", "coded"),
    [
        ({"kind": "count", "value": 7}, 7),
        ({"kind": "count", "value": 2, "dual": True}, 2),
        ({"kind": "count", "value": None, "min": 2, "max": 9, "approx": True, "vague": "several"}, 10),
        ({"kind": "count", "value": None, "min": 10, "max": None, "approx": True, "vague": "tens"}, 10),
        ({"kind": "count", "value": None, "vague": "dozens"}, 12),
        ({"kind": "count", "value": None, "min": 100, "vague": "hundreds"}, 100),
        ({"kind": "count", "value": None, "min": 1000, "vague": "thousands"}, 1000),
        ({"kind": "count", "value": None, "min": 3, "max": 5}, 3),
        ({"kind": "date", "value": "2018-09-08"}, None),
        (None, None),
    ],
)
def test_acled_count(value, coded):
    assert acled_count(value) == coded


@pytest.mark.parametrize(
    ("cell", "out"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2 قتلى", "'-2 قتلى"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("داعش", "داعش"), ("a=b", "a=b"), (-3.5, -3.5), (0, 0)],
)  # fmt: skip
def test_neutralise(cell, out):
    assert neutralise(cell) == out


def test_linked_mentions_are_one_row(tmp_path):
    out = tmp_path / "x.csv"
    result = write_acled_csv(make_expected.expected_items()[1:], SCHEMA, out)
    got = rows(out)
    assert list(got[0]) == list(COLUMNS)
    assert [r["event_id"] for r in got] == ["small_001:m1", "small_001:ev1"]
    ev = got[1]
    assert ev["mention_ids"] == "m2;m3;m4"
    assert (ev["event_type"], ev["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (ev["event_date"], ev["year"], ev["time_precision"]) == ("2018-09-08", "2018", "1")
    assert (ev["admin1"], ev["location"], ev["latitude"], ev["longitude"], ev["geo_precision"]) == (
        "Aleppo", "Manbij", "36.5281", "37.9549", "1")  # fmt: skip
    assert (ev["fatalities"], ev["injured"], ev["captured"]) == ("2", "5", "0")
    assert ev["notes"] == "قتل مدنيان وأصيب 5 آخرون في قصف جوي استهدف مدينة منبج في 8 سبتمبر 2018."
    assert ev["source"] == "'=cmd|' /C calc'!A0"
    assert ev["status"] == "added;confirmed;corrected"
    # The headline has no date value: the publication date, with the coarsest precision.
    assert (got[0]["event_date"], got[0]["time_precision"]) == ("2018-09-09", "3")
    assert result["counts"] == {"articles": 1, "mentions": 4, "events": 2, "events_skipped_not_actual": 0,
                                "dates_unreadable": 0}


def test_house_rows(tmp_path):
    out = tmp_path / "x.csv"
    result = write_acled_csv(make_expected.expected_items()[:1], SCHEMA, out)
    got = {r["event_id"].split(":")[1]: r for r in rows(out)}
    # Denied withdrawal (11), generic attacks and deaths (25, 26), the sending that will not
    # happen (28) and the feared attack on civilians (29): no row.
    assert result["counts"]["events_skipped_not_actual"] == 5
    assert not {"m11", "m25", "m26", "m28", "m29"} & set(got)
    assert len(got) == 32 - 5
    assert got["m19"]["captured"] == "8"  # أسروا ثمانية جنود
    assert got["m21"]["captured"] == "3" and got["m21"]["sub_event_type"] == "Arrests"  # اعتقلت ثلاثة شبان
    assert got["m4"]["fatalities"] == "10"  # قتل عدد من جنود: ACLED's "several"
    assert got["m2"]["fatalities"] == "10"  # يقتلون العشرات: "tens"
    assert got["m14"]["fatalities"] == "6" and got["m32"]["fatalities"] == "51"  # ستة; أكثر من 50
    assert got["m13"]["sub_event_type"] == "Remote explosive/landmine/IED"  # تفجير سيارتين مفخختين
    assert got["m17"]["sub_event_type"] == "Shelling/artillery/missile attack"  # قصف مدفعي
    assert got["m18"]["sub_event_type"] == "Air/drone strike"  # غارات
    assert got["m1"]["actor1"] == "مسلحون" and got["m1"]["actor2"] == "مواقع للجيش"
    assert got["m1"]["location"] == "ريف حماة" and got["m1"]["latitude"] == ""


def test_schema_mapping_overrides_the_default(tmp_path):
    raw = dict(SCHEMA.raw)
    raw["acled"] = {"Conflict.Attack": ["Battles", "Armed clash"]}
    schema = schema_from_dict(raw)
    out = tmp_path / "x.csv"
    write_acled_csv(make_expected.expected_items()[1:], schema, out)
    assert {r["sub_event_type"] for r in rows(out)} == {"Armed clash"}


def test_broken_schema_mapping_is_an_error(tmp_path):
    raw = dict(SCHEMA.raw)
    raw["acled"] = {"Conflict.Attack": "Battles"}
    with pytest.raises(FormatError, match="acled' mapping for Conflict.Attack"):
        write_acled_csv(make_expected.expected_items()[1:], schema_from_dict(raw), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("victim,expected", [
    ("ثلاثة مدنيين", ("Violence against civilians", "Attack")),
    ("طفلين وامرأة", ("Violence against civilians", "Attack")),
    ("جنديين", ("Battles", "Armed clash")),
    ("عدد من عناصر المليشيات", ("Battles", "Armed clash")),
    ("خمسة من أفراد الشرطة", ("Battles", "Armed clash")),
])
def test_deaths_of_armed_people_are_fighting_not_violence_against_civilians(victim, expected):
    from tadqiq.core.formats.acled import DEFAULT_ACLED, acled_type
    from tadqiq.core.model import Argument, Mention, Span

    text = f"قتل {victim} أمس"
    m = Mention("Life.Die", Span(0, 3, "قتل"), (Argument("Victim", Span(4, 4 + len(victim), victim)),))
    assert text[4:4 + len(victim)] == victim
    assert acled_type(m, DEFAULT_ACLED) == expected
