"""Date normalisation, as a table: (expression, publication date) -> value object."""

from __future__ import annotations

import pytest

from tadqiq.core.values.dates import month_names, parse_date

PUB = "2018-09-10"  # a Monday


def day(iso, anchor=PUB, **extra):
    out = {"value": iso, "precision": "day", **extra}
    if anchor:
        out["anchor"] = anchor
    return out


def rel(relation, **extra):
    return {"relation": relation, **extra}


CASES = [
    # relative to the publication date
    ("اليوم", PUB, day("2018-09-10")),
    ("اليوم الإثنين", PUB, day("2018-09-10", weekday="Monday")),
    ("اليوم السبت", PUB, day("2018-09-08", weekday="Saturday")),
    ("اليوم السبت", "2018-09-08", day("2018-09-08", anchor="2018-09-08", weekday="Saturday")),
    ("أمس", PUB, day("2018-09-09")),
    ("وأمس", PUB, day("2018-09-09")),
    ("مساء أمس", PUB, day("2018-09-09")),
    ("مساء أمس الأحد", PUB, day("2018-09-09", weekday="Sunday")),
    ("أمس الأول", PUB, day("2018-09-08")),
    ("أول أمس", PUB, day("2018-09-08")),
    ("فجر اليوم", PUB, day("2018-09-10")),
    ("غداً", PUB, day("2018-09-11")),
    ("السبت الماضي", PUB, day("2018-09-08", weekday="Saturday")),
    ("الإثنين الماضي", PUB, day("2018-09-03", weekday="Monday")),
    ("يوم الجمعة", PUB, day("2018-09-07", weekday="Friday")),
    ("الخميس", PUB, day("2018-09-06", weekday="Thursday")),
    ("الأحد المقبل", PUB, day("2018-09-16", weekday="Sunday")),
    ("قبل ثلاثة أيام", PUB, day("2018-09-07")),
    ("قبل ٣ أيام", PUB, day("2018-09-07")),
    ("قبل يومين", PUB, day("2018-09-08")),
    ("قبل يوم", PUB, day("2018-09-09")),
    ("قبل أسبوع", PUB, {"value": "2018-W36", "precision": "week", "anchor": PUB}),
    ("الأسبوع الماضي", PUB, {"value": "2018-W36", "precision": "week", "anchor": PUB}),
    ("الشهر الماضي", PUB, {"value": "2018-08", "precision": "month", "anchor": PUB}),
    ("العام الماضي", PUB, {"value": "2017", "precision": "year", "anchor": PUB}),
    # day and month, with and without a year, regional month names, Arabic-Indic digits
    ("8 أيلول", PUB, day("2018-09-08")),
    ("٨ أيلول", PUB, day("2018-09-08")),
    ("8 سبتمبر 2018", PUB, day("2018-09-08")),
    ("8 سبتمبر 2018", None, day("2018-09-08", anchor=None)),
    ("٨ سبتمبر ٢٠١٨", None, day("2018-09-08", anchor=None)),
    ("في 3 آب", PUB, day("2018-08-03")),
    ("15 تشرين الأول", PUB, day("2017-10-15")),
    ("15 أكتوبر 2017", PUB, day("2017-10-15")),
    ("كانون الثاني", PUB, {"value": "2018-01", "precision": "month", "anchor": PUB}),
    ("كانون الأول", PUB, {"value": "2017-12", "precision": "month", "anchor": PUB}),
    ("أيار 2016", PUB, {"value": "2016-05", "precision": "month", "anchor": PUB}),
    ("12 جانفي", PUB, day("2018-01-12")),
    ("1 جويلية", PUB, day("2018-07-01")),
    ("20 أوت 2018", PUB, day("2018-08-20")),
    ("3 دجنبر 2017", PUB, day("2017-12-03")),
    ("5 شتنبر", PUB, day("2018-09-05")),
    ("9 يونيو", PUB, day("2018-06-09")),
    ("2 مايو 2019", PUB, day("2019-05-02")),
    ("31 فبراير", PUB, None),
    # a month named twice (Levantine/Egyptian, as agencies write it) keeps its year
    ("حزيران/يونيو 2014", "2024-03-12", {"value": "2014-06", "precision": "month", "anchor": "2024-03-12"}),
    ("8 أيلول/سبتمبر 2018", "2024-03-12", day("2018-09-08", anchor="2024-03-12")),
    ("8 أيلول (سبتمبر) 2018", "2024-03-12", day("2018-09-08", anchor="2024-03-12")),
    ("كانون الثاني/يناير 2020", PUB, {"value": "2020-01", "precision": "month", "anchor": PUB}),
    ("3 آب/ أغسطس", PUB, day("2018-08-03")),
    ("تشرين الأول (أكتوبر) 2016", PUB, {"value": "2016-10", "precision": "month", "anchor": PUB}),
    # ordinal day words
    ("في الخامس من مارس", "2024-03-12", day("2024-03-05", anchor="2024-03-12")),
    ("الخامس عشر من آذار", "2024-03-12", day("2023-03-15", anchor="2024-03-12")),
    ("الحادي والعشرين من كانون الثاني 2020", PUB, day("2020-01-21")),
    ("العشرين من أيار", PUB, day("2018-05-20")),
    ("الأول من أيلول", PUB, day("2018-09-01")),
    ("الحادي والثلاثين من آب", PUB, day("2018-08-31")),
    ("الثاني من شباط/فبراير 2017", PUB, day("2017-02-02")),
    # numeric dates: day/month/year, and ISO
    ("3/3/2024", "2024-03-12", day("2024-03-03", anchor="2024-03-12")),
    ("٣/٣/٢٠٢٤", "2024-03-12", day("2024-03-03", anchor="2024-03-12")),
    ("2024-03-03", "2024-03-12", day("2024-03-03", anchor="2024-03-12")),
    ("في 12/1/2023", None, day("2023-01-12", anchor=None)),
    ("32/1/2024", PUB, None),
    # publication date unknown: a relation, as the seed gold has it
    ("اليوم السبت", None, rel("same_day_as_publication", weekday="Saturday")),
    ("اليوم", None, rel("same_day_as_publication")),
    ("أمس", None, rel("day_before_publication")),
    ("أمس الأول", None, rel("two_days_before_publication")),
    ("بعد يوم", None, rel("day_before_publication")),
    ("قبل ثلاثة أيام", None, rel("days_before_publication", days=3)),
    ("السبت الماضي", None, rel("weekday_before_publication", weekday="Saturday")),
    ("8 أيلول", None, rel("in_year_of_publication", month=9, day=8)),
    ("كانون الثاني", None, rel("in_year_of_publication", month=1)),
    # not a date
    ("مواقع النظام", PUB, None),
    ("", PUB, None),
]


def test_enough_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("raw, published, expected", CASES)
def test_parse_date(raw, published, expected):
    got = parse_date(raw, published)
    if expected is None:
        assert got is None
    else:
        assert got == {"kind": "date", "raw": raw, **expected}


@pytest.mark.parametrize(
    "name, month",
    [
        ("كانون الثاني", 1),
        ("شباط", 2),
        ("آذار", 3),
        ("نيسان", 4),
        ("حزيران", 6),
        ("تموز", 7),
        ("يناير", 1),
        ("أغسطس", 8),
        ("جانفي", 1),
        ("فيفري", 2),
        ("أفريل", 4),
        ("غشت", 8),
        ("نونبر", 11),
    ],
)
def test_regional_month_names_from_babel(name, month):
    from tadqiq.core.arabic.normalize import normalize_text

    assert month_names()[normalize_text(name)] == month
