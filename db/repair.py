"""Derived data, checked and rebuilt from the stored truth (``tadqiq check`` / ``check --repair``).

The texts, mentions and notes are the truth; two things are derived from them and can be
rebuilt at any time: the search index (``articles_fts``, the shadow of every text) and the
queue's per-article counts (``mentions``, ``proposed``, ``min_confidence``, ``flags``, kept by
triggers since migration 0004). A file edited by another tool, or restored from pieces, may have
them out of step; :func:`derived_problems` finds that, :func:`rebuild_derived` rebuilds both in
one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tadqiq.db.search import search_shadow

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


def derived_problems(conn: Any) -> Iterable[str]:
    """Search index rows missing or extra, queue counts out of step (at most 20 listed)."""
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
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        indexed = 0
        for article_id, text in conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall():
            conn.execute("INSERT INTO articles_fts (rowid, shadow) VALUES (?, ?)", (article_id, search_shadow(text)))
            indexed += 1
        recounted = conn.execute(_RECOUNT).rowcount
    return {"indexed": indexed, "recounted": recounted}
