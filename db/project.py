"""The project file: one SQLite database holding articles, events, history and the schema.

``Project`` is the only way the rest of the program touches storage. Every write is one
transaction; mention edits also append a history row (see db/mentions.py).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import GOLD_STATUSES, Article, Mention
from tadqiq.core.schema import DEFAULT_SCHEMA, EventSchema, SchemaError, load_schema, schema_from_json
from tadqiq.core.validate import MentionError, validate_mention
from tadqiq.core.version import __version__
from tadqiq.db.backups import DEFAULT_KEEP, backup_project, list_backups, restore_project
from tadqiq.db.check import check_file, check_project
from tadqiq.db.repair import object_problems, rebuild_derived
from tadqiq.db.connection import ProjectError, connect, now, read_only_uri, remove_project_files
from tadqiq.db.locking import ProjectBusy, busy_message, is_busy, note_operation
from tadqiq.db.history import ARTICLE_STATUS, Replay, action_name, replay
from tadqiq.db.mentions import MentionStore
from tadqiq.db.models import ModelStore, StoredModel
from tadqiq.db.dashboard import Acceptance, Dashboard, DashboardStore
from tadqiq.db.queue import QueueStore
from tadqiq.db.rows import article_from_row, dumps
from tadqiq.db.network_fs import Mount, network_mount, network_warning
from tadqiq.db.versions import MentionChanged
from tadqiq.db.search import (
    ConcordanceLine, SearchError, SearchHit, locate, parse_query, search_marks, search_shadow, snippet,
)

__all__ = ["Project", "ProjectError", "ImportItem", "ImportResult", "ArticleSummary", "StoredModel", "sha256_text"]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ImportResult:
    articles_added: int = 0
    duplicates: int = 0
    mentions_added: int = 0
    mentions_skipped: int = 0  # identical mention already stored
    attached: int = 0  # mentions that came with a duplicate and joined the stored article


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    ext_id: str
    title: str
    status: str
    mentions: int
    proposed: int


def _check_fields(art: Article, where: Any) -> None:
    """Every reader should hand over text fields as text; one that did not (a list as 'lang'
    from somebody's file) is refused here, naming the item, rather than failing in SQLite."""
    for name in ("ext_id", "text", "title", "published", "source", "url", "lang"):
        value = getattr(art, name)
        if value is not None and not isinstance(value, str):
            raise ProjectError(f"{where}: the article's {name!r} must be text, got {type(value).__name__} {value!r:.60}")


def _refuse_foreign_triggers(db: Any, path: Path) -> None:
    theirs = [f"{name} ({'not made by Tadqiq' if what == 'foreign' else 'changed'})"
              for kind, name, what in object_problems(db.conn) if kind == "trigger" and what != "missing"]
    if theirs:
        raise ProjectError(
            f"{path}: has triggers Tadqiq does not make: {', '.join(theirs[:5])}"
            f"{f' and {len(theirs) - 5} more' if len(theirs) > 5 else ''}. They would run inside every change "
            f"written to the project, so it is not opened for writing; `tadqiq check {path}` lists them and "
            f"`tadqiq check --repair {path}` removes them (reading commands still work)")


class Project(MentionStore, ModelStore, QueueStore, DashboardStore):
    read_only = False  # opened with ``read_only=True``: every write fails

    def __init__(self, path: Path, db: Any, schema: EventSchema, migrated: list[str], backup: Path | None):
        self.path = path
        self.db = db
        self.schema = schema
        self.migrated = migrated
        self.backup_path = backup

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, schema: str | Path | None = None,
             read_only: bool = False, foreign_triggers: bool = False) -> Project:
        """Open (or create) a project. ``read_only``: for commands that only read (stats, check,
        show, search, export, evaluate): the file is opened ``mode=ro`` and never created,
        converted or migrated (db/connection.py); writing through it fails.

        A file with a trigger Tadqiq does not make (or one of ours redefined) is not opened for
        writing: the trigger would run inside every write (a file from somebody else could
        delete or rewrite labels that way). ``foreign_triggers``: open it anyway, for
        ``check --repair``, which removes them."""
        path = Path(path)
        new = not path.exists() and not read_only
        db, applied, saved = connect(path, create=create and not read_only, read_only=read_only)
        try:
            row = db.execute("SELECT definition FROM event_schema LIMIT 1").fetchone()
            if row is None and read_only:
                raise ProjectError(f"{path}: an unfinished Tadqiq project (no event schema stored); "
                                   "it cannot be read")
            if row is None:
                loaded = load_schema(schema or DEFAULT_SCHEMA)
                with db.atomic():
                    db.table("event_schema").insert(
                        {"name": loaded.name, "version": loaded.version,
                         "definition": loaded.to_json(), "installed_at": now()}
                    )
                    db.table("meta").insert_all(
                        [{"key": "created_at", "value": now()}, {"key": "created_by", "value": f"tadqiq {__version__}"}],
                        replace=True,
                    )
            else:
                if schema is not None:
                    wanted = load_schema(schema)
                    stored = schema_from_json(row[0])
                    if wanted.name != stored.name:
                        raise ProjectError(
                            f"{path}: the project uses schema {stored.name!r}, not {wanted.name!r}"
                        )
                try:
                    loaded = schema_from_json(row[0], f"{path} (stored schema)")
                except json.JSONDecodeError as exc:
                    raise ProjectError(f"{path}: the stored event schema is damaged ({exc}); `tadqiq backup --list "
                                       f"{path}` lists the backups to restore") from None
            if not read_only and not foreign_triggers:
                _refuse_foreign_triggers(db, path)
        except BaseException as exc:
            db.close()
            if new:  # a file this call created and could not finish is not left behind
                remove_project_files(path)
            # a damaged stored schema (ValueError) too; the path once, also when exc names it
            if isinstance(exc, (SchemaError, sqlite3.DatabaseError, ValueError)):
                raise ProjectError(str(exc) if str(exc).startswith(str(path)) else f"{path}: {exc}") from None
            raise
        project = cls(path, db, loaded, applied, saved)
        project.read_only = read_only
        return project

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ----------------------------------------------------------------------
    def import_items(self, items: Iterable[ImportItem]) -> ImportResult:
        """Store articles and their mentions, all or nothing.

        An article whose text is already stored (same sha256) is a duplicate: not stored
        again, its mentions attach to the stored one. A mention identical to one stored
        (type, trigger span, origin) is skipped, so re-importing a file changes nothing.
        Raises MentionError / ProjectError naming the item; nothing is written then.
        """
        result = ImportResult()
        conn = self.db.conn
        with self.db.atomic():
            for item in items:
                art = item.article
                where = item.where or art.ext_id
                _check_fields(art, where)
                digest = item.sha256 or sha256_text(art.text)
                row = conn.execute("SELECT id, metadata FROM articles WHERE sha256 = ?", (digest,)).fetchone()
                if row is not None:
                    article_id = row[0]
                    result.duplicates += 1
                    # labels often come after the text: fill in what the first import lacked
                    # (columns left empty, metadata keys it did not have, such as the seed's
                    # "note"); what is stored wins
                    stored = json.loads(row[1] or "{}")
                    merged = {**dict(art.metadata), **stored}
                    conn.execute(
                        "UPDATE articles SET published = coalesce(published, ?), source = coalesce(source, ?),"
                        " url = coalesce(url, ?), lang = coalesce(lang, ?), metadata = ? WHERE id = ?",
                        (art.published, art.source, art.url, art.lang,
                         dumps(merged) if merged != stored else row[1], article_id),
                    )
                else:
                    clash = conn.execute("SELECT 1 FROM articles WHERE ext_id = ?", (art.ext_id,)).fetchone()
                    if clash:
                        raise ProjectError(
                            f"{where}: article id {art.ext_id!r} is already in the project with a different text"
                        )
                    cur = conn.execute(
                        "INSERT INTO articles (ext_id, title, text, published, source, url, lang, sha256,"
                        " imported_at, metadata, regions) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (art.ext_id, art.title, art.text, art.published, art.source, art.url, art.lang,
                         digest, now(), dumps(dict(art.metadata)), dumps([r.to_json() for r in art.regions])),
                    )
                    article_id = cur.lastrowid
                    conn.execute("INSERT INTO articles_fts (rowid, shadow) VALUES (?, ?)",
                                 (article_id, item.shadow if item.shadow is not None else search_shadow(art.text)))
                    result.articles_added += 1
                for n, mention in enumerate(item.mentions, 1):
                    validate_mention(mention, art.text, self.schema, f"{where} event {n}")
                    if self._same_mention_stored(article_id, mention):
                        result.mentions_skipped += 1
                        continue
                    self._insert_mention(article_id, mention)
                    result.mentions_added += 1
                    if row is not None:
                        result.attached += 1
        return result

    def _same_mention_stored(self, article_id: int, m: Mention) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM events WHERE article_id=? AND type=? AND trigger_start=? AND trigger_end=? AND origin=?",
            (article_id, m.type, m.trigger.start, m.trigger.end, m.origin),
        ).fetchone() is not None

    def find_article(self, key: str) -> Article:
        """An article named on a command line: its external id, or else its row id when numeric."""
        try:
            return self.article(key)
        except KeyError:
            if not key.isdigit():
                raise
        try:
            return self.article(int(key))
        except KeyError:
            raise KeyError(f"no article with id {key!r} (external or row id) in {self.path}") from None

    def article(self, key: int | str) -> Article:
        """An article by row id (int) or external id (str)."""
        column = "id" if isinstance(key, int) else "ext_id"
        rows = list(self.db.query(f"SELECT * FROM articles WHERE {column} = ?", [key]))
        if not rows:
            raise KeyError(f"no article {key!r} in {self.path}")
        return article_from_row(rows[0])

    def article_count(self, status: str | None = None) -> int:
        if status is None:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles WHERE status = ?", [status]).fetchone()[0]

    def article_list(self, offset: int = 0, limit: int = 100, status: str | None = None, *,
                     after: int | None = None) -> list[ArticleSummary]:
        """Up to ``limit`` articles in id order. Page on with ``after`` (the last id of the page
        before: a keyset seek, the same cost on every page); ``offset`` skips rows the slow way
        (it walks them) and is kept for a caller's first page, where it is 0."""
        clauses, params = [], []
        if status:
            clauses.append("status = ?")
            params.append(status)
        if after is not None:
            clauses.append("id > ?")
            params.append(after)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        skip = " OFFSET ?" if offset else ""
        rows = self.db.execute(
            f"SELECT id, ext_id, title, status, mentions, proposed FROM articles {where}"
            f" ORDER BY id LIMIT ?{skip}", [*params, limit, *([offset] if offset else [])]
        ).fetchall()
        return [ArticleSummary(*r) for r in rows]

    def article_ids(self, page: int = 5000) -> Iterator[int]:
        """Every article's row id in id order, ``page`` at a time by keyset (``id > last``):
        each page is one index seek, never an OFFSET that walks the rows before it."""
        last = -1
        while True:
            rows = self.db.execute("SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", [last, page]).fetchall()
            if not rows:
                return
            yield from (r[0] for r in rows)
            last = rows[-1][0]

    def article_status(self, article_id: int) -> str:
        row = self.db.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id}")
        return row[0]

    def set_article_status(self, article_id: int, status: str, *, reviewer: str) -> None:
        with self.db.atomic():
            before = self.db.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
            if before is None:
                raise KeyError(f"no article {article_id}")
            self.db.execute("UPDATE articles SET status = ?, skipped_by = NULL WHERE id = ?", [status, article_id])
            self._history(reviewer, ARTICLE_STATUS, article_id, None, {"status": before[0]}, {"status": status})

    def add_review_time(self, article_id: int, reviewer: str, seconds: float) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO review_time (article_id, reviewer, seconds, opened) VALUES (?, ?, ?, 1)"
                " ON CONFLICT(article_id, reviewer) DO UPDATE SET seconds = seconds + excluded.seconds,"
                " opened = opened + 1", [article_id, reviewer, seconds],
            )

    # -- review history and decisions ----------------------------------------------------
    def undo_history(self, reviewer: str, limit: int = 2000) -> Replay:
        """``reviewer``'s last ``limit`` history rows read back as actions (db/history.py)."""
        return replay(self.history(reviewer, limit=limit))

    def reviewed_triggers(self, article_ids: list[int]) -> dict[int, tuple[set, set]]:
        """Per article, what reviewers decided, whatever proposed the mention (an engine of any
        version, an import, the reviewer): ``(type, start, end)`` of every mention that is no
        longer a proposal, and ``(start, end)`` of the gold ones (confirmed, corrected, added):
        a trigger with gold is decided whatever its type is now. One query per 500 articles,
        through the article index."""
        out: dict[int, tuple[set, set]] = {i: (set(), set()) for i in article_ids}
        for first in range(0, len(article_ids), 500):
            part = article_ids[first : first + 500]
            rows = self.db.execute(
                "SELECT article_id, type, trigger_start, trigger_end, status FROM events"
                f" WHERE article_id IN ({','.join('?' * len(part))}) AND status != 'proposed'",
                part,
            )
            for article_id, type_, start, end, status in rows:
                same, spans = out[article_id]
                same.add((type_, start, end))
                if status in GOLD_STATUSES:
                    spans.add((start, end))
        return out

    def reviewed_article_ids(self) -> list[int]:
        """Row ids of the articles holding at least one reviewed mention (gold or rejected),
        in id order: what a learned engine can be trained on."""
        rows = self.db.execute("SELECT DISTINCT article_id FROM events WHERE status != 'proposed' ORDER BY article_id")
        return [r[0] for r in rows]

    def gold_counts(self) -> dict[str, int]:
        """Reviewed articles (as :meth:`reviewed_article_ids`), gold mentions and their arguments,
        counted in SQL (a dialog shows them without reading the gold)."""
        gold = "('confirmed', 'corrected', 'added')"
        q = self.db.execute
        return {
            "articles": q("SELECT count(DISTINCT article_id) FROM events WHERE status != 'proposed'").fetchone()[0],
            "mentions": q(f"SELECT count(*) FROM events WHERE status IN {gold}").fetchone()[0],
            "arguments": q(
                f"SELECT count(*) FROM arguments g JOIN events e ON e.id = g.event_id WHERE e.status IN {gold}"
            ).fetchone()[0],
        }

    # -- search ------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles matching ``query``, best first (see db/search.py for the syntax)."""
        parsed = parse_query(query)
        hits: list[SearchHit] = []
        try:
            cursor = self.db.execute(
                "SELECT a.id, a.ext_id, a.title, a.text FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                " WHERE articles_fts MATCH ? ORDER BY rank", [parsed.fts]
            )
            for article_id, ext_id, title, text in cursor:
                ok, match = locate(text, parsed)
                if ok:
                    hits.append(SearchHit(article_id, ext_id, title, snippet(text, match), match))
                    if len(hits) >= limit:
                        break
        except sqlite3.OperationalError as exc:
            raise SearchError(f"cannot search for {query!r}: {exc}") from None
        return hits

    # -- reports -----------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        q = self.db.execute
        by_status = dict(q("SELECT status, count(*) FROM events GROUP BY status").fetchall())
        return {
            "project": str(self.path),
            "schema": f"{self.schema.name}@{self.schema.version}",
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "articles_by_status": dict(q("SELECT status, count(*) FROM articles GROUP BY status").fetchall()),
            "mentions": sum(by_status.values()),
            "mentions_by_status": by_status,
            "gold": sum(v for k, v in by_status.items() if k in GOLD_STATUSES),
            "mentions_by_origin": dict(q("SELECT origin, count(*) FROM events GROUP BY origin").fetchall()),
            "mentions_by_type": dict(q("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall()),
            # people, not engines: registered reviewers and whoever's labels are stored (gold imports)
            "reviewers": [r[0] for r in q(
                "SELECT name FROM reviewers UNION SELECT reviewer FROM events WHERE reviewer IS NOT NULL"
                " EXCEPT SELECT name FROM reviewers WHERE name LIKE 'extractor:%' ORDER BY 1").fetchall()],
        }

    def rebuild_derived(self) -> dict[str, int]:
        """Rebuild the search index and the queue counts from the texts, mentions and notes
        (db/repair.py), in one transaction: ``{"indexed": N, "recounted": M}``."""
        return rebuild_derived(self.db)

    @staticmethod
    def backup(path: str | Path, *, keep: int = DEFAULT_KEEP) -> tuple[Path, list[Path]]:
        """A backup of the project file into ``PATH.backups/``, the oldest beyond ``keep`` removed
        (db/backups.py): (the new backup, the removed ones)."""
        return backup_project(Path(path), keep=keep)

    @staticmethod
    def backups(path: str | Path) -> list[Path]:
        return list_backups(Path(path))

    @staticmethod
    def restore(path: str | Path, backup: str | Path) -> Path:
        """Put a checked backup in place of the project; return where the file as it was is kept."""
        return restore_project(Path(path), Path(backup))

    @staticmethod
    def network_mount(path: str | Path) -> Mount | None:
        """The network file system the project file is on (NFS, SMB, sshfs ...), or None: where
        SQLite's locking cannot be trusted (db/network_fs.py)."""
        return network_mount(Path(path))

    @staticmethod
    def network_warning(path: str | Path) -> str | None:
        """What to tell a user whose project is on a network file system, or None."""
        return network_warning(Path(path))

    @staticmethod
    def check_unopenable(path: str | Path, why: str) -> list[str]:
        """For ``tadqiq check`` on a file that :meth:`open` refused as damaged: what can still be
        checked without its stored schema (read-only), every problem listed."""
        return check_file(read_only_uri(Path(path)), why)

    def check(self) -> list[str]:
        """Every problem found, as a list (db/check.py): integrity, foreign keys, text hashes,
        every span, event types; a part that cannot be read is one problem, the rest still run."""
        return check_project(self.db.conn, self.schema)


# Re-exported so callers need one import for the errors they handle.
__all__ += ["Acceptance", "Dashboard", "DEFAULT_KEEP", "MentionError", "SearchError", "SearchHit", "ConcordanceLine",
            "search_marks", "Replay", "action_name",
            "ProjectBusy", "busy_message", "is_busy", "note_operation", "MentionChanged", "Mount"]
