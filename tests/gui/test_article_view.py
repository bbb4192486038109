from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from tadqiq.core.model import Article, Region
from tadqiq.gui.article_view import ArticleView


@pytest.fixture
def view(qtbot, schema):
    v = ArticleView(schema)
    v.resize(700, 600)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    return v


def point_of(view: ArticleView, start: int, end: int) -> QPoint:
    """Viewport point in the middle of the first character of [start, end)."""
    qs, _ = view.qt_range(start, end)
    a, b = QTextCursor(view.document()), QTextCursor(view.document())
    a.setPosition(qs)
    b.setPosition(qs + 1)
    ra, rb = view.cursorRect(a), view.cursorRect(b)
    return QPoint((ra.center().x() + rb.center().x()) // 2, ra.center().y())


def test_text_is_shown_unchanged_and_rtl(view, house_objects):
    article, mentions = house_objects
    view.set_article(article, mentions, mentions[0].id)
    assert view.document().toRawText().replace("\u2029", "\n") == article.text
    block = view.document().begin()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_english_paragraph_lays_out_ltr_and_arabic_rtl(view, schema):
    text = "هجوم على دير الزور\nReuters reported an attack on Deir ez-Zor.\n22994024-22994022"
    view.set_article(Article("x", text, id=1))
    dirs = []
    block = view.document().begin()
    while block.isValid():
        dirs.append(block.blockFormat().layoutDirection())
        block = block.next()
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert dirs == [rtl, ltr, rtl]


def test_title_is_larger_and_chrome_dimmed(view, house_objects):
    article, mentions = house_objects
    chrome_at = article.text.index("أقسام")
    article = Article(article.ext_id, article.text, article.title, id=1,
                      regions=(Region(chrome_at, len(article.text), "chrome"),))
    view.set_article(article, mentions)
    title_fmt = view.document().begin().begin().fragment().charFormat()
    assert title_fmt.fontPointSize() > view.font().pointSizeF()
    c = QTextCursor(view.document())
    c.setPosition(view.qt_range(chrome_at + 1, chrome_at + 1)[0])
    dim = c.charFormat().foreground().color()
    c.setPosition(view.qt_range(200, 200)[0])
    assert dim != c.charFormat().foreground().color()


def test_selected_mention_highlights_trigger_and_every_argument(view, house_objects):
    article, mentions = house_objects
    chosen = mentions[0]
    view.set_article(article, mentions, chosen.id)
    marked = {(h.start, h.end, h.kind) for h in view.highlight_list}
    assert (chosen.trigger.start, chosen.trigger.end, "trigger") in marked
    for arg in chosen.arguments:
        assert (arg.span.start, arg.span.end, "argument") in marked
    others = [h for h in view.highlight_list if h.kind == "other"]
    assert len(others) == len(mentions) - 1
    extra = view.extraSelections()
    assert len(extra) == len(view.highlight_list)
    trig = [s for s in extra if s.cursor.selectedText() == chosen.trigger.text]
    assert trig and trig[-1].format.background().color().name() == schema_color(view, chosen.type)


def schema_color(view, type_name):
    return view.schema.types[type_name].color


def test_highlights_land_on_the_right_text_after_an_emoji(view, schema):
    from tadqiq.core.model import Argument, Mention, Span
    text = "🔥💥 تنظيم داعش يشن هجوما"
    t = text.index("هجوما")
    a = text.index("تنظيم داعش")
    m = Mention("Conflict.Attack", Span.of(text, t, t + 5),
                (Argument("Attacker", Span.of(text, a, a + 10)),), id=7)
    view.set_article(Article("e", text, id=1), [m], 7)
    texts = sorted(s.cursor.selectedText() for s in view.extraSelections())
    assert texts == sorted(["هجوما", "تنظيم داعش"])


def test_clicking_an_argument_and_a_trigger_emits_intents(qtbot, view, house_objects):
    article, mentions = house_objects
    first, second = mentions[0], mentions[1]
    view.set_article(article, mentions, first.id)
    arg = first.arguments[0]
    with qtbot.waitSignal(view.argument_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, arg.span.start + 1, arg.span.end))
    assert blocker.args == [first.id, 0]
    with qtbot.waitSignal(view.mention_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=point_of(view, second.trigger.start + 1, second.trigger.end))
    assert blocker.args == [second.id]


def test_tooltip_text_names_type_role_confidence_and_rule(view, house_objects):
    from tadqiq.gui.highlights import tooltip
    article, mentions = house_objects
    view.set_article(article, mentions, mentions[0].id)
    h = next(h for h in view.highlight_list if h.kind == "argument")
    tip = tooltip(h, {m.id: m for m in mentions})
    assert mentions[0].type in tip and h.label in tip and "0.80" in tip and "rule-1" in tip


def test_hover_finds_the_highlight_under_the_pointer(view, house_objects):
    article, mentions = house_objects
    view.set_article(article, mentions, mentions[0].id)
    trig = mentions[0].trigger
    h = view.highlight_at(point_of(view, trig.start + 1, trig.end))
    assert h is not None and h.kind == "trigger" and h.mention_id == mentions[0].id


def test_selection_is_reported_in_str_offsets_snapped(qtbot, view):
    text = "💥 قال إن التنظيم ويقتل العشرات"
    view.set_article(Article("s", text, id=1))
    inner = text.index("نظيم")
    view.select_text(inner, inner + 3)
    start, end = view.selected_span()
    assert text[start:end] == "التنظيم"
    assert view.selected_span(raw=True) == (inner, inner + 3)


def test_bidi_controls_get_a_badge_and_text_is_not_altered(view):
    text = "قال \u202eمسؤول\u202c إن \u200fالهجوم"
    view.set_article(Article("b", text, id=1))
    assert "RLO" in view.bidi_warning and "PDF" in view.bidi_warning and "RLM" in view.bidi_warning
    assert view.badge.isVisible()
    assert view.document().toRawText() == text
    view.set_article(Article("c", "نص عادي", id=2))
    assert not view.badge.isVisible() and view.bidi_warning == ""
    view.grab()  # paints the markers without error


def test_selected_argument_gets_a_wavy_underline(view, house_objects):
    from PySide6.QtGui import QTextCharFormat
    article, mentions = house_objects
    view.set_article(article, mentions, mentions[0].id)
    view.set_selected_argument(1)
    target = mentions[0].arguments[1].span.text
    styles = {s.cursor.selectedText(): s.format.underlineStyle() for s in view.extraSelections()}
    assert styles[target] == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert styles[mentions[0].arguments[0].span.text] == QTextCharFormat.UnderlineStyle.SingleUnderline


def test_selecting_a_mention_scrolls_to_it_and_keeps_the_text_selection(qtbot, view, house_objects):
    article, mentions = house_objects
    view.resize(500, 200)
    view.set_article(article, mentions, mentions[0].id)
    view.select_text(5, 9)
    last = mentions[-1]
    view.select_mention(last.id)
    qs = view.qt_range(last.trigger.start, last.trigger.start)[0]
    c = QTextCursor(view.document())
    c.setPosition(qs)
    assert view.viewport().rect().contains(view.cursorRect(c))
    assert view.raw_selected_span() == (5, 9)


def test_type_picker_type_ahead(qtbot, schema):
    from tadqiq.gui.type_picker import TypePicker, matches

    assert matches(schema, "arr")[0] == "Justice.Arrest-Jail"
    assert matches(schema, "inj")[0] == "Life.Injure"
    assert "Conflict.Attack" in matches(schema, "قصف")
    picker = TypePicker(schema)
    qtbot.addWidget(picker)
    chosen = []
    picker.ask("type?", chosen.append)
    qtbot.keyClicks(picker.edit, "die")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert chosen == ["Life.Die"]


def test_tooltip_describes_the_value_and_escapes_markup(view, house_objects):
    import dataclasses

    from tadqiq.gui.highlights import tooltip
    article, mentions = house_objects
    m = mentions[0]
    arg = dataclasses.replace(m.arguments[0], value={"kind": "count", "value": None, "min": 2, "max": 9,
                                                     "vague": "several"}, rule="count<rule>&")
    m = dataclasses.replace(m, arguments=(arg, *m.arguments[1:]))
    view.set_article(article, [m, *mentions[1:]], m.id)
    h = next(h for h in view.highlight_list if h.kind == "argument" and h.argument_index == 0)
    tip = tooltip(h, {m.id: m})
    assert "value: 2–9 (several)" in tip
    assert "count&lt;rule&gt;&amp;" in tip and "<rule>" not in tip


def test_a_view_without_a_document_marks_the_list_it_was_given(view, house_objects):
    article, mentions = house_objects
    view.set_article(article, mentions, mentions[0].id)
    assert view.mentions is mentions and view.selected_id == mentions[0].id
    view.select_mention(mentions[2].id)
    view.set_selected_argument(0)
    assert (view.selected_id, view.selected_argument) == (mentions[2].id, 0)
    chosen = [(h.kind, h.mention_id) for h in view.highlight_list if h.kind != "other"]
    assert chosen[0] == ("trigger", mentions[2].id)
