"""Label Studio JSON export (a list of tasks) as pre-annotations.

Each task's text is ``data.text`` (or the only string in ``data``). Its regions are results of
type ``labels`` (``value.start``/``end``/``text``/``labels``); a region labelled with an event
type is a trigger, relations (type ``relation``, ``labels`` = the role) join it to argument
regions, and per-region ``choices`` whose ``from_name`` is an attribute name (polarity,
modality, genericity) set attributes. Every annotation of a task that was not cancelled is
read; with ``use="predictions"`` the task's predictions are read instead.

Offsets: Label Studio's front end runs in JavaScript, and versions have differed in whether
``start``/``end`` count code points or UTF-16 units (emoji and other astral characters).
Each region's ``value.text`` decides: code points are tried first, then UTF-16 units; a region
that matches neither is an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, check_item, where
from tadqiq.core.formats.jsonio import json_document, need
from tadqiq.core.formats.spangraph import LabelledSpan, mentions_from_graph
from tadqiq.core.model import Article
from tadqiq.core.schema import EventSchema


def _utf16_to_cp(text: str, unit: int) -> int | None:
    """Code-point index of a UTF-16 unit offset (None when inside a surrogate pair or past the end)."""
    units = 0
    for i, ch in enumerate(text):
        if units == unit:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > unit:
            return None
    return len(text) if units == unit else None


def _offsets(text: str, value: dict[str, Any], loc: str) -> tuple[int, int]:
    start = need(value, "start", int, loc)
    end = need(value, "end", int, loc)
    given = value.get("text")
    if given is None or text[start:end] == given:
        if not 0 <= start < end <= len(text):
            raise FormatError(f"{loc}: offsets {start}..{end} outside the text (length {len(text)})")
        return start, end
    s, e = _utf16_to_cp(text, start), _utf16_to_cp(text, end)
    if s is not None and e is not None and text[s:e] == given:
        return s, e
    raise FormatError(f"{loc}: text at {start}..{end} is {text[start:end]!r}, the region says {given!r}")


def _task_text(task: dict[str, Any], loc: str) -> str:
    data = need(task, "data", dict, loc)
    if isinstance(data.get("text"), str):
        return data["text"]
    strings = [v for v in data.values() if isinstance(v, str)]
    if len(strings) != 1:
        raise FormatError(f"{loc}: data has no 'text' and not exactly one string field")
    return strings[0]


def read_labelstudio(
    path: str | Path, schema: EventSchema, *, origin: str, use: str = "annotations"
) -> list[Item]:
    path = Path(path)
    tasks = json_document(path)
    if not isinstance(tasks, list):
        raise FormatError(f"{path}: a Label Studio JSON export is a list of tasks")
    out: list[Item] = []
    for n, task in enumerate(tasks, 1):
        loc = f"{path}: task {n}"
        if not isinstance(task, dict):
            raise FormatError(f"{loc}: expected an object")
        text = _task_text(task, loc)
        data = task["data"]
        doc = str(data.get("id", task.get("id", f"{path.stem}:{n}")))
        loc = where(f"{path}: task {n}", doc)
        mentions = []
        for k, ann in enumerate(task.get(use) or []):
            if not isinstance(ann, dict):
                raise FormatError(f"{loc}: {use}[{k}] is not an object")
            if ann.get("was_cancelled"):
                continue
            spans, relations, attrs = [], [], {}
            for j, r in enumerate(need(ann, "result", list, f"{loc} {use}[{k}]")):
                rloc = f"{loc} {use}[{k}] result {j + 1}"
                rtype = r.get("type") if isinstance(r, dict) else None
                if rtype in ("labels", "hypertextlabels") or (
                    rtype is None and isinstance(r, dict) and "value" in r
                ):
                    value = need(r, "value", dict, rloc)
                    labels = need(value, "labels", list, rloc)
                    if len(labels) != 1 or not isinstance(labels[0], str):
                        raise FormatError(f"{rloc}: a region needs exactly one label, got {labels!r}")
                    s, e = _offsets(text, value, rloc)
                    spans.append(LabelledSpan(str(r.get("id", f"r{j}")), s, e, labels[0], rloc))
                elif rtype == "relation":
                    labels = r.get("labels") or []
                    if len(labels) != 1:
                        raise FormatError(
                            f"{rloc}: a relation needs exactly one label (the role), got {labels!r}"
                        )
                    relations.append((str(need(r, "from_id", (str, int), rloc)),
                                      str(need(r, "to_id", (str, int), rloc)), labels[0], rloc))  # fmt: skip
                elif rtype == "choices":
                    name = need(r, "from_name", str, rloc)
                    choices = need(need(r, "value", dict, rloc), "choices", list, rloc)
                    if name in schema.attributes and "id" in r and len(choices) == 1:
                        attrs.setdefault(str(r["id"]), {})[name] = choices[0]
                else:
                    raise FormatError(f"{rloc}: unsupported result type {rtype!r}")
            mentions += mentions_from_graph(text, spans, relations, attrs, schema, origin)
        article = Article(ext_id=doc, text=text, title=str(data.get("title", "")))
        check_item(article, mentions, path, schema)
        out.append((article, mentions))
    return out
