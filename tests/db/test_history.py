"""db.history: the history format written by reviewer actions and its replay, on a real file."""

from __future__ import annotations

from tadqiq.core import review
from tadqiq.core.model import Article, Mention, Span
from tadqiq.db.history import action_name, parse_action
from tadqiq.db.project import ImportItem, Project

TEXT = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف على بلدة سرمين.\n"


def test_action_names_round_trip():
    for kind in ("do", "undo", "redo"):
        assert parse_action(action_name("change-type", "3fa9", kind)) == (kind, "change-type", "3fa9")
    assert action_name("accept", "t1") == "accept#t1"
    assert parse_action("import") is None and parse_action("article_status") is None


def _project(tmp_path) -> tuple[Project, int, list[Mention]]:
    p = Project.open(tmp_path / "p.db")
    ms = (Mention("Life.Die", Span.of(TEXT, 0, 3)), Mention("Life.Injure", Span.of(TEXT, 18, 22)),
          Mention("Conflict.Attack", Span.of(TEXT, 38, 41)))
    p.import_items([ImportItem(Article("x", TEXT, "قصف", lang="ar"), ms)])
    row = p.article("x").id
    return p, row, p.mentions(row)


def test_replay_reads_actions_back_with_the_position_after_undo_and_redo(tmp_path):
    p, row, (die, injure, attack) = _project(tmp_path)
    with p:
        a1 = p.save_mention(row, review.accepted(die, "huda"), reviewer="huda", action=action_name("accept", "t1"))
        # one action writing two rows (accept all): one undo step
        p.save_mention(row, review.accepted(injure, "huda"), reviewer="huda", action=action_name("accept-all", "t2"))
        p.save_mention(row, review.accepted(attack, "huda"), reviewer="huda", action=action_name("accept-all", "t2"))
        # undo t2 (its rows, last change first), redo it, undo it again
        p.save_mention(row, attack, reviewer="huda", action=action_name("accept-all", "t2", "undo"))
        p.save_mention(row, injure, reviewer="huda", action=action_name("accept-all", "t2", "undo"))
        p.save_mention(row, review.accepted(injure, "huda"), reviewer="huda", action=action_name("accept-all", "t2", "redo"))
        p.save_mention(row, review.accepted(attack, "huda"), reviewer="huda", action=action_name("accept-all", "t2", "redo"))
        p.save_mention(row, attack, reviewer="huda", action=action_name("accept-all", "t2", "undo"))
        p.save_mention(row, injure, reviewer="huda", action=action_name("accept-all", "t2", "undo"))
        # another reviewer's rows are not in huda's replay
        p.save_mention(row, review.rejected(a1, "omar"), reviewer="omar", action=action_name("reject", "t9"))
        replay = p.undo_history("huda")
        assert [(a.verb, a.token, len(a.changes)) for a in replay.actions] == [("accept", "t1", 1), ("accept-all", "t2", 2)]
        assert replay.index == 1  # t2 is undone
        t2 = replay.actions[1]
        assert [c.after.status for c in t2.changes] == ["confirmed", "confirmed"]
        assert [c.before.status for c in t2.changes] == ["proposed", "proposed"]
        assert len(t2.undo_ids) == 2 and len(t2.do_ids) == 2
        assert t2.changes[0].before.trigger.text == "أصيب"


def test_a_new_action_after_an_undo_drops_the_undone_ones(tmp_path):
    p, row, (die, injure, _attack) = _project(tmp_path)
    with p:
        p.save_mention(row, review.accepted(die, "huda"), reviewer="huda", action=action_name("accept", "t1"))
        p.save_mention(row, die, reviewer="huda", action=action_name("accept", "t1", "undo"))
        p.save_mention(row, review.rejected(injure, "huda"), reviewer="huda", action=action_name("reject", "t3"))
        replay = p.undo_history("huda")
        assert [a.token for a in replay.actions] == ["t3"] and replay.index == 1
