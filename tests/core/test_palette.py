"""The highlight palette: contrast in both themes, colour-blind distinctness, checked over every schema."""

from pathlib import Path

import pytest

from tadqiq.core import palette
from tadqiq.core.resources import resource_path
from tadqiq.core.schema import load_schema, schema_from_dict

SCHEMAS = sorted(Path(resource_path("schemas")).glob("*.json"))


def test_wcag_formulas_on_known_values():
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near-miss
    assert palette.luminance("#ffffff") == pytest.approx(1.0)
    assert palette.delta_e("#ff0000", "#ff0000") == 0


def test_red_and_green_collapse_for_deuteranopes():
    # a pair everyone with full colour vision tells apart, and protan/deutan viewers do not
    red, green = "#d62728", "#2ca02c"
    assert palette.delta_e(red, green) > 60
    seen = [palette.simulate(c, "deuteranopia") for c in (red, green)]
    assert palette.delta_e(*seen) < palette.delta_e(red, green) / 3


def test_schemas_are_found():
    assert {p.stem for p in SCHEMAS} >= {"conflict-ar", "ace2005"}


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_every_shipped_schema_passes_the_palette_rules(path):
    schema = load_schema(path)
    assert schema.colour_problems() == []
    for t in schema.types.values():
        assert t.color.lower() not in {schema.roles[r].color.lower() for r in t.roles}, t.name


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_every_colour_shown_together_stays_apart_for_every_vision(path):
    schema = load_schema(path)
    for t in schema.types.values():
        colors = [t.color, *(schema.roles[r].color for r in t.roles)]
        for vision in palette.VISIONS:
            assert palette.min_distance(colors, vision) >= palette.MIN_DELTA_E, (t.name, vision)


def _schema(type_color: str, roles: dict[str, str]) -> dict:
    return {"name": "t", "version": "1",
            "roles": {r: {"color": c} for r, c in roles.items()},
            "types": [{"name": "Conflict.Attack", "roles": list(roles), "color": type_color}]}


def test_the_old_colours_are_caught():
    # the defects the issue found: Attack = Attacker, an invisible Vehicle, a black type
    problems = schema_from_dict(_schema("#d62728", {"Attacker": "#d62728", "Vehicle": "#aec7e8"})).colour_problems()
    text = "\n".join(problems)
    assert "the trigger has the colour of its role Attacker" in text
    assert "Vehicle #aec7e8: contrast" in text and "light page" in text
    black = schema_from_dict(_schema("#000000", {"Place": "#3d7a61"})).colour_problems()
    assert any("#000000: contrast" in p and "dark page" in p for p in black)


def test_close_colours_are_caught_with_the_vision_named():
    problems = schema_from_dict(_schema("#9748cf", {"Place": "#3d7a61", "Time": "#3f7a5f"})).colour_problems()
    assert any("Place and Time differ by" in p for p in problems)
