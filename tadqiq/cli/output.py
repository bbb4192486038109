"""Printing for the command line: JSON as is, Arabic in logical order unless --visual."""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tadqiq.core.importing.item import ImportProblem
from tadqiq.core.schema import SchemaError
from tadqiq.db.project import Project, ProjectError, SearchError, busy_message, is_busy


def echo(ctx: click.Context, text: str = "", err: bool = False) -> None:
    """Print a line; with --visual, reorder each line for terminals without bidi."""
    if ctx.find_root().obj.get("visual"):
        from bidi import get_display

        text = "\n".join(get_display(line) for line in text.split("\n"))
    click.echo(text, err=err)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 1) -> None:
    click.echo(f"tadqiq: error: {message}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"tadqiq: warning: {message}", err=True)


def warn_if_on_network(project: object) -> None:
    """A project on a network file system is worth a warning before any command works on it
    (db/network_fs.py): SQLite's locks may not hold there."""
    if isinstance(project, (str, Path)):
        message = Project.network_warning(project)
        if message:
            warn(message)


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the errors a user can cause into one clear line and exit status 1; warn first when
    the command's project is on a network file system."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            warn_if_on_network(kwargs.get("project"))
            return func(*args, **kwargs)
        except (ImportProblem, ProjectError, SearchError, SchemaError) as exc:
            fail(str(exc))
        except KeyError as exc:
            fail(str(exc.args[0]) if exc.args else "not found")
        except sqlite3.DatabaseError as exc:  # a busy, damaged or unwritable file met after opening
            where = kwargs.get("project", "the project file")
            if is_busy(exc):  # busy is not damaged: say who holds it, hint at nothing else
                fail(busy_message(Path(where)))
            hint = "" if func.__name__ == "check" else f"; `tadqiq check {where}` says more"
            fail(f"{where}: cannot read or write the project file ({exc}){hint}")

    return wrapper
