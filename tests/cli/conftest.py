from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from tadqiq.cli.main import cli


@pytest.fixture
def run():
    """Run `tadqiq ARGS...` in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def _dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def dump():
    """The whole SQL dump of a database file, to show a failed command changed nothing."""
    return _dump
