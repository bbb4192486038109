"""The article view marks what the ReviewDocument holds: it reads the document's mentions and
selection on every draw and redraws on the document's signals, so after any command, undo or
redo its highlights are the document's without a sync call (and it keeps no list of its own)."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Mention
from tadqiq.gui.article_view import ArticleView
from tadqiq.gui.commands import (
    AcceptAllCommand, AcceptMentionCommand, ChangeTypeCommand, NewMentionCommand, RejectMentionCommand,
    RemoveArgumentCommand, SetArgumentCommand,
)
from tadqiq.gui.document import ReviewDocument
from tadqiq.gui.highlights import highlights

HOUSE = "house-hama-001"


@pytest.fixture
def doc(qapp, project):
    return ReviewDocument(project, "mariam")


@pytest.fixture
def view(qtbot, doc):
    v = ArticleView(doc.schema)
    v.resize(700, 600)
    qtbot.addWidget(v)
    v.show_document(doc)
    doc.open_article(HOUSE)
    v.show()
    qtbot.waitExposed(v)
    return v


def marked(view: ArticleView) -> list[tuple[int, int, str, int | None, int | None]]:
    return [(h.start, h.end, h.kind, h.mention_id, h.argument_index) for h in view.highlight_list]


def expected(doc: ReviewDocument) -> list[tuple[int, int, str, int | None, int | None]]:
    return [(h.start, h.end, h.kind, h.mention_id, h.argument_index)
            for h in highlights(doc.mentions, doc.selected_id, doc.schema)]


def assert_shows_the_document(view: ArticleView, doc: ReviewDocument) -> None:
    assert view.mentions is doc.mentions  # the document's list itself, never a copy
    assert view.document().toRawText().replace("\u2029", "\n") == doc.article.text
    assert marked(view) == expected(doc)
    drawn = [s.cursor.selectedText() for s in view.extraSelections()]
    assert drawn == [doc.article.text[h.start:h.end] for h in view.highlight_list]


def keeps_no_mentions(view: ArticleView) -> bool:
    def is_mentions(v: object) -> bool:
        return isinstance(v, (list, tuple)) and any(isinstance(x, Mention) for x in v)

    return not any(is_mentions(v) for v in vars(view).values())


def commands(doc: ReviewDocument) -> dict:
    text = doc.article.text
    place = text.index("ريف حماة الشمالي،")
    meeting = text.index("مؤتمر")

    def first():
        return doc.mentions[0]

    return {
        "accept": lambda: AcceptMentionCommand(doc, first()),
        "reject another": lambda: RejectMentionCommand(doc, doc.mentions[5]),
        "set-argument": lambda: SetArgumentCommand(doc, first(), "Place", place, place + 16, index=None),
        "respan": lambda: SetArgumentCommand(doc, first(), "Place", place, place + 8, index=0),
        "remove-argument": lambda: RemoveArgumentCommand(doc, first(), 0),
        "change-type": lambda: ChangeTypeCommand(doc, first(), "Life.Die"),
        "new-mention": lambda: NewMentionCommand(doc, "Contact.Meet", meeting, meeting + 5),
        "accept-all": lambda: AcceptAllCommand(doc),
    }


@pytest.mark.parametrize("name", ["accept", "reject another", "set-argument", "respan", "remove-argument",
                                  "change-type", "new-mention", "accept-all"])
def test_after_a_command_its_undo_and_redo_the_view_marks_the_document(view, doc, name):
    assert_shows_the_document(view, doc)
    before = [m.to_json() for m in doc.mentions]
    doc.undo_stack.push(commands(doc)[name]())
    assert [m.to_json() for m in doc.mentions] != before
    assert_shows_the_document(view, doc)
    doc.undo_stack.undo()
    assert [m.to_json() for m in doc.mentions] == before
    assert_shows_the_document(view, doc)
    doc.undo_stack.redo()
    assert_shows_the_document(view, doc)
    assert keeps_no_mentions(view)


def test_a_rejected_mention_is_unmarked_and_marked_again_on_undo(view, doc):
    other = doc.mentions[5]
    assert other.id != doc.selected_id
    trigger = (other.trigger.start, other.trigger.end, "other", other.id, None)
    assert trigger in marked(view)
    doc.undo_stack.push(RejectMentionCommand(doc, other))
    assert doc.mention(other.id).status == "rejected" and trigger not in marked(view)
    doc.select(doc.mentions[0].id)
    doc.undo_stack.undo()  # the undo selects the mention it brings back: drawn as the selected one
    assert doc.selected_id == other.id
    assert (other.trigger.start, other.trigger.end, "trigger", other.id, None) in marked(view)
    doc.select(doc.mentions[0].id)
    assert trigger in marked(view)


def test_a_new_argument_span_is_marked_where_the_command_put_it(view, doc):
    text = doc.article.text
    place = text.index("ريف حماة الشمالي،")
    chosen = doc.selected
    assert chosen is not None and chosen.id == doc.mentions[0].id
    doc.undo_stack.push(SetArgumentCommand(doc, chosen, "Place", place, place + 16, index=None))
    index = len(doc.mention(chosen.id).arguments) - 1
    assert (place, place + 16, "argument", chosen.id, index) in marked(view)
    assert "ريف حماة الشمالي" in [s.cursor.selectedText() for s in view.extraSelections()]
    doc.undo_stack.undo()
    assert (place, place + 16, "argument", chosen.id, index) not in marked(view)
    assert_shows_the_document(view, doc)


def test_selection_and_other_articles_come_from_the_document(view, doc):
    doc.select(doc.mentions[3].id, 0)
    assert view.selected_id == doc.mentions[3].id and view.selected_argument == 0
    assert_shows_the_document(view, doc)
    doc.open_article("demo-2")
    assert view.article is doc.article
    assert_shows_the_document(view, doc)
    doc.open_article(HOUSE)
    assert_shows_the_document(view, doc)


def test_a_view_given_a_document_late_draws_it_at_once(qtbot, doc):
    doc.open_article(HOUSE)
    v = ArticleView(doc.schema)
    qtbot.addWidget(v)
    v.show_document(doc)
    assert_shows_the_document(v, doc)
    with pytest.raises(RuntimeError, match="document"):
        v.set_article(doc.article, doc.mentions)


def test_in_the_window_the_view_follows_the_document(qtbot, open_window, ui):
    from PySide6.QtCore import Qt

    w = open_window()
    view, doc = w.article_view, w.doc
    assert_shows_the_document(view, doc)
    first = doc.selected
    ui.key(w, Qt.Key.Key_X)  # reject the selected mention (and move on)
    assert doc.mention(first.id).status == "rejected"
    assert_shows_the_document(view, doc)
    ui.key(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert_shows_the_document(view, doc)
    assert doc.mention(first.id).status == "proposed"
    ui.key(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # accept all, on to the next article
    assert doc.article.ext_id == "demo-2"
    assert_shows_the_document(view, doc)
    assert keeps_no_mentions(view)
