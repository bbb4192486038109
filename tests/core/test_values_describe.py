"""describe_value: the one line a reviewer sees for each normalised value shape."""

import pytest

from tadqiq.core.values import parse_count, parse_date
from tadqiq.core.values.describe import describe_value


@pytest.mark.parametrize("value,text", [
    (None, ""),
    ({}, ""),
    ({"value": 7}, "7"),
    ({"kind": "count", "value": 7}, "7"),
    ({"kind": "count", "value": 30, "approx": True}, "≈ 30"),
    ({"kind": "count", "value": None, "min": 2, "max": 9, "approx": True, "vague": "several"}, "2–9 (several)"),
    ({"kind": "count", "value": None, "min": 10, "max": None, "approx": True, "vague": "tens"}, "≥ 10 (tens)"),
    ({"kind": "count", "value": None, "min": 21, "max": None, "approx": False}, "≥ 21"),
    ({"kind": "count", "value": None, "min": None, "max": 19, "approx": False}, "≤ 19"),
    ({"kind": "count", "value": None}, "?"),
    ({"kind": "date", "raw": "8 أيلول", "value": "2018-09-08", "precision": "day", "anchor": "2018-09-10"},
     "2018-09-08 (day)"),
    ({"kind": "date", "value": "2018-09-08", "precision": "day", "weekday": "Saturday"},
     "2018-09-08 Saturday (day)"),
    ({"kind": "date", "raw": "2018", "value": "2018", "precision": "year"}, "2018 (year)"),
    ({"kind": "date", "relation": "same_day_as_publication", "weekday": "Saturday"},
     "day of publication, Saturday"),
    ({"kind": "date", "relation": "day_before_publication"}, "day before publication"),
    ({"kind": "date", "relation": "days_before_publication", "days": 3}, "3 days before publication"),
    ({"kind": "date", "relation": "in_year_of_publication", "month": 9, "day": 8},
     "in year of publication, month 9 day 8"),
    ({"kind": "date", "raw": "ذات يوم"}, "unresolved: ذات يوم"),
    ({"kind": "place", "id": "geonames:169389", "name_ar": "إدلب", "name_en": "Idlib", "country": "SY",
      "lat": 35.9, "lon": 36.6}, "إدلب · Idlib, SY"),
    ({"kind": "place", "id": "geonames:1"}, "geonames:1"),
    ({"kind": "actor", "name": "تنظيم داعش", "known": True}, "تنظيم داعش"),
    ({"kind": "actor", "name": "كتيبة س", "known": False}, "كتيبة س (not in the dictionary)"),
    ({"kind": "weather", "sky": "clear", "wind": None}, "kind=weather, sky=clear"),
    ({"kind": "count", "value": None, "min": "x", "max": None}, "≥ x"),
    ({"kind": "place", "name_ar": None, "name_en": None}, "?"),
    ("plain", "plain"),
])
def test_describe_value(value, text):
    assert describe_value(value) == text


@pytest.mark.parametrize("phrase,text", [
    ("سبعة عناصر", "7"),
    ("عشرات المسلحين", "≥ 10 (tens)"),
    ("نحو 30 شخصا", "≈ 30"),
    ("عنصرين", "2"),
])
def test_describes_what_the_count_parser_makes(phrase, text):
    assert describe_value(parse_count(phrase)) == text


def test_describes_what_the_date_parser_makes():
    assert describe_value(parse_date("السبت الماضي", "2018-09-10")) == "2018-09-08 Saturday (day)"
    assert describe_value(parse_date("قبل ثلاثة أيام")) == "3 days before publication"
