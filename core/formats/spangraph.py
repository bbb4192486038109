"""Events from labelled spans and relations (Label Studio, Prodigy): triggers, roles, attributes.

Tools without an event structure encode an event as a span labelled with the event type (the
trigger) and relations from the trigger to argument spans, labelled with the role. Any other
span label is an entity label and needs no declaration. A span label that looks like an event
type (has a dot) but is not in the schema, a relation whose role the trigger's type does not
have, or a relation between two non-triggers is an error, never skipped in silence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tadqiq.core.formats.common import FormatError, SchemaMismatch
from tadqiq.core.model import Argument, Mention, Span
from tadqiq.core.schema import EventSchema


@dataclass(frozen=True)
class LabelledSpan:
    key: str
    start: int
    end: int
    label: str
    loc: str


def mentions_from_graph(
    text: str,
    spans: Sequence[LabelledSpan],
    relations: Sequence[tuple[str, str, str, str]],  # (from key, to key, role, loc)
    attributes: Mapping[str, Mapping[str, str]],
    schema: EventSchema,
    origin: str,
    notes: Mapping[str, str] | None = None,
) -> list[Mention]:
    """Mentions from labelled spans and relations; ``notes`` (span key -> text) become the notes of
    the mention whose trigger that span is."""
    by_key = {s.key: s for s in spans}
    defaults = {name: values[0] for name, values in schema.attributes.items()}
    for s in spans:
        if not 0 <= s.start < s.end <= len(text):
            raise FormatError(f"{s.loc}: offsets {s.start}..{s.end} outside the text (length {len(text)})")
        if s.label not in schema.types and "." in s.label:
            raise FormatError(f"{s.loc}: label {s.label!r} is not an event type of schema {schema.name!r}")
    args: dict[str, list[Argument]] = {s.key: [] for s in spans if s.label in schema.types}
    for a, b, role, loc in relations:
        if a not in by_key or b not in by_key:
            missing = a if a not in by_key else b
            raise FormatError(f"{loc}: relation refers to {missing!r}, which is not a labelled span")
        if a not in args and b in args:
            a, b = b, a
        if a not in args:
            raise FormatError(
                f"{loc}: relation {role!r} joins two spans neither of which is an event trigger "
                f"({by_key[a].label!r}, {by_key[b].label!r})"
            )
        trig = by_key[a]
        if not schema.has_role(trig.label, role):
            raise SchemaMismatch(
                f"{loc}: role {role!r} is not a role of {trig.label} (roles: {', '.join(schema.types[trig.label].roles)})"
            )
        arg = by_key[b]
        args[a].append(Argument(role, Span(arg.start, arg.end, text[arg.start : arg.end])))
    mentions = []
    for s in spans:
        if s.key not in args:
            continue
        attrs = dict(defaults)
        for name, value in attributes.get(s.key, {}).items():
            if name not in schema.attributes or value not in schema.attributes[name]:
                raise FormatError(f"{s.loc}: attribute {name}={value!r} is not in schema {schema.name!r}")
            attrs[name] = value
        mentions.append(
            Mention(
                s.label,
                Span(s.start, s.end, text[s.start : s.end]),
                tuple(args[s.key]),
                attrs,
                status="proposed",
                origin=origin,
                notes=(notes or {}).get(s.key) or None,
            )  # fmt: skip
        )
    return mentions
