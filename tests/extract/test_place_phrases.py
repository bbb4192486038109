"""Place phrases and counts inside phrases, as tables: sentence -> the Place arguments (and
counts) the rule engine proposes. Each row is one general rule of extract/analysis.py."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


def _args(engine, text: str, role: str) -> set[str]:
    found = engine.extract(Article("t", text, title="", published="2021-06-12"))
    return {a.span.text for m in found for a in m.arguments if a.role == role}


PLACES = [
    # a place name with a nisba adjective: مدينة سرت الليبية
    ("قتل ثلاثة جنود في هجوم على مدينة سرت الليبية.", {"مدينة سرت الليبية"}),
    ("قتل جنديان في انفجار بمدينة كويتا الباكستانية.", {"مدينة كويتا الباكستانية"}),
    # a place in apposition, with its own relation: X عاصمة ولاية Y جنوب Z
    (
        "قتل مدنيان في قصف على مدينة الفاشر عاصمة ولاية شمال دارفور غربي السودان.",
        {"مدينة الفاشر عاصمة ولاية شمال دارفور غربي السودان"},
    ),
    # الحدود مع + place is one place
    ("قتل خمسة جنود في كمين قرب الحدود مع الجزائر.", {"الحدود مع الجزائر"}),
    # «وفي» / «ومن» + place: a preposition with و, the place is found
    ("وفي محافظة كركوك، اعتقلت قوات الأمن 11 مطلوبا.", {"محافظة كركوك"}),
    (
        "اعتقلت قوات الأمن أربعة شبان من بلدة قباطية جنوب جنين، ومن قرية برقين غربي المدينة.",
        {"بلدة قباطية جنوب جنين", "قرية برقين غربي المدينة"},
    ),
    # a relation word after an adjective opens a place: غارة أمريكية جنوب الصومال
    ("مقتل 12 عنصرا في غارة أمريكية جنوب الصومال", {"جنوب الصومال"}),
    # coordinated names after a plural head keep their own relation
    (
        "اندلعت اشتباكات في بلدتي أم الأرانب وتراغن جنوبي مدينة سبها.",
        {"أم الأرانب", "تراغن جنوبي مدينة سبها"},
    ),
    # التابعة لـ + place stays in the phrase
    ("هاجم مسلحون موقعا في منطقة عيل بور التابعة لإقليم جلجدود.", {"منطقة عيل بور التابعة لإقليم جلجدود"}),
    # a definite head with a nisba adjective, then a relation: قرب الحدود التركية
    ("اعتقلت قوات الأمن خلية في مدينة سرمدا قرب الحدود التركية.", {"مدينة سرمدا قرب الحدود التركية"}),
    # and with a gazetteer name after it
    ("انفجرت سيارة مفخخة وسط العاصمة الصومالية مقديشو.", {"وسط العاصمة الصومالية مقديشو"}),
    # وسط + place is a place, not «amid»
    ("عشرات القتلى في تفجيرين بسيارتين مفخختين وسط مقديشو", {"وسط مقديشو"}),
    # coordinated relations and coordinated plural heads make one place
    ("قتل الجيش 16 مسلحا في شمال ووسط سيناء.", {"شمال ووسط سيناء"}),
    ("قصفت الطائرات مدن وبلدات ريف إدلب الجنوبي.", {"مدن وبلدات ريف إدلب الجنوبي"}),
    # a place head with a name the gazetteer lacks, and its relation to a known place
    ("قتل أربعة جنود في هجوم على قرية البو دور جنوبي مدينة تكريت.", {"قرية البو دور جنوبي مدينة تكريت"}),
    # engine 1.10: a list joined by و is taken whole, past the three nearest places, and a name
    # the gazetteer lacks in it is a place too
    ("قصفت الطائرات حلب وحمص وحماة ومعرشورين.", {"حلب", "حمص", "حماة", "معرشورين"}),
    # a part of a place (حي، الحدود ...) after a preposition, then في + a place: one place
    ("قصفت قوات الأمن منزلا بحي الزهور في مدينة الرمادي غرب بغداد.", {"حي الزهور في مدينة الرمادي غرب بغداد"}),
    ("قتل جنديان قرب الحدود في الشمال السوري.", {"الحدود في الشمال السوري"}),
    # ... but as the object of a verb the part is what was hit, the place after في is where
    ("استهدفت قذيفة حي الطيوري في مدينة سبها.", {"مدينة سبها"}),
    # مختلف / جميع + places is one place phrase
    ("قتل عشرات المدنيين في غارات على مختلف مدن وبلدات الجنوب.", {"مختلف مدن وبلدات الجنوب"}),
    ("اعتقلت الشرطة ثلاثة أشخاص في جميع أنحاء البلاد.", {"جميع أنحاء البلاد"}),
    # the subject of شهد is where the clause's events happen
    ("شهدت مدينة الموصل أمس اشتباكات عنيفة.", {"مدينة الموصل"}),
    # a building after في is a place though no name follows
    ("عقد اجتماع في البيت الأبيض بين الرئيسين.", {"البيت الأبيض"}),
    # where the victim worked is not where the event happened
    ("قتل مسلحون مهندسا يعمل في شركة نفطية في مدينة كركوك.", {"مدينة كركوك"}),
    # a region after في
    ("قتل ثلاثة جنود في الجنوب، وأصيب آخرون.", {"الجنوب"}),
    # the place before حيث is the place of the clause after it
    ("عاد الوزير إلى بغداد حيث التقى رئيس الحكومة.", {"بغداد"}),
    # قرب + a place after a relation-headed place stays in the phrase
    ("قتل ثلاثة جنود في هجمات شرق البلاد قرب الحدود مع العراق.", {"شرق البلاد قرب الحدود مع العراق"}),
    # the place hosting a meeting, through a relative clause
    ("يعقد الاجتماع الذي تستضيفه القاهرة غدا.", {"القاهرة"}),
]


@pytest.mark.parametrize(("text", "places"), PLACES, ids=[p[0][:30] for p in PLACES])
def test_place_phrases(engine, text, places):
    assert _args(engine, text, "Place") == places


def test_a_trigger_word_inside_an_actor_name_is_not_a_trigger(engine):
    found = engine.extract(Article("t", "اعتقلت هيئة تحرير الشام خلية.", title=""))
    assert [m.type for m in found] == ["Justice.Arrest-Jail"]


COUNTS = [
    ("اعتقلت الشرطة خلية مؤلفة من خمسة أشخاص.", "Person", "خلية مؤلفة من خمسة أشخاص", 5),
    ("اعتقلت الشرطة مجموعة من سبعة أشخاص.", "Person", "مجموعة من سبعة أشخاص", 7),
    (
        "أفاد المرصد بمقتل 23 عنصرا من قوات النظام و17 مقاتلا من الفصائل.",
        "Victim",
        "17 مقاتلا من الفصائل",
        17,
    ),
]


@pytest.mark.parametrize(("text", "role", "span", "value"), COUNTS, ids=[c[2] for c in COUNTS])
def test_counts_inside_phrases(engine, text, role, span, value):
    found = engine.extract(Article("t", text, title=""))
    got = {a.span.text: a.value for m in found for a in m.arguments if a.role == role}
    assert span in got
    assert got[span]["value"] == value


def test_dual_trigger_nouns(engine):
    found = engine.extract(Article("t", "قتل 20 شخصا في تفجيرين وغارتين.", title=""))
    assert {m.trigger.text for m in found} >= {"تفجيرين", "غارتين"}
