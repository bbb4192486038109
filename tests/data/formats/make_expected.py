"""Regenerate the checked export expectations in this folder.

    .venv/bin/python tests/data/formats/make_expected.py

Input: the house article's gold (tests/data/house/house-hama-001.gold.jsonl) as a reviewer
confirmed it (status confirmed, origin reviewer:amal), plus one short article written here that
carries what the house article lacks: a gazetteer-linked place, an ISO date, a dual count, linked mentions, notes and a
CSV-injection attempt. Every file written was read by eye before it was committed; the tests compare
fresh exports with these files byte for byte, so a change in output shows up as a diff to review.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
HOUSE = REPO / "tests" / "data" / "house" / "house-hama-001.gold.jsonl"
sys.path.insert(0, str(REPO))

from tadqiq.core.formats.native import read_native  # noqa: E402
from tadqiq.core.model import Argument, Article, Mention, Span  # noqa: E402
from tadqiq.core.schema import load_schema  # noqa: E402

FORMATS = ("jsonl", "oneie", "oneie-original", "dygiepp", "brat", "conll", "acled-csv")
EXPORT_NAMES = {
    "jsonl": "gold.jsonl",
    "oneie": "gold.oneie.jsonl",
    "oneie-original": "gold.oneie-original.jsonl",
    "dygiepp": "gold.dygiepp.jsonl",
    "brat": "brat",
    "conll": "gold.conll",
    "acled-csv": "gold.acled.csv",
}

SMALL_TEXT = (
    "قصف جوي على مدينة منبج\n"
    "قتل مدنيان وأصيب 5 آخرون في قصف جوي استهدف مدينة منبج في 8 سبتمبر 2018.\n"
    "=SUM(A1) قال مصدر محلي إن القصف طال سوقا شعبيا."
)


def _span(text: str, needle: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def small_item() -> tuple[Article, list[Mention]]:
    t = SMALL_TEXT
    manbij = {
        "kind": "place",
        "gazetteer": "geonames",
        "id": "166141",
        "name_ar": "منبج",
        "name_en": "Manbij",
        "lat": 36.5281,
        "lon": 37.9549,
        "admin1": "Aleppo",
        "country": "SY",
        "precision": "town",
    }
    date = {"kind": "date", "value": "2018-09-08", "precision": "day", "anchor": "2018-09-09"}
    place = Argument("Place", _span(t, "مدينة منبج", 2), manbij)
    when = Argument("Time", _span(t, "8 سبتمبر 2018"), date)
    article = Article(
        ext_id="small_001",
        text=t,
        title="قصف جوي على مدينة منبج",
        published="2018-09-09",
        source="=cmd|' /C calc'!A0",
        url="https://example.org/manbij",
        lang="ar",
    )
    attack = Mention(
        "Conflict.Attack",
        _span(t, "قصف", 2),
        (Argument("Target", _span(t, "مدينة منبج", 2)), place, when),
        status="confirmed",
        origin="reviewer:amal",
        reviewer="amal",
        link="ev1",
        confidence=0.9,
    )
    die = Mention(
        "Life.Die",
        _span(t, "قتل"),
        (Argument("Victim", _span(t, "مدنيان"), {"kind": "count", "value": 2, "dual": True}), place, when),
        status="corrected",
        origin="reviewer:amal",
        reviewer="amal",
        link="ev1",
        notes="-2 كان الرقم في المسودة",
    )
    injure = Mention(
        "Life.Injure",
        _span(t, "أصيب"),
        (Argument("Victim", _span(t, "5 آخرون"), {"kind": "count", "value": 5}), place),
        status="added",
        origin="reviewer:amal",
        reviewer="amal",
        link="ev1",
    )
    headline = Mention(
        "Conflict.Attack",
        _span(t, "قصف"),
        (Argument("Place", _span(t, "مدينة منبج"), manbij),),
        status="confirmed",
        origin="reviewer:amal",
        reviewer="amal",
    )
    return article, [headline, attack, die, injure]


def expected_items() -> list[tuple[Article, list[Mention]]]:
    schema = load_schema()
    house = read_native(HOUSE, schema, origin="reviewer:amal")
    items = [(a, [m.with_(status="confirmed", reviewer="amal") for m in ms]) for a, ms in house]
    items.append(small_item())
    return items


def export_all(out_dir: Path) -> None:
    from tadqiq.core.formats.export import export

    schema = load_schema()
    for fmt in FORMATS:
        export(
            fmt,
            expected_items(),
            schema,
            out_dir / EXPORT_NAMES[fmt],
            command="make_expected.py",
            created=None,
        )


if __name__ == "__main__":
    export_all(HERE)
    print(f"wrote expectations to {HERE}")
