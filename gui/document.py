"""ReviewDocument: the one source of truth for what is on screen.

It owns the open :class:`db.project.Project`, the current article and its mentions, the
selection and the undo stack. Widgets and Qt models read from it and listen to its
past-tense signals; commands (gui/commands.py) change it only through :meth:`write_many`,
which stores one reviewer action (its mentions, their history rows, an article status) in
one SQLite transaction *before* any signal tells the UI it is done (docs/adr/0002-write-through-undo.md).
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tadqiq.core.model import Article, Mention
from tadqiq.core.queue import QueueFilter, QueueOrder
from tadqiq.db.project import Project


def _text_order(m: Mention) -> tuple[int, int]:
    return (m.trigger.start, m.id or 0)


def label(m: Mention) -> str:
    """A mention as a reviewer knows it: its type and trigger text."""
    return f"{m.type} «{m.trigger.text}»"


@dataclass(frozen=True)
class Reload:
    """What reading an article's mentions again found: labels of the mentions changed, removed
    and added (changed and removed ones as they were shown), and the ids of the first two."""

    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    ids: frozenset[int] = frozenset()

    @classmethod
    def between(cls, old: Sequence[Mention], new: Sequence[Mention]) -> Reload:
        now = {m.id: m for m in new}
        before = {m.id for m in old}
        changed = [m for m in old if m.id in now and now[m.id].to_json() != m.to_json()]
        removed = [m for m in old if m.id not in now]
        return cls(tuple(label(m) for m in changed), tuple(label(m) for m in removed),
                   tuple(label(m) for m in new if m.id not in before),
                   frozenset(m.id for m in (*changed, *removed)))

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.added)


class ReviewDocument(QObject):
    article_opened = Signal(int)
    article_status_changed = Signal(int, str)
    mentions_reset = Signal()
    mention_added = Signal(int)
    mention_changed = Signal(int)
    mention_removed = Signal(int)
    selection_changed = Signal(object)  # mention id or None
    argument_selected = Signal(int)  # index into the selected mention's arguments, -1 for none
    notes_changed = Signal(int)  # article id: a note or flag was added or resolved
    write_failed = Signal(str)  # an action could not be stored (nothing of it was)
    mentions_reloaded = Signal(object)  # a Reload: the shown article's mentions were read again

    def __init__(self, project: Project, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not reviewer.strip():
            raise ValueError("a reviewer name is needed: every decision carries it")
        self.project = project
        self.reviewer = reviewer.strip()
        self.schema = project.schema
        self.article: Article | None = None
        self.mentions = []  # through the property: also builds the id index
        self.selected_id: int | None = None
        self.selected_argument: int = -1
        self.undo_stack = QUndoStack(self)
        self.replaying = False  # True while the undo stack is rebuilt: commands must not write
        self.last_write_ok = True  # False when the last write_many stored nothing (an undo refused)
        self._opened_at: float | None = None
        self.queue_filter = QueueFilter()  # what the queue pane shows; next article follows it
        self.queue_order = QueueOrder()

    # -- articles ----------------------------------------------------------------------
    def open_article(self, key: int | str, *, select: int | None = None) -> Article:
        """Show an article (by row id or external id) with its first mention selected."""
        self.record_time()
        article = self.project.article(key)
        self.article = article
        self.mentions = self.project.mentions(article.id)
        self._opened_at = time.monotonic()
        first = select if select is not None else self._first_open_mention()
        # the selection is decided before the article is announced, so the view draws it once
        self.selected_id = first if self.mention(first) is not None else None
        self.selected_argument = -1
        self.mentions_reset.emit()
        self.article_opened.emit(article.id)
        self.selection_changed.emit(self.selected_id)  # a new article: always a new selection
        self.argument_selected.emit(-1)
        return article

    def _first_open_mention(self) -> int | None:
        """The first undecided mention in text order, else the first (the reviewer resumes where
        the decisions stop, reading from the top)."""
        undecided = self.next_undecided(None)
        return undecided if undecided is not None else (self.mentions[0].id if self.mentions else None)

    def next_undecided(self, after: int | None) -> int | None:
        """The first proposal (undecided mention) after mention ``after`` in text order, wrapping."""
        open_ids = [m.id for m in self.mentions if m.status == "proposed"]
        if not open_ids:
            return None
        if after is None or self.mention(after) is None:
            return open_ids[0]
        row = self.row_of(after)
        later = [i for i in open_ids if self.row_of(i) > row]
        return later[0] if later else open_ids[0]

    def record_time(self) -> None:
        """Add the time spent on the current article to the project (on leaving it)."""
        if self.article is not None and self._opened_at is not None and not self.project.read_only:
            seconds = time.monotonic() - self._opened_at
            self.project.add_review_time(self.article.id, self.reviewer, round(seconds, 3))
        self._opened_at = None

    def set_article_status(self, article_id: int, status: str) -> None:
        self.project.set_article_status(article_id, status, reviewer=self.reviewer)
        self.article_status_changed.emit(article_id, status)

    def skip_article(self, article_id: int) -> None:
        """Set the article aside (queue status 'skipped' until it is decided on)."""
        self.project.skip_article(article_id, self.reviewer)
        self.article_status_changed.emit(article_id, "skipped")

    def flag_article(self, article_id: int, text: str, mention_id: int | None = None) -> None:
        """Flag the article (and a mention of it) for a lead: queue status 'flagged'."""
        self.add_note(article_id, text, "flag", mention_id)

    def add_note(self, article_id: int, text: str, kind: str = "note", mention_id: int | None = None) -> int:
        """A note (or, kind 'flag', a flag for a lead) on the article or one of its mentions."""
        note_id = self.project.add_note(article_id, text, reviewer=self.reviewer, kind=kind, event_id=mention_id)
        self.notes_changed.emit(article_id)
        if kind == "flag":
            self.article_status_changed.emit(article_id, "flagged")
        return note_id

    def resolve_note(self, note_id: int) -> None:
        note = self.project.note(note_id)
        if note is None:
            return
        self.project.resolve_note(note_id, reviewer=self.reviewer)
        self.notes_changed.emit(note["article_id"])
        if note["kind"] == "flag":
            self.article_status_changed.emit(note["article_id"], self.project.article_status(note["article_id"]))

    def article_status(self, article_id: int) -> str:
        """An article's review status ('todo', 'in_progress', 'done')."""
        return self.project.article_status(article_id)

    def next_article_id(self, after: int | None = None, backwards: bool = False) -> int | None:
        """The next (or previous) open article (not done, not skipped) in the queue's filter and
        order, wrapping around; None when no other article is open. One keyed query
        (db/queue.py), the same cost anywhere in the project."""
        after = after if after is not None else (self.article.id if self.article else None)
        f, order = self.queue_filter, self.queue_order
        found = self.project.next_open_article(f, order, after or None, backwards)
        if found is None and after:
            found = self.project.next_open_article(f, order, None, backwards)  # wrap around
        return None if found == after and after else found

    # -- mentions ----------------------------------------------------------------------
    @property
    def mentions(self) -> list[Mention]:
        """The article's mentions in text order (read-only: change them through commands)."""
        return self._mentions

    @mentions.setter
    def mentions(self, value: list[Mention]) -> None:
        self._mentions = value
        self._by_id = {m.id: m for m in value}
        self._rows = {m.id: i for i, m in enumerate(value)}

    def mention(self, mention_id: int | None) -> Mention | None:
        return self._by_id.get(mention_id)

    @property
    def selected(self) -> Mention | None:
        return self.mention(self.selected_id)

    def row_of(self, mention_id: int) -> int:
        return self._rows[mention_id]

    def select(self, mention_id: int | None, argument: int = -1) -> None:
        if mention_id is not None and self.mention(mention_id) is None:
            mention_id = None
        changed = mention_id != self.selected_id
        self.selected_id = mention_id
        if changed:
            self.selection_changed.emit(mention_id)
        self.select_argument(argument)

    def select_argument(self, index: int) -> None:
        m = self.selected
        if m is None or not 0 <= index < len(m.arguments):
            index = -1
        self.selected_argument = index
        self.argument_selected.emit(index)

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) mention in text order."""
        if not self.mentions:
            return
        if self.selected_id is None:
            self.select(self.mentions[0 if delta > 0 else -1].id)
            return
        row = self.row_of(self.selected_id) + delta
        self.select(self.mentions[max(0, min(row, len(self.mentions) - 1))].id)

    def write(self, article_id: int, before: Mention | None, after: Mention | None, action: str,
              undoes: int | None = None) -> tuple[Mention | None, int]:
        """Make the stored mention go from ``before`` to ``after`` (None = absent); see write_many."""
        return self.write_many([(article_id, before, after, undoes)], action)[0]

    def write_many(self, changes: Sequence[tuple[int, Mention | None, Mention | None, int | None]], action: str,
                   status: tuple[int, str] | None = None) -> list[tuple[Mention | None, int]]:
        """Store one reviewer action: each ``(article_id, before, after, undoes)`` mention change
        (None = absent) and optionally an article status ``(article_id, status)``.

        One SQLite transaction holding every change and its history row: all or nothing. Returns
        the stored mentions (with their ids and versions) and their history row ids. Only after the
        commit does the document change and signal, so the UI never shows an edit that is not on
        disk; when a write fails, nothing was stored, nothing changes on screen, and the error is
        raised.
        Each change is checked against the file inside the transaction: ``before`` is what this
        window loaded (or last wrote); when the stored mention is another (another process changed
        it), MentionChanged is raised and nothing is written (db/versions.py).
        """
        results: list[tuple[Mention | None, int]] = []
        self.last_write_ok = False
        with self.project.transaction():
            for article_id, before, after, undoes in changes:
                if after is not None:
                    saved = self.project.save_mention(article_id, after, reviewer=self.reviewer, action=action,
                                                      undoes=undoes, expect=before)
                else:
                    assert before is not None and before.id is not None
                    self.project.delete_mention(before.id, reviewer=self.reviewer, action=action, undoes=undoes,
                                                expect=before)
                    saved = None
                results.append((saved, self.project.history(self.reviewer, limit=1)[-1].id))
            if status is not None:
                self.project.set_article_status(status[0], status[1], reviewer=self.reviewer)
        self.last_write_ok = True
        for (article_id, before, _after, _undoes), (saved, _hid) in zip(changes, results, strict=True):
            if self.article is not None and article_id == self.article.id:
                self._apply(before, saved)
        if status is not None:
            self.article_status_changed.emit(*status)
        return results

    def _apply(self, before: Mention | None, after: Mention | None) -> None:
        """Mirror a stored change in the in-memory list and signal it."""
        if after is None:
            mid = before.id if before else None
            if self.mention(mid) is None:
                return
            self.mentions = [m for m in self.mentions if m.id != mid]
            if self.selected_id == mid:
                self.selected_id = None
            self.mention_removed.emit(mid)
            if self.selected_id is None:
                self.selection_changed.emit(None)
            return
        existing = self.mention(after.id)
        if existing is not None:
            updated = list(self.mentions)
            updated[self.row_of(after.id)] = after
            if _text_order(existing) != _text_order(after):
                updated.sort(key=_text_order)
            self.mentions = updated
            self.mention_changed.emit(after.id)
            if after.id == self.selected_id:
                self.select_argument(self.selected_argument)
            return
        keys = [_text_order(m) for m in self.mentions]
        updated = list(self.mentions)
        updated.insert(bisect.bisect(keys, _text_order(after)), after)
        self.mentions = updated
        self.mention_added.emit(after.id)

    # -- changes made elsewhere ------------------------------------------------------------
    def shown_versions(self) -> dict[int, int | None]:
        """Mention id -> the version this window shows (read from the file or written by it)."""
        return {m.id: m.version for m in self.mentions}

    def changed_elsewhere(self) -> bool:
        """True when the shown article's mentions in the file are not the ones shown (one query)."""
        return self.article is not None and self.project.mention_versions(self.article.id) != self.shown_versions()

    def reload_mentions(self) -> Reload:
        """Read the shown article's mentions again from the file (another process changed them),
        keeping the selected mention and argument where they still are; the undo stack is kept
        as it is (its steps check the file before they write). Returns (and signals) what changed."""
        assert self.article is not None
        old = self.mentions
        self.mentions = self.project.mentions(self.article.id)
        reload = Reload.between(old, self.mentions)
        if self.mention(self.selected_id) is None:
            rows = [i for i, m in enumerate(old) if m.id == self.selected_id]
            near = min(rows[0], len(self.mentions) - 1) if rows and self.mentions else None
            self.selected_id = self.mentions[near].id if near is not None else None
            self.selected_argument = -1
        self.mentions_reset.emit()
        self.selection_changed.emit(self.selected_id)
        self.select_argument(self.selected_argument)
        self.mentions_reloaded.emit(reload)
        return reload

    def ensure_article(self, article_id: int, select: int | None = None) -> None:
        """Open ``article_id`` if another article is showing (undo across articles)."""
        if self.article is None or self.article.id != article_id:
            self.open_article(article_id, select=select)
        elif select is not None:
            self.select(select)
