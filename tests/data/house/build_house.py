"""Writes house-hama-001.txt and house-hama-001.gold.jsonl: the project's own long worked article.

The tests' article of record (the seed in ../shared stays outside the repo; it is read only by
tests/acceptance/). Written by hand for the tests in the shape news sites give an article: a
title, a teaser paragraph cut off with «...» that the body repeats, a photo caption, eight body
paragraphs and site chrome (أقسام, أخبار ذات صلة) after them. Its 32 gold mentions follow
../shared/GUIDELINES.md: the teaser's events are annotated again; trigger spans drop attached
و ف ب ل ك and keep ال and attached pronouns; places keep their qualifiers, coordinated places are
separate Place arguments; an attached pronoun is no argument; denied events are negative,
rumours reported, plans hypothetical, aggregate statements generic. Values: exact and vague
counts, and dates as relations to the (unknown) publication date. It holds every event type
of the ``conflict-ar`` schema but Conflict.Demonstrate and Justice.Execute, the curly quotes
“ ” and «», Latin digits inside Arabic text, and a Vehicle with a count (بثلاث مروحيات).

A span is given by its text, unique in the article; or (text, context), the context unique and
holding the text; or (text, context, n) for the n-th (0-based) occurrence of the context, the
teaser and the body's first paragraph being the same words. Run from the repo root:
``python tests/data/house/build_house.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
ID = "house-hama-001"

TITLE = "مسلحون يشنون هجوما واسعا على مواقع للجيش في ريف حماة ويقتلون ويأسرون العشرات"
LEDE = ("قتل عدد من جنود الجيش السوري وأسر آخرون، اليوم الجمعة، في هجوم شنه مقاتلون من فصيل حراس الدين "
        "على نقاط عسكرية في ريف حماة الشمالي")
PARAGRAPHS = [
    LEDE + "، فيما نقل الجيش الروسي تعزيزات بثلاث مروحيات إلى مطار حماة العسكري، بحسب ما أفاد المرصد "
    "السوري لحقوق الإنسان، الذي نفى صحة الأنباء عن انسحاب القوات الروسية من المنطقة.",
    "وقال ناشطون محليون إن مقاتلي الفصيل بدؤوا الهجوم بتفجير سيارتين مفخختين عند مدخل قرية الزكاة، ما "
    "أسفر عن مقتل ستة جنود وإصابة آخرين، قبل أن يسيطروا على القرية وتلة “الصياد” المجاورة لها.",
    "وردت قوات الجيش بقصف مدفعي وصاروخي عنيف على بلدات كفرزيتا واللطامنة ومورك، في حين شنت طائرات "
    "حربية روسية غارات جوية على مواقع الفصيل في المنطقة.",
    "وأضافت المصادر أن المهاجمين أسروا ثمانية جنود من الفرقة الحادية عشرة ونقلوهم إلى مدينة إدلب، كما "
    "استولوا على دبابتين وعربة مدرعة. من جهة أخرى، اعتقلت الشرطة العسكرية ثلاثة شبان في مدينة حماة "
    "بتهمة التواصل مع الفصائل.",
    "ويأتي الهجوم بعد يومين من هجوم مماثل استهدف مواقع للجيش قرب بلدة قلعة المضيق في سهل الغاب، قتل "
    "فيه ضابط برتبة عقيد.",
    "يشار إلى أن الفصائل المسلحة تكثف من هجماتها على مواقع الجيش في المنطقة منذ مطلع الشهر، والتي "
    "أسفرت عن مقتل العشرات من الجنود بينهم ضباط.",
    "وعلى صعيد متصل، قال وزير الخارجية الإيراني، خلال مؤتمر صحافي عقب اجتماع ثنائي جمعه بنظيره التركي "
    "في العاصمة أنقرة، إن بلاده لن ترسل قوات إلى المنطقة، مؤكدا أن «أي هجوم على المدنيين في إدلب سيكون "
    "كارثة إنسانية».",
    "وكان الجيش السوري قد استعاد في أيار الماضي السيطرة على بلدة كفرنبودة بعد معارك عنيفة مع الفصائل، "
    "قتل فيها أكثر من 50 مقاتلا.",
]
CHROME = ["أقسام", "أخبار سوريا", "", "أخبار ذات صلة"]
TEXT = "\n".join([TITLE, "", LEDE + "...", "قرية الزكاة في ريف حماة الشمالي", "", *PARAGRAPHS, "", *CHROME]) + "\n"


def C(n):
    return {"kind": "count", "value": n}


SEVERAL = {"kind": "count", "value": None, "min": 2, "max": 9, "approx": True, "vague": "several"}
TENS = {"kind": "count", "value": None, "min": 10, "max": None, "approx": True, "vague": "tens"}
FRIDAY = {"kind": "date", "raw": "اليوم الجمعة", "relation": "same_day_as_publication", "weekday": "Friday"}
TWO_DAYS = {"kind": "date", "raw": "بعد يومين", "relation": "days_before_publication", "days": 2}
MAY = {"kind": "date", "raw": "أيار الماضي", "relation": "month_before_publication", "month": 5}

# the teaser (occurrence 0) and the body's first paragraph (occurrence 1) say the same words
def lede(n: int) -> list:
    victims = ("Victim", ("عدد من جنود الجيش السوري", LEDE, n), SEVERAL)
    attacker = ("مقاتلون من فصيل حراس الدين", LEDE, n)
    time = ("Time", ("اليوم الجمعة", LEDE, n), FRIDAY)
    place = ("Place", ("ريف حماة الشمالي", LEDE, n))
    return [
        ("Life.Die", ("قتل", LEDE, n), [victims, ("Agent", attacker), time, place]),
        ("Conflict.Capture", ("أسر", LEDE, n), [("Person", ("آخرون", LEDE, n)), ("Agent", attacker), time, place]),
        ("Conflict.Attack", ("هجوم", LEDE, n),
         [("Attacker", attacker), ("Target", ("نقاط عسكرية", LEDE, n)), time, place]),
    ]


ATTACKERS = ("مقاتلي الفصيل", "إن مقاتلي الفصيل")
EVENTS = [
    # title
    ("Conflict.Attack", "هجوما", [("Attacker", ("مسلحون", "مسلحون يشنون")), ("Target", ("مواقع للجيش", "مواقع للجيش في ريف")),
                                  ("Place", ("ريف حماة", "في ريف حماة ويقتلون"))]),
    ("Life.Die", "يقتلون", [("Agent", ("مسلحون", "مسلحون يشنون")), ("Victim", ("العشرات", "ويأسرون العشرات"), TENS),
                            ("Place", ("ريف حماة", "في ريف حماة ويقتلون"))]),
    ("Conflict.Capture", "يأسرون", [("Agent", ("مسلحون", "مسلحون يشنون")),
                                    ("Person", ("العشرات", "ويأسرون العشرات"), TENS),
                                    ("Place", ("ريف حماة", "في ريف حماة ويقتلون"))]),
    *lede(0),  # teaser
    *lede(1),  # body, paragraph 1
    ("Movement.Transport", ("نقل", "فيما نقل"), [("Agent", "الجيش الروسي"), ("Artifact", "تعزيزات"),
                                   ("Vehicle", "ثلاث مروحيات", C(3)), ("Destination", "مطار حماة العسكري")]),
    ("Movement.Transport", "انسحاب", [("Artifact", "القوات الروسية"), ("Origin", ("المنطقة", "من المنطقة."))],
     {"polarity": "negative", "modality": "reported"}),
    # paragraph 2
    ("Conflict.Attack", ("الهجوم", "بدؤوا الهجوم"), [("Attacker", ATTACKERS)]),
    ("Conflict.Attack", "تفجير", [("Attacker", ATTACKERS), ("Instrument", "سيارتين مفخختين", C(2)),
                                  ("Place", "مدخل قرية الزكاة")]),
    ("Life.Die", ("مقتل", "مقتل ستة"), [("Victim", "ستة جنود", C(6)), ("Instrument", "سيارتين مفخختين", C(2)),
                                       ("Place", "مدخل قرية الزكاة")]),
    ("Life.Injure", "إصابة", [("Victim", ("آخرين", "وإصابة آخرين")), ("Instrument", "سيارتين مفخختين"),
                              ("Place", "مدخل قرية الزكاة")]),
    ("Conflict.TerritoryChange", "يسيطروا", [("Agent", ATTACKERS), ("Place", ("القرية", "على القرية")),
                                             ("Place", "تلة “الصياد” المجاورة لها")]),
    # paragraph 3
    ("Conflict.Attack", "قصف", [("Attacker", "قوات الجيش"), ("Place", "بلدات كفرزيتا"), ("Place", "اللطامنة"),
                                ("Place", "مورك")]),
    ("Conflict.Attack", "غارات", [("Attacker", "طائرات حربية روسية"), ("Target", "مواقع الفصيل"),
                                  ("Place", ("المنطقة", "الفصيل في المنطقة"))]),
    # paragraph 4
    ("Conflict.Capture", "أسروا", [("Agent", ("المهاجمين", "أن المهاجمين")),
                                   ("Person", "ثمانية جنود من الفرقة الحادية عشرة", C(8))]),
    ("Movement.Transport", "نقلوهم", [("Agent", ("المهاجمين", "أن المهاجمين")),
                                      ("Destination", ("مدينة إدلب", "إلى مدينة إدلب"))]),
    ("Justice.Arrest-Jail", "اعتقلت", [("Agent", "الشرطة العسكرية"), ("Person", "ثلاثة شبان", C(3)),
                                       ("Place", "مدينة حماة")]),
    # paragraph 5
    ("Conflict.Attack", ("الهجوم", "ويأتي الهجوم"), []),
    ("Conflict.Attack", ("هجوم", "من هجوم مماثل"), [("Target", ("مواقع للجيش", "مواقع للجيش قرب")), ("Time", "بعد يومين", TWO_DAYS),
                                                   ("Place", "بلدة قلعة المضيق"), ("Place", "سهل الغاب")]),
    ("Life.Die", ("قتل", "الغاب، قتل"), [("Victim", "ضابط برتبة عقيد", C(1)), ("Place", "بلدة قلعة المضيق"),
                                      ("Place", "سهل الغاب")]),
    # paragraph 6
    ("Conflict.Attack", "هجماتها", [("Attacker", "الفصائل المسلحة"), ("Target", ("مواقع الجيش", "مواقع الجيش في المنطقة")),
                                    ("Place", ("المنطقة", "الجيش في المنطقة"))], {"genericity": "generic"}),
    ("Life.Die", ("مقتل", "مقتل العشرات"), [("Victim", "العشرات من الجنود", TENS)], {"genericity": "generic"}),
    # paragraph 7
    ("Contact.Meet", "اجتماع", [("Entity", "وزير الخارجية الإيراني"), ("Entity", "نظيره التركي"),
                                ("Place", "العاصمة أنقرة")]),
    ("Movement.Transport", "ترسل", [("Agent", "بلاده"), ("Artifact", ("قوات", "ترسل قوات")),
                                    ("Destination", ("المنطقة", "إلى المنطقة، مؤكدا"))],
     {"polarity": "negative", "modality": "hypothetical"}),
    ("Conflict.Attack", ("هجوم", "أي هجوم"), [("Target", "المدنيين"), ("Place", ("إدلب", "في إدلب سيكون"))],
     {"modality": "hypothetical"}),
    # paragraph 8
    ("Conflict.TerritoryChange", "استعاد", [("Agent", ("الجيش السوري", "وكان الجيش السوري")),
                                            ("Time", "أيار الماضي", MAY), ("Place", "بلدة كفرنبودة")]),
    ("Conflict.Attack", "معارك", [("Attacker", ("الفصائل", "مع الفصائل،")), ("Place", "بلدة كفرنبودة")]),
    ("Life.Die", ("قتل", "قتل فيها"), [("Victim", "أكثر من 50 مقاتلا",
                                       {"kind": "count", "value": None, "min": 51, "max": None, "approx": False})]),
]


def locate(ref, where: str) -> dict:
    if isinstance(ref, str):
        word, ctx, n = ref, ref, None
    else:
        word, ctx, n = (*ref, None)[:3]
    if n is None:
        assert TEXT.count(ctx) == 1, f"{where}: context {ctx!r} occurs {TEXT.count(ctx)} times"
        at = TEXT.index(ctx)
    else:
        at = -1
        for _ in range(n + 1):
            at = TEXT.index(ctx, at + 1)
    assert word in ctx, f"{where}: {word!r} not in its context {ctx!r}"
    start = at + ctx.index(word)
    return {"start": start, "end": start + len(word), "text": word}


def build() -> dict:
    events = []
    for typ, trig, args, *attrs in EVENTS:
        where = f"{typ} {trig}"
        arguments = []
        for role, ref, *value in args:
            arg = {"role": role, **locate(ref, f"{where} {role}")}
            if value:
                arg["value"] = value[0]
            arguments.append(arg)
        events.append({"type": typ, "trigger": locate(trig, where), "arguments": arguments,
                       "attributes": {"polarity": "positive", "modality": "asserted", "genericity": "specific",
                                      **(attrs[0] if attrs else {})}})
    events.sort(key=lambda e: e["trigger"]["start"])
    return {"id": ID, "title": TITLE, "text": TEXT, "lang": "ar", "published": None,
            "note": "publication date unknown; Friday per the text", "events": events}


if __name__ == "__main__":
    doc = build()
    (HERE / f"{ID}.txt").write_text(TEXT, encoding="utf-8")
    with (HERE / f"{ID}.gold.jsonl").open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(len(doc["events"]), "mentions,", len(TEXT), "characters ->", HERE / f"{ID}.gold.jsonl")
