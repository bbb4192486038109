"""Proposing events: an extraction engine run over a project's articles, its proposals stored.

The rule a reviewer relies on lives here, once for ``tadqiq extract`` and the demo: a re-run
replaces only the engine's *unreviewed* proposals, and never proposes again what a reviewer
already decided, whoever proposed it first (this engine in any version, another engine, an
import, the reviewer): a mention rejected with the same type and trigger, or a trigger that
has gold (confirmed, corrected, added; whatever its type is now). So gold imported for an
article is not proposed a second time beside itself.
Articles are extracted on every core (worker processes) while the previous page is stored,
one transaction per chunk of articles, in the thread that owns the connection.

One article never stops a run: an engine error on an article is caught where the engine runs,
that article keeps the proposals it had, and the error (article, engine, what was raised and
where) is listed in the summary while the run goes on.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tadqiq.core.model import Article, Mention
from tadqiq.db.project import Project
from tadqiq.app.engines import EngineSpec, engine_spec
from tadqiq.app.engines import all_engine_names as engine_names  # learned and combined need a model
from tadqiq.extract.base import Engine, origin_of

__all__ = ["EngineFailure", "EngineSpec", "ProposeSummary", "article_ids", "engine_names", "engine_origin", "propose",
           "select_articles"]

_WORKER: Engine | None = None
_PAGE = 500
_CHUNK = 100  # articles stored per transaction
_POOL_FROM = 20  # fewer articles are not worth starting worker processes

#: (type, start, end) of every reviewed mention, (start, end) of the gold ones
Decided = tuple[set, set]


@dataclass(frozen=True)
class EngineFailure:
    """The engine raised on one article; its earlier proposals were left as they were."""

    article_id: int
    article: str  # external id
    origin: str  # the engine, as extractor:<name>@<version>
    error: str  # "KeyError: 316 (rules.py:121)"

    def __str__(self) -> str:
        return f"article {self.article} (row {self.article_id}): {self.origin} failed: {self.error}"


@dataclass(frozen=True)
class ProposeSummary:
    origin: str
    articles: int  # articles the engine ran over
    stored: int  # proposals stored
    kept: int  # proposals not stored again: a reviewer already decided them
    failed: tuple[EngineFailure, ...] = ()  # articles the engine raised on (the run went on)
    cancelled: bool = False  # stopped by ``cancelled()``: ``articles`` were done, the others untouched


def _init(spec: EngineSpec) -> None:
    global _WORKER
    _WORKER = spec.build()


def _describe(exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)
    at = f" ({os.path.basename(where[-1].filename)}:{where[-1].lineno})" if where else ""
    return f"{type(exc).__name__}: {exc}{at}"


def _run(job: tuple[int, Article]) -> tuple[int, str, list[Mention] | str]:
    """(row id, external id, the mentions) or, when the engine raised, the error described."""
    assert _WORKER is not None
    article_id, article = job
    try:
        return article_id, article.ext_id, _WORKER.extract(article)
    except Exception as exc:  # one article never stops a run: reported, the others go on
        return article_id, article.ext_id, _describe(exc)


def article_ids(project: Project) -> Iterator[int]:
    """Every article's row id, in id order (keyset pages: the cost of a page does not grow with
    how far into the project it is, as OFFSET's did)."""
    yield from project.article_ids()


def engine_origin(project: Project, engine_name: str | EngineSpec) -> str:
    """The origin its proposals are stored with: ``extractor:<name>@<version>``."""
    return origin_of(_spec(project, engine_name).build())


def _spec(project: Project, engine: str | EngineSpec) -> EngineSpec:
    return engine if isinstance(engine, EngineSpec) else engine_spec(project, engine)


def select_articles(project: Project, engine_name: str | EngineSpec, keys: Sequence[str] = (), *,
                    only_new: bool = False) -> list[int]:
    """The articles to run over: those named (external or row id, each once) or all; with
    ``only_new`` only those with no mention of this engine version yet."""
    if keys:
        ids = list(dict.fromkeys(project.find_article(k).id for k in keys))
    else:
        ids = list(article_ids(project))
    if only_new:
        origin = engine_origin(project, engine_name)
        ids = [i for i in ids if not project.mentions(i, origin=origin)]
    return ids


def _already_decided(m: Mention, decided: Decided) -> bool:
    same, gold = decided
    return (m.type, m.trigger.start, m.trigger.end) in same or (m.trigger.start, m.trigger.end) in gold


def propose(
    project: Project,
    engine_name: str | EngineSpec = "rules",
    ids: Sequence[int] | None = None,
    *,
    reviewer: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ProposeSummary:
    """Run ``engine_name`` over ``ids`` (default: every article) and store its proposals.

    ``engine_name`` is an engine's name (``learned`` and ``combined`` use the project's newest
    model; LookupError when it has none) or an :class:`EngineSpec` naming a model version.
    ``reviewer`` is recorded in the history (default: the engine's origin); ``jobs`` worker
    processes (default: all cores); ``progress(1)`` after each article stored.
    ``cancelled()`` is asked before each article is stored: when True the run stops there, the
    articles stored so far keep their new proposals (each article is replaced whole, in its own
    savepoint), the rest keep what they had, and the summary says ``cancelled``.
    """
    spec = _spec(project, engine_name)
    engine = spec.build()
    origin = origin_of(engine)
    who = reviewer or origin
    ids = list(article_ids(project)) if ids is None else list(ids)
    jobs_n = max(1, jobs or os.cpu_count() or 1)
    stored = kept = done = 0
    stop = False
    failed: list[EngineFailure] = []

    def store(results: Iterator[tuple[int, str, list[Mention] | str]], decided: dict[int, Decided]) -> None:
        nonlocal stored, kept, done, stop
        while not stop:
            rows = 0  # one transaction per chunk of articles (each article a savepoint)
            with project.transaction():
                for article_id, ext_id, mentions in itertools.islice(results, _CHUNK):
                    if cancelled is not None and cancelled():
                        stop = True  # what this chunk stored so far is committed; this article is not touched
                        break
                    rows += 1
                    done += 1
                    if isinstance(mentions, str):
                        failed.append(EngineFailure(article_id, ext_id, origin, mentions))
                        if progress is not None:
                            progress(1)
                        continue
                    fresh = [m for m in mentions if not _already_decided(m, decided[article_id])]
                    kept += len(mentions) - len(fresh)
                    stored += project.replace_proposals(article_id, origin, fresh, reviewer=who)
                    if progress is not None:
                        progress(1)
            if rows < _CHUNK:  # the page's results are used up
                return

    pool = None
    if jobs_n > 1 and len(ids) >= _POOL_FROM:
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        pool = ctx.Pool(jobs_n, initializer=_init, initargs=(spec,))
    else:
        global _WORKER
        _WORKER = engine  # in this process: the engine built above, not a second one
    try:
        pending = None
        for first in range(0, len(ids), _PAGE):
            if stop:
                break
            page = ids[first : first + _PAGE]
            batch = [(i, project.article(i)) for i in page]  # read here, where the connection lives
            decided = project.reviewed_triggers(page)
            if pool is None:
                store(map(_run, batch), decided)
                continue
            results = pool.imap(_run, batch, chunksize=8)
            if pending is not None:  # the workers extract this page while the previous one is stored
                store(*pending)
            pending = (results, decided)
        if pending is not None and not stop:
            store(*pending)
    finally:
        if pool is not None:
            if stop:
                pool.terminate()  # the pages still being extracted are not wanted
            else:
                pool.close()
            pool.join()
    return ProposeSummary(origin, done if stop else len(ids), stored, kept, tuple(failed), cancelled=stop)
