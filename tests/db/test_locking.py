"""Write transactions begin IMMEDIATE, wait as long as the busy timeout, and name the holder."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys

import pytest

from tadqiq.db.locking import busy_message, busy_timeout, note_operation, note_path
from tadqiq.db.project import Project, ProjectBusy, ProjectError


@pytest.fixture
def project(tmp_path):
    p = tmp_path / "p.db"
    Project.open(p).close()
    return p


def test_a_write_transaction_takes_the_write_lock_at_once(project):
    with Project.open(project) as p, p.transaction():
        other = sqlite3.connect(project, timeout=0)
        try:  # with a plain BEGIN another writer could still start here
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_the_note_is_there_while_the_lock_is_held_and_gone_after(project):
    note_operation("tadqiq test-op")
    with Project.open(project) as p:
        with p.transaction():
            note = json.loads(note_path(project).read_text(encoding="utf-8"))
            assert note["operation"] == "tadqiq test-op" and note["host"] == socket.gethostname()
        assert not note_path(project).exists()
        with pytest.raises(RuntimeError), p.transaction():
            raise RuntimeError("rolled back")
        assert not note_path(project).exists()


def test_a_held_lock_past_the_timeout_is_a_busy_error_naming_nobody_when_no_note(project, monkeypatch):
    monkeypatch.setenv("TADQIQ_BUSY_TIMEOUT", "0.05")
    holder = sqlite3.connect(project)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Project.open(project) as p:
            with pytest.raises(ProjectBusy) as err, p.transaction():
                pass
    finally:
        holder.close()
    message = str(err.value)
    assert message.startswith(f"{project}: the project is busy: another process holds its write lock")
    assert "no Tadqiq operation noted" in message and "check" not in message


def test_a_stale_note_of_an_ended_process_is_not_named_as_the_holder(project):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(gone.stdout)
    note_path(project).write_text(json.dumps({"operation": "tadqiq import", "pid": pid, "host": socket.gethostname(),
                                              "since": "2026-01-01T10:02:11+00:00"}), encoding="utf-8")
    message = busy_message(project)
    assert "another program holds its write lock" in message
    assert f"`tadqiq import` (pid {pid} on {socket.gethostname()}, since 2026-01-01" in message
    assert "has ended" in message


@pytest.mark.parametrize(("raw", "seconds"), [("", 30.0), ("2.5", 2.5), ("0", 0.0)])
def test_the_busy_timeout_comes_from_the_environment(monkeypatch, raw, seconds):
    monkeypatch.setenv("TADQIQ_BUSY_TIMEOUT", raw)
    assert busy_timeout() == seconds


@pytest.mark.parametrize("raw", ["soon", "-1", "nan"])
def test_a_bad_busy_timeout_is_refused_by_name(monkeypatch, raw):
    monkeypatch.setenv("TADQIQ_BUSY_TIMEOUT", raw)
    with pytest.raises(ProjectError, match="TADQIQ_BUSY_TIMEOUT"):
        busy_timeout()
