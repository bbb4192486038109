"""The real window on a real project file, driven by keys and the mouse like a reviewer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tadqiq.db.project import Project

HOUSE = "house-hama-001"


def by_trigger(project, start):
    article = project.article(HOUSE)
    return next(m for m in project.mentions(article.id) if m.trigger.start == start)


def test_window_title_first_mention_and_remembered_reviewer(open_window):
    w = open_window()
    assert w.windowTitle().startswith("Tadqiq")
    assert w.doc.selected_id == w.doc.mentions[0].id
    assert w.doc.mentions[0].trigger.start == min(m.trigger.start for m in w.doc.mentions)
    assert w.settings.get("review/reviewer") == "mariam"
    w.close()
    again = open_window(reviewer=None)  # remembered, not asked
    assert again.reviewer == "mariam"


def test_help_overlay_lists_every_key(qtbot, open_window, ui):
    w = open_window()
    ui.key(w, Qt.Key.Key_Question)
    assert w.help_overlay.isVisible()
    text = w.help_overlay.label.text()
    for k in ("J", "Ctrl+Z", "Ctrl+Q", "Del"):
        assert k in text
    qtbot.keyClick(w.help_overlay, Qt.Key.Key_Escape)
    assert not w.help_overlay.isVisible()
    qtbot.keyClick(w.article_view, "?")
    assert w.help_overlay.isVisible()


def test_hovering_a_highlight_shows_its_tooltip(qtbot, open_window, ui):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    w = open_window()
    view = w.article_view
    arg = w.doc.selected.arguments[0]
    pos = ui.char_point(view, arg.span.start + 2)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    assert QToolTip.isVisible()
    assert arg.role in QToolTip.text() and w.doc.selected.type in QToolTip.text()
    QToolTip.hideText()


def test_repeating_a_decision_writes_nothing(qtbot, open_window, ui):
    w = open_window()
    ui.key(w, Qt.Key.Key_A)
    ui.key(w, Qt.Key.Key_K)  # back to the accepted one
    rows = len(w.project.history("mariam"))
    ui.key(w, Qt.Key.Key_A)
    assert len(w.project.history("mariam")) == rows
    assert w.doc.undo_stack.count() == 1
    assert "Already" in w.statusBar().currentMessage()


def test_alt_keeps_the_raw_selection(qtbot, open_window, ui):
    w = open_window()
    view = w.article_view
    text = w.doc.article.text
    at = text.index("ويقتلون")
    for modifier, expected in ((Qt.KeyboardModifier.NoModifier, "يقتلون"), (Qt.KeyboardModifier.AltModifier, None)):
        with qtbot.waitSignal(view.span_selected) as blocker:
            cursor = QTextCursor(view.document())
            view.setTextCursor(cursor)
            p0, p1 = ui.char_point(view, at), ui.char_point(view, at + 3)
            qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, modifier, p0)
            qtbot.mouseMove(view.viewport(), p1)
            qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifier, p1)
        start, end = blocker.args
        if expected is None:  # raw: exactly the dragged characters, part of the word
            assert (start, end) == view.raw_selected_span()
            assert text[start:end] != "يقتلون" and text[start:end] in "ويقتلون" and end - start >= 2
        else:
            assert text[start:end] == expected


def test_jk_and_arrows_move_through_mentions(qtbot, open_window, ui):
    w = open_window()
    ids = [m.id for m in w.doc.mentions]
    ui.key(w, Qt.Key.Key_J)
    ui.key(w, Qt.Key.Key_Down)
    assert w.doc.selected_id == ids[2]
    ui.key(w, Qt.Key.Key_K)
    assert w.doc.selected_id == ids[1]
    ui.key(w, Qt.Key.Key_Up)
    assert w.doc.selected_id == ids[0]


def test_a_whole_review_survives_close_and_reopen(qtbot, open_window, house_project_path, ui):
    w = open_window()
    text = w.doc.article.text
    view = w.article_view
    m = {i: mm for i, mm in enumerate(w.doc.mentions)}

    ui.key(w, Qt.Key.Key_A)  # accept هجوما
    assert w.doc.selected_id == m[1].id
    ui.key(w, Qt.Key.Key_X)  # reject يقتلون
    ui.key(w, Qt.Key.Key_J)  # to the teaser's قتل (m[3]), past يأسرون
    assert w.doc.selected_id == m[3].id

    # re-span the Victim: click it, drag over part of the phrase, press 2 (Victim is the 2nd role of Life.Die)
    victim = m[3].arguments[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=ui.char_point(view, victim.span.start + 2))
    assert w.doc.selected_argument == 0
    assert victim.span.text == "عدد من جنود الجيش السوري"
    new_start = text.index("نود الجيش", victim.span.start)  # inside جنود: snaps to the word
    ui.drag_select(view, new_start, victim.span.end - 2)
    ui.key(w, Qt.Key.Key_2)

    ui.key(w, Qt.Key.Key_J)  # to the teaser's أسر (m[4]); change its type with the picker
    assert w.doc.selected_id == m[4].id
    ui.key(w, Qt.Key.Key_T)
    assert w.type_picker.isVisible()
    qtbot.keyClicks(w.type_picker.edit, "arrest")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)

    # add a mention the proposals missed («مؤتمر صحافي»: a press conference): select the word,
    # N, pick the type (اجتماع is already proposed as Contact.Meet: N there selects that one)
    meeting = text.index("مؤتمر")
    ui.drag_select(view, meeting + 1, meeting + 4)
    ui.key(w, Qt.Key.Key_N)
    qtbot.keyClicks(w.type_picker.edit, "meet")
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Return)
    added = [x for x in w.doc.mentions if x.status == "added"]
    assert [(x.type, x.trigger.text) for x in added] == [("Contact.Meet", "مؤتمر")]

    ui.key(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the new mention
    ui.key(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the type change
    ui.key(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo type

    def check(project):
        assert by_trigger(project, m[0].trigger.start).status == "confirmed"
        assert by_trigger(project, m[1].trigger.start).status == "rejected"
        died = by_trigger(project, m[3].trigger.start)
        assert died.status == "corrected" and died.reviewer == "mariam"
        assert died.arguments[0].role == "Victim"
        assert died.arguments[0].span.text == "جنود الجيش السوري"
        arrest = by_trigger(project, m[4].trigger.start)
        assert (arrest.type, arrest.status) == ("Justice.Arrest-Jail", "corrected")
        article = project.article(HOUSE)
        everything = project.mentions(article.id)
        assert len(everything) == 32 and not [x for x in everything if x.status == "added"]
        untouched = {m[i].id for i in (2, *range(5, 32))}
        assert {x.status for x in everything if x.id in untouched} == {"proposed"}

    check(w.project)
    ui.key(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not w.isVisible()

    with Project.open(house_project_path) as fresh:  # what is on disk, read by another connection
        check(fresh)
        seconds = fresh.db.execute("SELECT seconds FROM review_time WHERE reviewer='mariam'").fetchone()
        assert seconds is not None and seconds[0] >= 0

    w2 = open_window()  # restart: the undo stack is rebuilt from history
    assert w2.doc.undo_stack.count() == 5 and w2.doc.undo_stack.index() == 4
    check(w2.project)
    ui.key(w2, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the type change again
    assert by_trigger(w2.project, m[4].trigger.start).type == "Conflict.Capture"
    assert by_trigger(w2.project, m[4].trigger.start).status == "proposed"
    for _ in range(2):
        ui.key(w2, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert by_trigger(w2.project, m[4].trigger.start).type == "Justice.Arrest-Jail"
    assert [x.trigger.text for x in w2.doc.mentions if x.status == "added"] == ["مؤتمر"]


def test_ctrl_enter_accepts_all_marks_done_and_opens_the_next_article(qtbot, open_window, ui):
    w = open_window()
    ui.key(w, Qt.Key.Key_X)
    ui.key(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.article.ext_id == "demo-2"
    house = w.project.article(HOUSE)
    statuses = [x.status for x in w.project.mentions(house.id)]
    assert statuses.count("rejected") == 1 and statuses.count("confirmed") == 31
    assert w.doc.article_status(house.id) == "done"
    ui.key(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo crosses back
    assert w.doc.article.ext_id == HOUSE
    assert w.doc.article_status(house.id) != "done"


def test_attribute_link_and_argument_keys(qtbot, open_window, ui):
    w = open_window()
    first, second = w.doc.mentions[0], w.doc.mentions[1]
    ui.key(w, Qt.Key.Key_M)
    ui.key(w, Qt.Key.Key_P)
    stored = w.doc.mention(first.id)
    assert stored.attributes["modality"] == "reported" and stored.attributes["polarity"] == "negative"
    ui.key(w, Qt.Key.Key_L)
    ui.key(w, Qt.Key.Key_J)
    ui.key(w, Qt.Key.Key_L)
    assert w.doc.mention(first.id).link and w.doc.mention(first.id).link == w.doc.mention(second.id).link
    ui.key(w, Qt.Key.Key_U)
    assert w.doc.mention(second.id).link is None
    ui.key(w, Qt.Key.Key_Tab)
    assert w.doc.selected_argument == 0
    ui.key(w, Qt.Key.Key_Delete)
    assert len(w.doc.mention(second.id).arguments) == len(second.arguments) - 1


def test_layout_and_font_size_are_remembered(qtbot, open_window, ui):
    w = open_window()
    w.resize(760, 560)  # inside the offscreen screen (800x800): restoreGeometry clamps to the screen
    qtbot.waitUntil(lambda: w.splitter.width() <= 760)
    w.splitter.setSizes([400, 250, 100])
    sizes = w.splitter.sizes()
    ui.key(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    size = w.settings.get("view/font_size")
    w.close()
    w2 = open_window()
    assert w2.size() == w.size(), (w2.size(), w.size())
    assert w2.splitter.sizes() == sizes
    assert w2.article_view.font().pointSizeF() == size == 16.0
    assert QApplication.instance() is not None


def test_highlights_are_computed_once_per_open_and_per_selection(qtbot, open_window, monkeypatch):
    """Opening an article or moving to another mention redraws the highlights once, not twice."""
    w = open_window()
    view = w.article_view
    calls = []
    original = view._refresh_highlights
    monkeypatch.setattr(view, "_refresh_highlights", lambda: (calls.append(1), original())[1])
    w.doc.open_article("demo-2")
    assert len(calls) == 1
    w.doc.open_article(HOUSE)
    calls.clear()
    w.doc.select(w.doc.mentions[3].id)
    assert len(calls) == 1
    calls.clear()
    w.doc.select(w.doc.mentions[3].id)  # the same again: nothing to redraw
    assert calls == []


def test_an_article_without_proposals_says_how_to_add_one(qtbot, open_window):
    from tadqiq.core.importing.item import ImportItem
    from tadqiq.core.model import Article

    w = open_window()
    w.project.import_items([ImportItem(Article("quiet", "عنوان\n\nمرت الليلة بهدوء في المدينة.", "عنوان"))])
    w.doc.open_article("quiet")
    text = w.event_panel.summary.text()
    assert "No events proposed" in text and "<b>N</b>" in text and "<b>Ctrl+Return</b>" in text
    w.doc.open_article(HOUSE)
    assert "No events proposed" not in w.event_panel.summary.text()
