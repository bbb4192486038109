"""``tadqiq extract`` and ``tadqiq evaluate``: propose events with an engine, score them.

``extract`` runs an engine (default: the rule engine) over a project's articles on all cores
and stores its proposals with origin ``extractor:<name>@<version>``, replacing that engine's
earlier *unreviewed* proposals; reviewed mentions are never touched, and a proposal that a
reviewer already confirmed or rejected (same type and trigger), or whose trigger a reviewer
corrected (whatever the type now is), is not proposed again.
``evaluate`` scores one origin against another with the ACE measures of core.metrics.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from tqdm import tqdm

from tadqiq.core.metrics import count_capture, evaluate, format_report
from tadqiq.core.model import Article, Mention
from tadqiq.db.project import Project
from tadqiq.extract.base import Engine, engine_names, get_engine, origin_of
from tadqiq.cli.output import echo, echo_json, fail, friendly_errors

_WORKER: Engine | None = None
_PAGE = 500
_CHUNK = 100  # articles stored per transaction


def _init(name: str) -> None:
    global _WORKER
    _WORKER = get_engine(name)


def _run(job: tuple[int, Article]) -> tuple[int, list[Mention]]:
    assert _WORKER is not None
    article_id, article = job
    return article_id, _WORKER.extract(article)


def _article_ids(project: Project) -> Iterator[int]:
    offset = 0
    while True:
        page = project.article_list(offset, _PAGE)
        if not page:
            return
        for row in page:
            yield row.id
        offset += len(page)


def _reviewed(project: Project, article_ids: list[int], engine_name: str) -> dict[int, tuple[set, set]]:
    """Per article, what reviewers already decided among this engine's mentions (any
    version): ``(type, start, end)`` of every reviewed mention, and ``(start, end)`` of the
    corrected ones, whose original type is no longer known (a corrected trigger is settled).
    One query for a page of articles, through the article index."""
    out: dict[int, tuple[set, set]] = {i: (set(), set()) for i in article_ids}
    prefix = f"extractor:{engine_name}@"
    for first in range(0, len(article_ids), 500):
        part = article_ids[first : first + 500]
        rows = project.db.execute(
            "SELECT article_id, type, trigger_start, trigger_end, status FROM events"
            f" WHERE article_id IN ({','.join('?' * len(part))}) AND status != 'proposed'"
            " AND substr(origin, 1, ?) = ?",
            [*part, len(prefix), prefix],
        )
        for article_id, type_, start, end, status in rows:
            same, corrected = out[article_id]
            same.add((type_, start, end))
            if status == "corrected":
                corrected.add((start, end))
    return out


def _already_reviewed(m: Mention, reviewed: tuple[set[tuple], set[tuple]]) -> bool:
    same, corrected = reviewed
    return (m.type, m.trigger.start, m.trigger.end) in same or (m.trigger.start, m.trigger.end) in corrected


@click.command(name="extract")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--engine", "engine_name", default="rules", show_default=True, help="Extraction engine.")
@click.option("--only-new", is_flag=True, help="Only articles with no mentions from this engine yet.")
@click.option(
    "--article",
    "article_keys",
    multiple=True,
    metavar="ID",
    help="Only this article (external id or row id); repeatable.",
)
@click.option("--jobs", type=int, default=None, help="Worker processes (default: all cores).")
@click.pass_context
@friendly_errors
def extract_cmd(
    ctx: click.Context,
    project: Path,
    engine_name: str,
    only_new: bool,
    article_keys: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Propose events in PROJECT's articles with an extraction engine."""
    if not project.exists():
        fail(f"{project}: no such project file")
    if engine_name not in engine_names():
        fail(f"no extraction engine {engine_name!r}; known: {', '.join(engine_names())}")
    engine = get_engine(engine_name)
    origin = origin_of(engine)
    who = ctx.find_root().obj.get("reviewer") or origin  # recorded in the history
    with Project.open(project, create=False) as p:
        if article_keys:
            ids = list(dict.fromkeys(p.find_article(k).id for k in article_keys))  # each once
        else:
            ids = list(_article_ids(p))
        if only_new:
            ids = [i for i in ids if not p.mentions(i, origin=origin)]
        jobs_n = max(1, jobs or os.cpu_count() or 1)

        stored = kept = 0
        pool = None
        if jobs_n > 1 and len(ids) >= 20:
            ctx_mp = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            pool = ctx_mp.Pool(jobs_n, initializer=_init, initargs=(engine_name,))
        else:
            _init(engine_name)
        try:
            with tqdm(total=len(ids), desc="extract", unit="article", disable=None) as bar:

                def store(results: Iterator[tuple[int, list[Mention]]], seen: dict[int, tuple[set, set]]) -> None:
                    nonlocal stored, kept
                    while True:
                        # one transaction per chunk of articles (each article a savepoint)
                        rows = 0
                        with p.db.atomic():
                            for article_id, mentions in itertools.islice(results, _CHUNK):
                                fresh = [m for m in mentions if not _already_reviewed(m, seen[article_id])]
                                kept += len(mentions) - len(fresh)
                                stored += p.replace_proposals(article_id, origin, fresh, reviewer=who)
                                rows += 1
                                bar.update()
                        if rows < _CHUNK:  # the page's results are used up
                            return

                pending = None
                for first in range(0, len(ids), _PAGE):
                    # articles are read here, in the thread that owns the connection
                    page = ids[first : first + _PAGE]
                    batch = [(i, p.article(i)) for i in page]
                    seen = _reviewed(p, page, engine.name)
                    results = pool.imap(_run, batch, chunksize=8) if pool is not None else map(_run, batch)
                    if pool is None:
                        store(results, seen)
                        continue
                    # the workers extract this page while the previous one is stored
                    if pending is not None:
                        store(*pending)
                    pending = (results, seen)
                if pending is not None:
                    store(*pending)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    echo(
        ctx,
        f"{origin}: {stored} proposals stored in {len(ids)} articles"
        + (f"; {kept} not proposed again (already reviewed)" if kept else ""),
    )


def collect(project: Project, origin: str, *, drop_rejected: bool) -> list[tuple[str, Mention]]:
    """(article external id, mention) for every mention of ``origin`` in the project."""
    out = []
    for i in _article_ids(project):
        ext = project.article(i).ext_id
        for m in project.mentions(i, origin=origin):
            if drop_rejected and m.status == "rejected":
                continue
            out.append((ext, m))
    return out


@click.command(name="evaluate")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--gold",
    "gold_origin",
    required=True,
    metavar="ORIGIN",
    help="Origin of the reference mentions (e.g. reviewer:NAME).",
)
@click.option(
    "--pred",
    "pred_origin",
    required=True,
    metavar="ORIGIN",
    help="Origin of the predicted mentions (e.g. extractor:rules@1.1).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
@friendly_errors
def evaluate_cmd(
    ctx: click.Context, project: Path, gold_origin: str, pred_origin: str, as_json: bool
) -> None:
    """ACE scores of PRED against GOLD: triggers, arguments, values, confusion."""
    if not project.exists():
        fail(f"{project}: no such project file")
    with Project.open(project, create=False) as p:
        gold = collect(p, gold_origin, drop_rejected=True)
        pred = collect(p, pred_origin, drop_rejected=False)
    if not gold:
        fail(f"no mentions with origin {gold_origin!r} in {project}")
    scores = evaluate(gold, pred)
    scores["explicit_counts"] = count_capture(gold, pred)
    scores["origins"] = {
        "gold": gold_origin,
        "pred": pred_origin,
        "gold_mentions": len(gold),
        "pred_mentions": len(pred),
    }
    if as_json:
        echo_json(scores)
        return
    echo(ctx, f"gold {gold_origin} ({len(gold)} mentions) vs pred {pred_origin} ({len(pred)} mentions)\n")
    echo(ctx, format_report(scores))
    c = scores["explicit_counts"]
    echo(ctx, f"\nexplicit counts stated exactly: {c['correct']}/{c['gold']} ({c['accuracy']:.3f})")


def register(group: click.Group) -> None:
    group.add_command(extract_cmd)
    group.add_command(evaluate_cmd)
