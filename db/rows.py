"""Conversion between SQLite rows and core dataclasses: nothing above db/ sees raw rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from tadqiq.core.model import Argument, Article, Mention, Region, Span


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        ext_id=row["ext_id"],
        text=row["text"],
        title=row["title"],
        published=row["published"],
        source=row["source"],
        url=row["url"],
        lang=row["lang"],
        metadata=json.loads(row["metadata"]),
        regions=tuple(Region(r["start"], r["end"], r["kind"]) for r in json.loads(row["regions"])),
        id=row["id"],
        sha256=row["sha256"],
    )


def argument_from_row(row: Mapping[str, Any]) -> Argument:
    return Argument(
        role=row["role"],
        span=Span(row["start"], row["end"], row["text"]),
        value=json.loads(row["value"]) if row["value"] is not None else None,
        confidence=row["confidence"],
        rule=row["rule"],
        id=row["id"],
    )


def mention_from_rows(
    row: Mapping[str, Any], args: Iterable[Mapping[str, Any]], attrs: Mapping[str, str]
) -> Mention:
    return Mention(
        type=row["type"],
        trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        arguments=tuple(argument_from_row(a) for a in args),
        attributes=dict(attrs),
        status=row["status"],
        origin=row["origin"],
        confidence=row["confidence"],
        rule=row["rule"],
        reviewer=row["reviewer"],
        notes=row["notes"],
        link=row["link"],
        id=row["id"],
    )


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
