"""Derived data, checked and rebuilt from the stored truth (``tadqiq check`` / ``check --repair``).

The texts, mentions and notes are the truth; the rest is derived from them or from the
migrations and can be rebuilt at any time: the search index (``articles_fts``, the shadow of
every text), the queue's per-article counts (``mentions``, ``proposed``, ``min_confidence``,
``flags``, kept by triggers since migration 0004), and the views, triggers and indexes the
migrations create. A file edited by another tool, restored from pieces, or handed over with a
trigger or view of somebody else's may have them out of step; :func:`derived_problems` finds
that, :func:`rebuild_derived` rebuilds all of it in one transaction (views, triggers and indexes
as the migrations make them, on an empty database in memory; a trigger or view Tadqiq does not
make is removed; an extra index is left, it changes no data).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tadqiq.db.migrations import MIGRATIONS
from tadqiq.db.search import search_shadow

_KINDS = ("view", "trigger", "index")

_COUNTS = """
    SELECT id, ext_id FROM articles a WHERE
        mentions IS NOT (SELECT count(*) FROM events e WHERE e.article_id = a.id)
        OR proposed IS NOT (SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status = 'proposed')
        OR min_confidence IS NOT (SELECT min(confidence) FROM events e
                                  WHERE e.article_id = a.id AND e.status = 'proposed')
        OR flags IS NOT (SELECT count(*) FROM notes n WHERE n.article_id = a.id AND n.kind = 'flag'
                         AND n.resolved_at IS NULL)
"""
_RECOUNT = """
    UPDATE articles SET
        mentions = (SELECT count(*) FROM events e WHERE e.article_id = articles.id),
        proposed = (SELECT count(*) FROM events e WHERE e.article_id = articles.id AND e.status = 'proposed'),
        min_confidence = (SELECT min(confidence) FROM events e
                          WHERE e.article_id = articles.id AND e.status = 'proposed'),
        flags = (SELECT count(*) FROM notes n WHERE n.article_id = articles.id AND n.kind = 'flag'
                 AND n.resolved_at IS NULL)
"""
HINT = "`tadqiq check --repair` rebuilds it"


@functools.cache
def canonical_objects() -> dict[tuple[str, str], str]:
    """(kind, name) -> CREATE statement of every view, trigger and index the migrations make."""
    db = Database(memory=True)
    MIGRATIONS.apply(db)
    rows = db.execute(f"SELECT type, name, sql FROM sqlite_master WHERE type IN {_KINDS} AND sql IS NOT NULL")
    out = {(kind, name): sql for kind, name, sql in rows}
    db.close()
    return out


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()


def object_problems(conn: Any) -> list[tuple[str, str, str]]:
    """(kind, name, what is wrong: missing | changed | foreign) for views, triggers, indexes."""
    canonical = canonical_objects()
    found = {(kind, name): sql for kind, name, sql in conn.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE type IN {_KINDS} AND sql IS NOT NULL")}
    out = []
    for key, sql in canonical.items():
        if key not in found:
            out.append((*key, "missing"))
        elif not _same(found[key], sql):
            out.append((*key, "changed"))
    out += [(*key, "foreign") for key in found if key not in canonical and key[0] != "index"]
    return sorted(out)


_SAYS = {"missing": "missing", "changed": "not the definition Tadqiq makes",
         "foreign": "not made by Tadqiq (somebody else's, or a tool's)"}


def derived_problems(conn: Any) -> Iterable[str]:
    """Views, triggers and indexes not as the migrations make them; search index rows missing
    or extra; queue counts out of step (at most 20 listed)."""
    for kind, name, what in object_problems(conn):
        fix = "`tadqiq check --repair` removes it" if what == "foreign" else HINT
        yield f"{kind} {name}: {_SAYS[what]} ({fix})"
    missing = conn.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts)").fetchone()[0]
    extra = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)").fetchone()[0]
    if missing or extra:
        yield f"search index: {missing} articles missing, {extra} rows of no article ({HINT})"
    wrong = conn.execute(_COUNTS).fetchall()
    for _id, ext_id in wrong[:20]:
        yield f"article {ext_id}: queue counts out of step with its mentions and flags ({HINT})"
    if len(wrong) > 20:
        yield f"... and {len(wrong) - 20} more articles with queue counts out of step ({HINT})"


def rebuild_derived(db: Any) -> dict[str, int]:
    """Rebuild the search index from every text and the queue counts from the mentions and
    notes, in one write transaction; return how many articles each covered."""
    with db.atomic():
        conn = db.conn
        canonical = canonical_objects()
        problems = object_problems(conn)
        for kind, name, _what in problems:  # views and triggers first dropped, then made again
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        for kind, name, what in problems:
            if what != "foreign":
                conn.execute(canonical[(kind, name)])
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        indexed = 0
        for article_id, text in conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall():
            conn.execute("INSERT INTO articles_fts (rowid, shadow) VALUES (?, ?)", (article_id, search_shadow(text)))
            indexed += 1
        recounted = conn.execute(_RECOUNT).rowcount
    return {"indexed": indexed, "recounted": recounted,
            "recreated": sum(w != "foreign" for *_, w in problems), "removed": sum(w == "foreign" for *_, w in problems)}
