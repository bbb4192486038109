"""Place values chosen against the article's own countries, and words that are no places.
Own sentences (not from any gold set); the cases the demo project showed (issue 10)."""

from __future__ import annotations

from collections import Counter

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.gazetteer import Gazetteer, Place
from tadqiq.extract.geocode import choose
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


def places(engine, text):
    return {a.span.text: a.value for m in engine.extract(Article("t", text)) for a in m.arguments if a.role == "Place"}


def test_a_town_abroad_is_not_geocoded_in_an_article_about_syria(engine):
    got = places(engine, "قصفت قوات النظام السوري بلدة الصور في ريف دير الزور الشرقي، وقتل ثلاثة مدنيين في سوريا.")
    assert "بلدة الصور" in got and got["بلدة الصور"] is None  # not Tyre in Lebanon
    assert got["ريف دير الزور الشرقي"]["country"] == "SY"


def test_the_same_city_in_its_own_country_keeps_its_value(engine):
    got = places(engine, "شنت طائرات إسرائيلية غارة على مدينة صور في جنوب لبنان.")
    tyre = next(v for k, v in got.items() if "صور" in k)
    assert tyre is not None and tyre["country"] == "LB" and tyre["name_en"] == "Tyre"


def test_wa_before_hamza_is_the_conjunction_not_a_valley(engine):
    got = places(engine, "استهدف القصف حيا سكنيا في مدينة الحديدة غربي اليمن، وأدى إلى مقتل خمسة مدنيين.")
    assert "وأدى" not in got and not any("أدى" in k for k in got)


def test_wa_before_a_hamza_name_is_still_a_place(engine):
    got = places(engine, "خرج متظاهرون في الخرطوم وأم درمان احتجاجا على الغلاء.")
    assert "أم درمان" in got and got["أم درمان"]["country"] == "SD"


def test_a_name_with_a_link_word_is_longer_than_the_gazetteers_word(engine):
    got = places(engine, "قالت قوات حكومة الوفاق إنها تسيطر على مواقعها في قصر بن غشير جنوب طرابلس.")
    span = next(k for k in got if k.startswith("قصر"))
    assert span.startswith("قصر بن غشير")
    assert got[span] is None or got[span]["country"] == "LY"  # never Algeria


def test_choose_prefers_the_reading_in_the_articles_countries():
    sy = Place("t:sy", "الكرامة", "Al Karamah", "SY", 35.0, 39.0, 5000)
    jo = Place("t:jo", "الكرامة", "Karameh", "JO", 31.9, 35.6, 20000)
    gaz = Gazetteer([(sy, ["الكرامة"]), (jo, ["الكرامة"])])
    winner = gaz.lookup("الكرامة")
    assert winner is jo  # the gazetteer alone: the most populous
    assert gaz.rivals("t:jo") == [sy]
    assert choose(winner, Counter({"SY": 3}), gaz) is sy
    assert choose(winner, Counter(), gaz) is jo  # nothing known: as before
    assert choose(winner, Counter({"IQ": 4}), gaz) is None  # small, and elsewhere than the article


def test_function_words_and_repeated_arguments_are_dropped():
    from tadqiq.core.model import Argument, Span
    from tadqiq.extract.rules import _clean_arguments

    text = "قالت التي هو إن قوات الجيش قصفت إدلب ثم إدلب في 2024"

    def arg(role, word, n=0):
        at = -1
        for _ in range(n + 1):
            at = text.index(word, at + 1)
        return Argument(role, Span(at, at + len(word), word))

    kept = _clean_arguments([arg("Attacker", "التي"), arg("Attacker", "هو"), arg("Attacker", "قوات الجيش"),
                             arg("Place", "إدلب"), arg("Place", "إدلب", 1), arg("Time", "2024")])
    assert [(a.role, a.span.text, a.span.start) for a in kept] == [
        ("Attacker", "قوات الجيش", text.index("قوات")), ("Place", "إدلب", text.index("إدلب")), ("Time", "2024", text.index("2024"))]
