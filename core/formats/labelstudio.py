"""Label Studio JSON export (a list of tasks) as pre-annotations.

Each task's text is ``data.text`` (or the only string in ``data``). Its regions are results of
type ``labels`` (``value.start``/``end``/``text``/``labels``); a region labelled with an event
type is a trigger, relations (type ``relation``, ``labels`` = the role) join it to argument
regions, and per-region ``choices`` whose ``from_name`` is an attribute name (polarity,
modality, genericity) set attributes, and a per-region ``textarea`` (a notes field: same ``id``
as its region) becomes the notes of that region's mention. Every annotation of a task that was
not cancelled is read; a task with none is read from its predictions, as proposals of the model
(``use`` chooses otherwise). What is not read — another result type, a note on no trigger — is
left out with a warning, never an abort; so is a task that gives no event.

Offsets: Label Studio's front end runs in JavaScript, and versions have differed in whether
``start``/``end`` count code points or UTF-16 units (emoji and other astral characters).
Each region's ``value.text`` decides: code points are tried first, then UTF-16 units; a region
that matches neither is an error.
"""

from __future__ import annotations

from collections.abc import Callable
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


#: Which results of a task to read (``tadqiq import --label-studio-from``).
LABEL_STUDIO_FROM = ("auto", "annotations", "predictions", "both")


def prediction_origin(pred: dict[str, Any], origin: str) -> str:
    """Origin of a prediction's mentions: ``model:VERSION`` when it names its model, else ORIGIN:predictions."""
    version = pred.get("model_version")
    return f"model:{version}" if isinstance(version, str) and version.strip() else f"{origin}:predictions"


def read_labelstudio(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    use: str = "auto",
    warn: Callable[[str], None] | None = None,
) -> list[Item]:
    """Read a Label Studio JSON export.

    ``use``: ``annotations`` (each task's annotations that were not cancelled), ``predictions``
    (its predictions, as proposals of ``model:VERSION``), ``both``, or ``auto`` (the default):
    the annotations where a task has some, else its predictions. Mentions read from annotations
    have ``origin``; from predictions ``prediction_origin``, so that an import as gold keeps the
    predictions as proposals. ``warn`` is told what was left out: a result type we do not read
    (a task-level text area, a rating ...), a note on a region that is no trigger, a task that
    gives no events.
    """
    if use not in LABEL_STUDIO_FROM:
        raise FormatError(f"label studio: read from {use!r}? one of {', '.join(LABEL_STUDIO_FROM)}")
    say = warn or (lambda _msg: None)
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
        annotations = [a for a in _results(task, "annotations", loc) if not a[1].get("was_cancelled")]
        predictions = _results(task, "predictions", loc)
        if use == "annotations":
            chosen = annotations
        elif use == "predictions":
            chosen = predictions
        elif use == "both":
            chosen = annotations + predictions
        else:
            chosen = annotations or predictions
        mentions = []
        for key, ann in chosen:
            who = origin if key.startswith("annotations") else prediction_origin(ann, origin)
            mentions += _mentions_of(ann, text, schema, who, f"{loc} {key}", say)
        if not mentions:
            had = (f"{len(annotations)} annotations, {len(predictions)} predictions"
                   + (f"; read from {use}" if use != "auto" else ""))  # fmt: skip
            say(f"{loc}: 0 events ({had})")
        article = Article(ext_id=doc, text=text, title=str(data.get("title", "")))
        check_item(article, mentions, path, schema)
        out.append((article, mentions))
    return out


def _results(task: dict[str, Any], field: str, loc: str) -> list[tuple[str, dict[str, Any]]]:
    got = task.get(field) or []
    if not isinstance(got, list):
        raise FormatError(f"{loc}: {field} must be a list, got {type(got).__name__}")
    for k, ann in enumerate(got):
        if not isinstance(ann, dict):
            raise FormatError(f"{loc}: {field}[{k}] is not an object")
    return [(f"{field}[{k}]", ann) for k, ann in enumerate(got)]


def _mentions_of(ann: dict[str, Any], text: str, schema: EventSchema, origin: str, aloc: str,
                 say: Callable[[str], None]) -> list:  # fmt: skip
    spans, relations, attrs, notes = [], [], {}, {}
    pending_notes = []
    for j, r in enumerate(need(ann, "result", list, aloc)):
        rloc = f"{aloc} result {j + 1}"
        rtype = r.get("type") if isinstance(r, dict) else None
        if rtype in ("labels", "hypertextlabels") or (rtype is None and isinstance(r, dict) and "value" in r):
            value = need(r, "value", dict, rloc)
            labels = need(value, "labels", list, rloc)
            if len(labels) != 1 or not isinstance(labels[0], str):
                raise FormatError(f"{rloc}: a region needs exactly one label, got {labels!r}")
            s, e = _offsets(text, value, rloc)
            spans.append(LabelledSpan(str(r.get("id", f"r{j}")), s, e, labels[0], rloc))
        elif rtype == "relation":
            labels = r.get("labels") or []
            if len(labels) != 1:
                raise FormatError(f"{rloc}: a relation needs exactly one label (the role), got {labels!r}")
            relations.append((str(need(r, "from_id", (str, int), rloc)),
                              str(need(r, "to_id", (str, int), rloc)), labels[0], rloc))  # fmt: skip
        elif rtype == "choices":
            name = need(r, "from_name", str, rloc)
            choices = need(need(r, "value", dict, rloc), "choices", list, rloc)
            if name in schema.attributes and "id" in r and len(choices) == 1:
                attrs.setdefault(str(r["id"]), {})[name] = choices[0]
        elif rtype == "textarea":
            value = r.get("value") if isinstance(r, dict) else None
            lines = value.get("text") if isinstance(value, dict) else None
            body = "\n".join(x for x in lines if isinstance(x, str)) if isinstance(lines, list) else lines
            if not isinstance(body, str) or not body.strip():
                continue
            pending_notes.append((str(r.get("id", "")), body.strip(), rloc, r.get("from_name", "textarea")))
        else:
            say(f"{rloc}: result type {rtype!r} ({r.get('from_name', '?') if isinstance(r, dict) else '?'}) is not read; left out")
    by_key = {sp.key: sp for sp in spans}
    for key, body, rloc, name in pending_notes:
        region = by_key.get(key)
        if region is not None and region.label in schema.types:
            notes[key] = f"{notes[key]}\n{body}" if key in notes else body
        elif region is not None:
            say(f"{rloc}: text area {name!r} on region {key!r} ({region.label}), which is not an event trigger; "
                "left out (notes are kept on triggers only)")
        else:
            say(f"{rloc}: text area {name!r} belongs to no region (a note on the whole task); left out")
    return mentions_from_graph(text, spans, relations, attrs, schema, origin, notes)
