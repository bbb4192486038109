"""Bounded fuzzing of the importers of other tools' formats (issue 13 item 8): brat folders,
OneIE / DyGIE++ / Prodigy .jsonl, OneIE and DyGIE++ model outputs, Label Studio .json.

Each example is a real file made from a valid sample of the format — a value somewhere in it
replaced by something hostile (a wrong type, a huge or negative offset, a bidi override, NUL,
a `../` or Windows path, a lone surrogate), or its bytes truncated or flipped — imported by
the real ``import_paths`` into a real project. It must be imported or refused with
ImportProblem naming the file; never another exception, and a refused import changes nothing.
bench/fuzz.py runs the same for longer."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tadqiq.core.importing.item import ImportProblem
from tadqiq.db.importing import import_paths
from tadqiq.db.project import Project

#: bench/fuzz.py sets TADQIQ_FUZZ_SCALE to run many more examples than the suite does
SCALE = float(os.environ.get("TADQIQ_FUZZ_SCALE", "1"))
DATA = Path(__file__).resolve().parents[1] / "data"
PRE = DATA / "preannotations"
#: format -> sample file (JSON formats; brat is a folder, below)
SAMPLES = {
    "oneie": DATA / "formats" / "gold.oneie.jsonl",
    "dygiepp": DATA / "formats" / "gold.dygiepp.jsonl",
    "oneie-predictions": PRE / "oneie-predictions.jsonl",
    "prodigy": PRE / "prodigy-sentences.jsonl",
    "labelstudio": PRE / "labelstudio-notes-predictions.json",
}
NASTY_STRINGS = ["", " ", "\u202e\u0647\u062c\u0648\u0645", "<b>هجوم</b>", "a\x00b", "..\\..\\evil", "../../etc/passwd",
                 "C:\\Windows\\x", "\ud800", "هجوم", "Conflict.Attack", "ENT", "T1", "x" * 300, "٣", "\u200f"]
NASTY = st.one_of(
    st.sampled_from(NASTY_STRINGS), st.integers(-2**70, 2**70), st.sampled_from([0, -1, 1, 10**9]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(),
    st.lists(st.integers(-5, 50), max_size=5), st.just({}), st.just([]),
    st.text(max_size=8),
)


def _mutate(obj, draw, depth: int = 0):
    """``obj`` with one node (reached by a random walk) replaced by a hostile value."""
    if depth > 12 or not isinstance(obj, (dict, list)) or not obj or draw(st.integers(0, 3)) == 0:
        return draw(NASTY)
    if isinstance(obj, dict):
        key = draw(st.sampled_from(sorted(obj)))
        if draw(st.integers(0, 9)) == 0:
            return {k: v for k, v in obj.items() if k != key}  # a key left out
        return {**obj, key: _mutate(obj[key], draw, depth + 1)}
    i = draw(st.integers(0, len(obj) - 1))
    return [*obj[:i], _mutate(obj[i], draw, depth + 1), *obj[i + 1:]]


def _bytes_mutation(data: bytes, draw) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "insert"]))
    at = draw(st.integers(0, max(0, len(data) - 1)))
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1:] if data else data
    return data[:at] + draw(st.sampled_from([b"\x00", b"\xff", b"\n", b'"', b"\xe2\x80\xae", b"{"])) + data[at:]


def _json_file(fmt: str, draw) -> bytes:
    raw = SAMPLES[fmt].read_bytes()
    if draw(st.integers(0, 4)) == 0:
        return _bytes_mutation(raw, draw)
    if fmt == "labelstudio":
        return json.dumps(_mutate(json.loads(raw), draw), ensure_ascii=False).encode("utf-8", "surrogatepass")
    lines = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    i = draw(st.integers(0, len(lines) - 1))
    lines[i] = _mutate(lines[i], draw)
    return "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode("utf-8", "surrogatepass")


#: (format, "imported" | "refused") -> examples, for bench/fuzz.py's report
OUTCOMES: Counter = Counter()


@pytest.fixture(scope="module")
def project_dir():
    folder = Path(tempfile.mkdtemp(prefix="tadqiq-fuzz-"))
    with Project.open(folder / "p.tadqiq") as p:  # the article the model outputs are placed onto
        import_paths(p, [PRE / "kafr-2026-01.txt"])
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _counts(p: Project) -> tuple[int, ...]:
    return tuple(p.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "arguments"))


def _import_or_refuse(project_path: Path, path: Path, fmt: str) -> None:
    with Project.open(project_path, create=False) as p:
        before = _counts(p)
        try:
            import_paths(p, [path], fmt=fmt)
            OUTCOMES[fmt, "imported"] += 1
        except ImportProblem as exc:
            assert str(path) in str(exc) or path.name in str(exc), str(exc)
            assert _counts(p) == before  # refused: nothing stored
            OUTCOMES[fmt, "refused"] += 1
        assert not p.check(), p.check()


@settings(max_examples=int(150 * SCALE), deadline=None, suppress_health_check=list(HealthCheck))
@given(fmt=st.sampled_from(sorted(SAMPLES)), data=st.data())
def test_a_hostile_tool_file_is_imported_or_refused_with_a_message(project_dir, fmt, data):
    suffix = ".json" if fmt == "labelstudio" else ".jsonl"
    path = project_dir / f"in{suffix}"
    path.write_bytes(_json_file(fmt, data.draw))
    _import_or_refuse(project_dir / "p.tadqiq", path, fmt)


ANN_LINES = st.sampled_from([
    "T1\tConflict.Attack 0 4\tقصفت", "T2\tAttacker 5 17\tطائرات حربية", "E1\tConflict.Attack:T1 Attacker:T2",
    "T3\tConflict.Attack 0 4;5 9\tقصفت طائ", "A1\tPolarity E1 negative", "R1\tSame Arg1:T1 Arg2:T2",
    "#1\tAnnotatorNotes T1\tstatus=confirmed", "T9\tConflict.Attack -1 99999\tx", "E2\tNope:T7",
    "T4\t\u202eConflict.Attack 0 4\tقصفت", "T5\tConflict.Attack 0 4", "\x00", "T1\tConflict.Attack 0 4\tقصفت",
    "*\tEquiv T1 T2", "N1\tReference T1 Wikipedia:123\tx", "E1\tConflict.Attack:T1 Attacker:T1 Attacker:T1",
])


@settings(max_examples=int(80 * SCALE), deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=st.lists(ANN_LINES, max_size=10), name=st.sampled_from(["kafr", "..", "a b", "CON", "x" * 200, "ش"]),
       text=st.sampled_from(["قصفت طائرات حربية بلدة كفرنبل.", "", "a\x00b", "<p>قصفت</p>", "\u202eقصفت طائرات"]),
       mangle=st.booleans(), data=st.data())
def test_a_hostile_brat_folder_is_imported_or_refused_with_a_message(project_dir, lines, name, text, mangle, data):
    folder = project_dir / "brat"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    ann = "\n".join(lines).encode("utf-8")
    if mangle:
        ann = _bytes_mutation(ann, data.draw)
    stem = name if name != ".." else "dots"
    (folder / f"{stem}.ann").write_bytes(ann)
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    shutil.copy(DATA / "formats" / "brat" / "annotation.conf", folder / "annotation.conf")
    _import_or_refuse(project_dir / "p.tadqiq", folder, "brat")


def test_found_by_fuzzing_prodigy_spans_that_are_not_a_list(project_dir):
    path = project_dir / "spans.jsonl"
    path.write_text('{"text": "قصفت طائرات", "meta": {"id": "p1"}, "spans": 5}\n', encoding="utf-8")
    with Project.open(project_dir / "p.tadqiq", create=False) as p:
        with pytest.raises(ImportProblem, match=r"line 1.*'spans' must be a list, got int"):
            import_paths(p, [path], fmt="prodigy")


def test_found_by_fuzzing_an_article_field_that_is_not_text_is_refused_naming_it(project_dir):
    from tadqiq.core.importing.item import ImportItem
    from tadqiq.core.model import Article
    from tadqiq.db.connection import ProjectError

    with Project.open(project_dir / "p.tadqiq", create=False) as p:
        before = _counts(p)
        with pytest.raises(ProjectError, match=r"doc 9: the article's 'lang' must be text, got list"):
            p.import_items([ImportItem(Article(ext_id="x9", text="نص", lang=["ar"]), where="doc 9")])
        assert _counts(p) == before
