"""Geocoding Place arguments against the article's own countries.

A name can belong to several places (صور: Tyre in Lebanon and al-Sur near Deir ez-Zor; الطيبة:
a town in Israel and several in Syria), and the gazetteer alone picks the most populous. An
article's country context is what it says without ambiguity: the countries it names and the
countries of its other places that have one reading only. Then each Place value is
re-chosen: among the places sharing its name, the one in the article's countries (by how often
they are named, then by population). A small place (under ``SMALL`` people) that lies outside
the article's countries while the article is clearly about other countries keeps its span but
loses its value, and so does a town abroad named with a town head (بلدة، قرية), whatever
its size: a wrong country is worse than none for a reviewer and for an ACLED row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.model import Argument, Mention
from tadqiq.extract.gazetteer import Gazetteer, Place, key
from tadqiq.extract.lexicons import word_class

PLACE_ROLES = ("Place", "Origin", "Destination")
SMALL = 100_000  # people: a town abroad of this size in an article about elsewhere is doubtful
_SMALL_HEADS = word_class("small_place_heads")
_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب")


def article_countries(text: str, mentions: Sequence[Mention], gaz: Gazetteer) -> Counter[str]:
    """How often the article names each country, or places with one reading in it."""
    found: Counter[str] = Counter()
    for word in normalize_text(text).split():
        word = word.strip(".,،:؛;!?؟()«»\"'")
        for w in (word, *(word[len(c):] for c in _CLITICS if word.startswith(c) and len(word) > len(c) + 2)):
            place = gaz.lookup_key(key(w)) if len(w) >= 3 else None
            if place is not None and gaz.is_country(place):
                found[place.country] += 2
                break
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        for a in m.arguments:
            if a.role in PLACE_ROLES and a.value and (a.span.start, a.span.end) not in seen:
                seen.add((a.span.start, a.span.end))
                place = gaz.by_id(str(a.value.get("id", "")))
                if place is not None and not gaz.rivals(place.id):
                    found[place.country] += 1
    return found


def choose(place: Place, countries: Counter[str], gaz: Gazetteer, small: bool = False) -> Place | None:
    """The reading of ``place``'s name that fits the article, or None when none does
    (``small``: the phrase says it is a town or village, whatever the gazetteer's population)."""
    candidates = [place, *gaz.rivals(place.id)]
    best = max(candidates, key=lambda p: (countries.get(p.country, 0), p.precision == "admin1", p.population))
    if countries and countries.get(best.country, 0) == 0:
        top = countries.most_common(1)[0][1]
        if top >= 2 and (small or best.population < SMALL) and not gaz.is_country(best) and best.precision != "admin1":
            return None
    return best


def geocode(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions with their Place values chosen against the article's countries."""
    countries = article_countries(text, mentions, gaz)
    if not countries:
        return mentions
    out = []
    for m in mentions:
        args = []
        changed = False
        for a in m.arguments:
            if a.role in PLACE_ROLES and a.value and a.value.get("kind") == "place":
                place = gaz.by_id(str(a.value.get("id", "")))
                if place is not None:
                    head = normalize_text(a.span.text).split()[0]
                    best = choose(place, countries, gaz, head in _SMALL_HEADS)
                    if best is not place:
                        changed = True
                        note = f"; geocoded in {best.country}" if best else "; no reading in the article's countries"
                        a = Argument(a.role, a.span, best.value() if best else None, a.confidence,
                                     (a.rule or "") + note, a.id)
            args.append(a)
        out.append(m.with_(arguments=tuple(args)) if changed else m)
    return out


__all__ = ["article_countries", "choose", "geocode"]
