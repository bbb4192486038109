"""Writes dev6.gold.jsonl: eight short hand-written agency-style articles whose place phrasings
none of the earlier sets use, a sixth development set written to measure a general place rule
on unseen text: places fronted before the verb without في (``وسط مدينة كركوك، أصيب``), places
introduced by على مشارف / على أطراف / على طريق / داخل / بالقرب من / عند, ``على`` as a place and
not a target (``هجوم ... على مشارف مدينة جوهر``), place chains (``قرية X في ريف Y التابع لمحافظة
Z``), places heads the lexicon lacks (غابة، شارع، جسر، مبنى), unknown village names
(Nigeria, Syria, Somalia, DR Congo, Iraq, Burkina Faso, Yemen, Mozambique), places of
destinations, consequence clauses (ما أسفر عن / ما أدى إلى / أسفرت عن) and عندما clauses.

Written and committed before the engine was ever run on it. Gold follows GUIDELINES.md and the
conventions of dev2-dev5: a place keeps its head, adjectives, direction, relation and
apposition (``مدينة عتق مركز محافظة شبوة``), ``التابعة لـ`` + place and ``بـ`` + head; a
locative noun (مشارف، أطراف، وسط، شرق ...) stays at the start of the place, the preposition
(في، على، قرب، بالقرب من، عند، داخل) is dropped; ``X في Y`` is two places; an indefinite facility
after على/قرب is the target and the place after it the Place; an event of a consequence clause
takes the place, time, instrument and agent of its cause; ``اشتباكات مع X``: X is the Target.
Run from the repo root: ``python tests/data/extract/build_dev6.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build_gold import C, D, build  # noqa: E402

OUT = Path(__file__).with_name("dev6.gold.jsonl")
DEV6 = []

# 1 Nigeria: a fronted village, a forest on the outskirts, a checkpoint on a road -------------
P = "2024-05-11"
T = D("فجر الجمعة", "2024-05-10", P, weekday="Friday")
AG = ("Agent", ("مسلحون", "اقتحم مسلحون"))
PL = ("Place", "قرية دانغولبي التابعة لمنطقة مورادون")
PH = ("Place", ("ولاية زامفارا", "في ولاية زامفارا\n"))
DEV6.append(
    dict(
        id="dev6-01-zamfara",
        published=P,
        text="""نيجيريا: مقتل 12 قرويا بهجوم لمسلحين في ولاية زامفارا

في قرية دانغولبي التابعة لمنطقة مورادون، اقتحم مسلحون فجر الجمعة السوق الأسبوعي، ما أسفر عن مقتل 12 قرويا وإصابة سبعة آخرين، بحسب مسؤول محلي.
وأضاف المسؤول أن المهاجمين خطفوا ثماني نساء وفروا بهن نحو غابة على أطراف بلدة تسافي.
واعتقلت الشرطة خمسة مشتبه بهم عند حاجز أمني على طريق غوساو - ماغامي شمال غربي البلاد.
""",
        events=[
            (
                "Life.Die",
                ("مقتل", "مقتل 12 قرويا بهجوم"),
                [("Victim", ("12 قرويا", "مقتل 12 قرويا بهجوم"), C(12)), ("Agent", ("مسلحين", "لمسلحين")), PH],
            ),
            ("Conflict.Attack", ("هجوم", "بهجوم"), [("Attacker", ("مسلحين", "لمسلحين")), PH]),
            (
                "Conflict.Attack",
                "اقتحم",
                [("Attacker", AG[1]), ("Target", "السوق الأسبوعي"), ("Time", "فجر الجمعة", T), PL],
            ),
            (
                "Life.Die",
                ("مقتل", "عن مقتل"),
                [("Victim", ("12 قرويا", "عن مقتل 12 قرويا"), C(12)), AG, ("Time", "فجر الجمعة", T), PL],
            ),
            ("Life.Injure", "إصابة", [("Victim", "سبعة آخرين", C(7)), AG, ("Time", "فجر الجمعة", T), PL]),
            (
                "Conflict.Capture",
                "خطفوا",
                [("Agent", ("المهاجمين", "أن المهاجمين")), ("Person", "ثماني نساء", C(8))],
            ),
            ("Movement.Transport", ("فروا", "وفروا"), [("Destination", "غابة على أطراف بلدة تسافي")]),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [
                    ("Agent", "الشرطة"),
                    ("Person", "خمسة مشتبه بهم", C(5)),
                    ("Place", "حاجز أمني على طريق غوساو - ماغامي شمال غربي البلاد"),
                ],
            ),
        ],
    )
)

# 2 Syria: a target then a road after على, a fronted town, a chain of three places -----------
P = "2023-11-16"
T = D("مساء الأربعاء", "2023-11-15", P, weekday="Wednesday")
AG = "مسلحون مجهولون"
PE = ("Place", ("شرق دير الزور", "بهجوم شرق دير الزور"))
PR = [("Place", "طريق ذيبان - الحوايج"), ("Place", "ريف دير الزور الشرقي")]
PM = [("Place", "سوق شعبي"), ("Place", "قرية المحسنلي"), ("Place", "ريف منبج التابع لمحافظة حلب")]
IN = ("Instrument", "عبوة ناسفة", C(1))
DEV6.append(
    dict(
        id="dev6-02-deirezzor",
        published=P,
        text="""مقتل عنصرين من قسد بهجوم شرق دير الزور

قتل عنصران من قوات سوريا الديمقراطية، مساء الأربعاء، بهجوم شنه مسلحون مجهولون على سيارة عسكرية على طريق ذيبان - الحوايج في ريف دير الزور الشرقي.
وفي بلدة الطيانة شرق مدينة الميادين، اعتقلت قسد أربعة شبان بتهمة التعاون مع خلايا تنظيم داعش.
كما انفجرت عبوة ناسفة داخل سوق شعبي في قرية المحسنلي في ريف منبج التابع لمحافظة حلب، ما أدى إلى إصابة ثلاثة مدنيين.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", "عنصرين من قسد", C(2)), PE]),
            ("Conflict.Attack", ("هجوم", "بهجوم شرق"), [PE]),
            (
                "Life.Die",
                ("قتل", "\nقتل عنصران"),
                [("Victim", "عنصران من قوات سوريا الديمقراطية", C(2)), ("Time", "مساء الأربعاء", T), ("Agent", AG), *PR],
            ),
            (
                "Conflict.Attack",
                ("هجوم", "بهجوم شنه"),
                [("Attacker", AG), ("Target", "سيارة عسكرية"), ("Time", "مساء الأربعاء", T), *PR],
            ),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", ("قسد", "اعتقلت قسد")), ("Person", "أربعة شبان", C(4)),
                 ("Place", "بلدة الطيانة شرق مدينة الميادين")],
            ),
            ("Conflict.Attack", "انفجرت", [IN, *PM]),
            ("Life.Injure", "إصابة", [("Victim", "ثلاثة مدنيين", C(3)), IN, *PM]),
        ],
    )
)

# 3 Somalia: على مشارف as a place (not a target), a destination with الواقعة على ----------------
P = "2022-09-20"
T = D("صباح اليوم", "2022-09-20", P)
AG = "مقاتلون من حركة الشباب"
PJ = ("Place", "مشارف مدينة جوهر عاصمة ولاية هيرشبيلي")
PS = [("Place", "إقليم شبيلي السفلى"), ("Place", "الطريق الرئيسي غرب بلدة أفغوي")]
IN = ("Instrument", "عبوة ناسفة", C(1))
DEV6.append(
    dict(
        id="dev6-03-jowhar",
        published=P,
        text="""الصومال: هجوم لحركة الشباب على مشارف مدينة جوهر

هاجم مقاتلون من حركة الشباب، صباح اليوم، قاعدة للجيش الصومالي على مشارف مدينة جوهر عاصمة ولاية هيرشبيلي، ما أدى إلى مقتل خمسة جنود، بحسب ضابط في الجيش.
وأضاف الضابط أن المهاجمين انسحبوا نحو قرية بوفو الواقعة على الضفة الشرقية لنهر شبيلي.
وفي إقليم شبيلي السفلى، قتل ثلاثة مدنيين بانفجار عبوة ناسفة على الطريق الرئيسي غرب بلدة أفغوي.
""",
        events=[
            (
                "Conflict.Attack",
                ("هجوم", "هجوم لحركة"),
                [("Attacker", ("حركة الشباب", "لحركة الشباب على")), ("Place", ("مشارف مدينة جوهر", "مشارف مدينة جوهر\n"))],
            ),
            (
                "Conflict.Attack",
                ("هاجم", "\nهاجم"),
                [("Attacker", AG), ("Target", "قاعدة للجيش الصومالي"), ("Time", "صباح اليوم", T), PJ],
            ),
            ("Life.Die", "مقتل", [("Victim", "خمسة جنود", C(5)), ("Agent", AG), ("Time", "صباح اليوم", T), PJ]),
            (
                "Movement.Transport",
                "انسحبوا",
                [("Destination", "قرية بوفو الواقعة على الضفة الشرقية لنهر شبيلي")],
            ),
            ("Life.Die", ("قتل", "قتل ثلاثة"), [("Victim", "ثلاثة مدنيين", C(3)), IN, *PS]),
            ("Conflict.Attack", "انفجار", [IN, *PS]),
        ],
    )
)

# 4 DR Congo: a camp near a town, داخل المخيم, a destination, على أطراف --------------------------
P = "2023-06-12"
T = D("الأحد", "2023-06-11", P, weekday="Sunday")
AG = "مسلحون من ميليشيا كوديكو"
PB = ("Place", "بلدة بولي شمال شرقي مدينة بونيا")
PK = [("Place", "إقليم شمال كيفو المجاور"), ("Place", "أطراف بلدة كيوانجا")]
DEV6.append(
    dict(
        id="dev6-04-ituri",
        published=P,
        text="""الكونغو الديمقراطية: مقتل 23 نازحا في إيتوري

قتل 23 شخصا، الأحد، عندما هاجم مسلحون من ميليشيا كوديكو مخيما للنازحين بالقرب من بلدة بولي شمال شرقي مدينة بونيا، وفق ما أعلن مسؤول في الإدارة المحلية.
وأضاف أن المهاجمين أحرقوا عشرات الأكواخ داخل المخيم قبل أن ينسحبوا إلى الغابات المحيطة بقرية نغونغو.
وفي إقليم شمال كيفو المجاور، أصيب أربعة جنود من الجيش الكونغولي في اشتباكات مع متمردي حركة إم 23 على أطراف بلدة كيوانجا.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", "23 نازحا", C(23)), ("Place", "إيتوري")]),
            (
                "Life.Die",
                ("قتل", "\nقتل 23"),
                [("Victim", "23 شخصا", C(23)), ("Time", "الأحد", T), ("Agent", AG), PB],
            ),
            (
                "Conflict.Attack",
                ("هاجم", "عندما هاجم"),
                [("Attacker", AG), ("Target", "مخيما للنازحين"), ("Time", "الأحد", T), PB],
            ),
            (
                "Conflict.Attack",
                "أحرقوا",
                [("Attacker", ("المهاجمين", "أن المهاجمين")), ("Target", "عشرات الأكواخ"),
                 ("Place", ("المخيم", "داخل المخيم"))],
            ),
            ("Movement.Transport", "ينسحبوا", [("Destination", "الغابات المحيطة بقرية نغونغو")]),
            ("Life.Injure", "أصيب", [("Victim", "أربعة جنود من الجيش الكونغولي", C(4)), *PK]),
            (
                "Conflict.Attack",
                "اشتباكات",
                [("Attacker", "أربعة جنود من الجيش الكونغولي"), ("Target", "متمردي حركة إم 23"), *PK],
            ),
        ],
    )
)

# 5 Iraq: a wadi west of a province, a hospital, a fronted وسط without في, a street -----------
P = "2024-02-05"
T = D("فجر اليوم الاثنين", "2024-02-05", P, weekday="Monday")
AG = "طائرات التحالف الدولي"
PW = ("Place", "وادي حوران غرب محافظة الأنبار")
PK = [("Place", "وسط مدينة كركوك"), ("Place", "شارع الجمهورية")]
IN = ("Instrument", "دراجة نارية مفخخة", C(1))
DEV6.append(
    dict(
        id="dev6-05-anbar",
        published=P,
        text="""العراق: غارة جوية على مخبأ لداعش في وادي حوران

نفذت طائرات التحالف الدولي، فجر اليوم الاثنين، غارة جوية على مخبأ لعناصر تنظيم داعش في وادي حوران غرب محافظة الأنبار، أسفرت عن مقتل ستة مسلحين، بحسب بيان لقيادة العمليات المشتركة.
وفي قضاء سنجار غربي نينوى، اعتقلت قوة أمنية ثلاثة مطلوبين داخل مستشفى المدينة.
وسط مدينة كركوك، أصيب شرطيان بجروح عندما انفجرت دراجة نارية مفخخة في شارع الجمهورية.
""",
        events=[
            (
                "Conflict.Attack",
                ("غارة", "غارة جوية على مخبأ لداعش"),
                [("Target", "مخبأ لداعش"), ("Place", ("وادي حوران", "وادي حوران\n"))],
            ),
            (
                "Conflict.Attack",
                ("غارة", "غارة جوية على مخبأ لعناصر"),
                [("Attacker", AG), ("Target", "مخبأ لعناصر تنظيم داعش"), ("Time", "فجر اليوم الاثنين", T), PW],
            ),
            (
                "Life.Die",
                "مقتل",
                [("Victim", "ستة مسلحين", C(6)), ("Agent", AG), ("Time", "فجر اليوم الاثنين", T), PW],
            ),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "قوة أمنية"), ("Person", "ثلاثة مطلوبين", C(3)),
                 ("Place", "قضاء سنجار غربي نينوى"), ("Place", "مستشفى المدينة")],
            ),
            ("Life.Injure", "أصيب", [("Victim", "شرطيان", C(2)), IN, *PK]),
            ("Conflict.Attack", "انفجرت", [IN, *PK]),
        ],
    )
)

# 6 Burkina Faso: a fronted على أطراف before the verb, an ambush, a road near a border ----------
P = "2023-03-28"
T = D("يوم الأحد", "2023-03-26", P, weekday="Sunday")
AG = "مسلحون من جماعة نصرة الإسلام والمسلمين"
PF = ("Place", "أطراف مدينة فادا نغورما شرق بوركينا فاسو")
PE = ("Place", "شرق البلاد")
DEV6.append(
    dict(
        id="dev6-06-fada",
        published=P,
        text="""بوركينا فاسو: مقتل 15 جنديا في كمين شرق البلاد

على أطراف مدينة فادا نغورما شرق بوركينا فاسو، نصب مسلحون من جماعة نصرة الإسلام والمسلمين كمينا لقافلة عسكرية يوم الأحد، فقتلوا 15 جنديا وأصابوا عشرة آخرين، وفق مصادر أمنية.
وفي حادث منفصل، اختطف مسلحون مجهولون راهبا على طريق بلدة غاياري قرب الحدود مع النيجر.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", ("15 جنديا", "مقتل 15 جنديا"), C(15)), PE]),
            ("Conflict.Attack", ("كمين", "في كمين"), [PE]),
            (
                "Conflict.Attack",
                "كمينا",
                [("Attacker", AG), ("Target", "قافلة عسكرية"), ("Time", "يوم الأحد", T), PF],
            ),
            (
                "Life.Die",
                ("قتلوا", "فقتلوا"),
                [("Agent", AG), ("Victim", ("15 جنديا", "فقتلوا 15 جنديا"), C(15)), ("Time", "يوم الأحد", T), PF],
            ),
            (
                "Life.Injure",
                ("أصابوا", "وأصابوا"),
                [("Agent", AG), ("Victim", "عشرة آخرين", C(10)), ("Time", "يوم الأحد", T), PF],
            ),
            (
                "Conflict.Capture",
                "اختطف",
                [("Agent", "مسلحون مجهولون"), ("Person", "راهبا", C(1)),
                 ("Place", "طريق بلدة غاياري قرب الحدود مع النيجر")],
            ),
        ],
    )
)

# 7 Yemen: a market target then a town, a district with التابعة, على مشارف, a building in a city --
P = "2022-03-14"
T = D("مساء الأحد", "2022-03-13", P, weekday="Sunday")
AG = "جماعة الحوثي"
PZ = ("Place", "بلدة الزاهر جنوب شرقي محافظة البيضاء")
PH = [("Place", "مديرية حريب التابعة لمحافظة مأرب"), ("Place", "مشارف قرية آل حمد")]
DEV6.append(
    dict(
        id="dev6-07-bayda",
        published=P,
        text="""اليمن: مقتل أربعة مدنيين بقصف حوثي في البيضاء

قتل أربعة مدنيين وأصيب تسعة آخرون، مساء الأحد، جراء قصف صاروخي شنته جماعة الحوثي على سوق شعبي في بلدة الزاهر جنوب شرقي محافظة البيضاء.
وفي مديرية حريب التابعة لمحافظة مأرب، قتل جنديان من القوات الحكومية برصاص قناص حوثي على مشارف قرية آل حمد.
واعتقلت الأجهزة الأمنية خمسة أشخاص داخل مبنى مهجور في مدينة عتق مركز محافظة شبوة.
""",
        events=[
            (
                "Life.Die",
                "مقتل",
                [("Victim", ("أربعة مدنيين", "مقتل أربعة مدنيين"), C(4)), ("Place", ("البيضاء", "في البيضاء\n"))],
            ),
            ("Conflict.Attack", ("قصف", "بقصف حوثي"), [("Place", ("البيضاء", "في البيضاء\n"))]),
            (
                "Life.Die",
                ("قتل", "\nقتل أربعة"),
                [("Victim", ("أربعة مدنيين", "\nقتل أربعة مدنيين"), C(4)), ("Time", "مساء الأحد", T), ("Agent", AG), PZ],
            ),
            ("Life.Injure", "أصيب", [("Victim", "تسعة آخرون", C(9)), ("Time", "مساء الأحد", T), ("Agent", AG), PZ]),
            (
                "Conflict.Attack",
                ("قصف", "قصف صاروخي"),
                [("Attacker", AG), ("Target", "سوق شعبي"), ("Time", "مساء الأحد", T), PZ],
            ),
            (
                "Life.Die",
                ("قتل", "قتل جنديان"),
                [("Victim", "جنديان من القوات الحكومية", C(2)), ("Agent", "قناص حوثي"), *PH],
            ),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "الأجهزة الأمنية"), ("Person", "خمسة أشخاص", C(5)),
                 ("Place", "مبنى مهجور"), ("Place", "مدينة عتق مركز محافظة شبوة")],
            ),
        ],
    )
)

# 8 Mozambique: a forest south of a town in a province, a quarter near the port, a bridge ------
P = "2021-08-10"
T = D("الاثنين", "2021-08-09", P, weekday="Monday")
AG = "القوات الرواندية"
PM = ("Place", "غابة مبوا جنوب بلدة موسيمبوا دا برايا بإقليم كابو ديلغادو")
PT = ("Place", ("موسيمبوا دا برايا", "قرب موسيمبوا دا برايا\n"))
DEV6.append(
    dict(
        id="dev6-08-caboDelgado",
        published=P,
        text="""موزمبيق: مقتل ثمانية متمردين في اشتباكات قرب موسيمبوا دا برايا

قتلت القوات الرواندية ثمانية متمردين، الاثنين، خلال اشتباكات في غابة مبوا جنوب بلدة موسيمبوا دا برايا بإقليم كابو ديلغادو.
وفي مدينة بالما شمال الإقليم، أحرق مسلحون منازل في حي مبانغالا القريب من الميناء.
كما اعتقلت الشرطة الموزمبيقية ثلاثة مشتبه بهم بالقرب من جسر نهر مسالو غربي الإقليم.
""",
        events=[
            ("Life.Die", "مقتل", [("Victim", ("ثمانية متمردين", "مقتل ثمانية متمردين"), C(8)), PT]),
            ("Conflict.Attack", ("اشتباكات", "في اشتباكات قرب"), [PT]),
            (
                "Life.Die",
                "قتلت",
                [("Agent", AG), ("Victim", ("ثمانية متمردين", "قتلت القوات الرواندية ثمانية متمردين"), C(8)),
                 ("Time", "الاثنين", T), PM],
            ),
            ("Conflict.Attack", ("اشتباكات", "خلال اشتباكات"), [("Attacker", AG), ("Time", "الاثنين", T), PM]),
            (
                "Conflict.Attack",
                "أحرق",
                [("Attacker", "مسلحون"), ("Target", "منازل"), ("Place", "مدينة بالما شمال الإقليم"),
                 ("Place", "حي مبانغالا القريب من الميناء")],
            ),
            (
                "Justice.Arrest-Jail",
                "اعتقلت",
                [("Agent", "الشرطة الموزمبيقية"), ("Person", "ثلاثة مشتبه بهم", C(3)),
                 ("Place", "جسر نهر مسالو غربي الإقليم")],
            ),
        ],
    )
)


if __name__ == "__main__":
    docs = build(DEV6)
    with OUT.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(len(docs), "articles,", sum(len(d["events"]) for d in docs), "mentions ->", OUT)
