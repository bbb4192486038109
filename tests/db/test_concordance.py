"""Marking search words in an article and the concordance of a word across the project."""

from __future__ import annotations

import pytest

from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import Article
from tadqiq.db.project import Project
from tadqiq.db.search import SearchError, kwic, match_spans, parse_query

TEXTS = {
    "b1": "شنّ المسلحون هجوماً على الحاجز، وبعد الهجوم انسحبوا.\nوقال شاهد إن الهجمات مستمرة.",
    "b2": "لا شيء هنا عن القتال سوى خبر عن الطقس في إدلب.",
    "b3": "أدى الهجوم على السوق إلى مقتل خمسة، ووصف المرصد هجومًا ثانياً بالعنيف.",
}


def test_match_spans_cover_every_form_and_carry_the_text():
    text = TEXTS["b1"]
    spans = match_spans(text, parse_query("هجوم"))
    found = [text[s:e] for s, e in spans]
    assert found == ["هجوماً", "الهجوم"]  # the tanwin and the article are part of the word as written
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert match_spans(text, parse_query("هجمات")) == [(text.index("الهجمات"), text.index("الهجمات") + 7)]


def test_a_phrase_is_marked_whole_and_overlaps_merge():
    text = TEXTS["b3"]
    spans = match_spans(text, parse_query('"الهجوم على السوق" هجوم'))
    words = [text[s:e] for s, e in spans]
    assert words[0] == "الهجوم على السوق" and "هجومًا" in words
    assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:], strict=False))


def test_kwic_is_one_line():
    text = TEXTS["b1"]
    s = text.index("الهجمات")
    left, mid, right = kwic(text, (s, s + 7), width=12)
    assert mid == "الهجمات" and "\n" not in left + right and len(left) <= 12 and len(right) <= 12


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "c.db") as p:
        p.import_items([ImportItem(Article(k, t, f"عنوان {k}")) for k, t in TEXTS.items()])
        yield p


def test_concordance_lists_every_occurrence_in_article_order(project):
    lines = project.concordance("هجوم")
    assert [(ln.ext_id, ln.match) for ln in lines] == [("b1", "هجوماً"), ("b1", "الهجوم"), ("b3", "الهجوم"),
                                                        ("b3", "هجومًا")]
    for ln in lines:
        article = project.find_article(ln.ext_id)
        assert article.text[ln.start:ln.end] == ln.match
        assert article.text[:ln.start].replace("\n", " ").endswith(ln.left)


def test_concordance_stops_at_its_limit_and_refuses_a_bad_query(project):
    assert len(project.concordance("هجوم", limit=3)) == 3
    with pytest.raises(SearchError, match="unbalanced quote"):
        project.concordance('"هجوم')
    assert project.concordance("طائرة") == []
