"""Reading and writing event mentions, each write one transaction with a history row.

History is append-only (triggers refuse UPDATE and DELETE): who, when, what, and the whole
mention before and after as JSON. Undo and redo are new writes that replay a ``before``,
so a project can rebuild any reviewer's undo stack after a restart.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from tadqiq.core.model import Mention
from tadqiq.core.validate import validate_mention
from tadqiq.db.connection import now
from tadqiq.db.rows import dumps, mention_from_rows


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    reviewer: str
    action: str
    article_id: int | None
    mention_id: int | None
    before: Any
    after: Any
    undoes: int | None


class MentionStore:
    """Mixin of Project: everything about events, arguments, attributes and history."""

    db: Any
    schema: Any

    # -- reading -----------------------------------------------------------------------
    def mentions(self, article_id: int, *, origin: str | None = None) -> list[Mention]:
        """The article's mentions in text order (trigger start, then id)."""
        sql = "SELECT * FROM events WHERE article_id = ?"
        params: list[Any] = [article_id]
        if origin is not None:
            sql += " AND origin = ?"
            params.append(origin)
        rows = list(self.db.query(sql + " ORDER BY trigger_start, id", params))
        return self._assemble(rows)

    def mention(self, mention_id: int) -> Mention:
        rows = list(self.db.query("SELECT * FROM events WHERE id = ?", [mention_id]))
        if not rows:
            raise KeyError(f"no mention {mention_id}")
        return self._assemble(rows)[0]

    def mention_article(self, mention_id: int) -> int:
        row = self.db.execute("SELECT article_id FROM events WHERE id = ?", [mention_id]).fetchone()
        if row is None:
            raise KeyError(f"no mention {mention_id}")
        return row[0]

    def _assemble(self, rows: list[dict]) -> list[Mention]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        args: dict[int, list[dict]] = defaultdict(list)
        for a in self.db.query(f"SELECT * FROM arguments WHERE event_id IN ({marks}) ORDER BY event_id, position", ids):
            args[a["event_id"]].append(a)
        attrs: dict[int, dict[str, str]] = defaultdict(dict)
        for event_id, name, value in self.db.execute(
            f"SELECT event_id, name, value FROM attributes WHERE event_id IN ({marks})", ids
        ):
            attrs[event_id][name] = value
        return [mention_from_rows(r, args[r["id"]], attrs[r["id"]]) for r in rows]

    # -- writing -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (save_mention, delete_mention, set_article_status ...) into one
        SQLite transaction: all of them and their history rows are stored, or none is (an
        exception inside rolls everything back; each write becomes a savepoint of this one)."""
        with self.db.atomic():
            yield

    def _insert_mention(self, article_id: int, m: Mention, mention_id: int | None = None) -> int:
        conn = self.db.conn
        stamp = now()
        cur = conn.execute(
            "INSERT INTO events (id, article_id, type, trigger_start, trigger_end, trigger_text, status, origin,"
            " confidence, rule, reviewer, notes, link, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (mention_id, article_id, m.type, m.trigger.start, m.trigger.end, m.trigger.text, m.status, m.origin,
             m.confidence, m.rule, m.reviewer, m.notes, m.link, stamp, stamp),
        )
        event_id = cur.lastrowid
        conn.executemany(
            'INSERT INTO arguments (event_id, position, role, start, "end", text, value, confidence, rule)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(event_id, i, a.role, a.span.start, a.span.end, a.span.text,
              dumps(dict(a.value)) if a.value is not None else None, a.confidence, a.rule)
             for i, a in enumerate(m.arguments)],
        )
        conn.executemany(
            "INSERT INTO attributes (event_id, name, value) VALUES (?,?,?)",
            [(event_id, k, v) for k, v in sorted(m.attributes.items())],
        )
        return event_id

    def _history(self, reviewer: str, action: str, article_id: int | None, mention_id: int | None,
                 before: Any, after: Any, undoes: int | None = None) -> int:
        self.db.execute("INSERT OR IGNORE INTO reviewers (name, created_at) VALUES (?, ?)", [reviewer, now()])
        cur = self.db.execute(
            "INSERT INTO history (at, reviewer, action, article_id, event_id, before, after, undoes)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [now(), reviewer, action, article_id, mention_id,
             dumps(before) if before is not None else None, dumps(after) if after is not None else None, undoes],
        )
        return cur.lastrowid

    def save_mention(self, article_id: int, mention: Mention, *, reviewer: str, action: str,
                     undoes: int | None = None) -> Mention:
        """Insert or replace one mention (validated) and record it, in one transaction.

        A mention whose ``id`` is set replaces the stored one with that id, or is
        re-inserted under that id if it was deleted (redo of an undone "new mention").
        """
        text = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if text is None:
            raise KeyError(f"no article {article_id}")
        validate_mention(mention, text[0], self.schema, f"article {article_id} mention")
        with self.db.atomic():
            before = None
            if mention.id is not None:
                row = self.db.execute("SELECT article_id FROM events WHERE id = ?", [mention.id]).fetchone()
                if row is not None:
                    if row[0] != article_id:
                        raise ValueError(f"mention {mention.id} belongs to article {row[0]}, not {article_id}")
                    before = self.mention(mention.id).to_json()
                    self.db.execute("DELETE FROM events WHERE id = ?", [mention.id])
            new_id = self._insert_mention(article_id, mention, mention.id)
            saved = self.mention(new_id)
            self._history(reviewer, action, article_id, new_id, before, saved.to_json(), undoes)
        return saved

    def delete_mention(self, mention_id: int, *, reviewer: str, action: str, undoes: int | None = None) -> Mention:
        """Remove a mention (e.g. undoing "new mention"); returns what was removed."""
        with self.db.atomic():
            old = self.mention(mention_id)
            article_id = self.mention_article(mention_id)
            self.db.execute("DELETE FROM events WHERE id = ?", [mention_id])
            self._history(reviewer, action, article_id, mention_id, old.to_json(), None, undoes)
        return old

    def replace_proposals(self, article_id: int, origin: str, mentions: list[Mention], *, reviewer: str) -> int:
        """Swap an engine's unreviewed proposals on one article for new ones (one transaction)."""
        text = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        for i, m in enumerate(mentions, 1):
            validate_mention(m, text, self.schema, f"article {article_id} proposal {i}")
        with self.db.atomic():
            # +origin: look the rows up through the article's index (events_article), not
            # through events_origin, which scans every proposal of the origin on each article
            self.db.execute(
                "DELETE FROM events WHERE article_id = ? AND +origin = ? AND status = 'proposed'",
                [article_id, origin],
            )
            for m in mentions:
                self._insert_mention(article_id, replace(m, id=None, origin=origin, status="proposed"))
            self._history(reviewer, "extract", article_id, None, None, {"origin": origin, "proposals": len(mentions)})
        return len(mentions)

    def history(self, reviewer: str | None = None, limit: int = 1000) -> list[HistoryEntry]:
        """Newest last."""
        sql = "SELECT * FROM history"
        params: list[Any] = []
        if reviewer is not None:
            sql += " WHERE reviewer = ?"
            params.append(reviewer)
        sql += " ORDER BY id DESC LIMIT ?"
        rows = list(self.db.query(sql, [*params, limit]))
        return [
            HistoryEntry(r["id"], r["at"], r["reviewer"], r["action"], r["article_id"], r["event_id"],
                         json.loads(r["before"]) if r["before"] else None,
                         json.loads(r["after"]) if r["after"] else None, r["undoes"])
            for r in reversed(rows)
        ]
