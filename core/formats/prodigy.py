"""Prodigy JSONL (``text`` + ``spans`` [+ ``relations``]) as pre-annotations.

Spans are ``{start, end, label}`` in code points (Prodigy is Python), with optional ``text``,
which is checked. A span labelled with an event type is a trigger; relations
(``head_span``/``child_span``, ``label`` = the role) join it to argument spans, in either
direction. Records whose ``answer`` is ``reject`` or ``ignore`` were not accepted by the
annotator and are left out. The document id is ``meta.id``, else ``id``, else FILE:LINE.

Records of one document (the same ``meta.id``: the usual output of a sentence-split recipe,
one record per sentence) are placed onto one article:

* onto the **stored article** of that id when the project has it (``texts``): at the record's
  ``meta.offset`` (or ``offset``: where the record's text starts in the article) when it gives
  one, which must hold the record's text; else where the record's text occurs in the article
  — once in the whole article, or once after the previous record of the document. A text
  found nowhere, or found several times with no offset to choose, is an error naming the record;
* without a stored article, the records' distinct texts are joined with ``\\n`` in file order
  into one new article (a record repeating an earlier record's text lands on the same place).

Records without an id stay one article each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, check_item, where
from tadqiq.core.formats.jsonio import jsonl_objects, need
from tadqiq.core.formats.spangraph import LabelledSpan, mentions_from_graph
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import EventSchema


def _list(obj: dict[str, Any], key: str, loc: str) -> list[Any]:
    """A record's list field, [] when absent or null; anything else is refused."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(f"{loc}: {key!r} must be a list, got {type(value).__name__}")
    return value


def _record_mentions(obj: dict[str, Any], text: str, loc: str, schema: EventSchema, origin: str) -> list[Mention]:
    spans: list[LabelledSpan] = []
    keys: dict[tuple[int, int], str] = {}
    for j, s in enumerate(_list(obj, "spans", loc)):
        sloc = f"{loc} span {j + 1}"
        start, end = need(s, "start", int, sloc), need(s, "end", int, sloc)
        label = need(s, "label", str, sloc)
        if "text" in s and text[start:end] != s["text"]:
            raise FormatError(f"{sloc}: text at {start}..{end} is {text[start:end]!r}, the span says {s['text']!r}")
        key = f"s{j}"
        spans.append(LabelledSpan(key, start, end, label, sloc))
        keys.setdefault((start, end), key)
    relations = []
    for j, r in enumerate(_list(obj, "relations", loc)):
        rloc = f"{loc} relation {j + 1}"
        ends = []
        for side in ("head_span", "child_span"):
            sp: Any = need(r, side, dict, rloc)
            k = keys.get((need(sp, "start", int, rloc), need(sp, "end", int, rloc)))
            if k is None:
                raise FormatError(f"{rloc}: {side} {sp.get('start')}..{sp.get('end')} is not one of the spans")
            ends.append(k)
        relations.append((ends[0], ends[1], need(r, "label", str, rloc), rloc))
    return mentions_from_graph(text, spans, relations, {}, schema, origin)


def _shift(m: Mention, offset: int, text: str) -> Mention:
    def sh(s: Span) -> Span:
        return Span(s.start + offset, s.end + offset, text[s.start + offset : s.end + offset])

    return m.with_(trigger=sh(m.trigger),
                   arguments=tuple(Argument(a.role, sh(a.span), a.value, a.confidence, a.rule) for a in m.arguments))  # fmt: skip


def _offset_given(obj: dict[str, Any], loc: str) -> int | None:
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    for holder, name in ((meta, "meta.offset"), (obj, "offset")):
        if "offset" in holder:
            value = holder["offset"]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise FormatError(f"{loc}: {name} must be a character offset (a whole number, 0 or more), got {value!r}")
            return value
    return None


def _place(stored: str, text: str, given: int | None, cursor: int, loc: str) -> int:
    """Where a record's text starts in the stored article (see the module docstring)."""
    if given is not None:
        if stored[given : given + len(text)] != text:
            raise FormatError(f"{loc}: offset {given}: the stored article has {stored[given:given + len(text)][:60]!r} "
                              f"there, the record's text is {text[:60]!r}")  # fmt: skip
        return given
    found = []
    pos = stored.find(text)
    while pos >= 0:
        found.append(pos)
        pos = stored.find(text, pos + 1)
    if len(found) == 1:
        return found[0]
    after = [p for p in found if p >= cursor]
    if len(after) == 1:
        return after[0]
    if not found:
        raise FormatError(f"{loc}: the record's text is not in the stored article of that id "
                          f"(expected a sentence of it, or meta.offset): {text[:60]!r}")  # fmt: skip
    raise FormatError(f"{loc}: the record's text occurs {len(found)} times in the stored article (at "
                      f"{', '.join(map(str, found[:5]))}); give meta.offset to say which: {text[:60]!r}")  # fmt: skip


def read_prodigy(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    texts: Callable[[str], str | None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Item]:
    path = Path(path)
    records: list[tuple[str, bool, str, str, list[Mention], int | None]] = []  # doc, has id, loc, text, mentions, offset
    for lineno, obj in jsonl_objects(path):
        if obj.get("answer", "accept") != "accept":
            continue
        loc = f"{path}: line {lineno}"
        text = need(obj, "text", str, loc)
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        has_id = "id" in meta or "id" in obj
        doc = str(meta.get("id", obj.get("id", f"{path.stem}:{lineno}")))
        loc = where(loc, doc)
        records.append((doc, has_id, loc, text, _record_mentions(obj, text, loc, schema, origin),
                        _offset_given(obj, loc)))  # fmt: skip
    groups: dict[str, tuple[str, list[tuple[str, str, list[Mention], int | None]]]] = {}
    for doc, has_id, loc, text, mentions, offset in records:
        key = doc if has_id else f"\0{loc}"  # a record without an id is an article of its own
        if not has_id and texts is not None and warn is not None:
            warn(f"{loc}: no meta.id: stored as an article of its own (give the article's id in meta.id "
                 "to place a sentence onto its article)")
        groups.setdefault(key, (doc, []))[1].append((loc, text, mentions, offset))
    out: list[Item] = []
    for key, (doc, group) in groups.items():
        stored = texts(doc) if texts is not None and not key.startswith("\0") else None
        at: list[int] = []
        if stored is not None:
            cursor = 0
            for loc, text, _mentions, offset in group:
                at.append(_place(stored, text, offset, cursor, loc))
                cursor = at[-1] + len(text)
            full = stored
        else:
            starts: dict[str, int] = {}
            parts: list[str] = []
            for _loc, text, _mentions, _offset in group:
                if text not in starts:
                    starts[text] = sum(len(x) + 1 for x in parts)
                    parts.append(text)
                at.append(starts[text])
            full = "\n".join(parts)
        placed = [_shift(m, a, full) for a, (_loc, _text, mentions, _o) in zip(at, group, strict=True) for m in mentions]
        article = Article(ext_id=doc, text=full)
        check_item(article, placed, path, schema)
        out.append((article, placed))
    return out
