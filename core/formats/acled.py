"""ACLED-like CSV: one row per real-world event, for analysts (spreadsheets, GIS, R/pandas).

A real-world event is a group of linked mentions (same non-null ``link``) or a single
unlinked mention. The group's head mention (by type: attack before territory change before
capture ... before deaths) gives the ACLED ``event_type``/``sub_event_type`` (from the schema's
``acled`` block when it has one, else the default table below, with attack sub-types refined
from the trigger and instrument words, and deaths or injuries of armed people coded as fighting
rather than violence against civilians), the actors and the sentence quoted in ``notes``. Deaths,
injuries and captures of the whole group fill ``fatalities``, ``injured`` and ``captured``.

Counts use ACLED's coding of vague reports: an exact number as is; "several" (عدد من، عدة، بضعة)
10 — ACLED's rule for "several/many/plural"; "tens" (عشرات) 10; "dozens" 12; "hundreds" (مئات)
100; "thousands" (آلاف) 1000; a range without a value its minimum; a death with no number 1.
Linked mentions describe the same deaths, so the group takes the maximum, never the sum.

Denied (polarity negative), hypothetical and generic events did not happen as one dated
event: they get no row (counted in the manifest). Dates are ISO ``YYYY-MM-DD``; ``time_precision``
1 = day, 2 = week, 3 = month or coarser or only the publication date known (a week or month is
coded at its middle, see core.formats.acled_derive, with the value as written in
``tadqiq_date``). Places come from a gazetteer-linked place value (country and iso, admin1 —
the value's own, else the town's unit from ``admin1_of`` —, admin2 when the value has one,
location, latitude, longitude, geo_precision 1 a named town, 2 a district/region, 3 a
first-level unit or a country); without one, ``location`` is the place as written.
``disorder_type``, ``inter1``/``inter2``/``interaction`` are derived as
core.formats.acled_derive says.

The file is UTF-8 with a BOM (so spreadsheet programs read Arabic), RFC 4180 quoting, and every
text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'`` so that a
spreadsheet never runs it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.formats.acled_derive import DISORDER_TYPE, actor_type, country_of, interaction, iso_date
from tadqiq.core.formats.common import FormatError, Item, atomic_write, check_item
from tadqiq.core.formats.tokens import sentences
from tadqiq.core.model import Article, Mention
from tadqiq.core.schema import EventSchema

COLUMNS = (
    "event_id", "doc_id", "mention_ids", "event_date", "year", "time_precision", "tadqiq_date",
    "disorder_type", "event_type", "sub_event_type", "tadqiq_type",
    "actor1", "inter1", "actor2", "inter2", "interaction",
    "iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "fatalities", "injured", "captured", "modality", "status", "source", "source_url", "notes",
)  # fmt: skip

DEFAULT_ACLED = {
    "Conflict.Attack": ("Battles", "Armed clash"),
    "Conflict.TerritoryChange": ("Battles", "Non-state actor overtakes territory"),
    "Conflict.Capture": ("Battles", "Armed clash"),
    "Justice.Arrest-Jail": ("Strategic developments", "Arrests"),
    "Justice.Execute": ("Violence against civilians", "Attack"),
    "Conflict.Demonstrate": ("Protests", "Peaceful protest"),
    "Life.Die": ("Violence against civilians", "Attack"),
    "Life.Injure": ("Violence against civilians", "Attack"),
    "Movement.Transport": ("Strategic developments", "Other"),
    "Contact.Meet": ("Strategic developments", "Other"),
}
#: Attack sub-types from words in the trigger, the word after it or the instrument (first match wins).
ATTACK_WORDS = (
    (("انتحاري", "انتحارية", "انغماسي"), ("Explosions/Remote violence", "Suicide bomb")),
    (("غارة", "غارات", "جوي", "طائرة", "طائرات", "طيران", "مسيرة", "مسيّرة"), ("Explosions/Remote violence", "Air/drone strike")),
    (("مفخخ", "عبوة", "عبوات", "لغم", "ألغام"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (("قصف", "صاروخ", "صواريخ", "قذيفة", "قذائف", "مدفعي", "هاون"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
)  # fmt: skip
#: Words naming armed people (normalised stems): deaths or injuries of these, with no attack
#: mention to head the event, are fighting ("Battles"), not "Violence against civilians".
ARMED_WORDS = (
    "عنصر", "عناصر", "جندي", "جنود", "مقاتل", "مسلح", "قوات", "مليشي", "ميليشي", "عسكري", "ضابط",
    "فلول", "مرتزق", "شرطي", "شرطه", "حرس", "جهادي", "متمرد", "ارهابي",
)  # fmt: skip
HEAD_ORDER = (
    "Conflict.Attack", "Conflict.TerritoryChange", "Conflict.Capture", "Justice.Arrest-Jail",
    "Justice.Execute", "Conflict.Demonstrate", "Life.Die", "Life.Injure", "Movement.Transport", "Contact.Meet",
)  # fmt: skip
VAGUE = {"several": 10, "few": 10, "many": 10, "tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000}
ACTOR1_ROLES = ("Attacker", "Agent", "Entity")
ACTOR2_ROLES = ("Target", "Victim", "Person", "Artifact")
PLACE_ROLES = ("Place", "Destination", "Origin")
GEO_PRECISION = {
    "exact": 1, "point": 1, "town": 1, "city": 1, "village": 1, "neighbourhood": 1,
    "district": 2, "region": 2, "area": 2, "admin2": 2, "admin1": 3, "province": 3, "governorate": 3,
    "country": 3,
}  # fmt: skip


def neutralise(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def acled_count(value: Any) -> int | None:
    """ACLED's number for a count value (see the module docstring); None when not a count."""
    if not isinstance(value, dict) or value.get("kind") != "count":
        return None
    if isinstance(value.get("value"), (int, float)):
        return int(value["value"])
    if value.get("vague") in VAGUE:
        return VAGUE[value["vague"]]
    if isinstance(value.get("min"), (int, float)):
        return int(value["min"])
    return None


def _group_count(mentions: Sequence[Mention], types: tuple[str, ...], roles: tuple[str, ...]) -> int:
    best = 0
    for m in mentions:
        if m.type not in types:
            continue
        n = None
        for a in m.arguments:
            if a.role in roles:
                c = acled_count(a.value)
                if c is not None:
                    n = max(n or 0, c)
        best = max(best, n if n is not None else 1)
    return best


def _first_arg(mentions: Sequence[Mention], roles: tuple[str, ...], pred: Callable[[Any], bool] = bool):
    for role in roles:
        for m in mentions:
            for a in m.arguments:
                if a.role == role and pred(a):
                    return a
    return None


def _kind(a: Any, kind: str) -> bool:
    return isinstance(a.value, dict) and a.value.get("kind") == kind


def acled_type(head: Mention, mapping: dict[str, Any], next_word: str = "") -> tuple[str, str]:
    """ACLED (event_type, sub_event_type); ``next_word`` follows the trigger (قصف جوي، غارات جوية)."""
    if head.type in mapping and mapping is not DEFAULT_ACLED:
        pair = mapping[head.type]
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise FormatError(
                f"schema 'acled' mapping for {head.type}: expected [event_type, sub_event_type], got {pair!r}"
            )
        return pair[0], pair[1]
    if head.type == "Conflict.Attack":
        words = [head.trigger.text, next_word] + [
            a.span.text for a in head.arguments if a.role == "Instrument"
        ]
        for stems, pair in ATTACK_WORDS:
            if any(s in w for w in words for s in stems):
                return pair
    if head.type in ("Life.Die", "Life.Injure"):
        victims = normalize_text(" ".join(a.span.text for a in head.arguments if a.role == "Victim"))
        if any(stem in victims for stem in ARMED_WORDS):
            return ("Battles", "Armed clash")
    return DEFAULT_ACLED.get(head.type, ("Strategic developments", "Other"))


def _groups(mentions: Sequence[Mention]) -> list[list[tuple[int, Mention]]]:
    out: list[list[tuple[int, Mention]]] = []
    by_link: dict[str, list[tuple[int, Mention]]] = {}
    for k, m in enumerate(mentions):
        if m.link is None:
            out.append([(k, m)])
        elif m.link in by_link:
            by_link[m.link].append((k, m))
        else:
            by_link[m.link] = [(k, m)]
            out.append(by_link[m.link])
    return out


def geo_precision(value: dict[str, Any]) -> int:
    """ACLED geo_precision of a place value: 1 a named town, 2 a district or region, 3 a
    first-level unit or a country (its given ``precision`` when it has one)."""
    given = str(value.get("precision", ""))
    if given in GEO_PRECISION:
        return GEO_PRECISION[given]
    ident = str(value.get("id", ""))
    if ident.startswith("admin1:"):
        return 3
    country = value.get("country")
    if isinstance(country, str) and ident.lower() == f"extra:{country.lower()}":  # the gazetteer's countries
        return 3
    return 1


def acled_rows(
    article: Article,
    mentions: Sequence[Mention],
    schema: EventSchema,
    counts: dict[str, int],
    admin1_of: dict[str, tuple[str, str]] | None = None,
):
    mapping = schema.raw.get("acled") or DEFAULT_ACLED
    sents = sentences(article.text)
    sent_starts = [s for s, _ in sents]
    for group in _groups(mentions):
        ms = [m for _, m in group]
        head = min(
            ms, key=lambda m: (HEAD_ORDER.index(m.type) if m.type in HEAD_ORDER else 99, m.trigger.start)
        )
        if (
            head.attributes.get("polarity") == "negative"
            or head.attributes.get("modality") == "hypothetical"
            or head.attributes.get("genericity") == "generic"
        ):
            counts["events_skipped_not_actual"] += 1
            continue
        after = article.text[head.trigger.end : head.trigger.end + 40].split()
        event_type, sub_type = acled_type(head, mapping, after[0] if after else "")
        when = _first_arg(ms, ("Time",), lambda a: _kind(a, "date") and isinstance(a.value.get("value"), str))
        coded = iso_date(when.value["value"], when.value.get("precision")) if when is not None else None
        written = when.value["value"] if when is not None else ""
        if coded is None:
            coded = iso_date((article.published or "")[:10], "month")  # only the publication date known
            if when is not None:
                counts["dates_unreadable"] += 1
        date, precision = coded if coded is not None else ("", "")
        place = _first_arg(ms, PLACE_ROLES, lambda a: _kind(a, "place"))
        admin2 = ""
        if place is not None:
            v = place.value
            location = v.get("name_en") or v.get("name_ar") or v.get("name") or place.span.text
            lat = v.get("lat", v.get("latitude", ""))
            lon = v.get("lon", v.get("lng", v.get("longitude", "")))
            geo = geo_precision(v)
            admin1 = v.get("admin1") or (admin1_of or {}).get(str(v.get("id", "")), ("", ""))[1]
            admin2 = v.get("admin2", "")
            country, iso = country_of(v.get("country"))
        else:
            written_place = _first_arg(ms, PLACE_ROLES)
            admin1, lat, lon, geo, country, iso = "", "", "", "", "", ""
            location = written_place.span.text if written_place else ""
        actor1 = _first_arg([head] + ms, ACTOR1_ROLES)
        actor2 = _first_arg([head] + ms, ACTOR2_ROLES)
        inter1 = actor_type(actor1.span.text) if actor1 else None
        if inter1 is None and actor1 is not None and event_type == "Protests":
            inter1 = 6
        inter2 = actor_type(actor2.span.text) if actor2 else None
        i = max(bisect_right(sent_starts, head.trigger.start) - 1, 0)
        sentence = " ".join(article.text[sents[i][0] : sents[i][1]].split()) if sents else ""
        ids = [f"m{m.id if m.id is not None else k + 1}" for k, m in group]
        key = head.link if head.link is not None else ids[0]
        counts["events"] += 1
        yield {
            "event_id": f"{article.ext_id}:{key}",
            "doc_id": article.ext_id,
            "mention_ids": ";".join(ids),
            "event_date": date,
            "year": date[:4],
            "time_precision": precision,
            "tadqiq_date": written,
            "disorder_type": DISORDER_TYPE.get(event_type, ""),
            "event_type": event_type,
            "sub_event_type": sub_type,
            "tadqiq_type": head.type,
            "actor1": actor1.span.text if actor1 else "",
            "inter1": inter1 if inter1 is not None else "",
            "actor2": actor2.span.text if actor2 else "",
            "inter2": inter2 if inter2 is not None else "",
            "interaction": interaction(inter1, inter2, actor2 is not None) if actor1 else "",
            "iso": iso,
            "country": country,
            "admin1": admin1,
            "admin2": admin2,
            "location": location,
            "latitude": lat,
            "longitude": lon,
            "geo_precision": geo,
            "fatalities": _group_count(ms, ("Life.Die", "Justice.Execute"), ("Victim", "Person")),
            "injured": _group_count(ms, ("Life.Injure",), ("Victim",)),
            "captured": _group_count(ms, ("Conflict.Capture", "Justice.Arrest-Jail"), ("Person",)),
            "modality": head.attributes.get("modality", ""),
            "status": ";".join(sorted({m.status for m in ms})),
            "source": article.source or "",
            "source_url": article.url or "",
            "notes": sentence,
        }


def write_acled_csv(
    items: Iterable[Item],
    schema: EventSchema,
    out: Path,
    progress: Callable[[int], None] | None = None,
    admin1_of: dict[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """``admin1_of``: place id -> (unit id, unit name), the first-level unit of a gazetteer town
    (``extract.place_units``), for the admin1 of places whose value does not name it."""
    counts = {"articles": 0, "mentions": 0, "events": 0, "events_skipped_not_actual": 0, "dates_unreadable": 0}
    with atomic_write(out, newline="") as fh:
        fh.write("\ufeff")
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for article, ms in items:
            check_item(article, ms, out)
            for row in acled_rows(article, ms, schema, counts, admin1_of):
                writer.writerow([neutralise(row[c]) for c in COLUMNS])
            counts["articles"] += 1
            counts["mentions"] += len(ms)
            if progress:
                progress(1)
    return {"files": [out], "counts": counts}
