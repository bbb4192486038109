"""One QUndoCommand per reviewer edit, each redo/undo written through to the project.

Every command is a list of mention changes ``(article_id, before, after)`` (None = absent)
plus, for "accept all and done", an article status change. What the changes are is decided
by the review rules in core/review.py; ``redo`` writes each ``after``, ``undo`` writes each
``before``, through :meth:`ReviewDocument.write_many`: the whole command is one SQLite
transaction (a history row per mention, plus the status row), so it is stored entirely or
not at all, and it is one undo step. The history rows' format and its replay after a restart
are db/history.py's (docs/adr/0002-write-through-undo.md).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from tadqiq.core import review
from tadqiq.core.model import Mention
from tadqiq.db.project import MentionChanged, action_name
from tadqiq.gui.i18n import tr
from tadqiq.gui.document import ReviewDocument
from tadqiq.gui.outside_changes import refused_text


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
        writes = [(ch.article_id, ch.before, ch.after,
                   self.undo_ids[i] if self.done_once and i < len(self.undo_ids) else None)
                  for i, ch in enumerate(self.changes)]
        status = (self.status[0], self.status[2]) if self.status else None
        results = self._write(writes, action_name(self.verb, self.token, "redo" if self.done_once else "do"), status)
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
        results = self._write(writes, action_name(self.verb, self.token, "undo"), status)
        if results is None:
            return
        for i, (saved, _hid) in zip(order, results, strict=True):
            if saved is not None:
                self.changes[i].before = saved  # as stored now (its version): what a redo expects
        self.undo_ids = list(reversed([hid for _saved, hid in results]))
        self._show(forward=False)

    def _write(self, writes, action: str, status: tuple[int, str] | None):
        """One transaction for the whole command; ``error`` says why when it stores nothing.

        A failed first write marks the command obsolete, so ``push`` does not add it. A failed
        undo or redo keeps the command (its last stored state still stands) and puts the
        stack's index back where it was once the stack call returns, so the screen, the file
        and the stack agree and the reviewer can try again."""
        self.error = None
        try:
            return self.doc.write_many(writes, action, status)
        except Exception as exc:  # any failed write: report it and keep the stack honest
            self.error = f"{type(exc).__name__}: {exc}"
            if not self.done_once:
                self.setObsolete(True)
            else:
                self._restore_index()
            if isinstance(exc, MentionChanged):
                self.doc.write_failed.emit(refused_text(self.doc, self.text(), exc))
            else:
                self.doc.write_failed.emit(tr("Not saved, nothing changed: {0} ({1})").format(self.text(), self.error))
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


def _one(doc: ReviewDocument, before: Mention, after: Mention) -> list[Change]:
    assert doc.article is not None
    return [Change(doc.article.id, before, after)]


def _pairs(doc: ReviewDocument, pairs: list[review.Pair]) -> list[Change]:
    assert doc.article is not None
    return [Change(doc.article.id, before, after) for before, after in pairs]


class AcceptMentionCommand(MentionCommand):
    verb = "accept"

    def __init__(self, doc: ReviewDocument, m: Mention) -> None:
        super().__init__(doc, _one(doc, m, review.accepted(m, doc.reviewer)), f"Accept {m.trigger.text}")


class RejectMentionCommand(MentionCommand):
    verb = "reject"

    def __init__(self, doc: ReviewDocument, m: Mention) -> None:
        super().__init__(doc, _one(doc, m, review.rejected(m, doc.reviewer)), f"Reject {m.trigger.text}")


class SetArgumentCommand(MentionCommand):
    """Give role ``role`` the span [start, end): re-span argument ``index``, or add one."""

    verb = "set-argument"

    def __init__(self, doc: ReviewDocument, m: Mention, role: str, start: int, end: int,
                 index: int | None = None) -> None:
        assert doc.article is not None
        after = review.with_argument(m, doc.article.text, role, start, end, index, doc.reviewer)
        super().__init__(doc, _one(doc, m, after), f"{role}: {doc.article.text[start:end]}")


class SetValueCommand(MentionCommand):
    """Set (or clear, with None) the normalised value of argument ``index``."""

    verb = "set-value"

    def __init__(self, doc: ReviewDocument, m: Mention, index: int, value: dict | None) -> None:
        role = m.arguments[index].role
        text = f"{role} value" if value is None else f"{role} = {value.get('kind', '')}"
        super().__init__(doc, _one(doc, m, review.with_value(m, index, value, doc.reviewer)), text)


class SetRoleCommand(MentionCommand):
    """Give argument ``index`` another role on the same span (the role picker: R, then a number)."""

    verb = "set-role"

    def __init__(self, doc: ReviewDocument, m: Mention, index: int, role: str) -> None:
        old = m.arguments[index]
        after = review.with_role(m, index, role, doc.reviewer)
        super().__init__(doc, _one(doc, m, after), f"{old.role} → {role}: {old.span.text}")


class RemoveArgumentCommand(MentionCommand):
    verb = "remove-argument"

    def __init__(self, doc: ReviewDocument, m: Mention, index: int) -> None:
        gone = m.arguments[index]
        super().__init__(doc, _one(doc, m, review.without_argument(m, index, doc.reviewer)), f"Remove {gone.role}")


class ChangeTypeCommand(MentionCommand):
    """Change the event type; arguments whose role the new type lacks are mapped or dropped."""

    verb = "change-type"

    def __init__(self, doc: ReviewDocument, m: Mention, new_type: str) -> None:
        after, self.mapped, self.dropped = review.with_type(m, new_type, doc.schema.types[new_type].roles,
                                                            doc.reviewer)  # dropped: undo restores them
        super().__init__(doc, _one(doc, m, after), f"Type {m.type} → {new_type}")


class NewMentionCommand(MentionCommand):
    verb = "new-mention"

    def __init__(self, doc: ReviewDocument, event_type: str, start: int, end: int) -> None:
        assert doc.article is not None
        m = review.added(event_type, doc.article.text, start, end, doc.reviewer)
        super().__init__(doc, [Change(doc.article.id, None, m)], f"New {event_type}: {m.trigger.text}")


class CycleAttributeCommand(MentionCommand):
    verb = "attribute"

    def __init__(self, doc: ReviewDocument, m: Mention, name: str) -> None:
        after = review.with_next_attribute(m, name, doc.schema.attributes[name], doc.reviewer)
        super().__init__(doc, _one(doc, m, after), f"{name} = {after.attributes[name]}")


class LinkMentionsCommand(MentionCommand):
    """Mark two mentions of this article as the same real-world event (core.review.link)."""

    verb = "link"

    def __init__(self, doc: ReviewDocument, a: Mention, b: Mention) -> None:
        assert doc.article is not None
        pairs = review.link(doc.mentions, doc.article.id, a, b, doc.reviewer)
        super().__init__(doc, _pairs(doc, pairs), f"Link {a.trigger.text} = {b.trigger.text}")


class UnlinkMentionCommand(MentionCommand):
    """Take a mention out of its link group; a partner left alone is unlinked with it."""

    verb = "unlink"

    def __init__(self, doc: ReviewDocument, m: Mention) -> None:
        pairs, alone = review.unlink(doc.mentions, m, doc.reviewer)
        text = f"Unlink {m.trigger.text}" + "".join(f" (and {x.trigger.text}, left alone)" for x in alone)
        super().__init__(doc, _pairs(doc, pairs), text)


class AcceptAllCommand(MentionCommand):
    """Confirm every remaining proposal of the article and mark the article done."""

    verb = "accept-all"

    def __init__(self, doc: ReviewDocument) -> None:
        assert doc.article is not None
        art = doc.article.id
        changes = _pairs(doc, review.accept_remaining(doc.mentions, doc.reviewer))
        super().__init__(doc, changes, "Accept all and done", status=(art, doc.article_status(art), "done"))


# -- rebuilding the stack after a restart ---------------------------------------------------
def rebuild_undo_stack(doc: ReviewDocument, limit: int = 2000) -> int:
    """Push this reviewer's history, as db/history.py replays it, onto ``doc.undo_stack``
    without writing; returns the stack's index."""
    replayed = doc.project.undo_history(doc.reviewer, limit=limit)
    commands = []
    for action in replayed.actions:
        changes = [Change(c.article_id, c.before, c.after) for c in action.changes]
        cmd = MentionCommand(doc, changes, _describe(action.verb, changes[0]), status=action.status,
                             token=action.token)
        cmd.verb, cmd.done_once = action.verb, True
        cmd.do_ids, cmd.undo_ids = list(action.do_ids), list(action.undo_ids)
        commands.append(cmd)
    doc.replaying = True
    try:
        doc.undo_stack.clear()
        for cmd in commands:
            doc.undo_stack.push(cmd)
        doc.undo_stack.setIndex(replayed.index)
    finally:
        doc.replaying = False
    return replayed.index


def _describe(verb: str, change: Change) -> str:
    m = change.after or change.before
    return f"{verb} {m.trigger.text}" if m is not None else verb
