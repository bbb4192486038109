"""A model's output imported as proposals onto the stored article (issue 12, item 4).

Fixtures (tests/data/preannotations): the shapes DyGIE++'s predict.py writes (``predicted_ner``,
``predicted_events`` with logits and probabilities, document-level token indices, ends
inclusive) and OneIE's predict.py writes (one sentence per line: ``tokens``, ``token_ids``
``DOC:start-end``, ``graph`` with entities/triggers/roles as ``Graph.to_dict`` gives them; see
oneie/predict.py and oneie/graph.py of the OneIE code), over our own article, chrome not given
to the model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data/preannotations"
ARTICLE = DATA / "kafr-2026-01.txt"
DYGIEPP = DATA / "dygiepp-predictions.jsonl"
ONEIE = DATA / "oneie-predictions.jsonl"
TEXT = ARTICLE.read_text(encoding="utf-8")


def _project(run, tmp_path: Path) -> Path:
    project = tmp_path / "p.db"
    assert run("import", project, ARTICLE).exit_code == 0
    return project


def _events(run, project):
    return json.loads(run("show", project, "kafr-2026-01", "--json").stdout)["events"]


def _checked(events):
    for e in events:
        assert TEXT[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        for a in e["arguments"]:
            assert TEXT[a["start"] : a["end"]] == a["text"]
    return events


def test_dygiepp_predictions(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, DYGIEPP, "--origin", "model:dygiepp-ar@2")
    assert r.exit_code == 0, r.output
    assert "read as dygiepp (1 documents)" in r.stdout
    assert "3 entities of predicted_ner not stored" in r.stderr
    events = _checked(_events(run, project))
    got = sorted((e["type"], e["trigger"]["text"], [(a["role"], a["text"]) for a in e["arguments"]]) for e in events)
    assert got == [("Conflict.Attack", "قصفت", [("Attacker", "طائرات حربية"), ("Place", "بلدة كفرنبل")]),
                   ("Life.Die", "وقتل", [("Victim", "ثلاثة مدنيين")])]  # fmt: skip
    attack = next(e for e in events if e["type"] == "Conflict.Attack")
    assert (attack["status"], attack["origin"], attack["confidence"]) == ("proposed", "model:dygiepp-ar@2", 0.97)
    assert attack["trigger"]["start"] == TEXT.index("قصفت")


def test_oneie_predictions(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("import", project, ONEIE, "--origin", "model:oneie-ar")
    assert r.exit_code == 0, r.output
    assert "read as oneie-predictions" in r.stdout
    events = _checked(_events(run, project))
    got = sorted((e["type"], e["trigger"]["text"], [(a["role"], a["text"]) for a in e["arguments"]]) for e in events)
    assert got == [("Conflict.Attack", "قصفت", [("Attacker", "طائرات حربية"), ("Place", "بلدة كفرنبل")]),
                   ("Life.Injure", "وأصيب", [("Victim", "خمسة آخرون")])]  # fmt: skip


def test_oneie_token_ids_are_enough(run, tmp_path):
    project = _project(run, tmp_path)
    lines = [json.loads(line) for line in ONEIE.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        del line["tokens"]
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    r = run("import", project, path, "--origin", "m")
    assert r.exit_code == 0, r.output
    assert len(_checked(_events(run, project))) == 2


def _edited(tmp_path: Path, source: Path, edit) -> Path:
    lines = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    edit(lines)
    path = tmp_path / f"bad-{source.name}"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


REFUSALS = {
    "trigger not a token index": (DYGIEPP, lambda ls: ls[0]["predicted_events"][0][0].__setitem__(0, ["x"]),
                                  "line 1: document 'kafr-2026-01': predicted_events[0][0]: the trigger is ['x']; "
                                  "expected [token, type, logit, prob]"),
    "argument past the tokens": (DYGIEPP, lambda ls: ls[0]["predicted_events"][1][0][1].__setitem__(1, 99),
                                 "predicted_events[1][0][1]: argument 'Victim' covers tokens 13..99; expected tokens of the 29"),
    "one list per sentence": (DYGIEPP, lambda ls: ls[0]["predicted_events"].pop(),
                              "predicted_events has 2 lists, sentences 3; expected one list per sentence"),
    "tokens not in the article": (DYGIEPP, lambda ls: ls[0]["sentences"][1].__setitem__(0, "وجرح"),
                                  "sentences[1]: the tokens 'وجرح ثلاثة مدنيين"),
    "document not stored": (ONEIE, lambda ls: [x.__setitem__("doc_id", "other-9") for x in ls],
                            "line 1: document 'other-9' (sent_id 'kafr-2026-01-0'): document 'other-9' is not in the "
                            "project; a model's output carries tokens, not the article's text"),
    "role to a missing entity": (ONEIE, lambda ls: ls[0]["graph"]["roles"].append([0, 7, "Target", 0.5]),
                                 "graph.roles[2]: trigger 0 / entity 7; expected indices into the 1 triggers and 2 entities"),
    "bad token id": (ONEIE, lambda ls: [x.pop("tokens") for x in ls] and ls[0]["token_ids"].__setitem__(0, "kafr:5"),
                     "token_ids[0] is 'kafr:5'; expected 'DOC:start-end'"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refusals_name_the_record_the_field_and_what_was_expected(run, dump, tmp_path, case):
    source, edit, message = REFUSALS[case]
    project = _project(run, tmp_path)
    before = dump(project)
    r = run("import", project, _edited(tmp_path, source, edit), "--origin", "m")
    assert r.exit_code == 1
    assert message in r.stderr, r.stderr
    assert "Traceback" not in r.output
    assert dump(project) == before
