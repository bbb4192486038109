"""Writes dev7.gold.jsonl: eight short hand-written agency-style articles that name first-level
administrative units (governorates, states, regions, provinces) of conflict-affected countries,
a seventh development set written to measure gazetteer coverage of such units on unseen text:
with their head word (محافظة نينوى، ولاية كادونا، إقليم بلوشستان، منطقة تيلابيري) and without it
(في بورنو، في شبوة، غربي محافظة نينوى ... ديالى), as the larger unit of a longer place phrase
(``قضاء تلعفر غربي محافظة نينوى``، ``بلدة كوريغا بولاية كادونا شمال غربي نيجيريا``،
``مدينة بحر دار عاصمة إقليم أمهرة``), with names of two and three words (صلاح الدين، شمال دارفور،
جوبا الوسطى، خيبر بختونخوا، أقصى الشمال) and names that are also common words (الجزيرة).
Iraq, Syria, Yemen, Sudan, South Sudan, DR Congo, Mozambique, Cameroon, Ethiopia, Somalia,
Nigeria, Niger, Pakistan, Afghanistan.

Written and committed before the engine was ever run on it. Gold follows GUIDELINES.md and the
conventions of dev2-dev6: a place keeps its head, adjectives, direction, relation and
apposition, ``بـ`` + head and ``التابعة/المحاذية لـ`` + place; the preposition (في، قرب، بـ) is
dropped; ``X في Y`` is two places and ``X قرب Y`` after في one; a fronted place (``وفي محافظة
لحج،``) is a place of the clause's events; an indefinite facility before قرب is the target and
the place after it the Place; a headline country label (``العراق:``) is no argument; deaths
and injuries of an explosion take its instrument.
Run from the repo root: ``python tests/data/extract/build_dev7.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build_gold import C, D, V, build  # noqa: E402

OUT = Path(__file__).with_name("dev7.gold.jsonl")
DEV7 = []

# 1 Iraq: Nineveh with its head inside a relation, Salahuddin fronted, Diyala bare ------------
P = "2024-03-13"
T = D("مساء الثلاثاء", "2024-03-12", P, weekday="Tuesday")
AG = "عناصر من تنظيم داعش"
PN = ("Place", "قضاء تلعفر غربي محافظة نينوى")
PT = ("Place", ("محافظة نينوى", "في محافظة نينوى\n"))
PD = ("Place", "بلدة السعدية شمال شرقي ديالى")
IN = ("Instrument", "عبوة ناسفة", C(1))
DEV7.append(
    dict(
        id="dev7-01-nineveh",
        published=P,
        text="""العراق: مقتل ثلاثة جنود بهجوم لداعش في محافظة نينوى

قتل ثلاثة جنود من الجيش العراقي، مساء الثلاثاء، بهجوم شنه عناصر من تنظيم داعش على نقطة تفتيش في قضاء تلعفر غربي محافظة نينوى، بحسب مصدر أمني.
وفي محافظة صلاح الدين، اعتقلت قوة من الشرطة الاتحادية أربعة مطلوبين في ناحية العلم شرق مدينة تكريت.
كما أصيب مدنيان بانفجار عبوة ناسفة في بلدة السعدية شمال شرقي ديالى.
""",
        events=[
            (
                "Life.Die",
                "مقتل",
                [("Victim", ("ثلاثة جنود", "مقتل ثلاثة جنود"), C(3)), ("Agent", ("داعش", "لداعش في")), PT],
            ),
            ("Conflict.Attack", ("هجوم", "بهجوم لداعش"), [("Attacker", ("داعش", "لداعش في")), PT]),
            (
                "Life.Die",
                ("قتل", "\nقتل ثلاثة"),
                [("Victim", "ثلاثة جنود من الجيش العراقي", C(3)), ("Time", "مساء الثلاثاء", T), ("Agent", AG), PN],
            ),
            (
                "Conflict.Attack",
                ("هجوم", "بهجوم شنه"),
                [("Attacker", AG), ("Target", "نقطة تفتيش"), ("Time", "مساء الثلاثاء", T), PN],
            ),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "قوة من الشرطة الاتحادية"), ("Person", "أربعة مطلوبين", C(4)),
                 ("Place", "محافظة صلاح الدين"), ("Place", "ناحية العلم شرق مدينة تكريت")],
            ),
            ("Life.Injure", "أصيب", [("Victim", "مدنيان", C(2)), IN, PD]),
            ("Conflict.Attack", "انفجار", [IN, PD]),
        ],
    )
)

# 2 Syria: Daraa bare after a relation, Hasakah fronted, Raqqa countryside ------------------------
P = "2024-04-18"
T = D("صباح اليوم الخميس", "2024-04-18", P, weekday="Thursday")
PD = ("Place", "مدخل بلدة طفس غربي درعا")
AT = "طائرة مسيرة تركية"
PH = [("Place", "محافظة الحسكة"), ("Place", "مدينة القامشلي")]
PR = ("Place", "ريف الرقة الشمالي")
VS = "عنصران من قوات سوريا الديمقراطية"
DEV7.append(
    dict(
        id="dev7-02-daraa",
        published=P,
        text="""سوريا: مقتل أربعة عناصر من قوات النظام في محافظة درعا

قتل أربعة عناصر من قوات النظام، صباح اليوم الخميس، بهجوم مسلح استهدف حاجزا عسكريا عند مدخل بلدة طفس غربي درعا، وفق ما أفاد ناشطون.
وفي محافظة الحسكة، شنت طائرة مسيرة تركية غارة على سيارة قرب مدينة القامشلي، ما أدى إلى مقتل شخصين.
كما قتل عنصران من قوات سوريا الديمقراطية في اشتباكات مع فصائل موالية لتركيا بريف الرقة الشمالي.
""",
        events=[
            (
                "Life.Die",
                ("مقتل", "مقتل أربعة"),
                [("Victim", ("أربعة عناصر من قوات النظام", "مقتل أربعة عناصر من قوات النظام"), C(4)),
                 ("Place", "محافظة درعا")],
            ),
            (
                "Life.Die",
                ("قتل", "\nقتل أربعة"),
                [("Victim", ("أربعة عناصر من قوات النظام", "\nقتل أربعة عناصر من قوات النظام"), C(4)),
                 ("Time", "صباح اليوم الخميس", T), PD],
            ),
            (
                "Conflict.Attack",
                ("هجوم", "بهجوم مسلح"),
                [("Target", "حاجزا عسكريا"), ("Time", "صباح اليوم الخميس", T), PD],
            ),
            ("Conflict.Attack", ("غارة", "غارة على سيارة"), [("Attacker", AT), ("Target", "سيارة"), *PH]),
            ("Life.Die", ("مقتل", "مقتل شخصين"), [("Victim", "شخصين", C(2)), ("Agent", AT), *PH]),
            ("Life.Die", ("قتل", "كما قتل"), [("Victim", VS, C(2)), PR]),
            (
                "Conflict.Attack",
                "اشتباكات",
                [("Attacker", VS), ("Target", "فصائل موالية لتركيا"), PR],
            ),
        ],
    )
)

# 3 Yemen: Hodeidah with a district, Lahj fronted, المحاذية لمحافظة تعز, Shabwa bare -------------
P = "2023-08-13"
T = D("فجر السبت", "2023-08-12", P, weekday="Saturday")
PH = ("Place", "مديرية الخوخة جنوبي محافظة الحديدة")
PT = ("Place", ("الحديدة", "في الحديدة\n"))
PL = [("Place", "محافظة لحج"), ("Place", "منطقة كرش المحاذية لمحافظة تعز")]
IN = ("Instrument", "لغم أرضي", C(1))
DEV7.append(
    dict(
        id="dev7-03-hodeidah",
        published=P,
        text="""اليمن: مقتل خمسة صيادين بقصف مدفعي في الحديدة

قتل خمسة صيادين وأصيب ثلاثة آخرون، فجر السبت، بقصف مدفعي استهدف قاربهم في مديرية الخوخة جنوبي محافظة الحديدة، بحسب مصادر محلية.
وفي محافظة لحج، قتل جندي من القوات الحكومية بانفجار لغم أرضي في منطقة كرش المحاذية لمحافظة تعز.
كما اعتقلت قوات النخبة الشبوانية ثلاثة عناصر من تنظيم القاعدة في شبوة.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", ("خمسة صيادين", "مقتل خمسة صيادين"), C(5)), PT]),
            ("Conflict.Attack", ("قصف", "بقصف مدفعي في"), [PT]),
            (
                "Life.Die",
                ("قتل", "\nقتل خمسة"),
                [("Victim", ("خمسة صيادين", "\nقتل خمسة صيادين"), C(5)), ("Time", "فجر السبت", T), PH],
            ),
            ("Life.Injure", "أصيب", [("Victim", "ثلاثة آخرون", C(3)), ("Time", "فجر السبت", T), PH]),
            (
                "Conflict.Attack",
                ("قصف", "بقصف مدفعي استهدف"),
                [("Target", "قاربهم"), ("Time", "فجر السبت", T), PH],
            ),
            ("Life.Die", ("قتل", "قتل جندي"), [("Victim", "جندي من القوات الحكومية", C(1)), IN, *PL]),
            ("Conflict.Attack", "انفجار", [IN, *PL]),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "قوات النخبة الشبوانية"), ("Person", "ثلاثة عناصر من تنظيم القاعدة", C(3)),
                 ("Place", "شبوة")],
            ),
        ],
    )
)

# 4 Sudan and South Sudan: ولاية الجزيرة (a common word), شمال دارفور, Jonglei after في --------
P = "2024-06-04"
T = D("أمس الاثنين", "2024-06-03", P, weekday="Monday")
AG = ("قوات الدعم السريع", "لقوات الدعم السريع في قرية")
PG = ("Place", "قرية ود النورة بولاية الجزيرة وسط البلاد")
PT = ("Place", ("ولاية الجزيرة", "في ولاية الجزيرة\n"))
PF = [("Place", "ولاية شمال دارفور"), ("Place", "شرق مدينة الفاشر")]
PJ = [("Place", "جنوب السودان"), ("Place", "مقاطعة أكوبو"), ("Place", "ولاية جونقلي")]
DEV7.append(
    dict(
        id="dev7-04-gezira",
        published=P,
        text="""السودان: مقتل 20 مدنيا بهجوم لقوات الدعم السريع في ولاية الجزيرة

قتل 20 مدنيا، أمس الاثنين، في هجوم لقوات الدعم السريع في قرية ود النورة بولاية الجزيرة وسط البلاد، وفق لجان المقاومة المحلية.
وفي ولاية شمال دارفور، قصفت طائرات الجيش السوداني مواقع للدعم السريع شرق مدينة الفاشر.
وفي جنوب السودان، قتل 11 شخصا في اشتباكات قبلية بمقاطعة أكوبو في ولاية جونقلي.
""",
        events=[
            (
                "Life.Die",
                "مقتل",
                [("Victim", ("20 مدنيا", "مقتل 20 مدنيا"), C(20)), ("Agent", ("قوات الدعم السريع", "لقوات الدعم السريع في ولاية")), PT],
            ),
            ("Conflict.Attack", ("هجوم", "بهجوم لقوات"), [("Attacker", ("قوات الدعم السريع", "لقوات الدعم السريع في ولاية")), PT]),
            (
                "Life.Die",
                ("قتل", "\nقتل 20"),
                [("Victim", ("20 مدنيا", "\nقتل 20 مدنيا"), C(20)), ("Time", "أمس الاثنين", T), ("Agent", AG), PG],
            ),
            ("Conflict.Attack", ("هجوم", "في هجوم لقوات"), [("Attacker", AG), ("Time", "أمس الاثنين", T), PG]),
            (
                "Conflict.Attack",
                "قصفت",
                [("Attacker", "طائرات الجيش السوداني"), ("Target", "مواقع للدعم السريع"), *PF],
            ),
            ("Life.Die", ("قتل", "قتل 11"), [("Victim", "11 شخصا", C(11)), *PJ]),
            ("Conflict.Attack", "اشتباكات", [*PJ]),
        ],
    )
)

# 5 An Africa roundup: Ituri, Cabo Delgado bare after جنوب, Far North with a nisba, Amhara -------
P = "2024-01-11"
T = D("الأربعاء", "2024-01-10", P, weekday="Wednesday")
AC = "مسلحون من القوات الديمقراطية المتحالفة"
PC = [("Place", "الكونغو الديمقراطية"), ("Place", "إقليم إيتوري شمال شرقي البلاد")]
PK = [("Place", "إقليم أقصى الشمال الكاميروني"), ("Place", "بلدة موزوغو")]
DEV7.append(
    dict(
        id="dev7-05-africa",
        published=P,
        text="""جولة على أبرز الأحداث الأمنية في أفريقيا

في الكونغو الديمقراطية، قتل مسلحون من القوات الديمقراطية المتحالفة 18 مدنيا في إقليم إيتوري شمال شرقي البلاد، الأربعاء.
وفي موزمبيق، أحرق متمردون متشددون عشرات المنازل في منطقة ماكوميا جنوب كابو ديلغادو.
وفي إقليم أقصى الشمال الكاميروني، قتل خمسة جنود بهجوم لجماعة بوكو حرام على موقع عسكري قرب بلدة موزوغو.
وفي إثيوبيا، اعتقلت السلطات عشرات الأشخاص في مدينة بحر دار عاصمة إقليم أمهرة.
""",
        events=[
            (
                "Life.Die",
                ("قتل", "قتل مسلحون"),
                [("Agent", AC), ("Victim", "18 مدنيا", C(18)), ("Time", "الأربعاء", T), *PC],
            ),
            (
                "Conflict.Attack",
                "أحرق",
                [("Attacker", "متمردون متشددون"), ("Target", "عشرات المنازل"),
                 ("Place", "موزمبيق"), ("Place", "منطقة ماكوميا جنوب كابو ديلغادو")],
            ),
            ("Life.Die", ("قتل", "قتل خمسة"), [("Victim", "خمسة جنود", C(5)), ("Agent", "جماعة بوكو حرام"), *PK]),
            (
                "Conflict.Attack",
                "هجوم",
                [("Attacker", "جماعة بوكو حرام"), ("Target", "موقع عسكري"), *PK],
            ),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "السلطات"), ("Person", "عشرات الأشخاص", V("tens", 10)),
                 ("Place", "إثيوبيا"), ("Place", "مدينة بحر دار عاصمة إقليم أمهرة")],
            ),
        ],
    )
)

# 6 Somalia: a town in a two-word region, منطقة هيران fronted, إقليم باري -----------------------
P = "2023-10-21"
T = D("الجمعة", "2023-10-20", P, weekday="Friday")
PJ = [("Place", "بلدة جلب"), ("Place", "إقليم جوبا الوسطى جنوبي الصومال")]
PT = ("Place", ("إقليم جوبا الوسطى", "في إقليم جوبا الوسطى\n"))
PH = [("Place", "منطقة هيران وسط البلاد"), ("Place", "مدينة بلدوين")]
IN = ("Instrument", "عبوة ناسفة", C(1))
DEV7.append(
    dict(
        id="dev7-06-jubba",
        published=P,
        text="""الصومال: مقتل 9 من مقاتلي الشباب بغارة أمريكية في إقليم جوبا الوسطى

قتل تسعة من مقاتلي حركة الشباب بغارة جوية أمريكية، الجمعة، قرب بلدة جلب في إقليم جوبا الوسطى جنوبي الصومال، بحسب القيادة الأمريكية في أفريقيا.
وفي منطقة هيران وسط البلاد، قتل جنديان صوماليان بانفجار عبوة ناسفة قرب مدينة بلدوين.
كما اعتقلت قوات الأمن خمسة مشتبه بهم في إقليم باري.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", "9 من مقاتلي الشباب", C(9)), PT]),
            ("Conflict.Attack", ("غارة", "بغارة أمريكية"), [PT]),
            (
                "Life.Die",
                ("قتل", "\nقتل تسعة"),
                [("Victim", "تسعة من مقاتلي حركة الشباب", C(9)), ("Time", "الجمعة", T), *PJ],
            ),
            ("Conflict.Attack", ("غارة", "بغارة جوية"), [("Time", "الجمعة", T), *PJ]),
            ("Life.Die", ("قتل", "قتل جنديان"), [("Victim", "جنديان صوماليان", C(2)), IN, *PH]),
            ("Conflict.Attack", "انفجار", [IN, *PH]),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "قوات الأمن"), ("Person", "خمسة مشتبه بهم", C(5)), ("Place", "إقليم باري")],
            ),
        ],
    )
)

# 7 Nigeria and Niger: ولاية كادونا inside بـ, بورنو bare and fronted, منطقة تيلابيري قرب الحدود --
P = "2024-03-08"
T = D("فجر الخميس", "2024-03-07", P, weekday="Thursday")
PK = ("Place", "بلدة كوريغا بولاية كادونا شمال غربي نيجيريا")
AB = "مسلحين من جماعة بوكو حرام"
PB = [("Place", "بورنو"), ("Place", "بلدة ماليري")]
PN = [("Place", "النيجر المجاورة"), ("Place", "منطقة تيلابيري قرب الحدود مع بوركينا فاسو")]
DEV7.append(
    dict(
        id="dev7-07-kaduna",
        published=P,
        text="""نيجيريا: خطف 30 طالبا في ولاية كادونا

خطف مسلحون 30 طالبا، فجر الخميس، في بلدة كوريغا بولاية كادونا شمال غربي نيجيريا، بحسب الشرطة.
وفي بورنو، قتل ستة جنود بهجوم لمسلحين من جماعة بوكو حرام على قاعدة عسكرية قرب بلدة ماليري.
وفي النيجر المجاورة، قتل 12 جنديا في كمين نصبه مسلحون في منطقة تيلابيري قرب الحدود مع بوركينا فاسو.
""",
        events=[
            (
                "Conflict.Capture",
                ("خطف", "خطف 30"),
                [("Person", ("30 طالبا", "خطف 30 طالبا في"), C(30)), ("Place", ("ولاية كادونا", "في ولاية كادونا\n"))],
            ),
            (
                "Conflict.Capture",
                ("خطف", "خطف مسلحون"),
                [("Agent", ("مسلحون", "خطف مسلحون")), ("Person", ("30 طالبا", "30 طالبا، فجر"), C(30)),
                 ("Time", "فجر الخميس", T), PK],
            ),
            ("Life.Die", ("قتل", "قتل ستة"), [("Victim", "ستة جنود", C(6)), ("Agent", AB), *PB]),
            ("Conflict.Attack", "هجوم", [("Attacker", AB), ("Target", "قاعدة عسكرية"), *PB]),
            (
                "Life.Die",
                ("قتل", "قتل 12"),
                [("Victim", "12 جنديا", C(12)), ("Agent", ("مسلحون", "نصبه مسلحون")), *PN],
            ),
            ("Conflict.Attack", "كمين", [("Attacker", ("مسلحون", "نصبه مسلحون")), *PN]),
        ],
    )
)

# 8 Pakistan and Afghanistan: بإقليم خيبر بختونخوا, Balochistan fronted, ولاية ننغرهار ------------
P = "2023-11-15"
T = D("الثلاثاء", "2023-11-14", P, weekday="Tuesday")
PK = ("Place", "منطقة ديرا إسماعيل خان بإقليم خيبر بختونخوا شمال غربي باكستان")
PT = ("Place", ("إقليم خيبر بختونخوا", "في إقليم خيبر بختونخوا\n"))
PB = [("Place", "إقليم بلوشستان"), ("Place", "مدينة كويتا")]
IN = ("Instrument", "قنبلة", C(1))
DEV7.append(
    dict(
        id="dev7-08-khyber",
        published=P,
        text="""باكستان: مقتل سبعة شرطيين بهجوم في إقليم خيبر بختونخوا

قتل سبعة شرطيين، الثلاثاء، في هجوم شنه مسلحون على مركز للشرطة في منطقة ديرا إسماعيل خان بإقليم خيبر بختونخوا شمال غربي باكستان، وفق مسؤولين.
وفي إقليم بلوشستان، أصيب خمسة عمال بانفجار قنبلة قرب مدينة كويتا.
وفي أفغانستان المجاورة، اعتقلت حركة طالبان أربعة أشخاص في ولاية ننغرهار شرقي البلاد.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", ("سبعة شرطيين", "مقتل سبعة شرطيين"), C(7)), PT]),
            ("Conflict.Attack", ("هجوم", "بهجوم في"), [PT]),
            (
                "Life.Die",
                ("قتل", "\nقتل سبعة"),
                [("Victim", ("سبعة شرطيين", "\nقتل سبعة شرطيين"), C(7)), ("Time", "الثلاثاء", T),
                 ("Agent", "مسلحون"), PK],
            ),
            (
                "Conflict.Attack",
                ("هجوم", "في هجوم شنه"),
                [("Attacker", "مسلحون"), ("Target", "مركز للشرطة"), ("Time", "الثلاثاء", T), PK],
            ),
            ("Life.Injure", "أصيب", [("Victim", "خمسة عمال", C(5)), IN, *PB]),
            ("Conflict.Attack", "انفجار", [IN, *PB]),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "حركة طالبان"), ("Person", "أربعة أشخاص", C(4)),
                 ("Place", "أفغانستان المجاورة"), ("Place", "ولاية ننغرهار شرقي البلاد")],
            ),
        ],
    )
)


if __name__ == "__main__":
    docs = build(DEV7)
    with OUT.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(len(docs), "articles,", sum(len(d["events"]) for d in docs), "mentions ->", OUT)
