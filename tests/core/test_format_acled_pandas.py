"""The ACLED-like CSV read with pandas, as an analyst would (issue 12, item 2).

``pandas.read_csv(path, encoding="utf-8-sig", dtype=str)``; dates parsed with
``pandas.to_datetime(format="%Y-%m-%d")``, which fails on anything but ISO days.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tadqiq.core.formats.acled import COLUMNS, write_acled_csv
from tadqiq.core.formats.acled_derive import actor_type, interaction, iso_date
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import load_schema
from tadqiq.extract.place_units import admin1_of_places

SCHEMA = load_schema()
TEXT = (
    "قصفت قوات النظام بلدة سراقب الأسبوع الماضي ما أدى إلى مقتل مدنيين.\n"
    "وتظاهر المئات في سوريا الشهر الماضي.\n"
    "واعتقلت قوات الأمن مسلحين في محافظة ديالى."
)
SARAQIB = {"kind": "place", "id": "geonames:164816", "name_ar": "سراقب", "name_en": "Saraqib", "country": "SY",
           "lat": 35.8645, "lon": 36.8059}  # fmt: skip
SYRIA = {"kind": "place", "id": "extra:sy", "name_ar": "سوريا", "name_en": "Syria", "country": "SY",
         "lat": 35.0, "lon": 38.0}  # fmt: skip
DIYALA = {"kind": "place", "id": "admin1:iq:diyala", "name_ar": "محافظة ديالى", "name_en": "Diyala",
          "country": "IQ", "lat": 33.754, "lon": 44.6052, "precision": "admin1", "admin1": "Diyala"}  # fmt: skip


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def _items():
    week = {"kind": "date", "value": "2020-W09", "precision": "week"}
    month = {"kind": "date", "value": "2021-01", "precision": "month"}
    attack = Mention("Conflict.Attack", _span("قصفت"),
                     (Argument("Attacker", _span("قوات النظام")), Argument("Target", _span("بلدة سراقب")),
                      Argument("Place", _span("بلدة سراقب"), SARAQIB), Argument("Time", _span("الأسبوع الماضي"), week)),
                     status="confirmed", link="e1")  # fmt: skip
    die = Mention("Life.Die", _span("مقتل"), (Argument("Victim", _span("مدنيين")),), status="confirmed", link="e1")
    protest = Mention("Conflict.Demonstrate", _span("وتظاهر"),
                      (Argument("Entity", _span("المئات")), Argument("Place", _span("سوريا"), SYRIA),
                       Argument("Time", _span("الشهر الماضي"), month)), status="confirmed")  # fmt: skip
    arrest = Mention("Justice.Arrest-Jail", _span("اعتقلت"),
                     (Argument("Agent", _span("قوات الأمن")), Argument("Person", _span("مسلحين")),
                      Argument("Place", _span("محافظة ديالى"), DIYALA)), status="confirmed")  # fmt: skip
    return [(Article("saraqib_01", TEXT, published="2021-02-03"), [attack, die, protest, arrest])]


@pytest.fixture(scope="module")
def frame(tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("acled") / "events.csv"
    write_acled_csv(_items(), SCHEMA, out, admin1_of=admin1_of_places())
    return pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_columns_and_iso_dates(frame):
    assert list(frame.columns) == list(COLUMNS)
    for col in ("iso", "country", "admin1", "admin2", "disorder_type", "inter1", "inter2", "interaction"):
        assert col in frame.columns
    dates = pd.to_datetime(frame["event_date"], format="%Y-%m-%d")  # raises on 2020-W09 or 2021-01
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2020-02-27", "2021-01-15", "2021-02-03"]
    assert list(frame["time_precision"]) == ["2", "3", "3"]
    assert list(frame["tadqiq_date"]) == ["2020-W09", "2021-01", ""]


def test_country_admin1_and_geo_precision(frame):
    attack, protest, arrest = (frame.iloc[i] for i in range(3))
    assert (attack["country"], attack["iso"], attack["admin1"], attack["geo_precision"]) == ("Syria", "760", "Idlib", "1")
    assert (protest["country"], protest["admin1"], protest["geo_precision"]) == ("Syria", "", "3")
    assert (arrest["country"], arrest["iso"], arrest["admin1"], arrest["geo_precision"]) == ("Iraq", "368", "Diyala", "3")
    assert set(frame["admin2"]) == {""}  # the gazetteer has no second-level units


def test_actor_types_interaction_and_disorder(frame):
    attack, protest, arrest = (frame.iloc[i] for i in range(3))
    assert (attack["event_type"], attack["disorder_type"]) == ("Explosions/Remote violence", "Political violence")
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("1", "", "")  # بلدة سراقب: no actor type
    assert (protest["event_type"], protest["disorder_type"], protest["inter1"], protest["interaction"]) == (
        "Protests", "Demonstrations", "6", "60")  # fmt: skip
    assert (arrest["disorder_type"], arrest["inter1"], arrest["inter2"], arrest["interaction"]) == (
        "Strategic developments", "1", "2", "12")  # fmt: skip
    assert pd.to_numeric(frame["fatalities"]).tolist() == [1, 0, 0]


@pytest.mark.parametrize(("text", "code"), [("قوات النظام", 1), ("مقاتلو فصيل حراس الدين", 2), ("ميليشيا موالية", 3),
                                            ("أبناء العشائر", 4), ("المتظاهرين", 6), ("ثلاثة مدنيين", 7),
                                            ("قوات التحالف الدولي", 8), ("مجهولون", None)])  # fmt: skip
def test_actor_type(text, code):
    assert actor_type(text) == code


def test_interaction_and_dates():
    assert interaction(7, 1, True) == "17" and interaction(1, None, False) == "10" and interaction(1, None, True) == ""
    assert iso_date("2018-09-08", "day") == ("2018-09-08", 1)
    assert iso_date("2020-W53", "week") == ("2020-12-31", 2)
    assert iso_date("2021", "year") == ("2021-07-01", 3)
    assert iso_date("2021-13", "month") is None and iso_date("امس", None) is None


def test_admin1_table_covers_the_conflict_countries():
    table = admin1_of_places()
    assert table["geonames:164816"] == ("admin1:sy:idlib", "Idlib")
    assert sum(1 for v in table.values() if v[0].startswith("admin1:iq:")) > 100


def test_run_export_fills_admin1_from_the_gazetteer(tmp_path: Path):
    from tadqiq.app.export import ExportJob, run_export
    from tadqiq.db.project import Project

    article, mentions = _items()[0]
    project = tmp_path / "p.db"
    with Project.open(project) as p:
        from tadqiq.core.importing.item import ImportItem

        with p.db.atomic():
            p.import_items([ImportItem(article, tuple(m.with_(origin="reviewer:amal", reviewer="amal")
                                                      for m in mentions))])  # fmt: skip
    run_export(ExportJob(project, "acled-csv", tmp_path / "x.csv"))
    got = pd.read_csv(tmp_path / "x.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(got["admin1"]) == ["Idlib", "", "Diyala"]
