"""Mention versions (migration 0005, db/versions.py): every committed change gives a mention a
version it never had, whoever writes it; a writer that says what it loaded (``expect``) writes
nothing over a mention another process changed meanwhile.

Two Project objects on one file stand for two processes (two SQLite connections, each its own
transactions and locks); a plain sqlite3 connection stands for another tool.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from tadqiq.core import review
from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.db import migrations
from tadqiq.db.history import mention_state
from tadqiq.db.project import Project
from tadqiq.db.versions import MentionChanged

TEXT = "قصفت طائرات حربية مواقع في ريف إدلب الجنوبي أمس، وقتل ثلاثة مدنيين في القصف."


def span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


def proposals() -> tuple[Mention, ...]:
    attack = Mention("Conflict.Attack", span("قصفت"), (Argument("Attacker", span("طائرات حربية")),
                                                       Argument("Target", span("مواقع"))),
                     origin="extractor:test@1", confidence=0.9)
    die = Mention("Life.Die", span("قتل"), (Argument("Victim", span("ثلاثة مدنيين")),), origin="extractor:test@1")
    return attack, die


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "p.db"
    with Project.open(p) as project:
        project.import_items([ImportItem(Article("doc-a", TEXT, "t"), proposals())])
    return p


@pytest.fixture
def two(path):
    """Two processes' Projects on one file: (this window's, the other one's)."""
    a, b = Project.open(path), Project.open(path)
    yield a, b
    a.close()
    b.close()


def _clock(project: Project) -> int:
    return project.db.execute("SELECT version FROM mention_clock").fetchone()[0]


def _versions(path) -> dict[int, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, version FROM events"))
    finally:
        conn.close()


def test_every_change_gives_a_new_version_and_the_clock_stays_above_them(two):
    a, _b = two
    attack = a.mentions(1)[0]
    seen = {attack.version}
    assert attack.version > 0 and _clock(a) > attack.version  # stamped by the import, clock moved on
    for step in range(3):
        attack = a.save_mention(1, review.with_next_attribute(attack, "polarity", a.schema.attributes["polarity"],
                                                              "amal"), reviewer="amal", action=f"a#{step}")
        assert attack.version not in seen  # what save_mention returns carries the stored version
        seen.add(attack.version)
        assert a.mention(attack.id).version == attack.version < _clock(a)


def test_a_write_that_does_not_stamp_is_versioned_by_the_triggers(path):
    """Another tool changing one argument or attribute row, nothing else, still changes the
    version; so does a second such change in the same transaction of that tool."""
    before = _versions(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE arguments SET role = 'Place' WHERE event_id = 1 AND position = 1")
    conn.commit()
    after_arg = _versions(path)
    assert after_arg[1] != before[1] and after_arg[2] == before[2]
    conn.execute("UPDATE attributes SET value = 'negative' WHERE event_id = 2 AND name = 'polarity'")
    conn.execute("INSERT INTO arguments (event_id, position, role, start, \"end\", text) VALUES (2, 1, 'Place', 0, 4, 'قصفت')")
    conn.commit()
    after_attr = _versions(path)
    assert after_attr[2] not in (before[2], after_arg[2]) and after_attr[1] == after_arg[1]
    clock = conn.execute("SELECT version FROM mention_clock").fetchone()[0]
    conn.execute("DELETE FROM arguments WHERE event_id = 2 AND position = 1")
    conn.commit()
    assert _versions(path)[2] not in (before[2], after_arg[2], after_attr[2])
    assert max(_versions(path).values()) < conn.execute("SELECT version FROM mention_clock").fetchone()[0] > clock
    conn.close()


def test_a_mention_stored_again_under_its_id_never_gets_a_version_seen_before(two):
    """An extract replacing proposals reuses the ids of the ones it removes (SQLite gives the
    next rowid), so a count per mention would start again at the old number."""
    a, _b = two
    old = {m.id: m.version for m in a.mentions(1)}
    a.replace_proposals(1, "extractor:test@1", list(proposals()), reviewer="extractor:test@1")
    new = {m.id: m.version for m in a.mentions(1)}
    assert set(new) == set(old)  # the same ids again ...
    assert all(new[i] != old[i] for i in new)  # ... never with the version they had


def test_a_write_over_a_mention_another_process_changed_is_refused_and_stores_nothing(two):
    a, b = two
    shown = a.mentions(1)[0]  # this window loads the attack
    theirs = b.save_mention(1, review.rejected(b.mention(shown.id), "omar"), reviewer="omar", action="reject#x")
    history_before = len(a.history(limit=10_000))
    with pytest.raises(MentionChanged, match=r"mention 1 \(Conflict.Attack «قصفت»\) of article 1 was changed by "
                                             r"another process since it was loaded; nothing was written") as err:
        a.save_mention(1, review.accepted(shown, "amal"), reviewer="amal", action="accept#y", expect=shown)
    assert err.value.stored == theirs and err.value.loaded == shown and err.value.label == "Conflict.Attack «قصفت»"
    assert a.mention(shown.id) == theirs and a.mention(shown.id).status == "rejected"
    assert len(a.history(limit=10_000)) == history_before  # no history row either
    # what it loads now it may write over
    fresh = a.mention(shown.id)
    saved = a.save_mention(1, review.accepted(fresh, "amal"), reviewer="amal", action="accept#z", expect=fresh)
    assert saved.status == "confirmed" and saved.version != theirs.version


def test_a_removed_mention_and_one_stored_under_a_known_absent_id_are_refused(two):
    a, b = two
    shown = a.mention(2)
    b.delete_mention(2, reviewer="omar", action="x#1")
    with pytest.raises(MentionChanged, match="was removed by another process"):
        a.save_mention(1, review.accepted(shown, "amal"), reviewer="amal", action="accept#y", expect=shown)
    with pytest.raises(MentionChanged, match="was removed by another process"):
        a.delete_mention(2, reviewer="amal", action="x#2", expect=shown)
    assert a.mentions(1) == b.mentions(1) and [m.id for m in a.mentions(1)] == [1]
    # this window knows mention 2 as absent (it undid its "new mention"); another process stored
    # one under that id meanwhile: redoing it would overwrite that one
    b.save_mention(1, shown, reviewer="omar", action="redo#1")
    with pytest.raises(MentionChanged, match="was stored by another process under the same id"):
        a.save_mention(1, review.accepted(shown, "amal"), reviewer="amal", action="redo#2", expect=None)
    assert a.mention(2).status == "proposed"


def test_without_a_version_the_same_content_passes_and_other_content_does_not(two):
    """A command rebuilt from the history after a restart knows the mention's content, not its
    version (history rows store the mention as JSON)."""
    a, b = two
    saved = a.save_mention(1, review.accepted(a.mention(1), "amal"), reviewer="amal", action="accept#1")
    from_history = mention_state(a.history("amal", limit=1)[-1].after)
    assert from_history.version is None and from_history.to_json() == saved.to_json()
    a.save_mention(1, review.rejected(from_history, "amal"), reviewer="amal", action="reject#2", expect=from_history)
    b.save_mention(1, review.accepted(b.mention(1), "omar"), reviewer="omar", action="accept#3")
    stale = mention_state(a.history("amal", limit=1)[-1].after)  # amal's reject, since overwritten by omar
    with pytest.raises(MentionChanged):
        a.save_mention(1, review.accepted(stale, "amal"), reviewer="amal", action="undo:reject#2", expect=stale)
    assert a.mention(1).reviewer == "omar"


def test_an_outdated_version_with_the_same_content_passes(two):
    """This window's own undo of a later action stored the content again under a new version:
    the earlier action, which knows the older version, may still be undone."""
    a, _b = two
    first = a.mention(1)
    accepted = a.save_mention(1, review.accepted(first, "amal"), reviewer="amal", action="accept#1", expect=first)
    noted = a.save_mention(1, replace(accepted, notes="n"), reviewer="amal", action="note#2", expect=accepted)
    back = a.save_mention(1, accepted, reviewer="amal", action="undo:note#2", expect=noted)
    assert back == accepted and back.version != accepted.version
    a.save_mention(1, first, reviewer="amal", action="undo:accept#1", expect=accepted)
    assert a.mention(1) == first


def test_data_version_tells_another_connections_commit_from_ones_own(two):
    a, b = two
    start = a.data_version()
    a.save_mention(1, review.accepted(a.mention(1), "amal"), reviewer="amal", action="accept#1")
    assert a.data_version() == start  # its own commit
    b.set_article_status(1, "in_progress", reviewer="omar")
    moved = a.data_version()
    assert moved != start
    assert a.data_version() == moved  # nothing new since
    assert a.mention_versions(1) == {m.id: m.version for m in b.mentions(1)}


def _project_of_version_4(path) -> None:
    """A project file as Tadqiq wrote it before migration 0005: the migrations 0001-0004 (the
    real ones), the schema, one article with its search row and two proposals, in plain SQL."""
    import hashlib

    from sqlite_utils import Database

    from tadqiq.core.schema import DEFAULT_SCHEMA, load_schema
    from tadqiq.db.rows import argument_row, event_row
    from tadqiq.db.search import search_shadow

    db = Database(path)
    migrations.MIGRATIONS.apply(db, stop_before="0005_mention_versions")
    db.execute("PRAGMA user_version = 4")
    conn = db.conn
    schema = load_schema(DEFAULT_SCHEMA)
    with conn:
        conn.execute("INSERT INTO event_schema VALUES (?, ?, ?, 'then')", (schema.name, schema.version, schema.to_json()))
        conn.execute("INSERT INTO articles (id, ext_id, title, text, sha256, imported_at) VALUES (1, 'doc-a', 't', ?, ?,"
                     " 'then')", (TEXT, hashlib.sha256(TEXT.encode()).hexdigest()))
        conn.execute("INSERT INTO articles_fts (rowid, shadow) VALUES (1, ?)", (search_shadow(TEXT),))
        for n, m in enumerate(proposals(), 1):
            conn.execute("INSERT INTO events (id, article_id, type, trigger_start, trigger_end, trigger_text, status,"
                         " origin, confidence, rule, reviewer, notes, link, created_at, updated_at)"
                         " VALUES (?, 1, ?,?,?,?,?,?,?,?,?,?,?, 'then', 'then')", (n, *event_row(m)))
            for i, arg in enumerate(m.arguments):
                conn.execute('INSERT INTO arguments (event_id, position, role, start, "end", text, value, confidence,'
                             " rule) VALUES (?, ?, ?,?,?,?,?,?,?)", (n, i, *argument_row(arg)))
            conn.executemany("INSERT INTO attributes VALUES (?, ?, ?)", [(n, k, v) for k, v in m.attributes.items()])
    db.close()


def test_an_older_project_upgrades_passes_check_and_versions_its_mentions(tmp_path):
    path = tmp_path / "old.db"
    _project_of_version_4(path)
    with Project.open(path) as p:
        assert p.migrated == ["0005_mention_versions"] and p.backup_path is not None and p.backup_path.exists()
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == 5
        assert p.check() == []  # tadqiq check: integrity, spans, and the triggers as a new file has them
        assert [m.version for m in p.mentions(1)] == [0, 0]
        shown = p.mention(1)
        saved = p.save_mention(1, review.accepted(shown, "amal"), reviewer="amal", action="accept#1", expect=shown)
        assert saved.version > 0
        assert p.mention(2).version == 0  # untouched
        assert p.check() == []
    with Project.open(path) as again:
        with pytest.raises(MentionChanged):  # a window that loaded it at 0 writes nothing over the accept
            again.save_mention(1, review.rejected(shown, "omar"), reviewer="omar", action="reject#2", expect=shown)


def test_another_real_process_change_is_noticed_and_not_overwritten(two, path):
    """The same with the other writer a real process (its own SQLite library state, locks and
    shared memory), not a second connection of this one."""
    import subprocess
    import sys

    a, _b = two
    shown = a.mention(1)
    seen = a.data_version()
    script = ("import sys\nfrom tadqiq.core import review\nfrom tadqiq.db.project import Project\n"
              "with Project.open(sys.argv[1]) as p:\n"
              "    p.save_mention(1, review.rejected(p.mention(1), 'omar'), reviewer='omar', action='reject#p')\n")
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    assert a.data_version() != seen
    assert a.mention_versions(1)[1] != shown.version
    with pytest.raises(MentionChanged):
        a.save_mention(1, review.accepted(shown, "amal"), reviewer="amal", action="accept#1", expect=shown)
    assert a.mention(1).reviewer == "omar"


def test_tadqiq_upgrade_then_check_pass_on_an_older_project(tmp_path):
    """The commands a user runs: `tadqiq check` names the migration needed (reading never
    migrates), `tadqiq upgrade` applies 0005 with a backup, then `tadqiq check` passes."""
    from click.testing import CliRunner

    from tadqiq.cli.main import cli

    path = tmp_path / "old.db"
    _project_of_version_4(path)
    runner = CliRunner()
    before = runner.invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert before.exit_code != 0 and "0005_mention_versions" in before.output + before.stderr
    upgraded = runner.invoke(cli, ["upgrade", str(path)], catch_exceptions=False)
    assert upgraded.exit_code == 0, upgraded.stderr
    after = runner.invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert after.exit_code == 0, after.output + after.stderr
    with Project.open(path, read_only=True) as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == 5 and len(p.mentions(1)) == 2


def test_after_a_restore_no_version_seen_before_comes_back(two, path):
    """A restore puts older versions and an older clock back; the clock goes on from where the
    replaced file's was, so a window that read the replaced file's mentions meets none of their
    versions again on another content."""
    a, b = two
    backup, _ = Project.backup(path)
    for step in range(5):  # later work in the project: versions and the clock move on
        m = a.mention(1)
        a.save_mention(1, replace(m, notes=f"n{step}"), reviewer="amal", action=f"note#{step}")
    shown = a.mention(1)  # a window read this after the backup
    before = _clock(a)
    Project.restore(path, backup)
    assert a.mention(1).notes is None  # the backup's state is back
    assert _clock(a) > before > shown.version  # the clock did not go back
    for step in range(8):  # as many changes as it takes the old clock to pass shown.version again
        m = b.mention(1)
        b.save_mention(1, replace(m, notes=f"other{step}"), reviewer="omar", action=f"other#{step}")
        assert b.mention(1).version != shown.version
    with pytest.raises(MentionChanged):
        a.save_mention(1, review.accepted(shown, "amal"), reviewer="amal", action="accept#x", expect=shown)
