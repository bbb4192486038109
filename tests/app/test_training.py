"""The learned engine trained on a real project file: gold read as a reviewer left it,
cross-validated by article, stored as versions, used by extract (learned and combined).

Data: development sets written for the project (tests/data/extract/dev4, dev5: own
articles, not real news; real-text figures are in docs/extractor.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tadqiq.app.engines import EngineSpec, engine_spec
from tadqiq.app.importing import ImportOptions, import_files
from tadqiq.app.propose import propose
from tadqiq.app.training import gold_examples, gold_snapshot, learning_curve, train_project
from tadqiq.core import review
from tadqiq.db.project import Project
from tadqiq.extract.learned import LearnedModel, ModelError

DATA = Path(__file__).resolve().parent.parent / "data" / "extract"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A project with dev4 + dev5 as gold (17 articles), one proposal rejected, trained once."""
    path = tmp_path_factory.mktemp("train") / "p.db"
    with Project.open(path) as p:
        import_files(p, [DATA / "dev4.gold.jsonl", DATA / "dev5.gold.jsonl"],
                     ImportOptions(gold=True, reviewer="lead"))
        result = train_project(p, k=3, reviewer="lead")
    return path, result


def test_gold_examples_read_gold_and_keep_unreviewed_triggers_apart(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        import_files(p, [DATA / "dev4.gold.jsonl"], ImportOptions(gold=True, reviewer="lead"))
        first = p.article_list(0, 1)[0].id
        gold_before = len([m for m in p.mentions(first) if m.is_gold])
        propose(p, "rules", [first], jobs=1)  # only what the gold does not hold yet
        proposals = [m for m in p.mentions(first) if m.status == "proposed"]
        examples = gold_examples(p)
    assert len(examples) == 9
    ex = examples[0]  # the first article in id order
    assert len(ex.gold) == gold_before
    assert sorted(ex.unknown) == sorted((m.trigger.start, m.trigger.end) for m in proposals)
    snap = gold_snapshot(examples)
    assert snap["articles"] == 9 and snap["mentions"] == sum(len(e.gold) for e in examples)
    assert len(snap["digest"]) == 16
    with Project.open(path, create=False) as p:
        counts = p.gold_counts()  # what the Retrain dialog shows, counted in SQL
    assert counts == {k: snap[k] for k in ("articles", "mentions", "arguments")}


def test_a_rejected_proposal_counts_as_a_reviewed_article(tmp_path):
    text = "قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة سرمين في ريف إدلب.\n"
    path = tmp_path / "p.db"
    with Project.open(path) as p:
        from tadqiq.core.model import Article
        from tadqiq.db.project import ImportItem

        p.import_items([ImportItem(Article("only-rejected", text, "قصف"))])
        aid = p.article("only-rejected").id
        propose(p, "rules", [aid], jobs=1)
        assert gold_examples(p) == []  # nothing reviewed yet
        mentions = p.mentions(aid)
        assert len(mentions) >= 2  # the attack and the deaths
        p.save_mention(aid, review.rejected(mentions[0], "lead"), reviewer="lead", action="reject")
        examples = gold_examples(p)
    assert [e.article.ext_id for e in examples] == ["only-rejected"]
    assert examples[0].gold == []  # the rejected one is a negative: no gold, its tokens are O
    assert len(examples[0].unknown) == len(mentions) - 1  # the others are not known yet


def test_training_stores_a_version_with_its_scores_and_snapshot(trained):
    path, result = trained
    assert result.version == 1
    cv = result.cv
    assert cv is not None and cv.k == 3 and len(cv.folds) == 3
    for engine in (cv.learned, cv.rules):
        assert 0.0 <= engine["trigger"]["f1"] <= 1.0
        assert engine["trigger"]["gold"] == result.snapshot["mentions"]  # every gold mention held out once
    assert cv.learned["trigger"]["f1"] > 0.5  # the model learned something from 11-12 articles per fold
    assert 0.0 <= cv.ece["calibrated"] <= cv.ece["raw"] + 0.05
    with Project.open(path, create=False) as p:
        stored = p.model("learned")
        listed = p.models("learned")
    assert stored is not None and stored.version == 1 and stored.trained_by == "lead"
    assert stored.gold == result.snapshot and stored.scores["k"] == 3
    assert [m.version for m in listed] == [1] and listed[0].data == b""
    model = LearnedModel.from_bytes(stored.data)
    assert model.version == 1 and model.meta["gold"]["digest"] == result.snapshot["digest"]
    assert "calibration" in model.meta


def test_a_second_training_is_a_new_version_and_old_ones_stay(trained, tmp_path):
    path, _ = trained
    copy = tmp_path / "copy.db"
    with Project.open(path, create=False) as p:
        p.db.execute(f"VACUUM INTO '{copy}'")
    with Project.open(copy, create=False) as p:
        again = train_project(p, k=0, reviewer="second")
        assert again.version == 2 and again.cv is None
        assert [m.version for m in p.models("learned")] == [1, 2]
        assert p.model("learned").trained_by == "second"
        assert p.model("learned", 1).trained_by == "lead"


def test_extract_with_the_learned_and_combined_engines(trained, tmp_path):
    path, _ = trained
    fresh = tmp_path / "fresh.db"
    with Project.open(path, create=False) as p:
        p.db.execute(f"VACUUM INTO '{fresh}'")
    with Project.open(fresh, create=False) as p:
        p.db.execute("DELETE FROM events")  # the same articles, no gold left: everything is proposed
        p.db.conn.commit()
        spec = engine_spec(p, "learned")
        assert spec.model_version == 1
        learned = propose(p, spec, jobs=1)
        assert learned.origin == "extractor:learned@1" and learned.stored > 20
        combined = propose(p, "combined", jobs=2)
        assert combined.origin == "extractor:combined@1.11+1" and combined.stored >= learned.stored * 0.8
        mentions = [m for a in p.article_list(0, 100) for m in p.mentions(a.id, origin=combined.origin)]
        text_of = {a.id: p.article(a.id).text for a in p.article_list(0, 100)}
    for m in mentions:
        assert m.trigger.text in "".join(text_of.values())
        assert m.rule.split(":")[0] in ("both", "rules", "learned")
    confidences = {m.confidence for m in mentions}
    assert len(confidences) >= 2  # calibrated: not every proposal at one value
    assert all(0 < c < 1 for c in confidences)
    # ... and what both engines propose is trusted more than what one of them alone does
    by_source: dict[str, set[float]] = {}
    for m in mentions:
        by_source.setdefault(m.rule.split(":")[0], set()).add(m.confidence)
    alone = by_source.get("learned", set()) | by_source.get("rules", set())
    assert by_source.get("both") and alone and min(by_source["both"]) > max(alone)


def test_engines_that_need_a_model_say_so(tmp_path):
    with Project.open(tmp_path / "p.db") as p:
        with pytest.raises(LookupError, match="no learned model: run `tadqiq train p.db` first"):
            engine_spec(p, "combined")
        with pytest.raises(LookupError, match="no extraction engine 'nope'"):
            engine_spec(p, "nope")
        assert engine_spec(p, "rules") == EngineSpec("rules")
        with pytest.raises(ValueError, match="at least 2 articles"):
            train_project(p)


def test_model_bytes_are_checked():
    with pytest.raises(ModelError, match="not a learned-engine model"):
        LearnedModel.from_bytes(b"not a zip")


def test_learning_curve_points_grow(trained):
    path, _ = trained
    with Project.open(path, create=False) as p:
        examples = gold_examples(p)
        roles = p.schema.role_table()
    points = learning_curve(examples, roles, sizes=[2, 12], jobs=1)
    assert [pt["articles"] for pt in points] == [2, 12]
    assert all(0 <= pt["trigger_f1"] <= 1 for pt in points)
    assert points[1]["trigger_f1"] >= points[0]["trigger_f1"] - 0.05
