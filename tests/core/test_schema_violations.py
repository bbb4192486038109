"""An input that breaks the schema in several ways is refused with every kind of violation
(type or role, how often, the first document), not only the first one (issue 10)."""

from __future__ import annotations

import json

import pytest

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.preannotations import read_preannotations
from tadqiq.core.schema import load_schema

TEXT = "قتل ثلاثة مدنيين في قصف على بلدة سرمين واندمجت الشركتان"


def _span(w):
    s = TEXT.index(w)
    return {"start": s, "end": s + len(w), "text": w}


def _doc(i, events):
    return {"id": f"d{i}", "text": TEXT, "events": events}


def test_every_violation_is_listed(tmp_path):
    merge = {"type": "Business.Merge-Org", "trigger": _span("اندمجت"), "arguments": []}
    wrong_role = {"type": "Life.Die", "trigger": _span("قتل"), "arguments": [{"role": "Plaintiff", **_span("ثلاثة مدنيين")}]}
    fine = {"type": "Conflict.Attack", "trigger": _span("قصف"), "arguments": [{"role": "Place", **_span("بلدة سرمين")}]}
    path = tmp_path / "model.jsonl"
    path.write_text("".join(json.dumps(_doc(i, e), ensure_ascii=False) + "\n" for i, e in
                            enumerate([[fine, wrong_role], [merge], [merge, wrong_role]])), encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read_preannotations(path, load_schema(), origin="model-x", fmt="jsonl")
    msg = str(err.value)
    assert "4 mentions or arguments do not fit schema conflict-ar (2 kinds)" in msg
    assert "unknown event type 'Business.Merge-Org': 2 times, first in document 'd1'" in msg
    assert "role 'Plaintiff' is not a role of Life.Die: 2 times, first in document 'd0'" in msg
    assert "(the first:" in msg


def test_other_errors_are_reported_as_before(tmp_path):
    path = tmp_path / "bad.jsonl"
    bad = {"type": "Life.Die", "trigger": {"start": 0, "end": 3, "text": "xyz"}, "arguments": []}
    path.write_text(json.dumps(_doc(0, [bad]), ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read_preannotations(path, load_schema(), origin="model-x", fmt="jsonl")
    assert "do not fit schema" not in str(err.value)
