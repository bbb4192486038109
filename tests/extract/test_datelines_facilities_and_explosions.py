"""Places inside a relation (داخل), datelines that are no places, generic facilities before a
place name, families that are no capture and masculine explosion verbs, as tables. Own
sentences (not from any gold set); the rules came with engine 1.4, each row failed on 1.3."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


def _extract(engine, text: str):
    return engine.extract(Article("t", text, title="", published="2021-06-12"))


def _places(engine, text: str) -> set[str]:
    return {a.span.text for m in _extract(engine, text) for a in m.arguments if a.role == "Place"}


PLACES = [
    # new heads: تل، مزرعة، محور، عزلة، محلية، أوتوستراد، شاطئ (with a relation to another place)
    ("قتل راع بانفجار لغم قرب تل الحارة غربي درعا.", {"تل الحارة غربي درعا"}),
    ("أصيب مزارع بقصف على مزرعة الرحمة شمالي حمص.", {"مزرعة الرحمة شمالي حمص"}),
    ("اندلعت معارك عنيفة على محور الكسارات جنوب مدينة مأرب.", {"محور الكسارات جنوب مدينة مأرب"}),
    ("قتل شخصان بقصف في عزلة الشراجة بمديرية جبل حبشي.", {"عزلة الشراجة بمديرية جبل حبشي"}),
    ("اعتقلت الشرطة أربعة شبان في محلية كرري شمال أم درمان.", {"محلية كرري شمال أم درمان"}),
    ("أصيب صياد برصاص زورق حربي قبالة شاطئ رفح.", {"شاطئ رفح"}),
    # a road between two places keeps both ends: طريق X - Y (and no ب + unit after a road)
    ("قتل ثلاثة جنود بانفجار عبوة على طريق حمص - تدمر قرب بلدة الفرقلس.",
     {"طريق حمص - تدمر قرب بلدة الفرقلس"}),
    # a hyphenated transliterated name is one word
    ("قتل عشرة جنود في هجوم بمنطقة تيلابيري-دوسو الحدودية.", {"منطقة تيلابيري-دوسو الحدودية"}),
    # a name with a link word: قصر بن غشير، وادي أبو ...
    ("قتل مقاتلان في اشتباكات بمنطقة سيدي بن نور.", {"منطقة سيدي بن نور"}),
    # a distance and a relation: X على بعد N كيلومترا جنوب Y
    ("قتل خمسة جنود في كمين بمنطقة الحمرة على بعد 40 كيلومترا شرق مدينة غاو.",
     {"منطقة الحمرة على بعد 40 كيلومترا شرق مدينة غاو"}),
    # الحدودي مع + country, المحاذية لـ + الحدود
    ("اعتقلت قوات الأمن مهربين عند معبر رأس جدير الحدودي مع ليبيا.", {"معبر رأس جدير الحدودي مع ليبيا"}),
    ("قتل جنديان في هجوم بمنطقة باجور المحاذية للحدود الأفغانية.", {"منطقة باجور المحاذية للحدود الأفغانية"}),
    # adjective المجاورة
    ("وفي تشاد المجاورة، قتل ستة مدنيين في هجوم.", {"تشاد المجاورة"}),
    # وفي closes a noun phrase: the next place is its own
    ("أصيب راعيان بقصف قرب تل الجموع وفي سهل حوران.", {"تل الجموع", "سهل حوران"}),
]


@pytest.mark.parametrize(("text", "places"), PLACES, ids=[sorted(p)[0] for _, p in PLACES])
def test_place_phrases(engine, text, places):
    assert _places(engine, text) == places


def test_inside_relation(engine):
    got = _places(engine, "دمرت جرافات منزلين في حي الياسمينة داخل البلدة القديمة.")
    assert got == {"حي الياسمينة داخل البلدة القديمة"}


DATELINES = [
    "الموصل - (رويترز): قتل ثلاثة جنود في هجوم على قرية بادوش.",
    "مقديشو - (أ ف ب): قتل ثلاثة جنود في هجوم على قرية بادوش.",
]


@pytest.mark.parametrize("text", DATELINES)
def test_dateline_is_no_place(engine, text):
    # a dateline names where the story was filed: no argument of the first sentence's events
    assert _places(engine, text) == {"قرية بادوش"}


def test_families_are_no_capture(engine):
    # «مئات الأسر» are families: no Conflict.Capture
    found = _extract(engine, "أدى القصف إلى نزوح مئات الأسر من البلدة.")
    assert not any(m.type == "Conflict.Capture" for m in found)
    assert any(m.type == "Conflict.Capture" for m in _extract(engine, "أعلن الجيش أسر ثلاثة مسلحين."))


def test_masculine_explosion_verb(engine):
    found = _extract(engine, "انفجر لغم أرضي بسيارة مدنية في مديرية حيس.")
    assert any(m.type == "Conflict.Attack" and m.trigger.text == "انفجر" for m in found)


FACILITIES = [
    # an indefinite facility without a name before بـ/قرب + a place: the target, then the place
    ("شن مسلحون هجوما على قاعدة عسكرية بمنطقة بلدوين شمال البلاد.", "قاعدة عسكرية", "منطقة بلدوين شمال البلاد"),
    ("شنت طائرات غارة على مخيم للمسلحين قرب قرية كوسا.", "مخيم للمسلحين", "قرية كوسا"),
]


@pytest.mark.parametrize(("text", "target", "place"), FACILITIES, ids=[r[2] for r in FACILITIES])
def test_generic_facility_then_place(engine, text, target, place):
    places = _places(engine, text)
    assert place in places
    assert not any(target in p for p in places)
