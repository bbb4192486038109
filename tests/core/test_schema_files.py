"""The shipped schema files load, and broken schema files get precise messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tadqiq.core.schema import SchemaError, load_schema

ACE_SUBTYPES = {
    "Life": ["Be-Born", "Marry", "Divorce", "Injure", "Die"],
    "Movement": ["Transport"],
    "Transaction": ["Transfer-Ownership", "Transfer-Money"],
    "Business": ["Start-Org", "Merge-Org", "Declare-Bankruptcy", "End-Org"],
    "Conflict": ["Attack", "Demonstrate"],
    "Contact": ["Meet", "Phone-Write"],
    "Personnel": ["Start-Position", "End-Position", "Nominate", "Elect"],
    "Justice": [
        "Arrest-Jail", "Release-Parole", "Trial-Hearing", "Charge-Indict", "Sue", "Convict",
        "Sentence", "Fine", "Execute", "Extradite", "Acquit", "Appeal", "Pardon",
    ],
}


def test_ace2005_has_the_33_subtypes():
    schema = load_schema("ace2005")
    expected = {f"{k}.{s}" for k, subs in ACE_SUBTYPES.items() for s in subs}
    assert len(expected) == 33
    assert set(schema.types) == expected


@pytest.mark.parametrize(
    "event_type, roles",
    [
        ("Conflict.Attack", ("Attacker", "Target", "Instrument", "Time", "Place")),
        ("Movement.Transport", ("Agent", "Artifact", "Vehicle", "Price", "Origin", "Destination", "Time")),
        ("Justice.Sentence", ("Defendant", "Adjudicator", "Crime", "Sentence", "Time", "Place")),
        ("Transaction.Transfer-Money", ("Giver", "Recipient", "Beneficiary", "Money", "Time", "Place")),
        ("Contact.Phone-Write", ("Entity", "Time", "Place")),  # Place: as the OneIE/DyGIE++ preprocessing has it
    ],
)
def test_ace2005_roles(event_type, roles):
    assert load_schema("ace2005").types[event_type].roles == roles


def test_conflict_ar_has_role_definitions_for_every_role():
    schema = load_schema("conflict-ar")
    for t in schema.types.values():
        assert set(t.role_defs) == set(t.roles), t.name
        for role in t.roles:
            assert t.role_definition(role, "en") and t.role_definition(role, "ar"), (t.name, role)


def _good() -> dict:
    return {
        "name": "tiny",
        "version": "1",
        "roles": {"Place": {"color": "#00ff00"}, "Attacker": {"color": "#ff0000"}},
        "types": [{"name": "Conflict.Attack", "roles": ["Attacker", "Place"], "color": "#123456"}],
    }


def _write(tmp_path: Path, doc) -> Path:
    path = tmp_path / "tiny.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_good_tiny_schema_loads(tmp_path):
    assert list(load_schema(_write(tmp_path, _good())).types) == ["Conflict.Attack"]


def test_bad_json_names_line_and_column(tmp_path):
    path = _write(tmp_path, '{\n  "name": "tiny",\n  "version": 1,,\n}')
    with pytest.raises(SchemaError) as err:
        load_schema(path)
    assert str(path) in str(err.value)
    assert "line 3 column" in str(err.value)


def test_unknown_role_is_named(tmp_path):
    doc = _good()
    doc["types"][0]["roles"].append("Victim")
    with pytest.raises(SchemaError, match=r"type 'Conflict.Attack': role 'Victim' is not defined under 'roles'"):
        load_schema(_write(tmp_path, doc))


def test_duplicate_type_is_named(tmp_path):
    doc = _good()
    doc["types"].append(dict(doc["types"][0]))
    with pytest.raises(SchemaError, match=r"type 'Conflict.Attack': defined twice"):
        load_schema(_write(tmp_path, doc))


@pytest.mark.parametrize("where", ["role", "type"])
def test_bad_colour_is_named(tmp_path, where):
    doc = _good()
    if where == "role":
        doc["roles"]["Place"]["color"] = "green"
        pattern = r"role 'Place': colour 'green' is not #RRGGBB"
    else:
        doc["types"][0]["color"] = "#12345"
        pattern = r"type 'Conflict.Attack': colour '#12345' is not #RRGGBB"
    with pytest.raises(SchemaError, match=pattern):
        load_schema(_write(tmp_path, doc))


def test_role_defs_for_a_role_the_type_lacks(tmp_path):
    doc = _good()
    doc["types"][0]["role_defs"] = {"Victim": {"en": "who died"}}
    with pytest.raises(SchemaError, match=r"'role_defs' defines 'Victim', which is not one of its roles"):
        load_schema(_write(tmp_path, doc))


def test_missing_file_is_named(tmp_path):
    with pytest.raises(SchemaError, match="no such schema file"):
        load_schema(tmp_path / "absent.json")
