"""``tadqiq export``: gold labels (or everything) out in the formats people train and analyse with."""

from __future__ import annotations

import shlex
from pathlib import Path

import click
from tqdm import tqdm

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.export import FORMATS, assign_splits, export, parse_split, select_mentions
from tadqiq.db.export_queries import export_articles, export_items, mention_reviewers
from tadqiq.db.project import Project
from tadqiq.cli.output import echo, fail, friendly_errors


@click.command(name="export")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS), help="Output format.")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="File to write (a folder for brat or with --split); the manifest goes beside it.",
)
@click.option(
    "--status",
    type=click.Choice(["gold", "all"]),
    default="gold",
    show_default=True,
    help="gold = confirmed, corrected and added mentions; all = every mention.",
)
@click.option("--reviewer", "by_reviewer", metavar="NAME", help="Only this reviewer's mentions.")
@click.option("--split", metavar="80/10/10", help="Split articles into train/dev(/test) (seeded shuffle).")
@click.option("--seed", default=0, show_default=True, help="Seed of the split shuffle.")
@click.option(
    "--types", multiple=True, metavar="TYPE[,TYPE]", help="Only these event types (repeat or comma-separate)."
)
@click.pass_context
@friendly_errors
def export_cmd(
    ctx: click.Context,
    project: Path,
    fmt: str,
    out: Path,
    status: str,
    by_reviewer: str | None,
    split: str | None,
    seed: int,
    types: tuple[str, ...],
) -> None:
    """Export PROJECT's labels as FORMAT to OUT, with a manifest.json (counts, sha256 of every file)."""
    if not project.exists():
        fail(f"{project}: no such project file")
    wanted = [t for group in types for t in group.split(",") if t] or None
    parts = ["tadqiq", "export", str(project), "--format", fmt, "-o", str(out), "--status", status]
    if by_reviewer:
        parts += ["--reviewer", by_reviewer]
    if split:
        parts += ["--split", split, "--seed", str(seed)]
    if wanted:
        parts += ["--types", ",".join(wanted)]
    command = shlex.join(parts)
    try:
        with Project.open(project, create=False) as p:
            select_mentions([], status, types=wanted, schema=p.schema)  # unknown --types fail here
            articles = export_articles(p, status, by_reviewer)
            with tqdm(
                total=len(articles), desc=f"export {fmt}", unit="article", disable=None, leave=False
            ) as bar:
                if split:
                    ratios = parse_split(split)
                    which = assign_splits([ext for _, ext in articles], ratios, seed)
                    names = ["train", "dev", "test"][: len(ratios)]
                    items = {
                        name: export_items(p, [i for i, ext in articles if which[ext] == name], status,
                                           by_reviewer, wanted)
                        for name in names
                    }  # fmt: skip
                else:
                    items = export_items(p, [i for i, _ in articles], status, by_reviewer, wanted)
                manifest = export(fmt, items, p.schema, out, command=command, progress=bar.update,
                                  extra={"selection": {"status": status, "reviewer": by_reviewer, "types": wanted,
                                                       "split": split, "seed": seed if split else None,
                                                       "project": str(project)}})  # fmt: skip
            reviewers = mention_reviewers(p) if by_reviewer else []
    except FormatError as exc:
        fail(str(exc))
    counts = manifest["counts"]
    total = counts.get("total", counts)
    if by_reviewer and not total.get("mentions", 0):
        echo(ctx, f"tadqiq: warning: no mentions of reviewer {by_reviewer!r} to export; reviewers in {project}: "
                  f"{', '.join(reviewers) or '(none)'}", err=True)  # fmt: skip
    echo(ctx, f"exported {total.get('articles', 0)} articles, {total.get('mentions', 0)} mentions as {fmt}"
              f" to {out} ({len(manifest['files'])} files)")  # fmt: skip
    if split:
        for name in ("train", "dev", "test"):
            if name in counts:
                echo(
                    ctx,
                    f"  {name}: {counts[name].get('articles', 0)} articles, {counts[name].get('mentions', 0)} mentions",
                )
    extras = {k: v for k, v in total.items() if k not in ("articles", "mentions") and v}
    if extras:
        echo(ctx, "  " + ", ".join(f"{k} {v}" for k, v in extras.items()))


def register(group: click.Group) -> None:
    group.add_command(export_cmd)
