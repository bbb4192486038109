"""``tadqiq check``: every problem a project file has, as a list — never stopping on the first.

Each part (SQLite's integrity check, foreign keys, text hashes, trigger and argument spans,
event types) runs on its own: a part that cannot be read at all is itself one problem, and the
parts after it still run. Text that is not valid UTF-8 in the file (damage) is read with
replacement characters, so it shows up as a changed text instead of stopping the check.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable

from tadqiq.core.schema import EventSchema
from tadqiq.db.repair import derived_problems


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _lenient(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def check_file(uri: str, why: str) -> list[str]:
    """The parts of the check that need no stored schema, on a file that could not be opened as
    a project (``why``: the error that stopped the opening, listed first)."""
    problems = [f"opening: {why}"]
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        return [*problems, f"file: cannot be read at all ({exc})"]
    try:
        return problems + check_project(conn, None)
    finally:
        conn.close()


def check_project(conn: sqlite3.Connection, schema: EventSchema | None) -> list[str]:
    """Every problem found: SQLite integrity, foreign keys, text hashes, every span, types."""
    problems: list[str] = []
    saved_factory = conn.text_factory
    conn.text_factory = _lenient
    try:
        for name, part in _PARTS:
            try:
                problems.extend(part(conn, schema))
            except sqlite3.DatabaseError as exc:
                problems.append(f"{name}: cannot be read ({exc})")
    finally:
        conn.text_factory = saved_factory
    return problems


def _integrity(conn: sqlite3.Connection, _schema: EventSchema) -> Iterable[str]:
    return [f"integrity: {r[0]}" for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]


def _foreign_keys(conn: sqlite3.Connection, _schema: EventSchema) -> Iterable[str]:
    return [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check").fetchall()]


def _hashes(conn: sqlite3.Connection, _schema: EventSchema) -> Iterable[str]:
    for ext_id, text, digest in conn.execute("SELECT ext_id, text, sha256 FROM articles"):
        if not isinstance(text, str) or _sha256(text) != digest:
            yield f"article {ext_id}: text changed after import (sha256 differs)"


def _triggers(conn: sqlite3.Connection, _schema: EventSchema) -> Iterable[str]:
    for ext_id, eid, start, end, stored in conn.execute(
        "SELECT a.ext_id, e.id, e.trigger_start, e.trigger_end, e.trigger_text FROM events e"
        " JOIN articles a ON a.id = e.article_id WHERE e.trigger_end > length(a.text)"
        " OR substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) IS NOT e.trigger_text"
    ):
        yield f"article {ext_id} event {eid}: trigger {start}..{end} is not {stored!r}"


def _arguments(conn: sqlite3.Connection, _schema: EventSchema) -> Iterable[str]:
    for ext_id, eid, role, start, end, stored in conn.execute(
        "SELECT a.ext_id, e.id, g.role, g.start, g.\"end\", g.text FROM arguments g"
        " JOIN events e ON e.id = g.event_id JOIN articles a ON a.id = e.article_id"
        " WHERE g.\"end\" > length(a.text) OR substr(a.text, g.start + 1, g.\"end\" - g.start) IS NOT g.text"
    ):
        yield f"article {ext_id} event {eid}: {role} {start}..{end} is not {stored!r}"


def _types(conn: sqlite3.Connection, schema: EventSchema | None) -> Iterable[str]:
    if schema is None:  # the stored schema could not be read: listed as the opening problem
        return
    for eid, etype in conn.execute("SELECT id, type FROM events"):
        if etype not in schema.types:
            yield f"event {eid}: type {etype!r} not in schema {schema.name}"


def _derived(conn: sqlite3.Connection, _schema: EventSchema | None) -> Iterable[str]:
    return derived_problems(conn)


def _listed(part: Callable[[sqlite3.Connection, EventSchema], Iterable[str]]):
    return lambda conn, schema: list(part(conn, schema))  # read it whole inside the part's guard


_PARTS = [
    ("integrity", _integrity),
    ("foreign keys", _foreign_keys),
    ("article texts", _listed(_hashes)),
    ("triggers", _listed(_triggers)),
    ("arguments", _listed(_arguments)),
    ("event types", _listed(_types)),
    ("search index and queue counts", _listed(_derived)),
]
