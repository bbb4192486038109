from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QUndoStack

from tadqiq.gui.actions import ACTIONS, build_actions, help_rows, key_sequences
from tadqiq.gui.controller import ReviewController


def all_keys(settings=None):
    seen: dict[str, str] = {}
    clashes = []
    for spec in ACTIONS:
        for seq in key_sequences(spec, settings):
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if key in seen:
                clashes.append((key, seen[key], spec.name))
            seen[key] = spec.name
    return seen, clashes


def test_no_two_actions_share_a_shortcut():
    seen, clashes = all_keys()
    assert clashes == []
    assert {"J", "K", "A", "X", "T", "N", "Del", "P", "M", "G", "L", "U", "Ctrl+Return", "Ctrl+Z",
            "Ctrl+Shift+Z", "Ctrl+Q", "?"} <= set(seen)
    assert all(str(n) in seen for n in range(1, 10))


def test_a_user_binding_replaces_the_default_and_clashes_are_detected(settings):
    settings.set_shortcut("accept", "Y")
    seen, clashes = all_keys(settings)
    assert seen["Y"] == "accept" and "A" not in seen
    settings.set_shortcut("reject", "Y")
    _, clashes = all_keys(settings)
    assert clashes == [("Y", "accept", "reject")]


def test_every_action_has_a_handler_and_help_text(qapp):
    for spec in ACTIONS:
        assert spec.doc and spec.text
        if spec.handler:
            assert callable(getattr(ReviewController, spec.handler)), spec.name
    rows = help_rows()
    assert len(rows) == len(ACTIONS) - 8 and ("1 2 3 4 5 6 7 8 9", "Selection → role n") == rows[4][:2]


def test_build_actions_takes_undo_and_redo_from_the_stack(qapp):
    parent = QObject()
    stack = QUndoStack(parent)

    class Dummy:
        def __getattr__(self, name):
            return lambda *a: None

    actions = build_actions(parent, Dummy(), stack)
    assert actions["undo"].shortcut().toString() == "Ctrl+Z"
    assert not actions["undo"].isEnabled()  # nothing to undo yet: the stack drives it
    assert [s.toString() for s in actions["next_mention"].shortcuts()] == ["J", "Down"]
