"""Native event JSON (as in ../shared/seed/*.gold.jsonl) to Mention objects, strictly checked."""

from __future__ import annotations

from typing import Any

from tadqiq.core.importing.item import ImportOptions, ImportProblem
from tadqiq.core.model import DEFAULT_ATTRIBUTES, STATUSES, Argument, Mention, Span
from tadqiq.core.schema import EventSchema
from tadqiq.core.validate import MentionError, validate_mention


def _span(obj: Any, where: str) -> Span:
    if not isinstance(obj, dict):
        raise ImportProblem(f"{where}: must be an object with start, end and text")
    for key in ("start", "end", "text"):
        if key not in obj:
            raise ImportProblem(f"{where}: missing '{key}'")
    start, end, text = obj["start"], obj["end"], obj["text"]
    if type(start) is not int or type(end) is not int:
        raise ImportProblem(f"{where}: start and end must be integers, got {start!r} and {end!r}")
    if not isinstance(text, str):
        raise ImportProblem(f"{where}: text must be a string")
    return Span(start, end, text)


def parse_mention(obj: Any, text: str, schema: EventSchema, options: ImportOptions, default_origin: str,
                  where: str) -> Mention:
    """One native event object to a validated Mention; ImportProblem names ``where``."""
    if not isinstance(obj, dict):
        raise ImportProblem(f"{where}: must be an object")
    if not isinstance(obj.get("type"), str):
        raise ImportProblem(f"{where}: missing event 'type'")
    trigger = _span(obj.get("trigger"), f"{where} trigger")
    raw_args = obj.get("arguments", [])
    if not isinstance(raw_args, list):
        raise ImportProblem(f"{where}: 'arguments' must be a list")
    arguments = []
    for i, a in enumerate(raw_args, 1):
        at = f"{where} argument {i}"
        span = _span(a, at)
        if not isinstance(a.get("role"), str):
            raise ImportProblem(f"{at}: missing 'role'")
        value = a.get("value")
        if value is not None and not isinstance(value, dict):
            raise ImportProblem(f"{at}: 'value' must be an object")
        arguments.append(Argument(a["role"], span, value, a.get("confidence"), a.get("rule")))
    attrs = obj.get("attributes", {})
    if not isinstance(attrs, dict):
        raise ImportProblem(f"{where}: 'attributes' must be an object")
    attributes = {**DEFAULT_ATTRIBUTES, **attrs}
    if options.gold:
        status, origin, reviewer = "added", f"reviewer:{options.reviewer}", options.reviewer
    else:
        status = obj.get("status", "proposed")
        if status not in STATUSES:
            raise ImportProblem(f"{where}: unknown status {status!r}")
        origin = obj.get("origin") or default_origin
        reviewer = obj.get("reviewer")
        if options.origin:  # another team's or model's output: proposals to review, whatever it says
            status, origin, reviewer = "proposed", options.origin, None
    confidence = obj.get("confidence")
    if confidence is not None and not isinstance(confidence, (int, float)):
        raise ImportProblem(f"{where}: confidence must be a number")
    mention = Mention(
        type=obj["type"], trigger=trigger, arguments=tuple(arguments), attributes=attributes,
        status=status, origin=origin, confidence=confidence, rule=obj.get("rule"), reviewer=reviewer,
        notes=obj.get("notes"), link=None if obj.get("link") is None else str(obj.get("link")),
    )
    try:
        validate_mention(mention, text, schema, where)
    except MentionError as exc:
        raise ImportProblem(str(exc)) from None
    return mention
