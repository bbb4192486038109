"""Every command pushed, undone and redone against a real project file; undo survives a restart."""

from __future__ import annotations

import pytest

from tadqiq.db.project import Project
from tadqiq.gui.commands import (
    AcceptAllCommand, AcceptMentionCommand, ChangeTypeCommand, CycleAttributeCommand, LinkMentionsCommand,
    NewMentionCommand, RejectMentionCommand, RemoveArgumentCommand, SetArgumentCommand, SetValueCommand,
    UnlinkMentionCommand, rebuild_undo_stack,
)
from tadqiq.db.history import parse_action
from tadqiq.gui.document import ReviewDocument

HOUSE = "house-hama-001"


@pytest.fixture
def doc(qapp, project):
    d = ReviewDocument(project, "mariam")
    d.open_article(HOUSE)
    return d


def stored(doc, mention_id):
    return next((m for m in doc.project.mentions(doc.article.id) if m.id == mention_id), None)


def snapshot(doc):
    return [m.to_json() for m in doc.project.mentions(doc.article.id)]


def make_commands(doc):
    """(name, factory) for every command kind; each factory builds from the current state."""
    text = doc.article.text
    place = text.index("ريف حماة الشمالي،")  # the body's, not the teaser's or the caption's
    meeting = text.index("مؤتمر")  # مؤتمر صحافي: an event word no mention has

    def first():
        return doc.mentions[0]

    return {
        "accept": lambda: AcceptMentionCommand(doc, first()),
        "reject": lambda: RejectMentionCommand(doc, first()),
        "set-argument": lambda: SetArgumentCommand(doc, first(), "Place", place, place + 16, index=None),
        "respan": lambda: SetArgumentCommand(doc, first(), "Place", place, place + 8, index=2),
        "remove-argument": lambda: RemoveArgumentCommand(doc, first(), 0),
        "set-value": lambda: SetValueCommand(doc, first(), 0, {"kind": "actor", "name": "تنظيم داعش", "known": True}),
        "change-type": lambda: ChangeTypeCommand(doc, first(), "Life.Die"),
        "new-mention": lambda: NewMentionCommand(doc, "Contact.Meet", meeting, meeting + 5),
        "attribute": lambda: CycleAttributeCommand(doc, first(), "modality"),
        "link": lambda: LinkMentionsCommand(doc, doc.mentions[1], doc.mentions[3]),
        "unlink": lambda: UnlinkMentionCommand(doc, first()),
        "accept-all": lambda: AcceptAllCommand(doc),
    }


@pytest.mark.parametrize("name", [
    "accept", "reject", "set-argument", "respan", "remove-argument", "set-value", "change-type", "new-mention",
    "attribute", "link", "unlink", "accept-all"])
def test_command_push_undo_redo_writes_through(doc, name):
    before = snapshot(doc)
    command = make_commands(doc)[name]()
    doc.undo_stack.push(command)
    after = snapshot(doc)
    assert after != before or name == "unlink"
    assert [m.to_json() for m in doc.mentions] == after  # the screen shows what is stored
    doc.undo_stack.undo()
    assert snapshot(doc) == before
    assert [m.to_json() for m in doc.mentions] == before
    doc.undo_stack.redo()
    assert snapshot(doc) == after
    actions = [h.action for h in doc.project.history("mariam")]
    last = [a for a in actions if a != "article_status"][-1]
    assert parse_action(last)[:2] == ("redo", command.verb)
    assert any(parse_action(a) and parse_action(a)[:2] == ("undo", command.verb) for a in actions)


def test_accept_sets_confirmed_with_reviewer(doc):
    m = doc.mentions[0]
    doc.undo_stack.push(AcceptMentionCommand(doc, m))
    s = stored(doc, m.id)
    assert (s.status, s.reviewer) == ("confirmed", "mariam")


def test_accept_all_marks_the_article_done_and_undo_restores(doc):
    art = doc.article.id
    doc.undo_stack.push(AcceptAllCommand(doc))
    assert {m.status for m in doc.project.mentions(art)} == {"confirmed"}
    assert doc.article_status(art) == "done"
    doc.undo_stack.undo()
    assert {m.status for m in doc.project.mentions(art)} == {"proposed"}
    assert doc.article_status(art) != "done"


def test_new_mention_keeps_its_id_across_undo_and_redo(doc):
    text = doc.article.text
    at = text.index("مؤتمر")  # مؤتمر صحافي: no mention has it yet
    assert not any(m.trigger.start == at for m in doc.mentions)
    cmd = NewMentionCommand(doc, "Contact.Meet", at, at + 5)
    doc.undo_stack.push(cmd)
    new_id = cmd.changes[0].after.id
    assert stored(doc, new_id).status == "added"
    doc.undo_stack.undo()
    assert stored(doc, new_id) is None
    doc.undo_stack.redo()
    assert stored(doc, new_id).trigger.text == "مؤتمر"


def test_change_type_maps_or_drops_roles(doc):
    m = doc.mentions[0]  # Conflict.Attack with Attacker, Target, Place
    doc.undo_stack.push(ChangeTypeCommand(doc, m, "Life.Die"))
    s = stored(doc, m.id)
    assert s.type == "Life.Die" and s.status == "corrected"
    assert [a.role for a in s.arguments] == ["Agent", "Place"]


def test_undo_crosses_articles(doc):
    m = doc.mentions[0]
    doc.undo_stack.push(RejectMentionCommand(doc, m))
    doc.open_article("demo-2")
    doc.undo_stack.undo()
    assert doc.article.ext_id == HOUSE and doc.selected_id == m.id
    assert stored(doc, m.id).status == "proposed"


def test_undo_stack_survives_a_restart(qapp, house_project_path):
    with Project.open(house_project_path) as project:
        doc = ReviewDocument(project, "mariam")
        doc.open_article(HOUSE)
        first, second = doc.mentions[0], doc.mentions[1]
        doc.undo_stack.push(AcceptMentionCommand(doc, first))
        doc.undo_stack.push(RejectMentionCommand(doc, second))
        doc.undo_stack.push(AcceptAllCommand(doc))
        doc.undo_stack.undo()  # accept-all undone: redo-able after restart
        expected = snapshot(doc)
    with Project.open(house_project_path) as project:
        doc = ReviewDocument(project, "mariam")
        doc.open_article(HOUSE)
        assert rebuild_undo_stack(doc) == 2
        assert doc.undo_stack.count() == 3 and doc.undo_stack.canRedo()
        assert snapshot(doc) == expected  # rebuilding wrote nothing
        doc.undo_stack.undo()  # the reject
        assert stored(doc, second.id).status == "proposed"
        assert stored(doc, first.id).status == "confirmed"
        doc.undo_stack.redo()
        doc.undo_stack.redo()  # accept all again
        assert doc.article_status(doc.article.id) == "done"
        assert {m.status for m in project.mentions(doc.article.id)} == {"confirmed", "rejected"}
    with Project.open(house_project_path) as project:
        doc = ReviewDocument(project, "mariam")
        doc.open_article(HOUSE)
        assert rebuild_undo_stack(doc) == 3
        other = ReviewDocument(project, "omar")
        other.open_article(HOUSE)
        assert rebuild_undo_stack(other) == 0  # undo is per reviewer


@pytest.mark.parametrize("action,parsed", [
    ("accept#ab12", ("do", "accept", "ab12")),
    ("undo:set-argument#x", ("undo", "set-argument", "x")),
    ("redo:accept-all#t", ("redo", "accept-all", "t")),
    ("article_status", None),
    ("extract", None),
])
def test_parse_action(action, parsed):
    assert parse_action(action) == parsed


def test_next_article_and_status_through_the_public_project_api(doc):
    house_id = doc.article.id
    other = doc.project.article("demo-2").id
    assert doc.article_status(house_id) == "todo"
    assert doc.next_article_id(house_id) == other
    doc.set_article_status(other, "done")
    assert doc.article_status(other) == "done"
    assert doc.next_article_id(other) == house_id  # wraps around, skips done
    doc.set_article_status(house_id, "done")
    assert doc.next_article_id(house_id) is None
