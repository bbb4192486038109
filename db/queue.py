"""The review queue over SQL: filtered, ordered pages of articles and the next open one.

Every query reads the queue columns of ``articles`` (counts kept by the triggers of migration
0004) and never counts events per row. Pages are read by position (the Qt model asks for rows
by number); the next and previous article are found by key (``(key, id) > (?, ?)``) through the
partial indexes of the open articles, so they cost the same at article 1 and article 199,999.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.queue import QueueFilter, QueueOrder, QueueRow
from tadqiq.db.search import ConcordanceLine, SearchError, kwic, match_spans, parse_query

#: SQL of each order's key; the expressions match the indexes of migration 0004.
_KEYS = {
    "queue": "id",
    "confidence": "coalesce(min_confidence, 2.0)",
    "proposals": "-proposed",
    "title": "title",
    "published": "coalesce(published, '')",
    "source": "coalesce(source, '')",
}
STATUS_SQL = ("CASE WHEN flags > 0 THEN 'flagged' WHEN skipped_by IS NOT NULL AND status != 'done' THEN 'skipped'"
              " ELSE status END")
OPEN_SQL = "status != 'done' AND skipped_by IS NULL"
_COLUMNS = ("id, ext_id, title, published, source, mentions, proposed, min_confidence, "
            f"{STATUS_SQL}, assigned_to")


#: Filter fields that are one condition with one parameter each.
_SIMPLE = (
    ("min_confidence", "min_confidence >= ?"),
    ("max_confidence", "min_confidence <= ?"),
    ("date_from", "published >= ?"),
    ("date_to", "published < date(?, '+1 day')"),
    ("source", "source = ?"),
    ("assigned_to", "assigned_to = ?"),
)


def filter_sql(f: QueueFilter) -> tuple[str, list[Any]]:
    """A WHERE clause (``1`` when empty) and its parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if f.statuses:
        parts.append(f"{STATUS_SQL} IN ({','.join('?' * len(f.statuses))})")
        params += sorted(f.statuses)
    if f.event_type:
        parts.append("id IN (SELECT article_id FROM events WHERE type = ?)")
        params.append(f.event_type)
    if f.origin:
        parts.append("id IN (SELECT article_id FROM events WHERE origin = ?)")
        params.append(f.origin)
    for name, sql in _SIMPLE:
        value = getattr(f, name)
        if value is not None and value != "":
            parts.append(sql)
            params.append(value)
    if f.text and f.text.strip():
        parts.append("id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(parse_query(f.text).fts)
    return (" AND ".join(parts) or "1"), params


def _text_only(f: QueueFilter) -> bool:
    """A search and nothing else: answered by the full-text index alone (no join with articles)."""
    return bool(f.text and f.text.strip()) and f == QueueFilter(text=f.text)


def _order_sql(order: QueueOrder, reverse: bool = False) -> str:
    direction = "DESC" if order.descending != reverse else "ASC"
    return f"{_KEYS[order.key]} {direction}, id {direction}"


def _distinct(db: Any, table: str, expr: str, limit: int) -> list[str]:
    """The distinct non-empty values of ``expr`` in order, through the index that leads with it."""
    sql = (f"WITH RECURSIVE d(v) AS (SELECT min({expr}) FROM {table} WHERE {expr} > ''"
           f" UNION ALL SELECT (SELECT min({expr}) FROM {table} WHERE {expr} > d.v) FROM d WHERE d.v IS NOT NULL)"
           " SELECT v FROM d WHERE v IS NOT NULL LIMIT ?")
    return [r[0] for r in db.execute(sql, [limit])]


class QueueStore:
    """Mixed into :class:`db.project.Project` (needs ``self.db``)."""

    db: Any

    def queue_count(self, f: QueueFilter | None = None) -> int:
        f = f if f is not None else QueueFilter()
        if _text_only(f):
            return self.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                   [parse_query(f.text).fts]).fetchone()[0]
        where, params = filter_sql(f)
        return self.db.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]

    def queue_page(self, f: QueueFilter, order: QueueOrder, offset: int, limit: int) -> list[QueueRow]:
        """Rows ``offset`` .. ``offset + limit`` of the queue, with who reviewed each and for how long."""
        where, params = filter_sql(f)
        # ids first: skipping ``offset`` rows runs on a narrow index, never on the article texts
        if _text_only(f) and order.key == "queue":
            ids = [r[0] for r in self.db.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                f" ORDER BY rowid {'DESC' if order.descending else 'ASC'} LIMIT ? OFFSET ?",
                [parse_query(f.text).fts, limit, offset],
            )]
        else:
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM articles WHERE {where} ORDER BY {_order_sql(order)} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        by_id = {r[0]: r for r in self.db.execute(f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks})", ids)}
        rows = [by_id[i] for i in ids]
        spent: dict[int, tuple[str, float]] = {}
        for article_id, names, seconds in self.db.execute(
            "SELECT article_id, group_concat(reviewer, ', '), sum(seconds) FROM review_time"
            f" WHERE article_id IN ({marks}) GROUP BY article_id", ids,
        ):
            spent[article_id] = (names or "", seconds or 0.0)
        return [QueueRow(*r, *spent.get(r[0], ("", 0.0))) for r in rows]

    def queue_choices(self, limit: int = 200) -> tuple[list[str], list[str], list[str]]:
        """The event types, origins and sources there are (for the queue's filter lists), each
        found by stepping through its index (a loose index scan: one seek per value), so a
        200k-article project answers in milliseconds where ``SELECT DISTINCT`` reads every row."""
        return (_distinct(self.db, "events", "type", limit), _distinct(self.db, "events", "origin", limit),
                _distinct(self.db, "articles", "coalesce(source, '')", limit))

    def queue_position(self, f: QueueFilter, order: QueueOrder, article_id: int) -> int | None:
        """The row number of ``article_id`` in the queue, None when the filter leaves it out."""
        where, params = filter_sql(f)
        key = _KEYS[order.key]
        row = self.db.execute(f"SELECT {key} FROM articles WHERE id = ? AND {where}", [article_id, *params]).fetchone()
        if row is None:
            return None
        op = "<" if not order.descending else ">"
        return self.db.execute(
            f"SELECT count(*) FROM articles WHERE {where} AND ({key}, id) {op} (?, ?)", [*params, row[0], article_id]
        ).fetchone()[0]

    def next_open_article(self, f: QueueFilter, order: QueueOrder, after: int | None = None,
                          backwards: bool = False) -> int | None:
        """The next (or previous) article in queue order after ``after`` that is open (not done,
        not skipped); from the start of the queue when ``after`` is None. None at the end."""
        where, params = filter_sql(f)
        key = _KEYS[order.key]
        reverse = backwards
        cond = ""
        if after is not None:
            here = self.db.execute(f"SELECT {key} FROM articles WHERE id = ?", [after]).fetchone()
            if here is not None:
                forward = order.descending == reverse  # stepping with the index order
                cond = f" AND ({key}, id) {'>' if forward else '<'} (?, ?)"
                params = [*params, here[0], after]
        row = self.db.execute(
            f"SELECT id FROM articles WHERE {OPEN_SQL} AND {where}{cond} ORDER BY {_order_sql(order, reverse)} LIMIT 1",
            params,
        ).fetchone()
        return row[0] if row else None

    def skip_article(self, article_id: int, reviewer: str) -> None:
        """Put an article aside: it leaves the open queue until it is opened and decided, or unskipped."""
        with self.db.atomic():
            self.db.execute("UPDATE articles SET skipped_by = ? WHERE id = ?", [reviewer, article_id])

    def unskip_article(self, article_id: int) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE articles SET skipped_by = NULL WHERE id = ?", [article_id])

    def assign_articles(self, article_ids: list[int], reviewer: str | None) -> int:
        with self.db.atomic():
            n = 0
            for first in range(0, len(article_ids), 500):
                part = article_ids[first:first + 500]
                n += self.db.execute(f"UPDATE articles SET assigned_to = ? WHERE id IN ({','.join('?' * len(part))})",
                                     [reviewer, *part]).rowcount
            return n

    def add_note(self, article_id: int, text: str, *, reviewer: str, kind: str = "note",
                 event_id: int | None = None) -> int:
        """A flag (needs attention, counted in the queue) or a note on an article or one of its mentions."""
        if kind not in ("flag", "note"):
            raise ValueError(f"a note is a 'flag' or a 'note', not {kind!r}")
        stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
        with self.db.atomic():
            cur = self.db.execute(
                "INSERT INTO notes (article_id, event_id, kind, text, reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [article_id, event_id, kind, text, reviewer, stamp],
            )
            return cur.lastrowid

    def resolve_note(self, note_id: int, *, reviewer: str) -> None:
        stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
        with self.db.atomic():
            self.db.execute("UPDATE notes SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL",
                            [stamp, reviewer, note_id])

    def note(self, note_id: int) -> dict[str, Any] | None:
        cur = self.db.execute("SELECT * FROM notes WHERE id = ?", [note_id])
        row = cur.fetchone()
        return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))

    def all_notes(self, *, open_only: bool = False, text: str | None = None) -> list[dict[str, Any]]:
        """Every note of the project with its article's id and the mention's trigger (for export):
        ``open_only`` leaves out resolved ones, ``text`` keeps those containing it (normalised)."""
        cur = self.db.execute(
            "SELECT n.id, a.ext_id AS article, n.event_id AS mention, e.type AS type, e.trigger_text AS trigger, n.kind, n.text,"
            " n.reviewer, n.created_at, n.resolved_at, n.resolved_by"
            " FROM notes n JOIN articles a ON a.id = n.article_id LEFT JOIN events e ON e.id = n.event_id"
            + (" WHERE n.resolved_at IS NULL" if open_only else "") + " ORDER BY n.id")
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur]
        if text:
            want = normalize_text(text)
            rows = [r for r in rows if want in normalize_text(r["text"])]
        return rows

    def notes(self, article_id: int) -> list[dict[str, Any]]:
        cur = self.db.execute("SELECT * FROM notes WHERE article_id = ? ORDER BY id", [article_id])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def concordance(self, query: str, *, limit: int = 500, width: int = 40) -> list[ConcordanceLine]:
        """Every occurrence of ``query`` in the project, in article order, up to ``limit`` lines
        (one streaming query over the full-text index; articles are read one at a time)."""
        parsed = parse_query(query)
        lines: list[ConcordanceLine] = []
        try:
            cursor = self.db.execute(
                "SELECT a.id, a.ext_id, a.text FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                " WHERE articles_fts MATCH ? ORDER BY a.id", [parsed.fts])
        except sqlite3.OperationalError as exc:
            raise SearchError(f"cannot search for {query!r}: {exc}") from None
        for article_id, ext_id, text in cursor:
            for span in match_spans(text, parsed):
                left, mid, right = kwic(text, span, width)
                lines.append(ConcordanceLine(article_id, ext_id, span[0], span[1], left, mid, right))
                if len(lines) >= limit:
                    cursor.close()
                    return lines
        return lines
