"""One QUndoCommand per reviewer edit, each redo/undo written through to the project.

Every command is a list of mention changes ``(article_id, before, after)`` (None = absent)
plus, for "accept all and done", an article status change. ``redo`` writes each ``after``,
``undo`` writes each ``before``, through :meth:`ReviewDocument.write_many`: the whole
command is one SQLite transaction (a history row per mention, plus the status row), so
it is stored entirely or not at all, and it is one undo step. History rows are labelled ``VERB#TOKEN`` (``undo:``/``redo:``
prefixed for undo and redo), so :func:`rebuild_undo_stack` can rebuild the stack after a
restart (docs/adr/0002-write-through-undo.md).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from tadqiq.core.model import Argument, Mention, Span
from tadqiq.db.rows import mention_from_json
from tadqiq.gui.document import ReviewDocument

#: Roles that mean the same participant across types, used when a type change drops a role.
ROLE_EQUIVALENTS = {"Attacker": "Agent", "Agent": "Attacker", "Person": "Victim", "Victim": "Person"}


@dataclass
class Change:
    article_id: int
    before: Mention | None
    after: Mention | None


class MentionCommand(QUndoCommand):
    """Base: apply ``changes`` forward on redo, backward on undo, writing each one through."""

    verb = "edit"

    def __init__(self, doc: ReviewDocument, changes: Sequence[Change], text: str,
                 status: tuple[int, str, str] | None = None, token: str | None = None) -> None:
        super().__init__(text)
        self.doc = doc
        self.changes = list(changes)
        self.status = status  # (article_id, status before, status after)
        self.token = token or uuid.uuid4().hex[:10]
        self.do_ids: list[int] = []  # history rows of the forward writes (undo rows point at them)
        self.undo_ids: list[int] = []
        self.done_once = False
        self.error: str | None = None  # why the last redo/undo stored nothing

    @property
    def is_noop(self) -> bool:
        """True when nothing would change (accepting an accepted mention): not worth a history row."""
        return not self.status and all(ch.before == ch.after for ch in self.changes)

    def redo(self) -> None:
        if self.doc.replaying:
            return
        prefix = "redo:" if self.done_once else ""
        writes = [(ch.article_id, ch.before, ch.after,
                   self.undo_ids[i] if self.done_once and i < len(self.undo_ids) else None)
                  for i, ch in enumerate(self.changes)]
        status = (self.status[0], self.status[2]) if self.status else None
        results = self._write(writes, f"{prefix}{self.verb}#{self.token}", status)
        if results is None:
            return
        for ch, (saved, _hid) in zip(self.changes, results, strict=True):
            if ch.after is not None:
                ch.after = saved  # a new mention keeps the id it was given, for undo and redo
        if not self.done_once:
            self.do_ids = [hid for _saved, hid in results]
        self.done_once = True
        self._show(forward=True)

    def undo(self) -> None:
        if self.doc.replaying:
            return
        order = list(reversed(range(len(self.changes))))  # last change first
        writes = [(self.changes[i].article_id, self.changes[i].after, self.changes[i].before,
                   self.do_ids[i] if i < len(self.do_ids) else None) for i in order]
        status = (self.status[0], self.status[1]) if self.status else None
        results = self._write(writes, f"undo:{self.verb}#{self.token}", status)
        if results is None:
            return
        self.undo_ids = list(reversed([hid for _saved, hid in results]))
        self._show(forward=False)

    def _write(self, writes, action: str, status: tuple[int, str] | None):
        """One transaction for the whole command; ``error`` says why when it stores nothing.

        A failed first write marks the command obsolete, so ``push`` does not add it. A failed
        undo or redo keeps the command (its last stored state still stands) and puts the
        stack's index back where it was once the stack call returns, so the screen, the file
        and the stack agree and the reviewer can try again."""
        try:
            return self.doc.write_many(writes, action, status)
        except Exception as exc:  # any failed write: report it and keep the stack honest
            self.error = f"{type(exc).__name__}: {exc}"
            if not self.done_once:
                self.setObsolete(True)
            else:
                self._restore_index()
            self.doc.write_failed.emit(f"Not saved, nothing changed: {self.text()} ({self.error})")
            return None

    def _restore_index(self) -> None:
        """Undo the stack's own index move after a failed undo/redo, without writing.

        Done as soon as the stack has moved (its ``indexChanged``), not later from the event
        loop: a second Ctrl+Z already queued must find the stack where the file is."""
        stack = self.doc.undo_stack
        index = stack.index()  # before the stack moves past this command

        def back(_moved: int) -> None:
            self.doc.replaying = True  # the command crossed must not write
            try:
                stack.setIndex(index)
            finally:
                self.doc.replaying = False

        stack.indexChanged.connect(back, Qt.ConnectionType.SingleShotConnection)

    def _show(self, forward: bool) -> None:
        """Bring the changed article and mention into view (undo may cross articles)."""
        if not self.changes:
            return
        ch = self.changes[0]
        shown = ch.after if forward else ch.before
        self.doc.ensure_article(ch.article_id, select=shown.id if shown is not None else None)


def _reviewed(doc: ReviewDocument, m: Mention, **changes) -> Mention:
    """``m`` edited by the reviewer: status corrected (added stays added), reviewer recorded."""
    status = "added" if m.status == "added" else "corrected"
    return m.with_(status=changes.pop("status", status), reviewer=doc.reviewer, **changes)


def _one(doc: ReviewDocument, before: Mention, after: Mention) -> list[Change]:
    assert doc.article is not None
    return [Change(doc.article.id, before, after)]


class AcceptMentionCommand(MentionCommand):
    verb = "accept"

    def __init__(self, doc: ReviewDocument, m: Mention) -> None:
        status = m.status if m.status in ("corrected", "added") else "confirmed"
        super().__init__(doc, _one(doc, m, m.with_(status=status, reviewer=doc.reviewer)), f"Accept {m.trigger.text}")


class RejectMentionCommand(MentionCommand):
    verb = "reject"

    def __init__(self, doc: ReviewDocument, m: Mention) -> None:
        super().__init__(doc, _one(doc, m, m.with_(status="rejected", reviewer=doc.reviewer)), f"Reject {m.trigger.text}")


class SetArgumentCommand(MentionCommand):
    """Give role ``role`` the span [start, end): re-span argument ``index``, or add one."""

    verb = "set-argument"

    def __init__(self, doc: ReviewDocument, m: Mention, role: str, start: int, end: int,
                 index: int | None = None) -> None:
        assert doc.article is not None
        arg = Argument(role, Span.of(doc.article.text, start, end))
        args = list(m.arguments)
        if index is not None and 0 <= index < len(args):
            args[index] = replace(args[index], role=role, span=arg.span, value=None, id=None)
        else:
            args.append(arg)
        super().__init__(doc, _one(doc, m, _reviewed(doc, m, arguments=tuple(args))), f"{role}: {arg.span.text}")


class SetValueCommand(MentionCommand):
    """Set (or clear, with None) the normalised value of argument ``index``."""

    verb = "set-value"

    def __init__(self, doc: ReviewDocument, m: Mention, index: int, value: dict | None) -> None:
        args = list(m.arguments)
        args[index] = replace(args[index], value=value)
        text = f"{args[index].role} value" if value is None else f"{args[index].role} = {value.get('kind', '')}"
        super().__init__(doc, _one(doc, m, _reviewed(doc, m, arguments=tuple(args))), text)


class RemoveArgumentCommand(MentionCommand):
    verb = "remove-argument"

    def __init__(self, doc: ReviewDocument, m: Mention, index: int) -> None:
        gone = m.arguments[index]
        args = m.arguments[:index] + m.arguments[index + 1:]
        super().__init__(doc, _one(doc, m, _reviewed(doc, m, arguments=args)), f"Remove {gone.role}")


class ChangeTypeCommand(MentionCommand):
    """Change the event type; arguments whose role the new type lacks are mapped or dropped."""

    verb = "change-type"

    def __init__(self, doc: ReviewDocument, m: Mention, new_type: str) -> None:
        roles = doc.schema.types[new_type].roles
        args = []
        self.dropped: list[Argument] = []  # arguments the new type has no role for (undo restores them)
        self.mapped: list[tuple[str, str]] = []  # (old role, new role)
        for a in m.arguments:
            role = a.role if a.role in roles else ROLE_EQUIVALENTS.get(a.role)
            if role in roles:
                args.append(replace(a, role=role))
                if role != a.role:
                    self.mapped.append((a.role, role))
            else:
                self.dropped.append(a)
        after = _reviewed(doc, m, type=new_type, arguments=tuple(args))
        super().__init__(doc, _one(doc, m, after), f"Type {m.type} → {new_type}")


class NewMentionCommand(MentionCommand):
    verb = "new-mention"

    def __init__(self, doc: ReviewDocument, event_type: str, start: int, end: int) -> None:
        assert doc.article is not None
        m = Mention(event_type, Span.of(doc.article.text, start, end), status="added",
                    origin=f"reviewer:{doc.reviewer}", reviewer=doc.reviewer, confidence=1.0)
        super().__init__(doc, [Change(doc.article.id, None, m)], f"New {event_type}: {m.trigger.text}")


class CycleAttributeCommand(MentionCommand):
    verb = "attribute"

    def __init__(self, doc: ReviewDocument, m: Mention, name: str) -> None:
        values = doc.schema.attributes[name]
        current = m.attributes.get(name, values[0])
        nxt = values[(values.index(current) + 1) % len(values)] if current in values else values[0]
        after = _reviewed(doc, m, attributes={**m.attributes, name: nxt})
        super().__init__(doc, _one(doc, m, after), f"{name} = {nxt}")


def _left_alone(doc: ReviewDocument, key: str | None, leaving: set[int | None]) -> list[Mention]:
    """Members of link group ``key`` that would be alone (a group of one) once ``leaving`` go."""
    if not key:
        return []
    rest = [m for m in doc.mentions if m.link == key and m.id not in leaving]
    return rest if len(rest) < 2 else []


class LinkMentionsCommand(MentionCommand):
    """Mark two mentions of this article as the same real-world event (a shared link key).

    A mention that moves from another group leaves that group; if only one member would
    remain there, its link is cleared in the same command (no group of one)."""

    verb = "link"

    def __init__(self, doc: ReviewDocument, a: Mention, b: Mention) -> None:
        assert doc.article is not None
        key = a.link or b.link or f"e{doc.article.id}-{min(a.id or 0, b.id or 0)}"
        moving = [m for m in (b, a) if m.link != key]
        changes = [Change(doc.article.id, m, _reviewed(doc, m, link=key)) for m in moving]
        for old in {m.link for m in moving if m.link}:
            changes += [Change(doc.article.id, m, _reviewed(doc, m, link=None))
                        for m in _left_alone(doc, old, {x.id for x in moving})]
        super().__init__(doc, changes, f"Link {a.trigger.text} = {b.trigger.text}")


class UnlinkMentionCommand(MentionCommand):
    """Take a mention out of its link group; a partner left alone is unlinked with it."""

    verb = "unlink"

    def __init__(self, doc: ReviewDocument, m: Mention) -> None:
        assert doc.article is not None
        alone = _left_alone(doc, m.link, {m.id})
        changes = [Change(doc.article.id, x, _reviewed(doc, x, link=None)) for x in (m, *alone)]
        text = f"Unlink {m.trigger.text}" + "".join(f" (and {x.trigger.text}, left alone)" for x in alone)
        super().__init__(doc, changes, text)


class AcceptAllCommand(MentionCommand):
    """Confirm every remaining proposal of the article and mark the article done."""

    verb = "accept-all"

    def __init__(self, doc: ReviewDocument) -> None:
        assert doc.article is not None
        art = doc.article.id
        changes = [Change(art, m, m.with_(status="confirmed", reviewer=doc.reviewer))
                   for m in doc.mentions if m.status == "proposed"]
        super().__init__(doc, changes, "Accept all and done", status=(art, doc.article_status(art), "done"))


# -- rebuilding the stack after a restart ---------------------------------------------------
def parse_action(action: str) -> tuple[str, str, str] | None:
    """``"undo:accept#3fa9"`` -> ("undo", "accept", "3fa9"); None for rows not written by commands."""
    if "#" not in action:
        return None
    head, token = action.rsplit("#", 1)
    kind, _, verb = head.rpartition(":")
    return (kind or "do", verb, token)


def rebuild_undo_stack(doc: ReviewDocument, limit: int = 2000) -> int:
    """Replay this reviewer's history into ``doc.undo_stack`` without writing; returns its index."""
    commands: list[MentionCommand] = []
    index = 0
    last = None  # (kind, token) of the previous row: one command writes several rows
    for e in doc.project.history(doc.reviewer, limit=limit):
        parsed = parse_action(e.action)
        if parsed is None:
            if (e.action == "article_status" and last and last[0] == "do" and index
                    and commands[index - 1].token == last[1] and commands[index - 1].changes and commands[index - 1].changes[0].article_id == e.article_id):
                cmd = commands[index - 1]
                if cmd.status is None:
                    cmd.status = (e.article_id, e.before["status"], e.after["status"])
            last = None
            continue
        kind, verb, token = parsed
        if kind == "do":
            change = Change(e.article_id, mention_from_json(e.before) if e.before else None,
                            mention_from_json(e.after) if e.after else None)
            if index and commands[index - 1].token == token and last == (kind, token):
                commands[index - 1].changes.append(change)
                commands[index - 1].do_ids.append(e.id)
            else:
                del commands[index:]
                cmd = MentionCommand(doc, [change], _describe(verb, change), token=token)
                cmd.verb, cmd.done_once, cmd.do_ids = verb, True, [e.id]
                commands.append(cmd)
                index += 1
        elif kind == "undo" and last != (kind, token) and index and commands[index - 1].token == token:
            index -= 1
            commands[index].undo_ids = []
        elif kind == "redo" and last != (kind, token) and index < len(commands) and commands[index].token == token:
            index += 1
        if kind == "undo" and index < len(commands) and commands[index].token == token:
            commands[index].undo_ids.insert(0, e.id)  # undo writes run last change first
        last = (kind, token)
    doc.replaying = True
    try:
        doc.undo_stack.clear()
        for cmd in commands:
            doc.undo_stack.push(cmd)
        doc.undo_stack.setIndex(index)
    finally:
        doc.replaying = False
    return index


def _describe(verb: str, change: Change) -> str:
    m = change.after or change.before
    return f"{verb} {m.trigger.text}" if m is not None else verb
