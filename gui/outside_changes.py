"""Changes another process made to the article a window shows: noticed, read again, said.

Two ways in (docs/concurrency.md, "A change made elsewhere"):

- **a write refused**: every write of the window says what it loaded (gui/document.py passes each
  change's ``before`` as ``expect``); when the stored mention is another, nothing is written
  (db/versions.py raises MentionChanged inside the write transaction), the article is read again
  from the file and the status bar names the mention and says the action was not applied
  (:func:`refused_text`). An undo or redo is refused the same way and its step stays where it is.
- **no write at all**: :class:`OutsideChanges` asks SQLite's ``PRAGMA data_version`` (no file
  read) when the window is activated and every few seconds; only when another connection has
  committed since does it compare the shown mentions' versions with the file's (one query) and,
  when they differ, reads the article's mentions again, keeping the selection where it can, and
  says what changed.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from tadqiq.db.project import MentionChanged
from tadqiq.gui.document import Reload, ReviewDocument, label
from tadqiq.gui.i18n import tr

if TYPE_CHECKING:
    from tadqiq.gui.main_window import MainWindow

__all__ = ["CHECK_EVERY_MS", "NOTICE_MS", "OutsideChanges", "notice_text", "refused_text"]

#: How often a shown window looks for another process's commit (a PRAGMA, no file read).
CHECK_EVERY_MS = 3000
#: How long the status bar keeps a notice of a change made elsewhere.
NOTICE_MS = 15000


def refused_text(doc: ReviewDocument, action: str, exc: MentionChanged) -> str:
    """After a write refused because another process changed its mention: read the shown article
    again when the mention is (or was) one of it, and say which mention and that ``action`` was
    not applied."""
    shown = doc.article is not None and (exc.article_id == doc.article.id or doc.mention(exc.mention_id) is not None)
    if shown:
        doc.reload_mentions()
    mention = exc.loaded or exc.stored
    name = label(mention) if mention is not None else f"#{exc.mention_id}"
    if exc.stored is None:
        why = tr("{0} was removed elsewhere (another Tadqiq window or process)").format(name)
    elif exc.loaded is None:
        why = tr("another mention was stored elsewhere under the id of {0}").format(name)
    else:
        why = tr("{0} was changed elsewhere (another Tadqiq window or process)").format(name)
    if shown:
        return tr("Not applied: {0}. {1} since this window read it; nothing was overwritten, the article was read "
                  "again from the file.").format(action, why)
    return tr("Not applied: {0}. {1} since this window read it; nothing was overwritten.").format(action, why)


def notice_text(reload: Reload) -> str:
    """The status bar's notice after the shown article was read again."""
    parts = []
    if reload.changed:
        parts.append(tr("changed: {0}").format(", ".join(reload.changed)))
    if reload.removed:
        parts.append(tr("removed: {0}").format(", ".join(reload.removed)))
    if reload.added:
        parts.append(tr("added: {0}").format(", ".join(reload.added)))
    return tr("This article was changed elsewhere (another Tadqiq window or process) and read again from the "
              "file; {0}").format("; ".join(parts))


class OutsideChanges(QObject):
    """Looks for another process's commit while ``window`` is shown: on activation and every
    :data:`CHECK_EVERY_MS`; reads the shown article again when its mentions changed."""

    def __init__(self, window: MainWindow, every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self._seen = self._data_version()
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)

    def _data_version(self) -> int | None:
        try:
            return self.doc.project.data_version()
        except sqlite3.Error:  # a closed or unreadable project: nothing to look at
            return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.Show:
                self.timer.start()
            elif kind in (QEvent.Type.Hide, QEvent.Type.Close):
                self.timer.stop()  # the project may be closed next: no look at it after this
            elif kind == QEvent.Type.WindowActivate:
                self.check()  # back from another window: perhaps the other Tadqiq window
        return False

    def check(self) -> Reload | None:
        """Read the shown article again if another connection committed a change to its mentions
        since the last look; the Reload (None when nothing was read again)."""
        seen = self._data_version()
        if seen is None or seen == self._seen:
            return None
        self._seen = seen
        doc = self.doc
        if doc.article is None or doc.replaying:
            return None
        try:
            if not doc.changed_elsewhere():
                return None
            reload = doc.reload_mentions()
        except sqlite3.Error:
            return None
        if reload:
            self.window.statusBar().showMessage(notice_text(reload), NOTICE_MS)
        return reload
