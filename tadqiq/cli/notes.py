"""tadqiq notes: the reviewers' notes and flags of a project, listed or exported."""

from __future__ import annotations

from pathlib import Path

import json

import click

from tadqiq.cli.output import echo, friendly_errors
from tadqiq.cli.project import PROJECT, _open_existing


@click.command()
@PROJECT
@click.option("--open", "open_only", is_flag=True, help="Only notes and flags not resolved yet.")
@click.option("--search", "text", metavar="TEXT", help="Only notes whose text holds TEXT (normalised Arabic).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per note (JSON Lines), for export.")
@click.pass_context
@friendly_errors
def notes(ctx: click.Context, project: Path, open_only: bool, text: str | None, as_json: bool) -> None:
    """List the notes and flags reviewers left on articles and mentions."""
    with _open_existing(project) as p:
        rows = p.all_notes(open_only=open_only, text=text)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for r in rows:
        state = f"resolved by {r['resolved_by']}" if r["resolved_at"] else "open"
        on = f" «{r['trigger']}» ({r['type']})" if r["mention"] is not None else ""
        echo(ctx, f"{r['id']:>5}  {r['kind']:<4}  {r['article']}{on}  {r['text']}  — {r['reviewer']}, {state}")
    echo(ctx, f"{len(rows)} notes")


def register(group: click.Group) -> None:
    group.add_command(notes)
