"""Native JSONL: one article per line, its events with spans, values, attributes and review fields.

The shape of ../shared/seed/*.gold.jsonl (``id``, ``title``, ``text``, ..., ``events``) plus,
per mention, ``status``, ``origin``, ``reviewer``, ``confidence``, ``notes`` (and ``rule``,
``link``, ``id`` when set). Writing then reading gives back equal objects, so writing again
gives identical bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, atomic_write, check_item, where
from tadqiq.core.formats.jsonio import dumps, jsonl_objects, need, opt
from tadqiq.core.model import STATUSES, Argument, Article, Mention, Region, Span
from tadqiq.core.schema import EventSchema

_ARTICLE_KEYS = {"id", "title", "text", "published", "source", "url", "lang", "metadata", "regions", "events"}
_MENTION_KEYS = {
    "type",
    "trigger",
    "arguments",
    "attributes",
    "status",
    "origin",
    "confidence",
    "rule",
    "reviewer",
    "notes",
    "link",
    "id",
}
_ARG_KEYS = {"role", "start", "end", "text", "value", "confidence", "rule"}


def native_line(article: Article, mentions: Iterable[Mention]) -> str:
    obj = article.to_json()
    obj["events"] = [m.to_json() for m in mentions]
    return dumps(obj)


def write_native(
    items: Iterable[Item], schema: EventSchema, out: Path, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    """Write one line per article; every span is checked before its line is written."""
    articles = mentions = 0
    with atomic_write(out) as fh:
        for article, ms in items:
            check_item(article, ms, out)
            fh.write(native_line(article, ms))
            fh.write("\n")
            articles += 1
            mentions += len(ms)
            if progress:
                progress(1)
    return {"files": [out], "counts": {"articles": articles, "mentions": mentions}}


def _span(obj: Any, loc: str) -> Span:
    start = need(obj, "start", int, loc)
    end = need(obj, "end", int, loc)
    text = need(obj, "text", str, loc)
    return Span(start, end, text)


def mention_from_json(obj: Any, schema: EventSchema, loc: str) -> Mention:
    if not isinstance(obj, dict):
        raise FormatError(f"{loc}: expected an object")
    unknown = set(obj) - _MENTION_KEYS
    if unknown:
        raise FormatError(f"{loc}: unknown keys {', '.join(sorted(unknown))}")
    etype = need(obj, "type", str, loc)
    trigger = _span(need(obj, "trigger", dict, loc), f"{loc} trigger")
    args = []
    for k, a in enumerate(obj.get("arguments") or []):
        aloc = f"{loc} argument {k + 1}"
        if not isinstance(a, dict):
            raise FormatError(f"{aloc}: expected an object")
        unknown = set(a) - _ARG_KEYS
        if unknown:
            raise FormatError(f"{aloc}: unknown keys {', '.join(sorted(unknown))}")
        args.append(
            Argument(
                need(a, "role", str, aloc),
                _span(a, aloc),
                opt(a, "value", dict, aloc),
                opt(a, "confidence", (int, float), aloc),
                opt(a, "rule", str, aloc),
            )
        )
    attributes = {name: values[0] for name, values in schema.attributes.items()}
    attributes.update(opt(obj, "attributes", dict, loc) or {})
    status = opt(obj, "status", str, loc) or "proposed"
    if status not in STATUSES:
        raise FormatError(f"{loc}: status {status!r} is not one of {', '.join(STATUSES)}")
    link = obj.get("link")
    return Mention(
        type=etype,
        trigger=trigger,
        arguments=tuple(args),
        attributes=attributes,
        status=status,
        origin=opt(obj, "origin", str, loc) or "",
        confidence=opt(obj, "confidence", (int, float), loc),
        rule=opt(obj, "rule", str, loc),
        reviewer=opt(obj, "reviewer", str, loc),
        notes=opt(obj, "notes", str, loc),
        link=None if link is None else str(link),
        id=opt(obj, "id", int, loc),
    )


def article_from_json(obj: dict[str, Any], loc: str, default_id: str) -> Article:
    text = need(obj, "text", str, loc)
    ext_id = obj.get("id", default_id)
    if not isinstance(ext_id, (str, int)) or isinstance(ext_id, bool):
        raise FormatError(f"{loc}: 'id' must be a string")
    metadata = dict(opt(obj, "metadata", dict, loc) or {})
    for key in sorted(set(obj) - _ARTICLE_KEYS):
        metadata.setdefault(key, obj[key])
    regions = []
    for k, r in enumerate(opt(obj, "regions", list, loc) or []):
        rloc = f"{loc} region {k + 1}"
        region = Region(need(r, "start", int, rloc), need(r, "end", int, rloc), need(r, "kind", str, rloc))
        if not 0 <= region.start <= region.end <= len(text):
            raise FormatError(f"{rloc}: offsets {region.start}..{region.end} outside the text")
        regions.append(region)
    return Article(
        ext_id=str(ext_id),
        text=text,
        title=opt(obj, "title", str, loc) or "",
        published=opt(obj, "published", str, loc),
        source=opt(obj, "source", str, loc),
        url=opt(obj, "url", str, loc),
        lang=opt(obj, "lang", str, loc),
        metadata=metadata,
        regions=tuple(regions),
    )


def as_proposal(m: Mention, origin: str) -> Mention:
    """A read mention as a proposal to review: status proposed, the import's origin, no reviewer or id."""
    return m.with_(status="proposed", origin=origin, reviewer=None, id=None)


def read_native(
    path: str | Path, schema: EventSchema, *, origin: str, keep_review: bool = False
) -> list[Item]:
    """Read a native JSONL file, validating everything before returning anything.

    With ``keep_review=False`` (pre-annotations) every mention becomes a proposal with ``origin``;
    with ``keep_review=True`` (restoring an export) status, origin, reviewer and ids are kept as
    written, and ``origin`` only fills mentions that have none.
    """
    path = Path(path)
    out: list[Item] = []
    seen: dict[str, int] = {}
    for lineno, obj in jsonl_objects(path):
        loc = f"{path}: line {lineno}"
        article = article_from_json(obj, loc, f"{path.stem}:{lineno}")
        if article.ext_id in seen:
            raise FormatError(
                f"{loc}: document {article.ext_id!r} already appeared on line {seen[article.ext_id]}"
            )
        seen[article.ext_id] = lineno
        mentions = []
        for k, e in enumerate(need(obj, "events", list, loc) if "events" in obj else []):
            m = mention_from_json(
                e, schema, where(f"{path}: line {lineno}", article.ext_id, f"mention {k + 1}")
            )
            if not keep_review:
                m = as_proposal(m, origin)
            elif not m.origin:
                m = m.with_(origin=origin)
            mentions.append(m)
        check_item(article, mentions, f"{path}: line {lineno}", schema)
        out.append((article, mentions))
    return out
