"""What the article view marks, computed from the model without Qt widgets.

A :class:`Highlight` is one coloured stretch of text in ``str`` offsets: the selected
mention's trigger and arguments (coloured by type and role from the schema) and the other
mentions' triggers (faint). The view turns them into extra selections and answers hover and
click questions from the same list, so what is drawn and what is clicked cannot disagree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable, Sequence

from tadqiq.core.arabic import bidi as arabic_bidi
from tadqiq.core.model import Mention
from tadqiq.core.schema import EventSchema
from tadqiq.core.values.describe import describe_value

@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "trigger" | "argument" | "other"
    mention_id: int | None
    argument_index: int | None
    color: str
    label: str  # type name or role

    def covers(self, offset: int) -> bool:
        return self.start <= offset < self.end or (self.start == self.end == offset)


def highlights(mentions: Iterable[Mention], selected: int | None, schema: EventSchema) -> list[Highlight]:
    """Highlights for ``mentions`` with mention ``selected`` (an id) in full colour.

    Rejected mentions other than the selected one are not marked. Order: others first, then
    the selected trigger, then its arguments, so later ones are drawn on top.
    """
    others: list[Highlight] = []
    chosen: list[Highlight] = []
    for m in mentions:
        tdef = schema.types.get(m.type)
        tcolor = tdef.color if tdef else "#888888"
        if m.id is not None and m.id == selected:
            chosen.append(Highlight(m.trigger.start, m.trigger.end, "trigger", m.id, None, tcolor, m.type))
            for i, arg in enumerate(m.arguments):
                rdef = schema.roles.get(arg.role)
                chosen.append(Highlight(arg.span.start, arg.span.end, "argument", m.id, i,
                                        rdef.color if rdef else "#888888", arg.role))
        elif m.status != "rejected":
            others.append(Highlight(m.trigger.start, m.trigger.end, "other", m.id, None, tcolor, m.type))
    return others + chosen


def hits(items: Sequence[Highlight], offset: int) -> list[Highlight]:
    """Highlights under ``offset``, the most specific (selected argument) first."""
    rank = {"argument": 0, "trigger": 1, "other": 2}
    found = [h for h in items if h.covers(offset)]
    return sorted(found, key=lambda h: (rank[h.kind], h.end - h.start))


def tooltip(h: Highlight, mentions_by_id: dict[int, Mention]) -> str:
    """Type, role, value, confidence and the rule, as rich text for QToolTip."""
    m = mentions_by_id.get(h.mention_id) if h.mention_id is not None else None
    if m is None:
        return h.label
    esc = html.escape
    lines = [f"<b>{esc(m.type)}</b> · {m.status}"]
    conf, rule = m.confidence, m.rule
    if h.argument_index is not None:
        arg = m.arguments[h.argument_index]
        lines.append(f"role: <b>{esc(arg.role)}</b>")
        if arg.value:
            lines.append("value: " + esc(describe_value(arg.value)))
        conf = arg.confidence if arg.confidence is not None else conf
        rule = arg.rule or rule
    else:
        lines.append(f"trigger: {esc(m.trigger.text)}")
    if conf is not None:
        lines.append(f"confidence: {conf:.2f}")
    if rule:
        lines.append(f"rule: {esc(rule)}")
    if m.origin:
        lines.append(f"origin: {esc(m.origin)}")
    return "<br>".join(lines)


def bidi_controls(text: str) -> list[tuple[int, str]]:
    """(offset, short name) of every bidi formatting character in ``text`` (core.arabic.bidi)."""
    return [(offset, name) for offset, _ch, name in arabic_bidi.bidi_controls(text)]


def paragraph_is_rtl(paragraph: str) -> bool:
    """Base direction of one paragraph; no strong letter means RTL (the house default)."""
    return arabic_bidi.base_direction(paragraph, "rtl") == "rtl"
