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

from tadqiq.core.model import Argument, Mention
from tadqiq.core.validate import validate_mention
from tadqiq.db.connection import now
from tadqiq.db.rows import ARGUMENT_COLUMNS, EVENT_COLUMNS, argument_row, dumps, event_row, mention_from_rows
from tadqiq.db.versions import NOT_CHECKED, check_expected, stamp, stored_versions


def _quoted(columns: Any) -> list[str]:
    return [f'"{c}"' for c in columns]


def _insert_sql(table: str, columns: list[str], **sql_values: str) -> str:
    """INSERT of ``columns`` (one ``?`` each), then of the columns ``sql_values`` gives SQL for."""
    names = _quoted([*columns, *sql_values])
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['?'] * len(columns) + list(sql_values.values()))})"


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
        with self._snapshot():  # the rows, arguments and attributes of one committed state
            return self._assemble(list(self.db.query(sql + " ORDER BY trigger_start, id", params)))

    def mention_versions(self, article_id: int) -> dict[int, int]:
        """Mention id -> stored version, for the article's mentions (db/versions.py): what a
        window compares with the versions it shows to notice another process's change."""
        return stored_versions(self.db, article_id)

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: changes when another connection (another process, or
        another connection of this one) has committed since the last call; not for this one's own
        commits. Cheap: no file is read."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Reads inside one read transaction (inside an open transaction: that one)."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")  # deferred: a read lock on the WAL's state, never the write lock
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

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
        stamp_at = now()
        cur = self.db.conn.execute(
            _insert_sql("events", ["id", "article_id", *EVENT_COLUMNS, "created_at", "updated_at"],
                        version=stamp(self.db)),
            [mention_id, article_id, *event_row(m), stamp_at, stamp_at],
        )
        event_id = cur.lastrowid
        self.db.conn.executemany(
            _insert_sql("arguments", ["event_id", "position", *ARGUMENT_COLUMNS]),
            [(event_id, i, *argument_row(a)) for i, a in enumerate(m.arguments)],
        )
        self.db.conn.executemany(
            "INSERT INTO attributes (event_id, name, value) VALUES (?,?,?)",
            [(event_id, k, v) for k, v in sorted(m.attributes.items())],
        )
        return event_id

    def _update_mention(self, article_id: int, mention_id: int, m: Mention) -> None:
        """Store ``m`` over the stored mention ``mention_id`` in place.

        The events row is written by an upsert, which SQLite carries out as an UPDATE of the
        existing row (same rowid, ``created_at`` kept, nothing deleted, so no cascade) while
        running the table's INSERT checks and BEFORE INSERT triggers as any save does.
        Argument and attribute rows are written only where they differ and keep their ids.
        """
        conn = self.db.conn
        stamp_at = now()
        conn.execute(
            _insert_sql("events", ["id", "article_id", *EVENT_COLUMNS, "created_at", "updated_at"],
                        version=stamp(self.db))
            + " ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in _quoted([*EVENT_COLUMNS, "updated_at", "version"])),
            [mention_id, article_id, *event_row(m), stamp_at, stamp_at],
        )
        self._update_arguments(mention_id, m.arguments)
        stored = dict(conn.execute("SELECT name, value FROM attributes WHERE event_id = ?", [mention_id]).fetchall())
        gone = [(mention_id, name) for name in sorted(set(stored) - set(m.attributes))]
        changed = [(mention_id, k, v) for k, v in sorted(m.attributes.items()) if stored.get(k) != v]
        conn.executemany("DELETE FROM attributes WHERE event_id = ? AND name = ?", gone)
        conn.executemany(
            "INSERT INTO attributes (event_id, name, value) VALUES (?,?,?)"
            " ON CONFLICT (event_id, name) DO UPDATE SET value = excluded.value",
            changed,
        )

    def _update_arguments(self, mention_id: int, arguments: tuple[Argument, ...]) -> None:
        """Make the mention's argument rows ``arguments``, in order, writing as few rows as can be.

        Each argument takes a stored row: the one its ``id`` names, else one with the same
        content, else any row left over (then updated). Only arguments no row is left for are
        inserted and only rows no argument took are deleted; a row already right is not written.
        """
        conn = self.db.conn
        cols = ["position", *ARGUMENT_COLUMNS]
        stored = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                f"SELECT id, {', '.join(_quoted(cols))} FROM arguments WHERE event_id = ? ORDER BY position, id",
                [mention_id],
            )
        }
        wanted = [(i, *argument_row(a)) for i, a in enumerate(arguments)]
        free = list(stored)
        rows: list[int | None] = [None] * len(wanted)
        for i, a in enumerate(arguments):  # 1. the row the argument was read from
            if a.id in free:
                rows[i] = a.id
                free.remove(a.id)
        for i, want in enumerate(wanted):  # 2. a row with the same content (an undo has no ids)
            same = next((rid for rid in free if stored[rid][1:] == want[1:]), None) if rows[i] is None else None
            if same is not None:
                rows[i] = same
                free.remove(same)
        for i in range(len(wanted)):  # 3. any row left over
            if rows[i] is None and free:
                rows[i] = free.pop(0)
        conn.executemany("DELETE FROM arguments WHERE id = ?", [(rid,) for rid in free])
        for rid, want in zip(rows, wanted, strict=True):
            if rid is None:
                conn.execute(_insert_sql("arguments", ["event_id", *cols]), [mention_id, *want])
            elif stored[rid] != want:
                conn.execute(
                    f"UPDATE arguments SET {', '.join(f'{c} = ?' for c in _quoted(cols))} WHERE id = ?",
                    [*want, rid],
                )

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
                     undoes: int | None = None, expect: Any = NOT_CHECKED) -> Mention:
        """Store one mention (validated) and record it, in one transaction.

        A mention whose ``id`` is set is stored over the one with that id, in place (an UPDATE
        of its row; argument and attribute rows only where they changed), or re-inserted under
        that id if it was deleted (redo of an undone "new mention"). Without an id it is new.
        ``expect``: the mention as the writer loaded it (None: known as absent); when the stored
        one is another, :class:`~tadqiq.db.versions.MentionChanged` is raised and nothing is
        written (db/versions.py).
        """
        text = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if text is None:
            raise KeyError(f"no article {article_id}")
        validate_mention(mention, text[0], self.schema, f"article {article_id} mention")
        with self.db.atomic():
            before = None
            if mention.id is not None:
                row = self.db.execute("SELECT article_id FROM events WHERE id = ?", [mention.id]).fetchone()
                if row is not None and row[0] != article_id:
                    raise ValueError(f"mention {mention.id} belongs to article {row[0]}, not {article_id}")
                stored = self.mention(mention.id) if row is not None else None
                check_expected(article_id, mention.id, expect, stored)
                before = stored.to_json() if stored is not None else None
            if before is not None:
                self._update_mention(article_id, mention.id, mention)
                saved_id = mention.id
            else:
                saved_id = self._insert_mention(article_id, mention, mention.id)
            saved = self.mention(saved_id)
            self._history(reviewer, action, article_id, saved_id, before, saved.to_json(), undoes)
        return saved

    def delete_mention(self, mention_id: int, *, reviewer: str, action: str, undoes: int | None = None,
                       expect: Any = NOT_CHECKED) -> Mention:
        """Remove a mention (e.g. undoing "new mention"); returns what was removed. ``expect``:
        as for :meth:`save_mention` (a mention already gone raises MentionChanged then)."""
        with self.db.atomic():
            if expect is not NOT_CHECKED:
                row = self.db.execute("SELECT article_id FROM events WHERE id = ?", [mention_id]).fetchone()
                check_expected(row[0] if row else None, mention_id, expect,
                               self.mention(mention_id) if row is not None else None)
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
