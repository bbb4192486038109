"""``tadqiq export``: gold labels (or everything) out in the formats people train and analyse with."""

from __future__ import annotations

from pathlib import Path

import click
from tqdm import tqdm

from tadqiq.app.export import FORMATS, ExportJob, run_export
from tadqiq.cli.output import echo, fail, friendly_errors
from tadqiq.core.formats.common import FormatError


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
@click.option("--max-span-width", default=8, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="dygiepp: report arguments longer than N tokens (DyGIE++ drops them; its default is 8).")
@click.option("--pieces-vocab", type=click.Path(dir_okay=False, path_type=Path), metavar="VOCAB.TXT",
              help="oneie-original: the BERT model's WordPiece vocab.txt, to write the word pieces OneIE needs.")
@click.option("--pieces-uncased", is_flag=True, help="oneie-original: the model is uncased (lower case, marks stripped).")
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
    max_span_width: int,
    pieces_vocab: Path | None,
    pieces_uncased: bool,
) -> None:
    """Export PROJECT's labels as FORMAT to OUT, with a manifest.json (counts, sha256 of every file)."""
    if not project.exists():
        fail(f"{project}: no such project file")
    wanted = [t for group in types for t in group.split(",") if t] or None
    job = ExportJob(project, fmt, out, status=status, reviewer=by_reviewer, types=tuple(wanted) if wanted else None,
                    split=split, seed=seed, max_span_width=max_span_width, pieces_vocab=pieces_vocab,
                    pieces_uncased=pieces_uncased)
    bars: list[tqdm] = []  # the bar starts once the number of articles is known

    def started(n: int) -> None:
        bars.append(tqdm(total=n, desc=f"export {fmt}", unit="article", disable=None, leave=False))

    try:
        summary = run_export(job, total=started, progress=lambda n: bars[0].update(n))
    except FormatError as exc:
        fail(str(exc))
    finally:
        for bar in bars:
            bar.close()
    if by_reviewer and not summary.mentions:
        echo(ctx, f"tadqiq: warning: no mentions of reviewer {by_reviewer!r} to export; reviewers in {project}: "
                  f"{', '.join(summary.reviewers) or '(none)'}", err=True)  # fmt: skip
    echo(ctx, f"exported {summary.articles} articles, {summary.mentions} mentions as {fmt}"
              f" to {out} ({summary.files} files)")  # fmt: skip
    for name in ("train", "dev", "test"):
        if name in summary.splits:
            c = summary.splits[name]
            echo(ctx, f"  {name}: {c.get('articles', 0)} articles, {c.get('mentions', 0)} mentions")
    if summary.extras:
        echo(ctx, "  " + ", ".join(f"{k} {v}" for k, v in summary.extras.items()))
    if fmt == "oneie-original" and pieces_vocab is None:
        echo(ctx, "tadqiq: warning: no --pieces-vocab: each token is written as one word piece; give the model's "
                  "vocab.txt for pieces a BERT model knows", err=True)  # fmt: skip
    if summary.long_arguments:
        echo(ctx, f"tadqiq: warning: {len(summary.long_arguments)} arguments are longer than {max_span_width} tokens"
                  f" (--max-span-width); DyGIE++ drops them; listed in {summary.manifest}:", err=True)  # fmt: skip
        for a in summary.long_arguments[:10]:
            echo(ctx, f"  {a['doc_key']}: {a['event']} {a['role']} «{a['text']}» ({a['width']} tokens)", err=True)
        if len(summary.long_arguments) > 10:
            echo(ctx, f"  ... and {len(summary.long_arguments) - 10} more", err=True)


def register(group: click.Group) -> None:
    group.add_command(export_cmd)
