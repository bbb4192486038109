"""``tadqiq extract`` and ``tadqiq evaluate``: propose events with an engine, score them.

``extract`` runs an engine (default: the rule engine) over a project's articles on all cores
through :func:`app.propose.propose` (which says what is replaced and what is never proposed
again), with a progress bar.
``evaluate`` scores one origin against another with the ACE measures of core.metrics.
"""

from __future__ import annotations

from pathlib import Path

import click
from tqdm import tqdm

from tadqiq.app.engines import engine_spec
from tadqiq.app.propose import article_ids, engine_names, propose, select_articles
from tadqiq.app.training import MIN_ARTICLES, cross_validate, describe_cv, gold_examples, learning_curve
from tadqiq.cli.output import echo, echo_json, fail, friendly_errors
from tadqiq.core.metrics import count_capture, evaluate, format_report
from tadqiq.core.model import Mention
from tadqiq.db.project import Project

_LIST_FAILURES = 20  # engine failures listed one by one; the rest are counted


@click.command(name="extract")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--engine", "engine_name", default="rules", show_default=True,
              help="Extraction engine: rules, learned or combined (these two need `tadqiq train` first).")
@click.option("--model-version", type=int, default=None, help="The learned model version (default: the newest).")
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
    model_version: int | None,
    only_new: bool,
    article_keys: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Propose events in PROJECT's articles with an extraction engine.

    An engine error on one article is reported on stderr (article, engine, error) and the run
    goes on; the exit status is then 3 (finished, some articles not extracted)."""
    if not project.exists():
        fail(f"{project}: no such project file")
    if engine_name not in engine_names():
        fail(f"no extraction engine {engine_name!r}; known: {', '.join(engine_names())}")
    with Project.open(project, create=False) as p:
        try:
            spec = engine_spec(p, engine_name, model_version)
        except LookupError as exc:
            fail(str(exc.args[0]))
        ids = select_articles(p, spec, article_keys, only_new=only_new)
        with tqdm(total=len(ids), desc="extract", unit="article", disable=None) as bar:
            summary = propose(p, spec, ids, reviewer=ctx.find_root().obj.get("reviewer"), jobs=jobs,
                              progress=bar.update)
    for failure in summary.failed[:_LIST_FAILURES]:
        click.echo(f"tadqiq: warning: {failure}; its earlier proposals are kept", err=True)
    if len(summary.failed) > _LIST_FAILURES:
        click.echo(f"tadqiq: warning: ... and {len(summary.failed) - _LIST_FAILURES} more articles failed", err=True)
    echo(
        ctx,
        f"{summary.origin}: {summary.stored} proposals stored in {summary.articles - len(summary.failed)} articles"
        + (f"; {summary.kept} not proposed again (already reviewed)" if summary.kept else "")
        + (f"; the engine failed on {len(summary.failed)} articles (listed on stderr; the run went on)"
           if summary.failed else ""),
    )
    if summary.failed:
        ctx.exit(3)  # finished, but not every article was extracted


def collect(project: Project, origin: str, *, drop_rejected: bool) -> list[tuple[str, Mention]]:
    """(article external id, mention) for every mention of ``origin`` in the project."""
    out = []
    for i in article_ids(project):
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
    default=None,
    metavar="ORIGIN",
    help="Origin of the reference mentions (e.g. reviewer:NAME).",
)
@click.option(
    "--pred",
    "pred_origin",
    default=None,
    metavar="ORIGIN",
    help="Origin of the predicted mentions (e.g. extractor:rules@1.1).",
)
@click.option("--cross-validate", "k", type=click.IntRange(min=2), default=None, metavar="K",
              help="Instead: K-fold cross-validation of the learned engine on the project's gold, by article.")
@click.option("--curve", "curve", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --cross-validate: also draw the learning curve (F1 against gold articles) as a PNG.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
@friendly_errors
def evaluate_cmd(
    ctx: click.Context, project: Path, gold_origin: str | None, pred_origin: str | None, k: int | None,
    curve: Path | None, as_json: bool
) -> None:
    """ACE scores of PRED against GOLD (triggers, arguments, values, confusion), or with
    --cross-validate K the learned engine's held-out scores beside the rule engine's."""
    if not project.exists():
        fail(f"{project}: no such project file")
    if k is not None:
        _cross_validate(ctx, project, k, curve, as_json)
        return
    if curve is not None:
        fail("--curve goes with --cross-validate")
    if not gold_origin or not pred_origin:
        fail("give --gold ORIGIN and --pred ORIGIN, or --cross-validate K")
    with Project.open(project, create=False, read_only=True) as p:
        gold = collect(p, gold_origin, drop_rejected=True)
        pred = collect(p, pred_origin, drop_rejected=False)
        origins = sorted(p.stats()["mentions_by_origin"])
    known = f"; origins in the project: {', '.join(origins) or 'none'}"
    if not gold:
        fail(f"no mentions with origin {gold_origin!r} in {project}{known}")
    if not pred:  # scoring nothing against the gold would print zeros as if measured
        fail(f"no mentions with origin {pred_origin!r} in {project}{known}")
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


def _cross_validate(ctx: click.Context, project: Path, k: int, curve: Path | None, as_json: bool) -> None:
    with Project.open(project, create=False, read_only=True) as p:
        examples = gold_examples(p)
        roles = p.schema.role_table()
    if len(examples) < MIN_ARTICLES:
        fail(f"{project.name} has {len(examples)} articles with reviewed mentions; cross-validation needs "
             f"at least {MIN_ARTICLES}")
    with tqdm(total=k, desc="cross-validation", unit="fold", disable=None) as bar:
        cv = cross_validate(examples, roles, k, progress=lambda _s, done, _t: bar.update(done - bar.n))
    points = None
    if curve is not None:
        points = learning_curve(examples, roles)
        from tadqiq.gui.plot import save_learning_curve  # Qt only for the picture

        save_learning_curve(points, curve, title=f"{project.name}: learned engine, held-out F1 against gold articles trained on")
    if as_json:
        echo_json({**cv.to_json(), "learning_curve": points})
        return
    echo(ctx, describe_cv(cv))
    if points is not None:
        for pt in points:
            echo(ctx, f"  {pt['articles']:>5} articles: trigger F1 {pt['trigger_f1']:.3f}, argument F1 "
                      f"{pt['argument_f1']:.3f} (on {pt['test_articles']} held-out articles)")
        echo(ctx, f"learning curve drawn in {curve}")


def register(group: click.Group) -> None:
    group.add_command(extract_cmd)
    group.add_command(evaluate_cmd)
