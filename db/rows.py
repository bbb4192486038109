"""Conversion between SQLite rows and core dataclasses: nothing above db/ sees raw rows.

Both ways: ``*_from_row(s)`` read rows into dataclasses, :func:`event_row` and
:func:`argument_row` give the column values a mention or an argument is stored as.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from tadqiq.core.model import Argument, Article, Mention, Region, Span

#: Article fields stored as columns of the same name.
_ARTICLE_COLUMNS = ("ext_id", "text", "title", "published", "source", "url", "lang", "id", "sha256")
#: Mention fields stored as ``events`` columns of the same name (besides type and trigger).
_MENTION_COLUMNS = ("status", "origin", "confidence", "rule", "reviewer", "notes", "link")
#: Argument fields stored as ``arguments`` columns of the same name (besides the span and value).
_ARGUMENT_COLUMNS = ("confidence", "rule")

#: The ``events`` columns :func:`event_row` gives, in its order.
EVENT_COLUMNS = ("type", "trigger_start", "trigger_end", "trigger_text", *_MENTION_COLUMNS)
#: The ``arguments`` columns :func:`argument_row` gives, in its order.
ARGUMENT_COLUMNS = ("role", "start", "end", "text", "value", *_ARGUMENT_COLUMNS)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _same_names(row: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    return {name: row[name] for name in names}


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        **_same_names(row, _ARTICLE_COLUMNS),
        metadata=json.loads(row["metadata"]),
        regions=tuple(Region(r["start"], r["end"], r["kind"]) for r in json.loads(row["regions"])),
    )


def argument_from_row(row: Mapping[str, Any]) -> Argument:
    return Argument(
        role=row["role"],
        span=Span(row["start"], row["end"], row["text"]),
        value=json.loads(row["value"]) if row["value"] is not None else None,
        id=row["id"],
        **_same_names(row, _ARGUMENT_COLUMNS),
    )


def mention_from_rows(
    row: Mapping[str, Any], args: Iterable[Mapping[str, Any]], attrs: Mapping[str, str]
) -> Mention:
    return Mention(
        type=row["type"],
        trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        arguments=tuple(argument_from_row(a) for a in args),
        attributes=dict(attrs),
        id=row["id"],
        version=row.get("version"),
        **_same_names(row, _MENTION_COLUMNS),
    )


def event_row(m: Mention) -> tuple[Any, ...]:
    """The values of :data:`EVENT_COLUMNS` for a mention (all but id, article_id, timestamps)."""
    t = m.trigger
    return (m.type, t.start, t.end, t.text, *(getattr(m, name) for name in _MENTION_COLUMNS))


def argument_row(a: Argument) -> tuple[Any, ...]:
    """The values of :data:`ARGUMENT_COLUMNS` for an argument (all but id, event_id, position)."""
    value = dumps(dict(a.value)) if a.value is not None else None
    return (a.role, a.span.start, a.span.end, a.span.text, value, *(getattr(a, n) for n in _ARGUMENT_COLUMNS))


def mention_from_json(data: Mapping[str, Any]) -> Mention:
    """Inverse of Mention.to_json (history rows store this shape)."""
    return Mention(
        type=data["type"],
        trigger=Span(**{k: data["trigger"][k] for k in ("start", "end", "text")}),
        arguments=tuple(
            Argument(
                role=a["role"],
                span=Span(a["start"], a["end"], a["text"]),
                value=a.get("value"),
                confidence=a.get("confidence"),
                rule=a.get("rule"),
            )
            for a in data.get("arguments", ())
        ),
        attributes=dict(data.get("attributes", {})),
        status=data.get("status", "proposed"),
        origin=data.get("origin", ""),
        confidence=data.get("confidence"),
        rule=data.get("rule"),
        reviewer=data.get("reviewer"),
        notes=data.get("notes"),
        link=data.get("link"),
        id=data.get("id"),
    )
