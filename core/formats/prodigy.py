"""Prodigy JSONL (``text`` + ``spans`` [+ ``relations``]) as pre-annotations.

Spans are ``{start, end, label}`` in code points (Prodigy is Python), with optional ``text``,
which is checked. A span labelled with an event type is a trigger; relations
(``head_span``/``child_span``, ``label`` = the role) join it to argument spans, in either
direction. Records whose ``answer`` is ``reject`` or ``ignore`` were not accepted by the
annotator and are left out. The document id is ``meta.id``, else ``id``, else FILE:LINE.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, check_item, where
from tadqiq.core.formats.jsonio import jsonl_objects, need
from tadqiq.core.formats.spangraph import LabelledSpan, mentions_from_graph
from tadqiq.core.model import Article
from tadqiq.core.schema import EventSchema


def read_prodigy(path: str | Path, schema: EventSchema, *, origin: str) -> list[Item]:
    path = Path(path)
    out: list[Item] = []
    for lineno, obj in jsonl_objects(path):
        if obj.get("answer", "accept") != "accept":
            continue
        loc = f"{path}: line {lineno}"
        text = need(obj, "text", str, loc)
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        doc = str(meta.get("id", obj.get("id", f"{path.stem}:{lineno}")))
        loc = where(loc, doc)
        spans: list[LabelledSpan] = []
        keys: dict[tuple[int, int], str] = {}
        for j, s in enumerate(obj.get("spans") or []):
            sloc = f"{loc} span {j + 1}"
            start, end = need(s, "start", int, sloc), need(s, "end", int, sloc)
            label = need(s, "label", str, sloc)
            if "text" in s and text[start:end] != s["text"]:
                raise FormatError(
                    f"{sloc}: text at {start}..{end} is {text[start:end]!r}, the span says {s['text']!r}"
                )
            key = f"s{j}"
            spans.append(LabelledSpan(key, start, end, label, sloc))
            keys.setdefault((start, end), key)
        relations = []
        for j, r in enumerate(obj.get("relations") or []):
            rloc = f"{loc} relation {j + 1}"
            ends = []
            for side in ("head_span", "child_span"):
                sp: Any = need(r, side, dict, rloc)
                k = keys.get((need(sp, "start", int, rloc), need(sp, "end", int, rloc)))
                if k is None:
                    raise FormatError(
                        f"{rloc}: {side} {sp.get('start')}..{sp.get('end')} is not one of the spans"
                    )
                ends.append(k)
            relations.append((ends[0], ends[1], need(r, "label", str, rloc), rloc))
        mentions = mentions_from_graph(text, spans, relations, {}, schema, origin)
        article = Article(ext_id=doc, text=text)
        check_item(article, mentions, path, schema)
        out.append((article, mentions))
    return out
