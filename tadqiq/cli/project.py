"""Project commands: init, import, search, show, stats, check."""

from __future__ import annotations

from pathlib import Path

import click
from tqdm import tqdm

from tadqiq.app.importing import TOOL_FORMATS, ImportOptions, ImportOptionsError, check_options, import_into
from tadqiq.cli.output import echo, echo_json, fail, friendly_errors
from tadqiq.db.project import DEFAULT_KEEP, Project, ProjectError

PROJECT = click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
_OPTION_PROBLEMS = {
    "gold-without-reviewer": "--gold needs --reviewer NAME",
    "gold-with-origin": "use either --gold (reviewer labels) or --origin (proposals), not both",
}


def _open_existing(project: Path) -> Project:
    """A project for a command that only reads it: opened read-only, never created or migrated."""
    if not project.exists():
        fail(f"{project}: no such project file (create it with `tadqiq init` or `tadqiq import`)")
    return Project.open(project, create=False, read_only=True)


@click.command()
@PROJECT
@click.option("--schema", default=None, metavar="NAME|PATH", help="Event schema (default conflict-ar).")
@friendly_errors
def init(project: Path, schema: str | None) -> None:
    """Create an empty PROJECT file with an event schema."""
    if project.exists():
        fail(f"{project}: already exists")
    with Project.open(project, schema=schema) as p:
        click.echo(f"created {project} (schema {p.schema.name} {p.schema.version})")


@click.command(name="import")
@PROJECT
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--origin", metavar="NAME", help="Origin of the events that come with the articles (proposals).")
@click.option("--gold", is_flag=True, help="Store the events as gold labels of --reviewer.")
@click.option("--reviewer", metavar="NAME", help="Whose gold labels these are (with --gold).")
@click.option("--skip-bad", is_flag=True, help="Import the good files and list the bad ones.")
@click.option("--schema", default=None, metavar="NAME|PATH", help="Schema for a new project.")
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "tadqiq", *TOOL_FORMATS]),
              help="Pre-annotations of another tool (brat folder, OneIE/TextEE or Prodigy .jsonl, "
                   "Label Studio .json) or a model's output onto stored articles (DyGIE++ predictions, "
                   "OneIE predict.py output); auto tells them apart, tadqiq reads only .txt/.jsonl/.csv.")
@click.option("--label-studio-from", "ls_from", default="auto", show_default=True,
              type=click.Choice(["auto", "annotations", "predictions", "both"]),
              help="Label Studio: read each task's annotations (as gold with --gold, else proposals), its "
                   "predictions (always proposals of model:VERSION), both, or auto (annotations, else predictions).")
@click.pass_context
@friendly_errors
def import_(ctx: click.Context, project: Path, paths: tuple[Path, ...], origin: str | None, gold: bool,
            reviewer: str | None, skip_bad: bool, schema: str | None, fmt: str, ls_from: str) -> None:
    """Import .txt, .jsonl and .csv files (or folders of them) into PROJECT, all or nothing."""
    options = ImportOptions(origin=origin, gold=gold, reviewer=reviewer, label_studio_from=ls_from)
    try:
        check_options(options)
    except ImportOptionsError as exc:
        fail(_OPTION_PROBLEMS[exc.reason])
    with tqdm(desc="import", unit="article", disable=None, leave=False) as bar:
        report = import_into(project, list(paths), options, schema=schema, skip_bad=skip_bad, fmt=fmt,
                             progress=lambda done, total: _advance(bar, done, total))
    r = report.result
    encodings = sorted({f.encoding for f in report.files})
    echo(ctx, f"imported {r.articles_added} articles from {len(report.files)} files"
              f" (encodings: {', '.join(encodings) or '-'}); {r.duplicates} duplicates not stored again;"
              f" {r.mentions_added} events stored ({r.attached} onto articles already there),"
              f" {r.mentions_skipped} identical events skipped")
    for f in report.files:
        if f.format != "tadqiq":
            echo(ctx, f"  {f.path}: read as {f.format} ({f.articles} documents)")
        elif f.encoding not in ("utf-8", "ascii"):
            echo(ctx, f"  {f.path}: decoded as {f.encoding}")
        for warning in f.warnings:
            echo(ctx, f"tadqiq: warning: {warning}", err=True)
    if report.bad:
        echo(ctx, f"skipped {len(report.bad)} bad files:", err=True)
        for msg in report.bad:
            echo(ctx, f"  {msg}", err=True)


def _advance(bar: tqdm, done: int, total: int | None) -> None:
    """Move the bar to ``done`` articles read and stored, of ``total`` when known (an ETA)."""
    if total is not None and bar.total != total:
        bar.total = total
    bar.update(done - bar.n)


@click.command()
@PROJECT
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def search(ctx: click.Context, project: Path, query: str, limit: int, as_json: bool) -> None:
    """Full-text search; diacritics, hamza forms and attached و ب ل ال are ignored.

    Words, "exact phrases", AND / OR / NOT, and prefix* are understood.
    """
    with _open_existing(project) as p:
        hits = p.search(query, limit=limit)
    if as_json:
        echo_json([{"id": h.ext_id, "title": h.title, "snippet": h.snippet,
                    "match": list(h.match) if h.match else None} for h in hits])
        return
    for h in hits:
        echo(ctx, f"{h.ext_id}\t{h.title}\n    {h.snippet}")
    echo(ctx, f"{len(hits)} articles", err=True)


@click.command()
@PROJECT
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the native JSON of the article and its events.")
@click.pass_context
@friendly_errors
def show(ctx: click.Context, project: Path, article_id: str, as_json: bool) -> None:
    """Show one article (by its external id, or its row id) with its events."""
    with _open_existing(project) as p:
        article = p.find_article(article_id)
        mentions = p.mentions(article.id)
    if as_json:
        echo_json({**article.to_json(), "events": [m.to_json() for m in mentions]})
        return
    echo(ctx, f"{article.ext_id}  {article.title}\n")
    echo(ctx, article.text)
    echo(ctx, f"\n{len(mentions)} events")
    for m in mentions:
        args = "; ".join(f"{a.role}={a.span.text}" for a in m.arguments)
        echo(ctx, f"  [{m.status}] {m.type} «{m.trigger.text}» {m.trigger.start}..{m.trigger.end}  {args}")


@click.command()
@PROJECT
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def stats(ctx: click.Context, project: Path, as_json: bool) -> None:
    """Counts of articles and mentions, by status, origin and type."""
    with _open_existing(project) as p:
        data = p.stats()
    if as_json:
        echo_json(data)
        return
    for key, value in data.items():
        echo(ctx, f"{key}: {value}")


@click.command()
@PROJECT
@click.option("--repair", is_flag=True,
              help="Rebuild the derived data (search index, queue counts) from the texts and mentions, then check again.")
@friendly_errors
def check(project: Path, repair: bool) -> None:
    """SQLite integrity check plus every stored span re-checked against its text.

    Lists every problem it finds (it does not stop at the first); exit status 1 when there are any.
    With --repair, the search index and the queue counts are rebuilt first (a damaged file is not
    touched: restore a backup instead, see `tadqiq restore`)."""
    if repair:
        _repair(project)
    try:
        opened = _open_existing(project)
    except ProjectError as exc:
        if not _damaged(exc):
            raise  # not a project, empty, newer, busy: the message says so
        problems, counts = Project.check_unopenable(project, str(exc).removeprefix(f"{project}: ")), None
    else:
        with opened as p:
            problems = p.check()
            counts = None if problems else p.stats()
    for problem in problems:
        click.echo(problem)
    if problems:
        fail(f"{len(problems)} problems found in {project} (listed above)")
    click.echo(f"ok: {counts['articles']} articles, {counts['mentions']} mentions, every span matches its text")


def _repair(project: Path) -> None:
    if not project.exists():
        fail(f"{project}: no such project file")
    with Project.open(project, create=False, foreign_triggers=True) as p:
        damage = [x for x in p.check() if x.startswith(("integrity", "opening")) or "cannot be read" in x]
        if damage:
            for problem in damage:
                click.echo(problem)
            fail(f"{project}: the file itself is damaged; --repair rebuilds derived data only and changed "
                 f"nothing. Restore a backup (`tadqiq restore {project} BACKUP`, `tadqiq backup --list {project}`)")
        done = p.rebuild_derived()
    click.echo(f"repaired: search index rebuilt from {done['indexed']} texts, queue counts recomputed for "
               f"{done['recounted']} articles; {done['recreated']} views/triggers/indexes made again as Tadqiq "
               f"makes them, {done['removed']} not made by Tadqiq removed")


@click.command()
@PROJECT
@friendly_errors
def upgrade(project: Path) -> None:
    """Bring a project made by an older Tadqiq up to date (its migrations; a backup is kept beside it).

    Every writing command does this on open; the reading commands (stats, check, show, search,
    export, evaluate) never do and name this command instead."""
    if not project.exists():
        fail(f"{project}: no such project file")
    with Project.open(project, create=False) as p:
        applied, saved = p.migrated, p.backup_path
    if not applied:
        click.echo(f"{project}: already up to date")
        return
    click.echo(f"{project}: applied {len(applied)} migrations ({', '.join(applied)})"
               + (f"; the file as it was is kept in {saved}" if saved else ""))


@click.command()
@PROJECT
@click.option("--keep", type=click.IntRange(min=1), default=DEFAULT_KEEP, show_default=True,
              help="Backups kept; the oldest beyond this are removed.")
@click.option("--list", "list_only", is_flag=True, help="List the backups; make none.")
@friendly_errors
def backup(project: Path, keep: int, list_only: bool) -> None:
    """Copy PROJECT into PROJECT.backups/ (SQLite's online backup: other programs may keep working on it)."""
    if not project.exists():
        fail(f"{project}: no such project file")
    if list_only:
        found = Project.backups(project)
        for path in found:
            click.echo(f"{path}\t{path.stat().st_size:,} bytes")
        click.echo(f"{len(found)} backups of {project}", err=True)
        return
    made, removed = Project.backup(project, keep=keep)
    click.echo(f"backed up {project} to {made}" + (f"; removed {len(removed)} older beyond {keep}" if removed else ""))


@click.command()
@PROJECT
@click.argument("backup_file", metavar="BACKUP", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@friendly_errors
def restore(project: Path, backup_file: Path) -> None:
    """Put BACKUP in place of PROJECT (checked first); the file as it was is kept as a backup too."""
    if not project.exists():
        fail(f"{project}: no such project file (copy the backup to make a new one)")
    kept = Project.restore(project, backup_file)
    click.echo(f"restored {project} from {backup_file}; the file as it was is kept in {kept}")


def _damaged(exc: ProjectError) -> bool:
    """Whether opening failed on the file's contents (worth checking part by part)."""
    text = str(exc)
    return any(word in text for word in ("malformed", "disk image", "stored schema", "not a database",
                                         "could not decode", "file is not a database"))


def register(group: click.Group) -> None:
    for command in (init, import_, search, show, stats, check, upgrade, backup, restore):
        group.add_command(command)
