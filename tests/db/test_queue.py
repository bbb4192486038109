"""The review queue over SQL: counts kept by triggers, filters, orders, next open article, notes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import Article, Mention, Span
from tadqiq.core.queue import QueueFilter, QueueOrder
from tadqiq.db.project import Project

TEXT = "قصفت الطائرات مدينة حلب وقتل خمسة مدنيين في هجوم على السوق"


def proposal(kind: str, start: int, end: int, confidence: float) -> Mention:
    return Mention(type=kind, trigger=Span(start, end, TEXT[start:end]), status="proposed",
                   origin="extractor:test", confidence=confidence)


@pytest.fixture
def queue(tmp_path):
    """Six articles: 0 and 3 without proposals, the others with 1-3 proposals of known confidence."""
    items = []
    confidences = {1: [0.9], 2: [0.4, 0.8], 4: [0.6, 0.7, 0.95], 5: [0.3]}
    for i in range(6):
        text = f"{TEXT} {i}"
        spans = [(0, 4), (5, 13), (14, 19)]
        mentions = tuple(proposal("Conflict.Attack" if c > 0.5 else "Life.Die", *spans[k], c)
                         for k, c in enumerate(confidences.get(i, [])))
        art = Article(f"a{i}", text, f"عنوان {i}", published=f"2024-01-0{i + 1}", source="wire" if i % 2 else "agency")
        items.append(ImportItem(art, mentions))
    with Project.open(tmp_path / "q.db") as p:
        p.import_items(items)
        yield p


ALL, BY_QUEUE = QueueFilter(), QueueOrder()


def ids(p: Project, f: QueueFilter = ALL, order: QueueOrder = BY_QUEUE) -> list[str]:
    return [r.ext_id for r in p.queue_page(f, order, 0, 100)]


def test_counts_follow_every_event_change(queue):
    row = {r.ext_id: r for r in queue.queue_page(QueueFilter(), QueueOrder(), 0, 10)}
    assert (row["a4"].mentions, row["a4"].proposed, row["a4"].min_confidence) == (3, 3, 0.6)
    assert (row["a0"].mentions, row["a0"].proposed, row["a0"].min_confidence) == (0, 0, None)
    a4 = queue.find_article("a4")
    lowest = min(queue.mentions(a4.id), key=lambda m: m.confidence)
    queue.save_mention(a4.id, replace(lowest, status="confirmed", reviewer="amal"), reviewer="amal", action="accept")
    after = {r.ext_id: r for r in queue.queue_page(QueueFilter(), QueueOrder(), 0, 10)}["a4"]
    assert (after.mentions, after.proposed, after.min_confidence) == (3, 2, 0.7)
    queue.delete_mention(queue.mentions(a4.id)[0].id, reviewer="amal", action="delete")
    assert {r.ext_id: r for r in queue.queue_page(QueueFilter(), QueueOrder(), 0, 10)}["a4"].mentions == 2


def test_orders(queue):
    assert ids(queue) == ["a0", "a1", "a2", "a3", "a4", "a5"]
    assert ids(queue, order=QueueOrder("confidence")) == ["a5", "a2", "a4", "a1", "a0", "a3"]
    assert ids(queue, order=QueueOrder("proposals"))[:3] == ["a4", "a2", "a1"]
    assert ids(queue, order=QueueOrder("queue", descending=True)) == ["a5", "a4", "a3", "a2", "a1", "a0"]
    with pytest.raises(ValueError, match="unknown queue order 'size'"):
        QueueOrder("size")


def test_filters(queue):
    assert ids(queue, QueueFilter(event_type="Life.Die")) == ["a2", "a5"]
    assert ids(queue, QueueFilter(min_confidence=0.5, max_confidence=0.9)) == ["a1", "a4"]
    assert ids(queue, QueueFilter(date_from="2024-01-02", date_to="2024-01-03")) == ["a1", "a2"]
    assert ids(queue, QueueFilter(source="wire")) == ["a1", "a3", "a5"]
    assert ids(queue, QueueFilter(origin="extractor:test")) == ["a1", "a2", "a4", "a5"]
    assert queue.queue_count(QueueFilter(text="حلب")) == 6
    assert queue.queue_count(QueueFilter(text="دمشق")) == 0
    with pytest.raises(ValueError, match="unknown queue status 'later'"):
        QueueFilter(statuses=frozenset({"later"}))


def test_next_open_article_skips_done_and_skipped_in_each_order(queue):
    a = {f"a{i}": queue.find_article(f"a{i}").id for i in range(6)}
    queue.set_article_status(a["a1"], "done", reviewer="amal")
    queue.skip_article(a["a2"], "amal")
    f, o = QueueFilter(), QueueOrder()
    assert queue.next_open_article(f, o) == a["a0"]
    assert queue.next_open_article(f, o, after=a["a0"]) == a["a3"]
    assert queue.next_open_article(f, o, after=a["a3"], backwards=True) == a["a0"]
    assert queue.next_open_article(f, o, after=a["a5"]) is None
    by_conf = QueueOrder("confidence")
    assert queue.next_open_article(f, by_conf) == a["a5"]
    assert queue.next_open_article(f, by_conf, after=a["a5"]) == a["a4"]
    assert queue.next_open_article(f, QueueOrder("queue", descending=True), after=a["a4"]) == a["a3"]
    status = {r.ext_id: r.status for r in queue.queue_page(f, o, 0, 10)}
    assert (status["a1"], status["a2"], status["a0"]) == ("done", "skipped", "todo")
    assert ids(queue, QueueFilter(statuses=frozenset({"skipped"}))) == ["a2"]
    queue.set_article_status(a["a2"], "in_progress", reviewer="amal")  # deciding on it ends the skip
    assert queue.next_open_article(f, o, after=a["a0"]) == a["a2"]


def test_position_matches_the_page(queue):
    order = QueueOrder("confidence")
    rows = queue.queue_page(QueueFilter(), order, 0, 10)
    for n, r in enumerate(rows):
        assert queue.queue_position(QueueFilter(), order, r.id) == n
    assert queue.queue_position(QueueFilter(source="wire"), QueueOrder(), queue.find_article("a0").id) is None


def test_flags_make_an_article_flagged_until_resolved(queue):
    a3 = queue.find_article("a3").id
    note = queue.add_note(a3, "guideline unclear", reviewer="amal", kind="flag")
    queue.add_note(a3, "just a remark", reviewer="amal")
    assert ids(queue, QueueFilter(statuses=frozenset({"flagged"}))) == ["a3"]
    queue.resolve_note(note, reviewer="lead")
    assert ids(queue, QueueFilter(statuses=frozenset({"flagged"}))) == []
    kinds = [(n["kind"], n["text"], n["resolved_by"]) for n in queue.notes(a3)]
    assert kinds == [("flag", "guideline unclear", "lead"), ("note", "just a remark", None)]
    with pytest.raises(ValueError, match="'flag' or a 'note'"):
        queue.add_note(a3, "x", reviewer="amal", kind="todo")


def test_assignment_and_reviewer_time(queue):
    a = [queue.find_article(f"a{i}").id for i in range(6)]
    assert queue.assign_articles(a[:2], "amal") == 2
    assert ids(queue, QueueFilter(assigned_to="amal")) == ["a0", "a1"]
    queue.add_review_time(a[0], "amal", 12.5)
    queue.add_review_time(a[0], "bilal", 2.5)
    first = queue.queue_page(QueueFilter(), QueueOrder(), 0, 1)[0]
    assert (sorted(first.reviewers.split(", ")), first.seconds) == (["amal", "bilal"], 15.0)


def test_a_search_alone_and_a_search_with_filters_agree(queue):
    text = QueueFilter(text="السوق")
    assert queue.queue_count(text) == 6 == len(ids(queue, text))  # the full-text index alone
    assert ids(queue, text, QueueOrder("queue", descending=True))[0] == "a5"
    both = QueueFilter(text="السوق", source="wire")
    assert queue.queue_count(both) == 3 and ids(queue, both) == ["a1", "a3", "a5"]  # joined with articles


def test_queue_choices_are_the_distinct_values_in_order(queue):
    db = queue.db
    expected = tuple(
        [r[0] for r in db.execute(f"SELECT DISTINCT {col} FROM {table} WHERE {col} IS NOT NULL AND {col} != ''"
                                  f" ORDER BY 1")]
        for table, col in (("events", "type"), ("events", "origin"), ("articles", "source")))
    assert queue.queue_choices() == expected
    assert expected == (["Conflict.Attack", "Life.Die"], ["extractor:test"], ["agency", "wire"])
    assert queue.queue_choices(limit=1)[2] == ["agency"]
    with queue.db.conn:
        queue.db.execute("UPDATE articles SET source = NULL WHERE ext_id = 'a0'")  # no source: not a choice
    assert queue.queue_choices()[2] == ["agency", "wire"]
