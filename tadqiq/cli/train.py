"""``tadqiq train``: train the learned engine on a project's gold and store it in the project.

Cross-validates first (``--cross-validate K``, split by article), prints the held-out scores of
the learned engine beside the rule engine's and the combined engine's calibration, then trains
on all the gold and stores the model as a new version with the gold snapshot it saw.
``tadqiq train PROJECT --list`` shows the stored versions.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import click
from tqdm import tqdm

from tadqiq.app.training import train_project
from tadqiq.cli.output import echo, echo_json, fail, friendly_errors
from tadqiq.db.project import Project


@click.command(name="train")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--engine", "engine_name", type=click.Choice(["learned"]), default="learned", show_default=True,
              help="The engine to train (the rule engine learns nothing).")
@click.option("--cross-validate", "k", type=click.IntRange(min=0), default=5, show_default=True,
              help="Folds (by article) measured before training; 0 skips it (no calibration then).")
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True, help="Processes (the two CRFs).")
@click.option("--list", "list_models", is_flag=True, help="List the stored models and their scores; train nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
@friendly_errors
def train_cmd(ctx: click.Context, project: Path, engine_name: str, k: int, jobs: int, list_models: bool,
              as_json: bool) -> None:
    """Train the learned engine on PROJECT's gold (confirmed, corrected, added; rejected = negatives)."""
    if not project.exists():
        fail(f"{project}: no such project file")
    if k == 1:
        fail("--cross-validate needs at least 2 folds (or 0 to skip it)")
    with Project.open(project, create=False, read_only=list_models) as p:
        if list_models:
            rows = p.models(engine_name)
            if as_json:
                echo_json([{"version": m.version, "created_at": m.created_at, "trained_by": m.trained_by,
                            "gold": m.gold, "scores": m.scores} for m in rows])
                return
            if not rows:
                echo(ctx, f"{project.name}: no {engine_name} model yet")
            for m in rows:
                s = (m.scores or {}).get("learned", {})
                score = (f"trigger F1 {s['trigger']['f1']:.3f}, argument F1 {s['argument']['f1']:.3f} "
                         f"({m.scores['k']}-fold)") if s else "not cross-validated"
                echo(ctx, f"{engine_name} v{m.version}  {m.created_at}  by {m.trained_by}: {m.gold['articles']} "
                          f"articles, {m.gold['mentions']} gold mentions; {score}")
            return
        bars: dict[str, tqdm] = {}

        def progress(stage: str, done: int, total: int) -> None:
            bar = bars.get(stage)
            if bar is None:
                bar = bars[stage] = tqdm(total=total, desc=stage, unit="fold" if total > 1 else "model", disable=None)
            bar.update(done - bar.n)

        try:
            result = train_project(p, k=k, reviewer=_who(ctx), jobs=jobs,
                                   progress=progress)
        except ValueError as exc:
            fail(str(exc))
        finally:
            for bar in bars.values():
                bar.close()
    if as_json:
        echo_json({"version": result.version, "gold": result.snapshot, "seconds": round(result.seconds, 1),
                   "cross_validation": result.cv.to_json() if result.cv else None})
        return
    echo(ctx, result.summary())
    echo(ctx, f"stored in {project.name}; `tadqiq extract {project.name} --engine learned` (or combined) uses it")


def _who(ctx: click.Context) -> str:
    return ctx.find_root().obj.get("reviewer") or os.environ.get("TADQIQ_REVIEWER") or getpass.getuser()


def register(group: click.Group) -> None:
    group.add_command(train_cmd)



