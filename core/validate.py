"""Check a mention against its article text and the project's event schema.

The one place of the rules a stored or exchanged mention keeps, used on import, on every
save, by every format reader (through :func:`tadqiq.core.formats.common.check_item`) and
before every export:

- the trigger and every argument span is exactly its text (offsets are integers inside the
  text, ``text[start:end] == span.text``), and a trigger is not empty;
- the status is one of :data:`~tadqiq.core.model.STATUSES`;
- an argument value, when given, is an object (a mapping);
- a confidence, on the mention or an argument, is a number in 0..1;
- with a schema: the event type is known, every role is a role of that type, every attribute
  is known and its value one the schema allows.

A broken rule is a :class:`MentionError` naming where (``where`` and the part of the mention)
and what. Nothing is silently fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tadqiq.core.model import STATUSES, Mention, Span, SpanError
from tadqiq.core.schema import EventSchema


class MentionError(ValueError):
    """A mention that cannot be stored, with where and why."""


class SchemaViolation(MentionError):
    """A mention whose event type or role the schema lacks (the input may be fine otherwise)."""


def validate_mention(
    mention: Mention, text: str, schema: EventSchema | None, where: str = "mention"
) -> None:
    """Raise MentionError for the first rule ``mention`` breaks against ``text`` and ``schema``.

    ``schema=None`` checks everything that needs no schema (spans, status, value shapes,
    confidences): what a writer checks before it writes a mention out.
    """
    if schema is not None and mention.type not in schema.types:
        known = ", ".join(sorted(schema.types))
        raise SchemaViolation(f"{where}: unknown event type {mention.type!r} (schema {schema.name}: {known})")
    if mention.status not in STATUSES:
        raise MentionError(f"{where}: unknown status {mention.status!r} (one of {', '.join(STATUSES)})")
    _check_span(mention.trigger, text, f"{where} trigger")
    if mention.trigger.start == mention.trigger.end:
        raise MentionError(f"{where} trigger: empty span at {mention.trigger.start}")
    allowed = schema.types[mention.type].roles if schema is not None else None
    for i, arg in enumerate(mention.arguments, 1):
        at = f"{where} argument {i}"
        if allowed is not None and arg.role not in allowed:
            raise SchemaViolation(
                f"{at}: role {arg.role!r} is not a role of {mention.type} ({', '.join(allowed)})"
            )
        _check_span(arg.span, text, f"{at} ({arg.role})")
        if arg.value is not None and not isinstance(arg.value, Mapping):
            raise MentionError(f"{at}: value must be an object, got {type(arg.value).__name__}")
        _check_confidence(arg.confidence, f"{at} ({arg.role})")
    if schema is not None:
        for name, value in mention.attributes.items():
            values = schema.attributes.get(name)
            if values is None:
                raise MentionError(f"{where}: unknown attribute {name!r} ({', '.join(schema.attributes)})")
            if value not in values:
                raise MentionError(f"{where}: attribute {name}={value!r} not one of {', '.join(values)}")
    _check_confidence(mention.confidence, where)


def _check_span(span: Span, text: str, where: str) -> None:
    try:
        span.check(text, where)
    except SpanError as exc:
        raise MentionError(str(exc)) from None


def _check_confidence(confidence: Any, where: str) -> None:
    if confidence is None:
        return
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
        raise MentionError(f"{where}: confidence must be a number, got {confidence!r}")
    if not 0.0 <= confidence <= 1.0:
        raise MentionError(f"{where}: confidence {confidence} outside 0..1")
