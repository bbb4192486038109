"""The ``tadqiq`` command: a thin caller of the use cases, plus the way into the GUI.

``tadqiq`` alone opens the GUI on the demo project; ``tadqiq PROJECT`` opens that project;
``tadqiq COMMAND ...`` runs a command. Command modules (``tadqiq/cli/project.py``, ``export.py``,
``extract.py``) each have a ``register(group)`` function that adds their commands; they are listed
here, so a frozen bundle sees them as ordinary imports.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from tadqiq.core.version import __version__
from tadqiq.cli.errors import debugging, os_error_message, other_error_message, unicode_error_message
from tadqiq.cli.output import fail
from tadqiq.db.project import note_operation


class TadqiqGroup(click.Group):
    """A group whose first positional argument may be a project file instead of a command, and
    the one top-level handler: whatever error gets out of a command is one line, never a
    traceback (tadqiq/cli/errors.py)."""

    _VALUE_OPTIONS = {"--reviewer"}

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        i = 0
        while i < len(args):
            arg = args[i]
            if arg in self._VALUE_OPTIONS:
                i += 2
                continue
            if arg.startswith("-"):
                i += 1
                continue
            if arg not in self.commands:
                args = [*args[:i], "gui", *args[i:]]
            break
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - the last word; TADQIQ_DEBUG=1 re-raises
            if debugging() or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
                raise  # click ends quietly on a closed pipe (`tadqiq show ... | head`)
            command = f"tadqiq {ctx.invoked_subcommand or 'gui'}"
            if isinstance(exc, OSError):
                fail(os_error_message(exc, command))
            if isinstance(exc, UnicodeError):
                fail(unicode_error_message(exc, command))
            message, code = other_error_message(exc, command)
            fail(message, code)
            raise  # not reached: fail exits


@click.group(cls=TadqiqGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tadqiq")
@click.option("--reviewer", metavar="NAME", help="Reviewer name for this session (GUI); no prompt.")
@click.option("--visual", is_flag=True,
              help="Print Arabic in visual order, for terminals without bidi support.")
@click.pass_context
def cli(ctx: click.Context, reviewer: str | None, visual: bool) -> None:
    """Tadqiq (تدقيق): review events extracted from Arabic news.

    \b
    tadqiq                    open the GUI on the demo project
    tadqiq PROJECT            open the GUI on a project file
    tadqiq COMMAND ...        see the commands below
    """
    ctx.ensure_object(dict)
    note_operation(f"tadqiq {ctx.invoked_subcommand or 'gui'}")  # named in a waiting writer's message
    ctx.obj["reviewer"] = reviewer
    ctx.obj["visual"] = visual
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui, project=None)


@cli.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reviewer", "reviewer_here", metavar="NAME", help="Reviewer name (same as the global option).")
@click.pass_context
def gui(ctx: click.Context, project: Path | None, reviewer_here: str | None) -> None:
    """Open the review window on PROJECT (default: the demo project)."""
    from tadqiq.app.demo import ensure_demo_project

    problem = no_display_problem(os.environ, sys.platform)
    if problem:
        fail(problem)
    reviewer = reviewer_here or ctx.obj.get("reviewer")
    if project is None:
        project = ensure_demo_project(echo=lambda msg: click.echo(msg, err=True))
    from tadqiq.cli.gui_launch import launch  # Qt is imported only here

    raise SystemExit(launch(project, reviewer=reviewer))


def no_display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here, before Qt aborts with a misleading message (it blames a
    missing xcb library when there is simply no display), or None."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). Run it in a "
            "desktop session, over `ssh -X`, or on a virtual screen: `xvfb-run tadqiq ...`. Every "
            "command (import, extract, export, search ...) works without a display.")


def _register_command_modules() -> None:
    from tadqiq.cli import export, extract, notes, project, train

    for module in (export, extract, notes, project, train):
        module.register(cli)


_register_command_modules()


def main() -> None:
    # In a frozen bundle on Windows/macOS, worker processes (import, extract) are spawned by
    # re-running this executable: freeze_support hands them to multiprocessing instead.
    multiprocessing.freeze_support()
    cli(prog_name="tadqiq")


if __name__ == "__main__":
    main()
