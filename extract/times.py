"""Time expressions in the token stream (the rule engine's TIME items).

``TimeReader.time_at`` finds where a time expression starting at a token ends: اليوم (السبت)،
أمس (الأول)، يوم الخميس، السبت الماضي، قبل ثلاثة أيام، 8 أيلول 2018، حزيران/يونيو 2014،
الخامس من مارس، 3/3/2024 ... Its value comes later from core.values.dates.parse_date.
"""

from __future__ import annotations

from typing import Any

from tadqiq.core.values.dates import WEEKDAYS, month_names
from tadqiq.extract.lexicons import word_class

_TIME_UNITS = word_class("time_units")
_DAYPART = word_class("dayparts")
_SAFE_MONTH_ALONE = word_class("months_not_alone")  # month names that are also common words


class TimeReader:
    """Mixin of Analysis: needs ``toks``, ``strip`` and ``stem``."""

    toks: list[Any]

    def strip(self, w: str) -> tuple[int, str]:  # pragma: no cover - provided by Analysis
        raise NotImplementedError

    def stem(self, w: str) -> str:  # pragma: no cover - provided by Analysis
        raise NotImplementedError

    def time_at(self, k: int, limit: int) -> tuple[int, int] | None:
        """(letters dropped, end token) of a time expression starting at token k."""
        toks = self.toks
        off, w = self.strip(toks[k].w)
        if w.startswith("بال") and len(w) > 4:
            off, w = off + 1, w[1:]

        def at(j: int) -> str:
            return self.stem(toks[j].w) if j < limit and toks[j].word else ""

        j = k
        if w in _DAYPART and at(k + 1) in ({"اليوم", "امس"} | set(WEEKDAYS)):
            j, w = k + 1, at(k + 1)
        if w == "اليوم":
            return off, (j + 2 if at(j + 1) in WEEKDAYS else j + 1)
        if w in ("امس", "الامس"):
            return off, (j + 2 if at(j + 1) == "الاول" or at(j + 1) in WEEKDAYS else j + 1)
        if w == "اول" and at(j + 1) == "امس":
            return off, j + 2
        if w == "يوم" and at(j + 1) in WEEKDAYS:
            j, w = j + 1, at(j + 1)
        bare_ok = j > k or (k > 0 and (not toks[k - 1].word or toks[k - 1].w in ("في", "منذ", "حتي")))
        if w in WEEKDAYS and (bare_ok or at(j + 1) in ("الماضي", "المقبل", "القادم", "المنصرم", "الفائت")):
            nxt = at(j + 1)
            return off, (j + 2 if nxt in ("الماضي", "المقبل", "القادم", "المنصرم", "الفائت") else j + 1)
        if w in ("قبل", "بعد"):
            from tadqiq.core.values.counts import read_number

            rest = [self.stem(t.w) for t in toks[j + 1 : min(limit, j + 5)]]
            n, used = read_number(rest, 0)
            unit = rest[used] if used < len(rest) else ""
            if unit in _TIME_UNITS:
                return off, j + 2 + used
        if w in ("الاسبوع", "الشهر", "العام") and at(j + 1) in (
            "الماضي",
            "المنصرم",
            "الفائت",
            "الجاري",
            "الحالي",
        ):
            return off, j + 2
        if w == "يوم" and self._numeric_date_end(j + 1, limit):  # يوم 3/3/2024
            j, w = j + 1, toks[j + 1].w
        numeric = self._numeric_date_end(j, limit)
        if numeric:
            return off, numeric
        months = month_names()
        if w.isdigit() and int(w) <= 31:
            end = self._month_end(j + 1, limit)
            return (off, self._year_after(end, limit)) if end else None
        ordinal = _ordinal_words(w, at(j + 1))  # الخامس (عشر) من مارس
        if ordinal and at(j + ordinal) == "من":
            end = self._month_end(j + ordinal + 1, limit)
            if end:
                return off, self._year_after(end, limit)
        two = f"{w} {at(j + 1)}"
        if two in months:
            return off, self._year_after(self._month_end(j, limit), limit)
        if w in months and w not in _SAFE_MONTH_ALONE and len(w) > 3:
            return off, self._year_after(self._month_end(j, limit), limit)
        return None

    def _month_at(self, j: int, limit: int) -> tuple[int, int]:
        """(month number, end token) of a month name (one or two words) at token j, or (0, j)."""
        months = month_names()
        if j >= limit or not self.toks[j].word:
            return 0, j
        w = self.stem(self.toks[j].w)
        if j + 1 < limit and self.toks[j + 1].word:
            two = f"{w} {self.stem(self.toks[j + 1].w)}"
            if two in months:
                return months[two], j + 2
        if w in months:
            return months[w], j + 1
        return 0, j

    def _month_end(self, j: int, limit: int) -> int:
        """End token of the month name at j, with the same month named again after a slash or
        in brackets (حزيران/يونيو، أيلول (سبتمبر)); 0 when no month starts at j."""
        month, end = self._month_at(j, limit)
        if not month:
            return 0
        toks = self.toks
        k = end
        if k < limit and toks[k].w in ("/", "(", "-", "،"):
            again, after = self._month_at(k + 1, limit)
            if again == month:
                end = after
                if toks[k].w == "(" and end < limit and toks[end].w == ")":
                    end += 1
        return end

    def _numeric_date_end(self, j: int, limit: int) -> int:
        """End token of 3/3/2024 or 2024-03-03 starting at token j, else 0."""
        toks = self.toks
        if j + 5 > limit:
            return 0
        w = [toks[i].w for i in range(j, j + 5)]
        if not (w[0].isdigit() and w[2].isdigit() and w[4].isdigit()):
            return 0
        if w[1] != w[3] or w[1] not in ("/", "-"):
            return 0
        if (len(w[0]) <= 2 and len(w[4]) == 4) or (len(w[0]) == 4 and len(w[4]) <= 2):
            return j + 5
        return 0

    def _year_after(self, j: int, limit: int) -> int:
        if j < limit and self.toks[j].w.isdigit() and len(self.toks[j].w) == 4:
            return j + 1
        if j < limit and self.toks[j].w in ("الجاري", "الحالي", "الماضي", "المنصرم", "الفائت"):
            return j + 1
        return j


_ORDINALS = word_class("ordinal_days")
_ORDINAL_TENS = word_class("ordinal_tens")  # و may be stripped


def _ordinal_words(w: str, nxt: str) -> int:
    """How many words an ordinal day takes at w (الخامس، الخامس عشر، الحادي والعشرين), or 0."""
    if w not in _ORDINALS:
        return 0
    if nxt in _ORDINAL_TENS:
        return 2
    return 0 if w == "الحادي" else 1
