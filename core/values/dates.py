"""Dates from Arabic time expressions, resolved against the article's publication date.

``parse_date("السبت الماضي", "2018-09-10")`` is ``{"kind": "date", "raw": ..., "value":
"2018-09-08", "precision": "day", "anchor": "2018-09-10"}``. Without a publication date the
value says how the date relates to it instead (``"relation": "same_day_as_publication"``), as
the seed gold does. Month names come from babel's Arabic locales (Levantine كانون الثاني،
Egyptian/Gulf يناير, Maghrebi جانفي / يناير ... دجنبر), so every regional calendar is covered.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.values.counts import read_number

WEEKDAYS = {  # normalised Arabic -> (English, ISO weekday index Monday=0)
    "الاحد": ("Sunday", 6),
    "الاثنين": ("Monday", 0),
    "الثلاثاء": ("Tuesday", 1),
    "الاربعاء": ("Wednesday", 2),
    "الخميس": ("Thursday", 3),
    "الجمعه": ("Friday", 4),
    "السبت": ("Saturday", 5),
}
_LOCALES = (
    "ar",
    "ar_SY",
    "ar_LB",
    "ar_IQ",
    "ar_JO",
    "ar_EG",
    "ar_SA",
    "ar_MA",
    "ar_DZ",
    "ar_TN",
    "ar_LY",
    "ar_MR",
)
#: Spellings babel lacks but agency copy uses.
_EXTRA_MONTHS = {
    "ابريل": 4,
    "اغسطس": 8,
    "ماي": 5,
    "يوليوز": 7,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
    "كانون ثاني": 1,
    "كانون اول": 12,
    "تشرين اول": 10,
    "تشرين ثاني": 11,
}
_PAST = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق"}
_NEXT = {"المقبل", "المقبله", "القادم", "القادمه"}


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Normalised month name -> month number, from babel's Arabic locales plus extras."""
    from babel.dates import get_month_names

    out: dict[str, int] = {}
    for loc in _LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for num, name in get_month_names(width, context, locale=loc).items():
                    out[" ".join(normalize_text(name).split())] = num
    out.update(_EXTRA_MONTHS)
    return out


def _norm(raw: str) -> list[str]:
    return re.findall(r"[0-9]+|[^\W\d_]+", normalize_text(raw))


def _strip(tok: str) -> str:
    """Drop a leading preposition/conjunction from a time word (في ...، وأمس، بالأمس)."""
    for pre in ("وبال", "بال", "فال", "وال"):
        if tok.startswith(pre) and len(tok) > len(pre) + 2:
            return "ال" + tok[len(pre) :]
    if tok[:1] in ("و", "ب", "ف", "ل") and len(tok) > 3 and tok[1:] in _KNOWN:
        return tok[1:]
    return tok


_KNOWN = {"اليوم", "امس", "الامس", "غدا", "يوم", *WEEKDAYS}


def _result(raw: str, anchor: dt.date | None, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "date", "raw": raw}
    out.update(fields)
    if anchor is not None and "value" in fields:
        out["anchor"] = anchor.isoformat()
    return out


def _day(raw: str, anchor: dt.date, d: dt.date, **extra: Any) -> dict[str, Any]:
    return _result(raw, anchor, value=d.isoformat(), precision="day", **extra)


def _weekday_on_or_before(anchor: dt.date, weekday: int, strictly: bool) -> dt.date:
    delta = (anchor.weekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def _month_at(toks: list[str], i: int) -> tuple[int | None, int]:
    names = month_names()
    if i + 1 < len(toks) and f"{toks[i]} {toks[i + 1]}" in names:
        return names[f"{toks[i]} {toks[i + 1]}"], 2
    if i < len(toks) and toks[i] in names:
        return names[toks[i]], 1
    if i < len(toks) and toks[i][:1] in ("ب", "و", "ف") and toks[i][1:] in names:
        return names[toks[i][1:]], 1
    return None, 0


_ORDINAL_UNITS = {
    "الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
    "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10,
}
_ORDINAL_TENS = {"عشر": 10, "العشرين": 20, "والعشرين": 20, "الثلاثين": 30, "والثلاثين": 30}


def _ordinal_day(toks: list[str]) -> tuple[int | None, int]:
    """(day, tokens used) of an ordinal day word at the start: الخامس، الحادي عشر،
    الثاني والعشرين، العشرين، الحادي والثلاثين."""
    if not toks:
        return None, 0
    first = toks[0]
    if first in ("العشرين", "الثلاثين"):
        return _ORDINAL_TENS[first], 1
    unit = _ORDINAL_UNITS.get(first)
    if unit is None:
        return None, 0
    nxt = toks[1] if len(toks) > 1 else ""
    if nxt in _ORDINAL_TENS and unit < 10:
        day = unit + _ORDINAL_TENS[nxt]
        return (day, 2) if day <= 31 else (None, 0)
    if first == "الحادي":  # الحادي alone is no day
        return None, 0
    return unit, 1


_NUMERIC = (
    (re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$"), (3, 2, 1)),
    (re.compile(r"^\s*(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$"), (1, 2, 3)),
)


def _numeric_date(raw: str) -> tuple[int, int, int] | None:
    """(year, month, day) of 3/3/2024 (day first) or 2024-03-03, digits of any script."""
    text = normalize_text(raw)
    for pre in ("في ", "يوم ", "بتاريخ "):
        if text.startswith(pre):
            text = text[len(pre) :]
    for pattern, (y, m, d) in _NUMERIC:
        got = pattern.match(text)
        if got:
            return int(got.group(y)), int(got.group(m)), int(got.group(d))
    return None


def _parse_anchor(published: str | dt.date | None) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.date):
        return published
    return dt.date.fromisoformat(str(published)[:10])


def parse_date(raw: str, published: str | dt.date | None = None) -> dict[str, Any] | None:
    """The date a time expression names, resolved against ``published`` (ISO) when known."""
    anchor = _parse_anchor(published)
    toks = [_strip(t) for t in _norm(raw)]
    if toks and toks[0] in ("في", "منذ", "خلال", "يوم", "صباح", "مساء", "فجر", "ليل", "ظهر", "ليله"):
        if not (toks[0] == "يوم" and len(toks) == 1):
            toks = toks[1:]
    if toks and toks[0] in ("يوم", "صباح", "مساء", "فجر", "ليل", "ظهر", "ليله") and len(toks) > 1:
        toks = toks[1:]
    if not toks:
        return None
    first = toks[0]
    rest = toks[1:]

    # اليوم، اليوم السبت
    if first == "اليوم":
        wd = WEEKDAYS.get(rest[0]) if rest else None
        extra = {"weekday": wd[0]} if wd else {}
        if anchor is None:
            return _result(raw, None, relation="same_day_as_publication", **extra)
        if wd and wd[1] != anchor.weekday():  # published a day or two after "today"
            return _day(raw, anchor, _weekday_on_or_before(anchor, wd[1], strictly=False), **extra)
        return _day(raw, anchor, anchor, **extra)
    # أمس، أمس الأول، أول أمس
    if first in ("امس", "الامس") or (first == "اول" and rest[:1] == ["امس"]):
        back = 2 if (first == "اول" or rest[:1] in (["الاول"],)) else 1
        wd = next((WEEKDAYS[t] for t in rest if t in WEEKDAYS), None)  # أمس الثلاثاء
        extra = {"weekday": wd[0]} if wd else {}
        if anchor is None:
            rel = "day_before_publication" if back == 1 else "two_days_before_publication"
            return _result(raw, None, relation=rel, **extra)
        return _day(raw, anchor, anchor - dt.timedelta(days=back), **extra)
    # غدا
    if first in ("غدا", "الغد"):
        if anchor is None:
            return _result(raw, None, relation="day_after_publication")
        return _day(raw, anchor, anchor + dt.timedelta(days=1))
    # قبل ثلاثة أيام، قبل يومين، قبل أسبوع، بعد يوم (من هجوم ...): news tells the past, so
    # "بعد يوم من X" places X a day before the reported day, as the seed gold reads it.
    if first in ("قبل", "بعد") and rest:
        sign = -1
        n, used = read_number(rest, 0)
        unit = rest[used] if used < len(rest) else ""
        if n is None:
            unit = rest[0]
            n = {"يوم": 1, "يومين": 2, "اسبوع": 7, "اسبوعين": 14, "شهر": 30, "شهرين": 60}.get(unit)
            if unit in ("اسبوع", "اسبوعين") and n:
                n //= 7
                unit = "اسبوع"
        if n is None:
            return None
        if unit.startswith("اسبوع") or unit.startswith("اسابيع"):
            days, precision = 7 * n, "week"
        elif unit.startswith("شهر") or unit.startswith("اشهر"):
            days, precision = 30 * n, "month"
        elif unit.startswith("يوم") or unit.startswith("ايام"):
            days, precision = n, "day"
        else:
            return None
        if anchor is None:
            if days == 1 and precision == "day":
                rel = "day_before_publication" if sign < 0 else "day_after_publication"
                return _result(raw, None, relation=rel)
            rel = "days_before_publication" if sign < 0 else "days_after_publication"
            return _result(raw, None, relation=rel, days=days)
        d = anchor + dt.timedelta(days=sign * days)
        if precision == "month":
            return _result(raw, anchor, value=d.strftime("%Y-%m"), precision="month")
        if precision == "week":
            y, w, _ = d.isocalendar()
            return _result(raw, anchor, value=f"{y}-W{w:02d}", precision="week")
        return _day(raw, anchor, d)
    # الأسبوع الماضي، الشهر الماضي، العام الماضي
    if (
        first in ("الاسبوع", "الشهر", "العام", "السنه")
        and rest
        and rest[0] in _PAST | _NEXT | {"الجاري", "الحالي"}
    ):
        step = -1 if rest[0] in _PAST else (1 if rest[0] in _NEXT else 0)
        if anchor is None:
            return _result(
                raw,
                None,
                relation=f"{ {'الاسبوع': 'week', 'الشهر': 'month'}.get(first, 'year') }"
                f"{ {-1: '_before', 0: '_of', 1: '_after'}[step] }_publication",
            )
        if first == "الاسبوع":
            y, w, _ = (anchor + dt.timedelta(days=7 * step)).isocalendar()
            return _result(raw, anchor, value=f"{y}-W{w:02d}", precision="week")
        if first == "الشهر":
            m = anchor.month + step
            y = anchor.year + (m - 1) // 12
            m = (m - 1) % 12 + 1
            return _result(raw, anchor, value=f"{y:04d}-{m:02d}", precision="month")
        return _result(raw, anchor, value=f"{anchor.year + step:04d}", precision="year")
    # السبت، السبت الماضي، السبت المقبل
    if first in WEEKDAYS:
        name, idx = WEEKDAYS[first]
        when = rest[0] if rest else ""
        if anchor is None:
            rel = (
                "weekday_before_publication"
                if when in _PAST
                else "weekday_after_publication"
                if when in _NEXT
                else "weekday_near_publication"
            )
            return _result(raw, None, relation=rel, weekday=name)
        if when in _NEXT:
            d = anchor + dt.timedelta(days=(idx - anchor.weekday()) % 7 or 7)
        else:
            d = _weekday_on_or_before(anchor, idx, strictly=when in _PAST)
        return _day(raw, anchor, d, weekday=name)
    # 3/3/2024، 2024-03-03: day/month/year as Arab agencies write it, or ISO
    numeric = _numeric_date(raw)
    if numeric is not None:
        y, m, d = numeric
        try:
            return _result(raw, anchor, value=dt.date(y, m, d).isoformat(), precision="day")
        except ValueError:
            return None
    # 8 أيلول، 8 سبتمبر 2018، الخامس من مارس، كانون الثاني، أيلول 2018، حزيران/يونيو 2014
    day = None
    i = 0
    if first.isdigit() and int(first) <= 31:
        day, i = int(first), 1
    else:
        day, i = _ordinal_day(toks)
        if day is not None and i < len(toks) and toks[i] == "من":
            i += 1
    month, used = _month_at(toks, i)
    if month is None:
        if first.isdigit() and len(first) == 4 and not rest:
            return _result(raw, anchor, value=first, precision="year")
        return None
    i += used
    again, used = _month_at(toks, i)  # حزيران/يونيو، أيلول (سبتمبر): the same month twice
    if again == month:
        i += used
    year = None
    if i < len(toks) and toks[i].isdigit() and len(toks[i]) == 4:
        year = int(toks[i])
    elif i < len(toks) and toks[i] in _PAST:
        if anchor is None:
            return _result(
                raw, None, relation="month_before_publication", month=month, **({"day": day} if day else {})
            )
        year = anchor.year if month < anchor.month else anchor.year - 1
    if year is None and anchor is not None:
        year = anchor.year
        probe = dt.date(year, month, min(day or 1, 28))
        if probe > anchor:  # news reports the past: a later date in the year is last year's
            year -= 1
    if year is None:
        fields: dict[str, Any] = {"relation": "in_year_of_publication", "month": month}
        if day:
            fields["day"] = day
        return _result(raw, None, **fields)
    if day:
        try:
            return _result(raw, anchor, value=dt.date(year, month, day).isoformat(), precision="day")
        except ValueError:
            return None
    return _result(raw, anchor, value=f"{year:04d}-{month:02d}", precision="month")
