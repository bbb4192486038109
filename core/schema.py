"""Event schemas: which event types exist, their roles, attributes, colours and keys.

A schema is a JSON file under resources/schemas/ (or anywhere, by path). It is copied into
each project file at creation, so a project is self-describing. Loading validates it and a
broken file gets a message naming the file and the place in it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tadqiq.core.model import ATTRIBUTES
from tadqiq.core.palette import schema_problems
from tadqiq.core.resources import resource_path

DEFAULT_SCHEMA = "conflict-ar"

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class SchemaError(ValueError):
    """A schema file that cannot be used, with where and why."""


@dataclass(frozen=True)
class RoleDef:
    name: str
    color: str
    en: str = ""
    ar: str = ""


@dataclass(frozen=True)
class TypeDef:
    name: str
    roles: tuple[str, ...]
    color: str
    key: str = ""
    en: str = ""
    ar: str = ""
    #: One-line definitions of each role *for this type*: {role: {"en": ..., "ar": ...}}.
    role_defs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def role_definition(self, role: str, lang: str = "en") -> str:
        return self.role_defs.get(role, {}).get(lang, "")


@dataclass(frozen=True)
class EventSchema:
    name: str
    version: str
    types: Mapping[str, TypeDef]
    roles: Mapping[str, RoleDef]
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(ATTRIBUTES))
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def role_table(self) -> dict[str, list[str]]:
        """The roles of every event type: what a learned model is trained and stored with."""
        return {name: list(t.roles) for name, t in self.types.items()}

    def colour_problems(self) -> list[str]:
        """Highlight colours that fail the palette rules (core.palette): empty when all hold."""
        return schema_problems((t.name, t.color, [(r, self.roles[r].color if r in self.roles else "#888888")
                                                  for r in t.roles]) for t in self.types.values())

    def has_role(self, event_type: str, role: str) -> bool:
        t = self.types.get(event_type)
        return t is not None and role in t.roles

    def to_json(self) -> str:
        return json.dumps(self.raw, ensure_ascii=False, sort_keys=True)


def _need(obj: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in obj:
        raise SchemaError(f"{where}: missing '{key}'")
    value = obj[key]
    if not isinstance(value, kind):
        raise SchemaError(f"{where}: '{key}' must be {kind.__name__}, got {type(value).__name__}")
    return value


def _role_defs(raw: Any, troles: list[str], where: str) -> dict[str, dict[str, str]]:
    """Validate a type's optional ``role_defs``: per-role definitions in en/ar."""
    if not isinstance(raw, dict):
        raise SchemaError(f"{where}: 'role_defs' must be an object")
    out: dict[str, dict[str, str]] = {}
    for role, spec in raw.items():
        if role not in troles:
            raise SchemaError(f"{where}: 'role_defs' defines '{role}', which is not one of its roles")
        if not isinstance(spec, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in spec.items()
        ):
            raise SchemaError(f"{where}: role_defs '{role}' must map language codes to strings")
        out[role] = dict(spec)
    return out


def schema_from_dict(data: Any, source: str = "schema") -> EventSchema:
    """Validate a parsed schema document and build an :class:`EventSchema`."""
    if not isinstance(data, dict):
        raise SchemaError(f"{source}: the top level must be a JSON object")
    name = _need(data, "name", str, source)
    version = str(_need(data, "version", (str, int, float), source))  # type: ignore[arg-type]
    roles: dict[str, RoleDef] = {}
    for role_name, spec in _need(data, "roles", dict, source).items():
        where = f"{source}: role '{role_name}'"
        if not isinstance(spec, dict):
            raise SchemaError(f"{where}: must be an object")
        color = _need(spec, "color", str, where)
        if not _COLOR.match(color):
            raise SchemaError(f"{where}: colour {color!r} is not #RRGGBB")
        roles[role_name] = RoleDef(role_name, color, spec.get("en", ""), spec.get("ar", ""))
    types: dict[str, TypeDef] = {}
    keys: dict[str, str] = {}
    for i, spec in enumerate(_need(data, "types", list, source)):
        where = f"{source}: types[{i}]"
        if not isinstance(spec, dict):
            raise SchemaError(f"{where}: must be an object")
        tname = _need(spec, "name", str, where)
        where = f"{source}: type '{tname}'"
        if tname in types:
            raise SchemaError(f"{where}: defined twice")
        troles = _need(spec, "roles", list, where)
        for r in troles:
            if r not in roles:
                raise SchemaError(f"{where}: role '{r}' is not defined under 'roles'")
        color = spec.get("color", "#888888")
        if not _COLOR.match(str(color)):
            raise SchemaError(f"{where}: colour {color!r} is not #RRGGBB")
        key = spec.get("key", "")
        if key:
            if key in keys:
                raise SchemaError(f"{where}: key {key!r} is already used by '{keys[key]}'")
            keys[key] = tname
        role_defs = _role_defs(spec.get("role_defs", {}), troles, where)
        types[tname] = TypeDef(
            tname, tuple(troles), color, key, spec.get("en", ""), spec.get("ar", ""), role_defs
        )
    if not types:
        raise SchemaError(f"{source}: defines no event types")
    attributes = dict(ATTRIBUTES)
    for aname, spec in data.get("attributes", {}).items():
        values = _need(spec, "values", list, f"{source}: attribute '{aname}'") if isinstance(spec, dict) else None
        if not values or not all(isinstance(v, str) for v in values):
            raise SchemaError(f"{source}: attribute '{aname}' needs a non-empty list of string values")
        attributes[aname] = tuple(values)
    return EventSchema(name, version, types, roles, attributes, raw=data)


def load_schema(name_or_path: str | Path = DEFAULT_SCHEMA) -> EventSchema:
    """Load a schema by name (resources/schemas/NAME.json) or by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = resource_path("schemas", f"{name_or_path}.json")
    if not path.is_file():
        raise SchemaError(f"{name_or_path}: no such schema file ({path})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    return schema_from_dict(data, str(path))


def schema_from_json(text: str, source: str = "project schema") -> EventSchema:
    return schema_from_dict(json.loads(text), source)
