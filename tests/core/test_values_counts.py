"""Count normalisation, as a table: phrase -> value object (GUIDELINES.md "Values")."""

from __future__ import annotations

import pytest

from tadqiq.core.values.counts import parse_count


def exact(n, approx=False):
    out = {"kind": "count", "value": n}
    if approx:
        out["approx"] = True
    return out


def vague(cls, lo, hi=None):
    return {"kind": "count", "value": None, "min": lo, "max": hi, "approx": True, "vague": cls}


def at_least(n):
    return {"kind": "count", "value": None, "min": n, "max": None, "approx": False}


def at_most(n):
    return {"kind": "count", "value": None, "min": None, "max": n, "approx": False}


SEVERAL, TENS = vague("several", 2, 9), vague("tens", 10)

CASES = [
    # digits, Western and Arabic-Indic, with separators and clitics
    ("15", exact(15)),
    ("١٥", exact(15)),
    ("۱۲ شخصا", exact(12)),
    ("3 قتلى", exact(3)),
    ("2,500 نازح", exact(2500)),
    ("١٬٢٠٠ عائلة", exact(1200)),
    ("ب15 قذيفة", exact(15)),
    ("٧ عناصر", exact(7)),
    ("100 مدني", exact(100)),
    ("15 ألف نازح", exact(15000)),
    # units with gender and case forms, with clitics
    ("سبعة عناصر من النظام", exact(7)),
    ("سبعةُ جنود", exact(7)),
    ("سبع قذائف", exact(7)),
    ("ثلاث سيارات مفخخة", exact(3)),
    ("بثلاث سيارات مفخخة", exact(3)),
    ("ثلاثة مدنيين", exact(3)),
    ("أربع مروحيات", exact(4)),
    ("بأربع مروحيات", exact(4)),
    ("خمسة أطفال", exact(5)),
    ("ستة عناصر", exact(6)),
    ("ثمانية مقاتلين", exact(8)),
    ("ثماني غارات", exact(8)),
    ("تسعة أشخاص", exact(9)),
    ("عشرة جنود", exact(10)),
    ("عشر غارات", exact(10)),
    ("اثنان من الجنود", exact(2)),
    ("اثنين من المدنيين", exact(2)),
    ("واحد من القادة", exact(1)),
    ("وسبعة عناصر", exact(7)),
    # teens and compounds
    ("أحد عشر عنصرا", exact(11)),
    ("إحدى عشرة سيارة", exact(11)),
    ("اثنا عشر جنديا", exact(12)),
    ("اثني عشر شخصا", exact(12)),
    ("ثلاثة عشر قتيلا", exact(13)),
    ("سبعةَ عشرَ جريحا", exact(17)),
    ("تسع عشرة امرأة", exact(19)),
    ("عشرون شخصا", exact(20)),
    ("عشرين عنصرا", exact(20)),
    ("خمسة وثلاثين", exact(35)),
    ("خمسة وثلاثون قتيلا", exact(35)),
    ("ثلاثة وعشرين مدنيا", exact(23)),
    ("تسعين", exact(90)),
    # hundreds, thousands, millions
    ("مئة", exact(100)),
    ("مائة شخص", exact(100)),
    ("مائتين", exact(200)),
    ("مئتا", None),
    ("مئتان وخمسون", exact(250)),
    ("ثلاثمئة", exact(300)),
    ("ثلاثمائة عائلة", exact(300)),
    ("ثلاث مئة وخمسين", exact(350)),
    ("ألف", exact(1000)),
    ("ألفين", exact(2000)),
    ("ألفان", exact(2000)),
    ("ثلاثة آلاف", exact(3000)),
    ("ثلاثة عشر ألفا", exact(13000)),
    ("مليون نازح", exact(1_000_000)),
    # duals and a bare singular
    ("عنصرين", exact(2)),
    ("قتيلان", exact(2)),
    ("سيارتين مفخختين", exact(2)),
    ("طائرتين حربيتين", exact(2)),
    ("عنصر من الشرطة", exact(1)),
    ("طفل", exact(1)),
    ("جنديين", exact(2)),
    ("شابا", exact(1)),
    ("امرأتين وطفل", exact(3)),
    ("شاحنة مفخخة", exact(1)),
    # vague quantities
    ("عدد من عناصر المليشيات الموالية للنظام السوري", SEVERAL),
    ("بعدد من السيارات المفخخة", SEVERAL),
    ("عدة قرى", SEVERAL),
    ("بضعة أشخاص", SEVERAL),
    ("بضع عائلات", SEVERAL),
    ("العشرات", TENS),
    ("عشرات المدنيين", TENS),
    ("العشرات من عناصر الأخيرة", TENS),
    ("مئات المقاتلين", vague("hundreds", 100)),
    ("المئات", vague("hundreds", 100)),
    ("آلاف النازحين", vague("thousands", 1000)),
    ("الآلاف", vague("thousands", 1000)),
    # qualifiers
    ("نحو 20 عنصرا", exact(20, approx=True)),
    ("قرابة خمسين شخصا", exact(50, approx=True)),
    ("حوالي ١٠٠ مدني", exact(100, approx=True)),
    ("زهاء ألف", exact(1000, approx=True)),
    ("أكثر من 50 قتيلا", at_least(51)),
    ("ما لا يقل عن 12 مدنيا", at_least(12)),
    ("ما يزيد عن عشرة", at_least(11)),
    ("60 شخصا على الأقل", at_least(60)),
    ("أقل من عشرة", at_most(9)),
    # no number: None, never 0
    ("آخرون", None),
    ("آخرين", None),
    ("المدنيين", None),
    ("مواقع النظام", None),
    ("عدد القتلى", None),
    ("", None),
    ("مسلحين", None),
    ("قوات النظام", None),
    # a group whose size is stated inside the phrase
    ("خلية مؤلفة من خمسة أشخاص", exact(5)),
    ("مجموعة من سبعة مسلحين", exact(7)),
    ("دورية قوامها 12 جنديا", exact(12)),
    ("خلية تضم ٤ عناصر", exact(4)),
    ("عائلة من ستة أفراد", exact(6)),
    ("الخلية المكونة من ثلاثة عناصر", exact(3)),
    ("نحو مجموعة من عشرة مقاتلين", exact(10, approx=True)),
    ("مجموعة من المسلحين", None),
    ("الخلية", None),
    # a bare weapon in the singular is one (GUIDELINES: a bare singular = 1), its dual two
    ("حزام ناسف", exact(1)),
    ("لغم أرضي", exact(1)),
    ("قنبلة يدوية", exact(1)),
    ("لغمين أرضيين", exact(2)),
    ("قنبلتين", exact(2)),
]


def test_enough_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("phrase, expected", CASES, ids=[c[0] or "empty" for c in CASES])
def test_parse_count(phrase, expected):
    assert parse_count(phrase) == expected


@pytest.mark.parametrize("phrase", [c[0] for c in CASES])
def test_never_zero(phrase):
    value = parse_count(phrase)
    assert value is None or value.get("value") != 0
