"""The history format and its replay: how reviewer actions are written down and read back.

A reviewer action (one undo step) writes one history row per mention it changes, all with the
action ``VERB#TOKEN``; undoing and redoing it write rows ``undo:VERB#TOKEN`` and
``redo:VERB#TOKEN``. ``TOKEN`` is random per action, so rows of one action form one group.
Each row holds the whole mention before and after as JSON (None = absent). :func:`replay`
reads a reviewer's rows back into the actions and the position in them where the reviewer
stands, so a front end can rebuild its undo stack after a restart without writing anything
(docs/adr/0002-write-through-undo.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tadqiq.core.model import Mention
from tadqiq.db.mentions import HistoryEntry
from tadqiq.db.rows import mention_from_json

#: The action of an article status row; accept-all writes one right after its mention rows.
ARTICLE_STATUS = "article_status"


def action_name(verb: str, token: str, kind: str = "do") -> str:
    """The history action of a reviewer action's rows: ``VERB#TOKEN``, ``undo:VERB#TOKEN`` ..."""
    return f"{verb}#{token}" if kind == "do" else f"{kind}:{verb}#{token}"


def parse_action(action: str) -> tuple[str, str, str] | None:
    """``"undo:accept#3fa9"`` -> ("undo", "accept", "3fa9"); None for rows not written by actions."""
    if "#" not in action:
        return None
    head, token = action.rsplit("#", 1)
    kind, _, verb = head.rpartition(":")
    return (kind or "do", verb, token)


def mention_state(data: Any) -> Mention | None:
    """A history row's ``before`` or ``after`` as a Mention (None: the mention was absent)."""
    return mention_from_json(data) if data else None


@dataclass(frozen=True)
class MentionChange:
    article_id: int
    before: Mention | None
    after: Mention | None


@dataclass
class ReplayedAction:
    """One reviewer action as its rows tell it: its changes, and the history rows that wrote
    them forward (``do_ids``) and, when it is undone, backward (``undo_ids``)."""

    verb: str
    token: str
    changes: list[MentionChange]
    do_ids: list[int]
    undo_ids: list[int] = field(default_factory=list)
    status: tuple[int, str, str] | None = None  # (article_id, status before, status after)


@dataclass(frozen=True)
class Replay:
    """The actions in order; the first ``index`` of them are done, the rest undone."""

    actions: list[ReplayedAction]
    index: int


def replay(entries: Iterable[HistoryEntry]) -> Replay:
    """Read history rows (oldest first) into actions: ``do`` groups append an action (dropping
    the undone ones after the current position, as an undo stack does), ``undo``/``redo``
    groups move the position. Rows of no action (import, extraction) are skipped."""
    actions: list[ReplayedAction] = []
    index = 0
    last = None  # (kind, token) of the previous row: one action writes several rows
    for e in entries:
        parsed = parse_action(e.action)
        if parsed is None:
            if (e.action == ARTICLE_STATUS and last and last[0] == "do" and index
                    and actions[index - 1].token == last[1] and actions[index - 1].changes
                    and actions[index - 1].changes[0].article_id == e.article_id):
                action = actions[index - 1]
                if action.status is None:
                    action.status = (e.article_id, e.before["status"], e.after["status"])
            last = None
            continue
        kind, verb, token = parsed
        if kind == "do":
            change = MentionChange(e.article_id, mention_state(e.before), mention_state(e.after))
            if index and actions[index - 1].token == token and last == (kind, token):
                actions[index - 1].changes.append(change)
                actions[index - 1].do_ids.append(e.id)
            else:
                del actions[index:]
                actions.append(ReplayedAction(verb, token, [change], [e.id]))
                index += 1
        elif kind == "undo" and last != (kind, token) and index and actions[index - 1].token == token:
            index -= 1
            actions[index].undo_ids = []
        elif kind == "redo" and last != (kind, token) and index < len(actions) and actions[index].token == token:
            index += 1
        if kind == "undo" and index < len(actions) and actions[index].token == token:
            actions[index].undo_ids.insert(0, e.id)  # undo writes run last change first
        last = (kind, token)
    return Replay(actions, index)
