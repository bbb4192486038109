"""Check a mention against its article text and the project's event schema.

One function, used on import, on every save and by ``tadqiq check``: a span whose text
does not match, an unknown type or role, or an attribute value the schema does not allow
is an error that names where it is. Nothing is silently fixed.
"""

from __future__ import annotations

from tadqiq.core.model import STATUSES, Mention, SpanError
from tadqiq.core.schema import EventSchema


class MentionError(ValueError):
    """A mention that cannot be stored, with where and why."""


def validate_mention(mention: Mention, text: str, schema: EventSchema, where: str = "mention") -> None:
    if mention.type not in schema.types:
        known = ", ".join(sorted(schema.types))
        raise MentionError(f"{where}: unknown event type {mention.type!r} (schema {schema.name}: {known})")
    if mention.status not in STATUSES:
        raise MentionError(f"{where}: unknown status {mention.status!r} (one of {', '.join(STATUSES)})")
    try:
        mention.trigger.check(text, f"{where} trigger")
    except SpanError as exc:
        raise MentionError(str(exc)) from None
    if mention.trigger.start == mention.trigger.end:
        raise MentionError(f"{where} trigger: empty span at {mention.trigger.start}")
    allowed = schema.types[mention.type].roles
    for i, arg in enumerate(mention.arguments, 1):
        at = f"{where} argument {i}"
        if arg.role not in allowed:
            raise MentionError(
                f"{at}: role {arg.role!r} is not a role of {mention.type} ({', '.join(allowed)})"
            )
        try:
            arg.span.check(text, f"{at} ({arg.role})")
        except SpanError as exc:
            raise MentionError(str(exc)) from None
        if arg.value is not None and not isinstance(arg.value, dict):
            raise MentionError(f"{at}: value must be an object, got {type(arg.value).__name__}")
    for name, value in mention.attributes.items():
        values = schema.attributes.get(name)
        if values is None:
            raise MentionError(f"{where}: unknown attribute {name!r} ({', '.join(schema.attributes)})")
        if value not in values:
            raise MentionError(f"{where}: attribute {name}={value!r} not one of {', '.join(values)}")
    if mention.confidence is not None and not 0.0 <= mention.confidence <= 1.0:
        raise MentionError(f"{where}: confidence {mention.confidence} outside 0..1")
