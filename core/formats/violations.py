"""Every schema violation of an input at once, instead of the first one only.

A reader stops at the first mention whose type or role the project's schema lacks (a
``SchemaMismatch``). When that happens, :func:`all_violations` reads the input again against a *permissive* copy of the
schema (every type and role accepted, attributes as the schema has them) and counts what
breaks the real schema: unknown event types, and roles a type lacks, each with how often and
where first. Only the error path uses it; an input that is fine is read once, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from tadqiq.core.formats.common import Item
from tadqiq.core.schema import EventSchema, TypeDef

class _AnyRole(tuple):
    def __contains__(self, item: object) -> bool:  # every role is allowed
        return True


class _AnyType(Mapping[str, TypeDef]):
    def __init__(self, types: Mapping[str, TypeDef]):
        self._types = types

    def __getitem__(self, name: str) -> TypeDef:
        base = self._types.get(name) or TypeDef(name, (), "#777777")
        return replace(base, roles=_AnyRole(base.roles))

    def __contains__(self, name: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)


def permissive(schema: EventSchema) -> EventSchema:
    return replace(schema, types=_AnyType(schema.types))


def all_violations(read: Callable[[EventSchema], list[Item]], schema: EventSchema, source: str) -> str | None:
    """The schema violations of what ``read`` returns, one line per kind, or None when the
    input cannot be read even permissively (then the first error stands)."""
    try:
        items = read(permissive(schema))
    except (ValueError, KeyError, TypeError):  # FormatError is a ValueError
        return None
    found: dict[tuple[str, str], list[Any]] = {}
    for article, mentions in items:
        for m in mentions:
            if m.type not in schema.types:
                found.setdefault(("type", m.type), [0, article.ext_id])[0] += 1
                continue
            for a in m.arguments:
                if a.role not in schema.types[m.type].roles:
                    found.setdefault((m.type, a.role), [0, article.ext_id])[0] += 1
    if not found:
        return None
    lines = []
    for (kind, name), (count, first) in sorted(found.items(), key=lambda kv: -kv[1][0]):
        what = f"unknown event type {name!r}" if kind == "type" else f"role {name!r} is not a role of {kind}"
        lines.append(f"  {what}: {count} times, first in document {first!r}")
    total = sum(c for c, _ in found.values())
    return (f"{source}: {total} mentions or arguments do not fit schema {schema.name} "
            f"({len(found)} kinds):\n" + "\n".join(lines))
