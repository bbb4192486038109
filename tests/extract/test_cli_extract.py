"""`tadqiq extract` and `tadqiq evaluate` on a real project file with the house article."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tadqiq.db.project import Project
from tadqiq.cli.main import cli

ORIGIN = "extractor:rules@1.11"


@pytest.fixture
def project(tmp_path, house_txt):
    """The house article's text, no labels yet."""
    path = tmp_path / "p.db"
    r = CliRunner().invoke(cli, ["import", str(path), str(house_txt)])
    assert r.exit_code == 0, r.output
    return path


def run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r.output


def test_extract_then_evaluate_on_the_house_article(project, house_gold_path):
    """Engine 1.11 on the house article (own text, written after the rules): 28 of its 32 gold
    triggers found with one extra (1.8 and 1.9 found 27; 1.11's نقل is the 28th)."""
    out = run("extract", project, "--jobs", "1")
    assert f"{ORIGIN}: 29 proposals stored in 1 articles" in out
    run("import", project, house_gold_path, "--gold", "--reviewer", "lead")
    scores = json.loads(run("evaluate", project, "--gold", "reviewer:lead", "--pred", ORIGIN, "--json"))
    assert scores["trigger_classification"]["all"]["f1"] >= 0.85
    assert scores["argument_classification"]["all"]["f1"] >= 0.60
    assert scores["origins"]["gold_mentions"] == 32
    text = run("evaluate", project, "--gold", "reviewer:lead", "--pred", ORIGIN)
    assert "trigger classification" in text and "explicit counts stated exactly:" in text


def test_gold_imported_after_extraction_is_not_proposed_again_beside_itself(project, house_gold_path, tmp_path):
    """Issue 10: a re-run after gold was imported stored a proposal identical to each gold
    mention, and an export of every status wrote each gold event twice."""
    run("extract", project, "--jobs", "1")
    run("import", project, house_gold_path, "--gold", "--reviewer", "lead")
    out = run("extract", project, "--jobs", "1")
    assert "28 not proposed again (already reviewed)" in out  # the 28 proposals on gold triggers
    with Project.open(project, create=False) as p:
        (aid,) = [a.id for a in p.article_list()]
        gold = {(m.trigger.start, m.trigger.end) for m in p.mentions(aid, origin="reviewer:lead")}
        left = p.mentions(aid, origin=ORIGIN)
        assert len(gold) == 32 and len(left) == 1
        assert (left[0].trigger.start, left[0].trigger.end) not in gold
    run("export", project, "--format", "jsonl", "--status", "all", "-o", tmp_path / "all.jsonl")
    (row,) = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text("utf-8").splitlines()]
    triggers = [(e["trigger"]["start"], e["trigger"]["end"]) for e in row["events"]]
    assert len(triggers) == 33 and len(set(triggers)) == 33


def test_rerun_replaces_proposals_and_keeps_reviewed_ones(project):
    run("extract", project)
    with Project.open(project, create=False) as p:
        (aid,) = [a.id for a in p.article_list()]
        proposals = p.mentions(aid, origin=ORIGIN)
        assert len(proposals) == 29 and all(m.status == "proposed" for m in proposals)
        chosen = proposals[0]
        p.save_mention(
            aid, chosen.with_(status="confirmed", reviewer="amal"), reviewer="amal", action="confirm"
        )
    out = run("extract", project, "--article", "house-hama-001")
    assert "1 not proposed again" in out
    with Project.open(project, create=False) as p:
        mine = p.mentions(aid, origin=ORIGIN)
        assert len(mine) == 29
        confirmed = [m for m in mine if m.status == "confirmed"]
        assert len(confirmed) == 1 and confirmed[0].id == chosen.id and confirmed[0].reviewer == "amal"


def test_only_new_skips_articles_already_extracted(project):
    run("extract", project)
    assert f"{ORIGIN}: 0 proposals stored in 0 articles" in run("extract", project, "--only-new")


def test_unknown_engine_and_origin(project):
    r = CliRunner().invoke(cli, ["extract", str(project), "--engine", "nope"])
    assert r.exit_code == 1 and "no extraction engine 'nope'" in r.output
    r = CliRunner().invoke(cli, ["evaluate", str(project), "--gold", "reviewer:nobody", "--pred", ORIGIN])
    assert r.exit_code == 1 and "no mentions with origin 'reviewer:nobody'" in r.output


def test_worker_processes_give_the_same_proposals(tmp_path):
    path = tmp_path / "many.db"
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for n in range(3, 28):
            text = f"قتل {n} مدنيين في قصف على مدينة حلب، وأصيب آخرون بجروح."
            fh.write(
                json.dumps({"id": f"a{n}", "text": text, "published": "2020-01-01"}, ensure_ascii=False)
                + "\n"
            )
    run("import", path, src)

    def snapshot():
        with Project.open(path, create=False) as p:
            return [
                [
                    (
                        m.type,
                        m.trigger.start,
                        m.trigger.end,
                        tuple((a.role, a.span.start, a.value and a.value.get("value")) for a in m.arguments),
                    )
                    for m in p.mentions(a.id, origin=ORIGIN)
                ]
                for a in p.article_list(0, 100)
            ]

    assert "in 25 articles" in run("extract", path, "--jobs", "2")
    pooled = snapshot()
    run("extract", path, "--jobs", "1")
    assert snapshot() == pooled
    # each article's own count reached its Victim
    assert sorted(
        v for art in pooled for m in art if m[0] == "Life.Die" for r, _, v in m[3] if r == "Victim"
    ) == list(range(3, 28))


def test_replacing_proposals_finds_them_through_the_article_index(project):
    """Re-extraction is linear: the delete of an article's earlier proposals reads that
    article's rows (events_article), not every proposal of the origin (events_origin)."""
    run("extract", project, "--jobs", "1")
    with Project.open(project, create=False) as p:
        (aid,) = [a.id for a in p.article_list()]
        statements: list[str] = []
        p.db.conn.set_trace_callback(statements.append)
        try:
            p.replace_proposals(aid, ORIGIN, [], reviewer="t")
        finally:
            p.db.conn.set_trace_callback(None)
        deletes = {s for s in statements if s.lstrip().upper().startswith("DELETE FROM EVENTS")}
        assert len(deletes) == 1
        plan = " ".join(str(row[-1]) for row in p.db.conn.execute("EXPLAIN QUERY PLAN " + deletes.pop()))
        assert "events_article" in plan and "events_origin" not in plan, plan
        assert p.mentions(aid, origin=ORIGIN) == []


def test_a_corrected_proposal_is_not_proposed_again(project):
    """A reviewer changed a proposal's type: the next run does not propose the original type
    on that trigger again (the reviewed mention's type and span no longer match it)."""
    run("extract", project, "--jobs", "1")
    with Project.open(project, create=False) as p:
        (aid,) = [a.id for a in p.article_list()]
        chosen = next(m for m in p.mentions(aid, origin=ORIGIN) if m.type == "Conflict.Attack")
        p.save_mention(
            aid,
            chosen.with_(type="Conflict.Demonstrate", arguments=(), status="corrected", reviewer="amal"),
            reviewer="amal",
            action="correct",
        )
    out = run("extract", project, "--jobs", "1")
    assert "1 not proposed again" in out
    with Project.open(project, create=False) as p:
        at_trigger = [
            m
            for m in p.mentions(aid, origin=ORIGIN)
            if (m.trigger.start, m.trigger.end) == (chosen.trigger.start, chosen.trigger.end)
        ]
        assert [(m.type, m.status, m.id) for m in at_trigger] == [("Conflict.Demonstrate", "corrected", chosen.id)]
        assert len(p.mentions(aid, origin=ORIGIN)) == 29


def test_chunked_storing_stores_every_article_once(tmp_path):
    """Proposals are stored in transactions of many articles: with more articles than one
    chunk, every article gets its proposals once, on a first run and on a re-run."""
    path = tmp_path / "chunks.db"
    src = tmp_path / "chunks.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for n in range(230):
            text = f"قتل {n + 2} مدنيين في قصف على مدينة حلب."
            fh.write(json.dumps({"id": f"c{n}", "text": text, "published": "2020-01-01"}, ensure_ascii=False) + "\n")
    run("import", path, src)
    for _ in range(2):
        assert f"{ORIGIN}: 460 proposals stored in 230 articles" in run("extract", path, "--jobs", "2")
        with Project.open(path, create=False) as p:
            per_article = [
                sorted(m.type for m in p.mentions(a.id, origin=ORIGIN)) for a in p.article_list(0, 1000)
            ]
        assert per_article == [["Conflict.Attack", "Life.Die"]] * 230


def test_an_article_named_twice_is_extracted_once_and_the_command_ends(tmp_path):
    """Regression: a repeated --article made the store loop open empty transactions forever."""
    import json
    import subprocess
    import sys

    rows = [{"id": f"a{k}", "text": f"خبر {k}\n\nقتل ثلاثة جنود في هجوم على بلدة رقم {k} أمس."} for k in range(120)]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    p = tmp_path / "p.db"
    tadqiq = [sys.executable, "-m", "tadqiq"]
    assert subprocess.run([*tadqiq, "import", str(p), str(src)], capture_output=True).returncode == 0
    names = [arg for k in [*range(99), 0] for arg in ("--article", f"a{k}")]
    done = subprocess.run([*tadqiq, "extract", str(p), *names, "--jobs", "2"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "in 99 articles" in done.stdout
