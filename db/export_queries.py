"""Queries the export needs from a project: which articles, then each with its mentions, streamed.

Takes a :class:`db.project.Project`; reads only. "gold" exports the articles a reviewer stood
behind: those marked done, and those with at least one gold mention (confirmed, corrected,
added) — by ``reviewer`` when one is given. An article marked done without gold mentions is
exported with none: a reviewed article where nothing happened is a negative example.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tadqiq.core.formats.common import Item
from tadqiq.core.formats.export import select_mentions
from tadqiq.core.model import GOLD_STATUSES
from tadqiq.db.project import Project


def export_articles(
    project: Project, status: str = "gold", reviewer: str | None = None
) -> list[tuple[int, str]]:
    """(row id, external id) of the articles to export, in id order."""
    if status == "all":
        sql, params = "SELECT id, ext_id FROM articles ORDER BY id", []
    else:
        marks = ",".join("?" * len(GOLD_STATUSES))
        by = " AND e.reviewer = ?" if reviewer else ""
        done = "a.status = 'done' OR " if not reviewer else ""
        sql = (
            f"SELECT a.id, a.ext_id FROM articles a WHERE {done}EXISTS (SELECT 1 FROM events e"
            f" WHERE e.article_id = a.id AND e.status IN ({marks}){by}) ORDER BY a.id"
        )
        params = [*sorted(GOLD_STATUSES), *([reviewer] if reviewer else [])]
    return [(r[0], r[1]) for r in project.db.execute(sql, params).fetchall()]


def export_items(
    project: Project,
    article_ids: Sequence[int],
    status: str = "gold",
    reviewer: str | None = None,
    types: Sequence[str] | None = None,
) -> Iterator[Item]:
    """Each article with the mentions the export takes, one article at a time.

    A mention's ``id`` in an export is its ordinal among the article's exported mentions in text
    order (1, 2, ...), never the project's row id: importing the export stores the mentions in
    that order, so exporting again gives the same numbers (and byte-identical files).
    """
    for article_id in article_ids:
        article = project.article(article_id)
        mentions = select_mentions(project.mentions(article_id), status, reviewer=reviewer, types=types)
        yield article, [m.with_(id=k) for k, m in enumerate(mentions, 1)]


def mention_reviewers(project: Project) -> list[str]:
    """The reviewers named on the project's mentions (what ``--reviewer`` can select)."""
    rows = project.db.execute("SELECT DISTINCT reviewer FROM events WHERE reviewer IS NOT NULL ORDER BY 1")
    return [r[0] for r in rows.fetchall()]
