"""The review rules: what accepting, rejecting and editing do to a mention, pure and Qt-free.

The GUI's undo commands (gui/commands.py) and any other front end apply the same rules, so a
mention's status, reviewer and link group mean the same whoever changed them. Every function
returns new mentions (or ``(before, after)`` pairs); nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from tadqiq.core.model import GOLD_STATUSES, Argument, Mention, Span
from tadqiq.core.values.counts import parse_count
from tadqiq.core.values.kinds import expected_kind

#: Roles that mean the same participant across types, used when a type change drops a role.
ROLE_EQUIVALENTS = {"Attacker": "Agent", "Agent": "Attacker", "Person": "Victim", "Victim": "Person"}

#: (before, after) of one mention: what a rule does to several mentions at once.
Pair = tuple[Mention, Mention]


# -- status transitions ----------------------------------------------------------------------
def accepted(m: Mention, reviewer: str) -> Mention:
    """Accepting confirms a proposal (or a rejected mention); a gold mention keeps its status."""
    status = m.status if m.status in GOLD_STATUSES else "confirmed"
    return m.with_(status=status, reviewer=reviewer)


def rejected(m: Mention, reviewer: str) -> Mention:
    return m.with_(status="rejected", reviewer=reviewer)


def edited(m: Mention, reviewer: str, **changes: Any) -> Mention:
    """``m`` edited by ``reviewer``: it becomes corrected (an added mention stays added), stamped
    with the reviewer. ``status=`` in ``changes`` overrides the transition."""
    status = "added" if m.status == "added" else "corrected"
    return m.with_(status=changes.pop("status", status), reviewer=reviewer, **changes)


def added(event_type: str, text: str, start: int, end: int, reviewer: str) -> Mention:
    """A mention the reviewer adds: gold from the start, the reviewer its origin."""
    return Mention(event_type, Span.of(text, start, end), status="added", origin=f"reviewer:{reviewer}",
                   reviewer=reviewer, confidence=1.0)


def accept_remaining(mentions: Iterable[Mention], reviewer: str) -> list[Pair]:
    """"Accept all": every proposal still open is confirmed; decided mentions stay as they are."""
    return [(m, m.with_(status="confirmed", reviewer=reviewer)) for m in mentions if m.status == "proposed"]


def respanned_value(arg: Argument, new_text: str) -> Mapping[str, Any] | None:
    """The value an argument keeps when its span becomes ``new_text``: a count is read again from
    the new text (the old value kept when it reads the same, or when the new text states no
    number but still holds the old one); any other value is kept while the new span still holds
    the old text (widened or the same), and dropped when the text it was read from is gone."""
    old = arg.value
    if not old:
        return old
    still_there = arg.span.text in new_text
    if old.get("kind") == "count":
        fresh = parse_count(new_text)
        if fresh is None:
            return old if still_there else None
        same = all(old.get(k) == fresh.get(k) for k in ("value", "min", "max"))
        return old if same else fresh
    return old if still_there else None


# -- edits of a mention ----------------------------------------------------------------------
def with_argument(m: Mention, text: str, role: str, start: int, end: int, index: int | None,
                  reviewer: str) -> Mention:
    """Give ``role`` the span [start, end) of ``text``: re-span argument ``index``, or add one."""
    arg = Argument(role, Span.of(text, start, end))
    args = list(m.arguments)
    if index is not None and 0 <= index < len(args):
        value = respanned_value(args[index], arg.span.text)
        args[index] = replace(args[index], role=role, span=arg.span, value=value, id=None)
    else:
        args.append(arg)
    return edited(m, reviewer, arguments=tuple(args))


def relabelled_value(arg: Argument, role: str) -> Mapping[str, Any] | None:
    """The value an argument keeps when its role becomes ``role``: kept when it is of the kind the
    new role expects; otherwise a count is read from the text for a counting role, else none."""
    old, kind = arg.value, expected_kind(role)
    if old and old.get("kind", kind) == kind:
        return old
    if kind == "count":
        return parse_count(arg.span.text)
    return None


def with_role(m: Mention, index: int, role: str, reviewer: str) -> Mention:
    """Argument ``index`` under another role, on the same span (its value as relabelled_value says)."""
    args = list(m.arguments)
    args[index] = replace(args[index], role=role, value=relabelled_value(args[index], role), id=None)
    return edited(m, reviewer, arguments=tuple(args))


def with_value(m: Mention, index: int, value: Mapping[str, Any] | None, reviewer: str) -> Mention:
    """Argument ``index`` with a normalised value (None clears it)."""
    args = list(m.arguments)
    args[index] = replace(args[index], value=value)
    return edited(m, reviewer, arguments=tuple(args))


def without_argument(m: Mention, index: int, reviewer: str) -> Mention:
    return edited(m, reviewer, arguments=m.arguments[:index] + m.arguments[index + 1:])


def map_roles(arguments: Iterable[Argument], roles: Sequence[str]
              ) -> tuple[tuple[Argument, ...], list[tuple[str, str]], list[Argument]]:
    """Arguments under a new type's ``roles``: kept, renamed to an equivalent role, or dropped.

    Returns (arguments kept, (old role, new role) of each renamed one, arguments dropped)."""
    kept: list[Argument] = []
    mapped: list[tuple[str, str]] = []
    dropped: list[Argument] = []
    for a in arguments:
        role = a.role if a.role in roles else ROLE_EQUIVALENTS.get(a.role)
        if role in roles:
            kept.append(replace(a, role=role))
            if role != a.role:
                mapped.append((a.role, role))
        else:
            dropped.append(a)
    return tuple(kept), mapped, dropped


def with_type(m: Mention, new_type: str, roles: Sequence[str], reviewer: str
              ) -> tuple[Mention, list[tuple[str, str]], list[Argument]]:
    """``m`` as a ``new_type`` mention (see :func:`map_roles`); also what was mapped and dropped."""
    args, mapped, dropped = map_roles(m.arguments, roles)
    return edited(m, reviewer, type=new_type, arguments=args), mapped, dropped


def next_attribute(values: Sequence[str], current: str) -> str:
    """The value after ``current`` in ``values`` (wrapping); the default when it is unknown."""
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


def with_next_attribute(m: Mention, name: str, values: Sequence[str], reviewer: str) -> Mention:
    nxt = next_attribute(values, m.attributes.get(name, values[0]))
    return edited(m, reviewer, attributes={**m.attributes, name: nxt})


# -- link groups -----------------------------------------------------------------------------
def left_alone(mentions: Iterable[Mention], key: str | None, leaving: set[int | None]) -> list[Mention]:
    """Members of link group ``key`` that would be alone (a group of one) once ``leaving`` go."""
    if not key:
        return []
    rest = [m for m in mentions if m.link == key and m.id not in leaving]
    return rest if len(rest) < 2 else []


def link(mentions: Sequence[Mention], article_id: int, a: Mention, b: Mention, reviewer: str) -> list[Pair]:
    """Make ``a`` and ``b`` the same real-world event (one link key).

    The key is an existing one of theirs, else made from the article and the lower id. A
    mention moving out of another group leaves it; a member left alone there is unlinked too
    (no group of one)."""
    key = a.link or b.link or f"e{article_id}-{min(a.id or 0, b.id or 0)}"
    moving = [m for m in (b, a) if m.link != key]
    pairs = [(m, relinked(m, reviewer, key)) for m in moving]
    for old in {m.link for m in moving if m.link}:
        pairs += [(m, relinked(m, reviewer, None)) for m in left_alone(mentions, old, {x.id for x in moving})]
    return pairs


def relinked(m: Mention, reviewer: str, key: str | None) -> Mention:
    """``m`` in link group ``key`` (None: in none). Its status stays: saying two mentions are one
    event decides nothing about either (a proposal stays to decide, a confirmed one confirmed)."""
    return edited(m, reviewer, link=key, status=m.status)


def unlink(mentions: Sequence[Mention], m: Mention, reviewer: str) -> tuple[list[Pair], list[Mention]]:
    """Take ``m`` out of its link group; a partner left alone is unlinked with it.

    Returns the pairs and the partners left alone (for the message)."""
    alone = left_alone(mentions, m.link, {m.id})
    return [(x, relinked(x, reviewer, None)) for x in (m, *alone)], alone
