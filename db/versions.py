"""Mention versions: what a writer loaded is what it writes over, or nothing is written.

Every mention has a ``version`` (``events.version``, migration 0005) that changes with every
committed change to it, its arguments or its attributes. Tadqiq's writers stamp each mention
they store with the project's mention clock and move the clock on once, just before the
transaction commits (:func:`stamp`); triggers do the same for any other writer. So between
transactions every version is below the clock, and a version once seen for a mention id never
comes back for another content (a mention deleted and stored again under its id gets a new one).

A writer that shows mentions (the review window) passes what it loaded as ``expect`` to
``save_mention`` / ``delete_mention``; :func:`check_expected` compares it with the stored mention
inside the write transaction (``BEGIN IMMEDIATE`` holds the lock, so nobody can change it between
the check and the write) and raises :class:`MentionChanged` when another process changed it:
the whole transaction is rolled back, nothing is overwritten. The same version, or failing that
the same content, passes: an undo in this window after a later action was undone meets the
version its own undo wrote, and a command rebuilt from the history after a restart knows the
content it left, not a version (docs/concurrency.md).
"""

from __future__ import annotations

from typing import Any

from tadqiq.core.model import Mention
from tadqiq.db.locking import ProjectError
from tadqiq.db.migrations import CLOCK

__all__ = ["CLOCK", "NOT_CHECKED", "MentionChanged", "check_expected", "stamp", "stored_versions"]


class _NotChecked:
    def __repr__(self) -> str:
        return "NOT_CHECKED"


#: ``expect`` of a writer that shows nothing it could overwrite unseen (an import, the CLI).
NOT_CHECKED: Any = _NotChecked()


class MentionChanged(ProjectError):
    """The stored mention is not the one the writer loaded: another process changed it (or
    removed it, or stored one under its id) meanwhile. Nothing of the write was stored."""

    def __init__(self, article_id: int | None, mention_id: int, loaded: Mention | None,
                 stored: Mention | None) -> None:
        self.article_id, self.mention_id, self.loaded, self.stored = article_id, mention_id, loaded, stored
        shown = loaded or stored
        what = f"{shown.type} «{shown.trigger.text}»" if shown is not None else "a mention"
        if stored is None:
            how = "removed by another process"
        elif loaded is None:
            how = "stored by another process under the same id"
        else:
            how = "changed by another process"
        of = f" of article {article_id}" if article_id is not None else ""
        super().__init__(f"mention {mention_id} ({what}){of} was {how} since it was loaded; nothing was written")

    @property
    def label(self) -> str:
        """The mention as a reviewer knows it: type and trigger text."""
        shown = self.loaded or self.stored
        return f"{shown.type} «{shown.trigger.text}»" if shown is not None else f"#{self.mention_id}"


def _advance(db: Any) -> None:
    db.execute("UPDATE mention_clock SET version = version + 1")


def stamp(db: Any) -> str:
    """The SQL value a mention stored now gets as its version (the clock's value); the clock
    moves on once before the open transaction commits."""
    db.before_commit("mention_clock", lambda: _advance(db))
    return CLOCK


def _same(loaded: Mention, stored: Mention) -> bool:
    if loaded.version is not None and loaded.version == stored.version:
        return True
    return loaded.to_json() == stored.to_json()  # every stored field, the mention's id included


def check_expected(article_id: int | None, mention_id: int, expect: Any, stored: Mention | None) -> None:
    """Raise :class:`MentionChanged` unless ``stored`` (the mention now in the file, None when
    absent) is ``expect`` (what the writer loaded; None: it knows the mention as absent)."""
    if expect is NOT_CHECKED:
        return
    if expect is None and stored is None:
        return
    if expect is not None and stored is not None and _same(expect, stored):
        return
    raise MentionChanged(article_id, mention_id, expect, stored)


def stored_versions(db: Any, article_id: int) -> dict[int, int]:
    """Mention id -> version of the article's mentions as stored (one index lookup)."""
    return dict(db.execute("SELECT id, version FROM events WHERE article_id = ?", [article_id]).fetchall())
