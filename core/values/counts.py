"""Counts from Arabic noun phrases: digits, number words, duals, vague quantities.

``parse_count("سبعة عناصر من النظام") == {"kind": "count", "value": 7}``. The phrase is read
from its start: an optional qualifier (نحو، قرابة، أكثر من، ما لا يقل عن ...), then a number
(digits in any script, or words with their gender and case forms, compounds like خمسة وثلاثين,
أحد عشر, ثلاثمئة, ألفين), or a vague quantity (عدد من، عدة، بضعة، عشرات، مئات، آلاف), or a
counted noun alone (dual = 2, a known singular = 1). No number found is ``None``, never 0.
"""

from __future__ import annotations

import re
from typing import Any

from tadqiq.core.arabic.normalize import normalize_text

UNITS = {
    "واحد": 1,
    "واحده": 1,
    "احد": 1,
    "احدي": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
}
TENS = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
HUNDRED = {"مئه", "مائه", "ميه"}
TWO_HUNDRED = {"مئتان", "مئتين", "مائتان", "مائتين", "ميتين"}
THOUSAND = {"الف", "الفا"}
TWO_THOUSAND = {"الفان", "الفين"}
THOUSANDS = {"الاف"}
MILLION = {"مليون", "مليونا"}
MILLIONS = {"ملايين"}
#: ثلاثمئة, تسعمائة ... written as one word.
_HUNDREDS_WORDS = {
    u + h: UNITS[u] * 100
    for u in ("ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع")
    for h in ("مئه", "مائه")
}

#: Vague quantities: normalised word(s) -> (class, min, max).
VAGUE = {
    "عدد": ("several", 2, 9),
    "عده": ("several", 2, 9),
    "بضعه": ("several", 2, 9),
    "بضع": ("several", 2, 9),
    "عشرات": ("tens", 10, None),
    "العشرات": ("tens", 10, None),
    "مئات": ("hundreds", 100, None),
    "المئات": ("hundreds", 100, None),
    "الاف": ("thousands", 1000, None),
    "الالاف": ("thousands", 1000, None),
    "ملايين": ("millions", 1_000_000, None),
}
#: Qualifiers read before a number: normalised phrase -> kind.
QUALIFIERS = [
    ("ما لا يقل عن", "min"),
    ("لا يقل عن", "min"),
    ("ما يزيد عن", "more"),
    ("ما يزيد على", "more"),
    ("اكثر من", "more"),
    ("ازيد من", "more"),
    ("اقل من", "less"),
    ("ما يقارب", "approx"),
    ("ما يقرب من", "approx"),
    ("نحو", "approx"),
    ("قرابه", "approx"),
    ("حوالي", "approx"),
    ("زهاء", "approx"),
    ("تقريبا", "approx"),
    ("ما بين", "approx"),
]
_QUAL = sorted({(tuple(q.split()), k) for q, k in QUALIFIERS}, key=lambda x: -len(x[0]))

#: Countable singular nouns (normalised): a bare one counts 1, its dual counts 2.
SINGULARS = {
    "عنصر",
    "جندي",
    "شخص",
    "طفل",
    "رجل",
    "شاب",
    "ضابط",
    "قيادي",
    "مدني",
    "مقاتل",
    "مسلح",
    "عسكري",
    "قتيل",
    "جريح",
    "اسير",
    "معتقل",
    "مواطن",
    "صحفي",
    "ناشط",
    "امراه",
    "سيده",
    "طالب",
    "عامل",
    "سياره",
    "شاحنه",
    "دراجه",
    "مركبه",
    "فتاه",
    "طائره",
    "مروحيه",
    "قذيفه",
    "صاروخ",
    "عبوه",
    "حزام",
    "لغم",
    "قنبله",
    "دبابه",
    "اليه",
    "حافله",
    "غاره",
    "هجوم",
    "انتحاري",
    "مسؤول",
    "قائد",
    "امير",
    "حارس",
    "شرطي",
    "راع",
    "فلاح",
    "مسعف",
    "متظاهر",
    "ممرض",
    "طبيب",
    "معلم",
    "موظف",
    "لاجئ",
    "نازح",
    "سائق",
    "تاجر",
    "يوم",
    "منزل",
    "قريه",
    "بلده",
    "نقطه",
    "حاجز",
    "موقع",
    "مستشفي",
    "مدرسه",
    "مسجد",
}
#: Singulars whose dual is written like their (more frequent) plural: no dual reading.
_NO_DUAL = {
    "مدني",
    "مقاتل",
    "مسلح",
    "عسكري",
    "قيادي",
    "معتقل",
    "مسؤول",
    "ناشط",
    "صحفي",
    "انتحاري",
    "مواطن",
    "متظاهر",
    "مسعف",
    "موظف",
    "نازح",
    "لاجئ",
    "شرطي",
}

_AT_LEAST_AFTER = "علي الاقل"
_TOKEN = re.compile(r"[وبلفك]?[0-9]+(?:[.,٫٬][0-9]+)*|[^\W\d_]+")
_PROCLITIC = ("و", "ب", "ل", "ف", "ك")


def _tokens(phrase: str) -> list[str]:
    return _TOKEN.findall(normalize_text(phrase))


def _number_word(tok: str) -> str | None:
    """The token itself, or without one leading و/ب/ل, if it is a number word."""
    for cand in (
        tok,
        tok[1:] if tok[:1] in _PROCLITIC else None,
        tok[2:] if tok[:2] in ("وب", "ول") else None,
    ):
        if cand and (
            cand in UNITS
            or cand in TENS
            or cand in HUNDRED
            or cand in TWO_HUNDRED
            or cand in THOUSAND
            or cand in TWO_THOUSAND
            or cand in THOUSANDS
            or cand in MILLION
            or cand in MILLIONS
            or cand in _HUNDREDS_WORDS
        ):
            return cand
    return None


def _digits(tok: str) -> float | None:
    t = tok
    if t[:1] in _PROCLITIC and t[1:2].isdigit():
        t = t[1:]
    if not t[:1].isdigit():
        return None
    t = t.replace("٬", ",").replace("٫", ".")
    if re.fullmatch(r"\d{1,3}(,\d{3})+", t):
        return float(t.replace(",", ""))
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def read_number(tokens: list[str], i: int = 0) -> tuple[int | None, int]:
    """Read a number (digits or words) at ``tokens[i]``: (value, tokens used) or (None, 0)."""
    total = 0
    current = 0
    used = 0
    j = i
    seen = False
    while j < len(tokens):
        tok = tokens[j]
        d = _digits(tok)
        if d is not None:
            if seen and not tok.startswith("و"):
                break
            current += d
            seen = True
            j += 1
            continue
        w = _number_word(tok)
        if w is None:
            break
        if seen and w not in THOUSAND | THOUSANDS | MILLION | MILLIONS | HUNDRED and not tok.startswith("و"):
            if not (w in ("عشر", "عشره") and 0 < current < 10):
                break
        if w in UNITS:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
            if w not in ("عشر", "عشره") and nxt in ("عشر", "عشره"):
                current += UNITS[w] + 10
                j += 2
                seen = True
                continue
            if w in ("عشر", "عشره") and 0 < current < 10:
                current += 10
            else:
                current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in _HUNDREDS_WORDS:
            current += _HUNDREDS_WORDS[w]
        elif w in HUNDRED:
            current = (current or 1) * 100 if current < 10 else current + 100
        elif w in TWO_HUNDRED:
            current += 200
        elif w in THOUSAND:
            total += (current or 1) * 1000
            current = 0
        elif w in TWO_THOUSAND:
            total += 2000
        elif w in THOUSANDS:
            if not seen:
                break  # آلاف alone is vague
            total += (current or 1) * 1000
            current = 0
        elif w in MILLION:
            total += (current or 1) * 1_000_000
            current = 0
        elif w in MILLIONS:
            if not seen:
                break
            total += (current or 1) * 1_000_000
            current = 0
        seen = True
        j += 1
    used = j - i
    if not seen:
        return None, 0
    value = total + current
    return (int(value) if value == int(value) else value), used  # type: ignore[return-value]


def _dual_or_single(tok: str) -> int | None:
    if tok.startswith("ال"):
        tok = tok[2:]
    if tok in SINGULARS or (tok.endswith("ا") and tok[:-1] in SINGULARS):  # شابا
        return 1
    for suf in ("ين", "ان"):
        if tok.endswith(suf) and len(tok) > 4:
            stem = tok[: -len(suf)]
            if stem.endswith("ت") and stem[:-1] + "ه" in SINGULARS:
                return 2
            if stem in SINGULARS and stem not in _NO_DUAL:
                return 2
    return None


#: A group noun whose size is stated inside the phrase: خلية مؤلفة من خمسة أشخاص،
#: مجموعة من سبعة مسلحين، دورية قوامها 12 جنديا.
GROUP_HEADS = {"خليه", "مجموعه", "دوريه", "عائله", "اسره", "قافله", "مفرزه", "وحده", "فرقه", "عصابه", "شبكه"}
GROUP_LINKS = {"مؤلفه", "مكونه", "المؤلفه", "المكونه", "تضم", "يضم", "قوامها", "قوامه", "عددها", "عدده"}


def _group_size(toks: list[str], i: int) -> tuple[int | None, int]:
    """(number, index after it) of a group noun's stated size at ``toks[i]``, or (None, 0)."""
    head = toks[i][2:] if toks[i].startswith("ال") else toks[i]
    if head not in GROUP_HEADS:
        return None, 0
    j = i + 1
    if j < len(toks) and toks[j] in GROUP_LINKS:
        j += 1
    if j < len(toks) and toks[j] == "من":
        j += 1
    if j == i + 1:
        return None, 0
    value, used = read_number(toks, j)
    return (value, j + used) if value is not None else (None, 0)


def _exact(value: int, approx: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "count", "value": value}
    if approx:
        out["approx"] = True
    return out


def _vague(cls: str, lo: int | None, hi: int | None) -> dict[str, Any]:
    return {"kind": "count", "value": None, "min": lo, "max": hi, "approx": True, "vague": cls}


def parse_count(phrase: str) -> dict[str, Any] | None:
    """The count a noun phrase expresses, as a value dict, or None when it states none."""
    toks = _tokens(phrase)
    if not toks:
        return None
    qual = None
    i = 0
    for words, kind in _QUAL:
        if tuple(toks[: len(words)]) == words:
            qual, i = kind, len(words)
            break
    if i >= len(toks):
        return None
    first = toks[i]
    bare = first[1:] if first[:1] in ("ب", "ل", "و") and first[1:] in VAGUE else first
    if bare in VAGUE:
        cls, lo, hi = VAGUE[bare]
        if bare in ("عدد",) and (i + 1 >= len(toks) or toks[i + 1] != "من"):
            number, used = read_number(toks, i + 1)
            if number is None:
                return None  # "عدد القتلى" is "the number of", not a quantity
        out = _vague(cls, lo, hi)
        if qual == "more" and lo is not None:
            out["min"] = lo
        return out
    value, used = read_number(toks, i)
    if value is None:
        value, after = _group_size(toks, i)
        if value is not None:
            used = after - i
    if value is None:
        n = _dual_or_single(first)
        if n is None:
            return None
        value = n
        for tok in toks[i + 1 :]:  # امرأتين وطفل = 3
            if tok[:1] == "و" and len(tok) > 2:
                more = _dual_or_single(tok[1:])
                if more is not None:
                    value += more
    if qual is None and _AT_LEAST_AFTER in " ".join(toks[i + max(used, 1) :]):
        qual = "min"  # 60 شخصا على الأقل
    if qual in (None,):
        return _exact(value)
    if qual == "approx":
        return _exact(value, approx=True)
    if qual == "min":
        return {"kind": "count", "value": None, "min": value, "max": None, "approx": False}
    if qual == "more":
        return {"kind": "count", "value": None, "min": value + 1, "max": None, "approx": False}
    return {"kind": "count", "value": None, "min": None, "max": value - 1, "approx": False}


#: Public names for the extractor: qualifier word tuples, and number words written as one word.
QUALIFIER_WORDS = _QUAL
HUNDREDS_WORDS = _HUNDREDS_WORDS
