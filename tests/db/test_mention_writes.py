"""Saving a mention writes it in place: an accept is an UPDATE of its events row, nothing else.

Checked on a real project file, with sqlite3 reading the rows (their rowids) directly and a
log of every row written to events, arguments and attributes (TEMP triggers on the
project's own connection).
"""

from __future__ import annotations

import sqlite3

import pytest

from tadqiq.core import review
from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.db.project import Project

TEXT = "قصفت طائرات حربية مواقع في ريف إدلب الجنوبي أمس، وقتل ثلاثة مدنيين في القصف."


def span(words: str, after: int = 0) -> Span:
    start = TEXT.index(words, after)
    return Span(start, start + len(words), words)


def proposals() -> tuple[Mention, ...]:
    attack = Mention(
        "Conflict.Attack",
        span("قصفت"),
        (
            Argument("Attacker", span("طائرات حربية"), confidence=0.8, rule="att"),
            Argument("Target", span("مواقع")),
            Argument("Place", span("ريف إدلب الجنوبي"), value={"admin1": "Idlib"}),
        ),
        origin="extractor:test@1",
        confidence=0.9,
    )
    die = Mention(
        "Life.Die", span("قتل"), (Argument("Victim", span("ثلاثة مدنيين"), value={"count": 3}),),
        origin="extractor:test@1",
    )
    return attack, die


@pytest.fixture
def project(tmp_path):
    p = Project.open(tmp_path / "p.db")
    p.import_items([ImportItem(Article("doc-a", TEXT, "t"), proposals())])
    p.db.execute("CREATE TEMP TABLE written (what TEXT)")
    for table in ("events", "arguments", "attributes"):
        for op in ("INSERT", "UPDATE", "DELETE"):
            ref = "OLD" if op == "DELETE" else "NEW"
            key = f"{ref}.id" if table != "attributes" else f"{ref}.event_id || ':' || {ref}.name"
            p.db.execute(
                f"CREATE TEMP TRIGGER log_{table}_{op.lower()} AFTER {op} ON {table} "
                f"BEGIN INSERT INTO written VALUES ('{op} {table} ' || {key}); END"
            )
    yield p
    p.close()


def written(p: Project) -> list[str]:
    rows = [r[0] for r in p.db.execute("SELECT what FROM written ORDER BY rowid")]
    p.db.execute("DELETE FROM written")
    return rows


def on_disk(p: Project) -> dict[str, list[tuple]]:
    """The stored rows as another connection sees them: rowids included."""
    conn = sqlite3.connect(p.path)
    try:
        return {
            "events": conn.execute(
                "SELECT rowid, id, type, trigger_start, status, reviewer, created_at FROM events ORDER BY id"
            ).fetchall(),
            "arguments": conn.execute(
                'SELECT rowid, event_id, position, role, start, "end", value FROM arguments ORDER BY event_id, position'
            ).fetchall(),
            "attributes": conn.execute("SELECT event_id, name, value FROM attributes ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def article_id(p: Project) -> int:
    return p.article("doc-a").id


def test_accept_updates_the_events_row_and_nothing_else(project):
    attack = project.mentions(article_id(project))[0]
    before = on_disk(project)
    saved = project.save_mention(article_id(project), review.accepted(attack, "huda"), reviewer="huda",
                                 action="accept")
    assert written(project) == [f"UPDATE events {attack.id}"]
    after = on_disk(project)
    assert after["arguments"] == before["arguments"]  # same rows, same rowids
    assert after["attributes"] == before["attributes"]
    old_row = next(r for r in before["events"] if r[1] == attack.id)
    new_row = next(r for r in after["events"] if r[1] == attack.id)
    assert new_row[0] == old_row[0] == attack.id == saved.id  # same rowid
    assert new_row[4:6] == ("confirmed", "huda") and new_row[6] == old_row[6]  # created_at kept
    assert [a.id for a in saved.arguments] == [a.id for a in attack.arguments]
    entry = project.history("huda")[-1]
    assert entry.action == "accept" and entry.mention_id == attack.id
    assert entry.before == attack.to_json()
    assert entry.after == saved.to_json() == {**attack.to_json(), "status": "confirmed", "reviewer": "huda"}


def test_reject_then_undo_from_the_history_row(project):
    aid = article_id(project)
    attack = project.mentions(aid)[0]
    original = on_disk(project)
    project.save_mention(aid, review.rejected(attack, "huda"), reviewer="huda", action="reject")
    entry = project.history("huda")[-1]
    assert (entry.before["status"], entry.after["status"]) == ("proposed", "rejected")
    written(project)
    # undo replays the history row's before: no argument ids there, the rows are found by content
    restored = project.save_mention(aid, review_state(entry.before), reviewer="huda", action="undo",
                                    undoes=entry.id)
    assert written(project) == [f"UPDATE events {attack.id}"]
    assert restored == attack.with_(arguments=restored.arguments) and restored.arguments == attack.arguments
    now = on_disk(project)
    assert now["arguments"] == original["arguments"] and now["attributes"] == original["attributes"]
    assert [r[:5] for r in now["events"]] == [r[:5] for r in original["events"]]


def review_state(data: dict) -> Mention:
    from tadqiq.db.history import mention_state

    m = mention_state(data)
    assert m is not None and all(a.id is None for a in m.arguments)
    return m


def test_changing_one_argument_writes_that_row_only(project):
    aid = article_id(project)
    attack = project.mentions(aid)[0]
    args = list(attack.arguments)
    args[1] = Argument("Target", span("مواقع في ريف إدلب الجنوبي"), id=args[1].id)
    saved = project.save_mention(aid, review.edited(attack, "huda", arguments=tuple(args)), reviewer="huda",
                                 action="set-argument")
    assert written(project) == [f"UPDATE events {attack.id}", f"UPDATE arguments {attack.arguments[1].id}"]
    assert [a.id for a in saved.arguments] == [a.id for a in attack.arguments]
    assert saved.arguments[1].span.text == "مواقع في ريف إدلب الجنوبي" and saved.status == "corrected"
    # the same edit built without ids (as a value editor might) finds the same rows
    again = project.save_mention(aid, saved.with_(arguments=tuple(a.__class__(a.role, a.span, a.value, a.confidence,
                                                                               a.rule) for a in saved.arguments)),
                                 reviewer="huda", action="edit")
    assert written(project) == [f"UPDATE events {attack.id}"] and again.arguments == saved.arguments


def test_removing_and_adding_arguments(project):
    aid = article_id(project)
    attack = project.mentions(aid)[0]
    a1, a2, a3 = attack.arguments
    fewer = project.save_mention(aid, review.without_argument(attack, 0, "huda"), reviewer="huda",
                                 action="remove-argument")
    assert written(project) == [f"UPDATE events {attack.id}", f"DELETE arguments {a1.id}",
                                f"UPDATE arguments {a2.id}", f"UPDATE arguments {a3.id}"]  # positions move up
    assert [(a.id, a.role) for a in fewer.arguments] == [(a2.id, "Target"), (a3.id, "Place")]
    time = Argument("Time", span("أمس"))
    more = project.save_mention(aid, fewer.with_(arguments=(*fewer.arguments, time)), reviewer="huda",
                                action="add-argument")
    log = written(project)
    assert log[0] == f"UPDATE events {attack.id}" and len(log) == 2 and log[1].startswith("INSERT arguments ")
    assert [a.id for a in more.arguments[:2]] == [a2.id, a3.id] and more.arguments[2].span == time.span
    # undo both: the history's before states, ids or not, come back with the rows reused
    for entry in reversed(project.history("huda")[-2:]):
        project.save_mention(aid, review_state(entry.before), reviewer="huda", action="undo", undoes=entry.id)
    back = project.mention(attack.id)
    assert [(a.role, a.span, a.value) for a in back.arguments] == [(a.role, a.span, a.value) for a in attack.arguments]
    stored = project.db.execute("SELECT count(*) FROM arguments WHERE event_id = ?", [attack.id]).fetchone()[0]
    assert stored == 3


def test_an_attribute_change_writes_that_attribute_only(project):
    aid = article_id(project)
    die = project.mentions(aid)[1]
    saved = project.save_mention(aid, review.with_next_attribute(die, "modality", ("asserted", "reported"), "huda"),
                                 reviewer="huda", action="modality")
    assert written(project) == [f"UPDATE events {die.id}", f"UPDATE attributes {die.id}:modality"]
    assert saved.attributes == {**die.attributes, "modality": "reported"}


def test_redo_of_a_new_mention_inserts_it_again_under_its_id(project):
    aid = article_id(project)
    new = project.save_mention(aid, review.added("Conflict.Attack", TEXT, *_at("القصف"), "huda"), reviewer="huda",
                               action="new")
    new = project.save_mention(aid, new.with_(arguments=(Argument("Place", span("ريف إدلب الجنوبي")),)),
                               reviewer="huda", action="argument")
    written(project)
    project.delete_mention(new.id, reviewer="huda", action="undo:new")
    assert project.db.execute("SELECT count(*) FROM arguments WHERE event_id = ?", [new.id]).fetchone()[0] == 0
    assert project.db.execute("SELECT count(*) FROM attributes WHERE event_id = ?", [new.id]).fetchone()[0] == 0
    written(project)
    again = project.save_mention(aid, new, reviewer="huda", action="redo:new")
    log = written(project)
    assert log[0] == f"INSERT events {new.id}" and len(log) == 1 + 1 + len(new.attributes)
    assert again.id == new.id and [(a.role, a.span) for a in again.arguments] == [(a.role, a.span) for a in
                                                                                   new.arguments]
    entry = project.history("huda")[-1]
    assert entry.before is None and entry.after == again.to_json()
    assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []


def _at(words: str) -> tuple[int, int]:
    s = span(words, TEXT.index("وقتل"))
    return s.start, s.end


def test_a_save_is_one_transaction(project):
    """A write refused after the events row was updated leaves the events row as it was."""
    aid = article_id(project)
    attack = project.mentions(aid)[0]
    before = on_disk(project)
    history = len(project.history(limit=10_000))
    project.db.execute("CREATE TEMP TRIGGER refuse BEFORE UPDATE ON arguments "
                       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    edited = review.without_argument(attack, 0, "huda")
    with pytest.raises(sqlite3.DatabaseError, match="refused by the test"):
        project.save_mention(aid, edited, reviewer="huda", action="remove-argument")
    assert on_disk(project) == before and len(project.history(limit=10_000)) == history
    assert project.mention(attack.id) == attack


def test_a_mention_of_another_article_is_refused(project):
    other = project.import_items([ImportItem(Article("doc-b", TEXT + " ", "t"))])
    assert other.articles_added == 1
    attack = project.mentions(article_id(project))[0]
    before = on_disk(project)
    with pytest.raises(ValueError, match=f"mention {attack.id} belongs to article"):
        project.save_mention(project.article("doc-b").id, review.accepted(attack, "huda"), reviewer="huda",
                             action="accept")
    assert on_disk(project) == before
