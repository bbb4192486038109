"""Qt models over the document: qtmodeltester on each, and they follow the document's signals."""

from __future__ import annotations

import pytest

from tadqiq.gui.commands import AcceptMentionCommand, NewMentionCommand, RejectMentionCommand, SetArgumentCommand
from tadqiq.gui.document import ReviewDocument
from tadqiq.gui.event_panel import EventPanel
from tadqiq.gui.models import MENTION_ROLE, ArgumentTableModel, AttributeTableModel, MentionTableModel

HOUSE = "house-hama-001"


@pytest.fixture
def doc(qapp, project):
    d = ReviewDocument(project, "mariam")
    d.open_article(HOUSE)
    return d


@pytest.mark.parametrize("model_class", [MentionTableModel, ArgumentTableModel, AttributeTableModel])
def test_models_pass_qtmodeltester(qtmodeltester, doc, model_class):
    model = model_class(doc)
    qtmodeltester.check(model, force_py=True)
    doc.step(+1)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("model_class", [MentionTableModel, ArgumentTableModel, AttributeTableModel])
def test_models_stay_valid_through_edits(qtmodeltester, doc, model_class):
    """The tester watches the model's signals while mentions are added, changed and removed."""
    model = model_class(doc)
    qtmodeltester.check(model, force_py=True)
    text = doc.article.text
    at = text.index("مؤتمر")  # مؤتمر صحافي: no mention has it yet
    doc.undo_stack.push(NewMentionCommand(doc, "Contact.Meet", at, at + 5))
    doc.undo_stack.push(RejectMentionCommand(doc, doc.mentions[2]))
    doc.undo_stack.push(SetArgumentCommand(doc, doc.mentions[0], "Time", 0, 5))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)
    if model_class is MentionTableModel:
        assert model.rowCount() == len(doc.mentions) == 32
        ids = [model.index(r, 0).data(MENTION_ROLE) for r in range(model.rowCount())]
        assert ids == [m.id for m in doc.mentions]


def test_mention_rows_show_status_type_trigger_confidence_origin(doc):
    model = MentionTableModel(doc)
    first = doc.mentions[0]
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["? proposed", first.type, first.trigger.text, "0.80", "extractor:test@1"]
    doc.undo_stack.push(AcceptMentionCommand(doc, first))
    assert model.index(0, 0).data() == "✓ confirmed"


def test_mention_rows_are_in_text_order(doc):
    model = MentionTableModel(doc)
    starts = [doc.mention(model.index(r, 0).data(MENTION_ROLE)).trigger.start for r in range(model.rowCount())]
    assert starts == sorted(starts)


def test_argument_model_follows_the_selection(doc):
    model = ArgumentTableModel(doc)
    m = doc.mentions[0]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [a.role for a in m.arguments]
    assert model.index(0, 1).data() == m.arguments[0].span.text
    doc.select(doc.mentions[1].id)
    assert model.rowCount() == len(doc.mentions[1].arguments)


def test_attribute_model_lists_attributes_rule_and_link(doc):
    model = AttributeTableModel(doc)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["polarity", "modality", "genericity", "rule", "link"]
    assert model.index(3, 1).data() == doc.mentions[0].rule


def test_event_panel_follows_selection_and_reports_clicks(qtbot, doc):
    panel = EventPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    doc.select(doc.mentions[3].id)
    rows = panel.mention_view.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [3]
    assert doc.mentions[3].type in panel.summary.text()
    index = panel.mention_model.index(5, 2)
    with qtbot.waitSignal(panel.mention_activated) as blocker:
        qtbot.mouseClick(panel.mention_view.viewport(), qtbot_left(),
                         pos=panel.mention_view.visualRect(index).center())
    assert blocker.args == [doc.mentions[5].id]


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def test_argument_table_shows_values_as_a_reviewer_reads_them(doc):
    model = ArgumentTableModel(doc)
    doc.select(next(m.id for m in doc.mentions if any(a.value for a in m.arguments)))
    m = doc.selected
    shown = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert shown and all("kind=" not in s for s in shown)
    from tadqiq.core.values.describe import describe_value
    assert shown == [describe_value(a.value) for a in m.arguments]
