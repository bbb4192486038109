"""app.propose on a real project file: what is replaced, what is never proposed again, and one
article that makes the engine raise never stops the run."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tadqiq.app.importing import ImportOptions, import_files
from tadqiq.app.propose import propose, select_articles
from tadqiq.core import review
from tadqiq.core.model import Article, Mention, Span
from tadqiq.db.project import ImportItem, Project
from tadqiq.extract.base import register, unregister
from tadqiq.extract.rules import RuleEngine

TEXT = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة سرمين في ريف إدلب.\n"


@dataclass
class Fragile:
    """A real engine (the rule engine) that raises on articles holding the word «انهيار»."""

    name: str = "fragile"
    version: str = "0.1"

    def extract(self, article: Article) -> list[Mention]:
        if "انهيار" in article.text:
            raise KeyError(316)
        return RuleEngine().extract(article)


@pytest.fixture
def fragile():
    register("fragile", Fragile)
    yield "fragile"
    unregister("fragile")


def _articles(n: int, bad: set[int]) -> list[ImportItem]:
    items = []
    for i in range(n):
        text = TEXT + (f"وتحدث السكان عن انهيار مبنى من {i} طوابق.\n" if i in bad else f"وقال مصدر محلي إن القصف استمر {i} ساعات.\n")
        items.append(ImportItem(Article(f"a{i:03d}", text, f"قصف {i}", lang="ar")))
    return items


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_engine_error_on_one_article_is_reported_and_the_run_goes_on(tmp_path, fragile, jobs):
    bad = {3, 17, 24}
    with Project.open(tmp_path / "p.db") as p:
        p.import_items(_articles(30, bad))
        summary = propose(p, fragile, jobs=jobs)
        assert summary.articles == 30
        assert sorted(f.article for f in summary.failed) == ["a003", "a017", "a024"]
        first = summary.failed[0]
        assert first.origin == "extractor:fragile@0.1" and first.error.startswith("KeyError: 316 (")
        assert "test_propose.py:" in first.error  # where it was raised
        assert "a003" in str(first) and "extractor:fragile@0.1" in str(first)
        by_ext = {p.article(i).ext_id: i for i in select_articles(p, fragile)}
        for ext, row in by_ext.items():
            stored = p.mentions(row, origin="extractor:fragile@0.1")
            assert bool(stored) == (int(ext[1:]) not in bad), ext
        assert summary.stored == sum(len(p.mentions(r, origin="extractor:fragile@0.1")) for r in by_ext.values())


def test_a_failing_article_keeps_the_proposals_it_had(tmp_path, fragile):
    with Project.open(tmp_path / "p.db") as p:
        p.import_items([ImportItem(Article("x", TEXT, "قصف", lang="ar"))])
        (row,) = select_articles(p, fragile)
        before = propose(p, fragile, jobs=1)
        assert before.stored > 0 and not before.failed
        kept = p.mentions(row, origin="extractor:fragile@0.1")
        # the same article, now making the engine raise: the earlier proposals stay
        register("fragile", _AlwaysRaises)
        after = propose(p, fragile, jobs=1)
        assert len(after.failed) == 1 and after.stored == 0
        assert p.mentions(row, origin="extractor:fragile@0.1") == kept


class _AlwaysRaises(Fragile):
    def extract(self, article: Article) -> list[Mention]:
        raise RuntimeError("model file missing")


def test_a_rerun_replaces_only_unreviewed_proposals(tmp_path):
    with Project.open(tmp_path / "p.db") as p:
        p.import_items([ImportItem(Article("x", TEXT, "قصف", lang="ar"))])
        (row,) = select_articles(p, "rules")
        first = propose(p, "rules", jobs=1)
        proposals = p.mentions(row)
        assert first.stored == len(proposals) > 2
        accepted, rejected = proposals[0], proposals[1]
        p.save_mention(row, review.accepted(accepted, "huda"), reviewer="huda", action="accept")
        p.save_mention(row, review.rejected(rejected, "huda"), reviewer="huda", action="reject")
        again = propose(p, "rules", jobs=1)
        assert again.kept == 2 and again.stored == len(proposals) - 2
        now = p.mentions(row)
        assert len(now) == len(proposals)  # nothing twice
        assert sorted(m.status for m in now).count("proposed") == len(proposals) - 2


def test_gold_imported_for_an_article_is_not_proposed_again_beside_itself(tmp_path):
    """Issue 10: after gold was imported, extract added a proposal identical to each gold
    mention, and an export of every status wrote each gold event twice."""
    gold_text = TEXT
    kill = Mention("Life.Die", Span.of(gold_text, 0, 3))
    at = gold_text.index("أصيب")
    retyped = Mention("Conflict.Attack", Span.of(gold_text, at, at + 4))  # the engine says Life.Injure here
    with Project.open(tmp_path / "p.db") as p:
        p.import_items([ImportItem(Article("x", gold_text, "قصف", lang="ar"), (kill, retyped))])
        (row,) = select_articles(p, "rules")
        # the imported mentions become a reviewer's gold (as `import --gold` stores them)
        for m in p.mentions(row):
            p.save_mention(row, review.accepted(m, "huda"), reviewer="huda", action="accept")
        gold_spans = {(m.trigger.start, m.trigger.end) for m in p.mentions(row)}
        summary = propose(p, "rules", jobs=1)
        assert summary.kept == 2
        proposed = [m for m in p.mentions(row) if m.status == "proposed"]
        assert proposed, "the engine proposed nothing else in the article"
        assert not {(m.trigger.start, m.trigger.end) for m in proposed} & gold_spans


def test_gold_imported_through_the_use_case_is_not_proposed_again(tmp_path, house_gold_path):
    with Project.open(tmp_path / "p.db") as p:
        import_files(p, [house_gold_path], ImportOptions(gold=True, reviewer="huda"))
        (row,) = select_articles(p, "rules")
        gold = p.mentions(row)
        assert len(gold) == 32 and {m.status for m in gold} == {"added"}
        summary = propose(p, "rules", jobs=1)
        spans = {(m.trigger.start, m.trigger.end) for m in gold}
        proposed = [m for m in p.mentions(row) if m.status == "proposed"]
        assert not [m for m in proposed if (m.trigger.start, m.trigger.end) in spans]
        assert summary.stored == len(proposed)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cancelled_run_stops_between_articles_each_replaced_whole_or_untouched(tmp_path, jobs):
    with Project.open(tmp_path / "p.db") as p:
        p.import_items(_articles(30, set()))
        first = propose(p, "rules", jobs=1)
        before = {i: p.mentions(i) for i in p.article_ids()}
        assert first.stored > 30 and not first.cancelled
        p.db.execute("DELETE FROM events")  # a fresh start: which articles got proposals shows how far it went
        p.db.conn.commit()
        seen = []
        summary = propose(p, "rules", jobs=jobs, progress=seen.append, cancelled=lambda: len(seen) >= 7)
        assert summary.cancelled and summary.articles == 7 == len(seen)
        ids = list(p.article_ids())
        done = [i for i in ids if p.mentions(i)]
        assert done == ids[:7]  # those stored in full, the rest untouched (no proposals)
        assert all([m.trigger for m in p.mentions(i)] == [m.trigger for m in before[i]] for i in done)
        assert summary.stored == sum(len(before[i]) for i in done)
