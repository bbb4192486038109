"""One short human line for a normalised value, as a reviewer reads it in the event panel.

``{"kind": "count", "value": None, "min": 2, "max": 9, "vague": "several"}`` reads
"2–9 (several)", a resolved date "2018-09-08 Saturday (day)", a place "إدلب · Idlib, SY".
Unknown shapes fall back to ``key=value`` pairs so nothing stored is ever hidden.
"""

from __future__ import annotations

from typing import Any

#: How a date that could not be resolved (no publication date) relates to publication.
RELATIONS = {
    "same_day_as_publication": "day of publication",
    "day_before_publication": "day before publication",
    "two_days_before_publication": "two days before publication",
    "day_after_publication": "day after publication",
}


def _count(v: dict[str, Any]) -> str:
    value, lo, hi = v.get("value"), v.get("min"), v.get("max")
    if value is not None:
        text = f"≈ {value}" if v.get("approx") else str(value)
    elif lo is not None and hi is not None:
        text = f"{lo}–{hi}"
    elif lo is not None:
        text = f"≥ {lo}"
    elif hi is not None:
        text = f"≤ {hi}"
    else:
        text = "?"
    return f"{text} ({v['vague']})" if v.get("vague") else text


def _date(v: dict[str, Any]) -> str:
    weekday = v.get("weekday")
    if v.get("value"):
        parts = [str(v["value"])]
        if weekday:
            parts.append(str(weekday))
        if v.get("precision"):
            parts.append(f"({v['precision']})")
        return " ".join(parts)
    relation = v.get("relation")
    if relation:
        text = RELATIONS.get(relation, relation.replace("_", " "))
        if v.get("days"):
            text = f"{v['days']} {text}"  # 3 days before publication
        if v.get("month"):
            text += f", month {v['month']}" + (f" day {v['day']}" if v.get("day") else "")
        return f"{text}, {weekday}" if weekday else text
    return f"unresolved: {v['raw']}" if v.get("raw") else "?"


def _place(v: dict[str, Any]) -> str:
    names = [n for n in (v.get("name_ar"), v.get("name_en")) if n]
    text = " · ".join(dict.fromkeys(names)) or str(v.get("id", "?"))
    return f"{text}, {v['country']}" if v.get("country") else text


def _actor(v: dict[str, Any]) -> str:
    name = str(v.get("name", "?"))
    return name if v.get("known", True) else f"{name} (not in the dictionary)"


_BY_KIND = {"count": _count, "date": _date, "place": _place, "actor": _actor}


def _pairs(v: dict[str, Any]) -> str:
    return ", ".join(f"{k}={x}" for k, x in v.items() if x not in (None, "", []))


def describe_value(value: Any) -> str:
    """A normalised value object as one short line ("" for no value)."""
    if value is None or value == {}:
        return ""
    if not isinstance(value, dict):
        return str(value)
    describe = _BY_KIND.get(value.get("kind"))
    if describe is None:
        if set(value) == {"value"}:
            return str(value["value"])
        return _pairs(value)
    try:
        return describe(value)
    except (KeyError, TypeError, AttributeError):
        return _pairs(value)  # a hand-edited value of an odd shape: show it as stored
