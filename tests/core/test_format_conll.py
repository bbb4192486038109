"""CoNLL BIO: well-formed columns and tags, and the tags give back triggers and arguments."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tadqiq.core.formats.conll import write_conll
from tadqiq.core.schema import load_schema

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_expected", HERE.parent / "data/formats/make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

SCHEMA = load_schema()


def parse(path: Path) -> list[dict]:
    """Sentences as {comments, rows}; blocks are separated by exactly one blank line."""
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n\n") and "\n\n\n" not in text
    out = []
    for block in text[:-2].split("\n\n"):
        lines = block.split("\n")
        comments = [line for line in lines if line.startswith("# ")]
        rows = [line.split("\t") for line in lines if not line.startswith("# ")]
        out.append({"comments": comments, "rows": rows})
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, label) from BIO tags; asserts the tags are valid BIO."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "B":
            out.append((i, i + 1, label))
        else:
            assert prefix == "I" and out and out[-1][1] == i and out[-1][2] == label, (i, tag)
            out[-1] = (out[-1][0], i + 1, label)
    return out


def test_columns_tags_and_contents(tmp_path):
    items = make_expected.expected_items()
    out = tmp_path / "x.conll"
    result = write_conll(items, SCHEMA, out)
    sentences = parse(out)
    assert result["counts"]["sentences"] == len(sentences)
    found = []
    for s in sentences:
        events = [c for c in s["comments"] if c.startswith("# event ")]
        assert all(len(r) == 3 + len(events) for r in s["rows"])
        tokens = [r[0] for r in s["rows"]]
        text = next(c for c in s["comments"] if c.startswith("# text = "))[len("# text = ") :]
        assert "".join(tokens) == text.replace(" ", "")
        spans([r[1] for r in s["rows"]])  # entity column is valid BIO
        triggers = spans([r[2] for r in s["rows"]])
        for col, comment in enumerate(events):
            # "# event 2 = Life.Die يقتل (token 13)"
            _, rest = comment.split(" = ", 1)
            etype, trigger_text, token_no = rest.split(" ", 2)
            t = int(token_no.strip("(token )")) - 1
            assert (t, t + 1, etype) in triggers
            assert trigger_text in tokens[t]
            args = spans([r[3 + col] for r in s["rows"]])
            found.append((etype, trigger_text, tuple((role, " ".join(tokens[a:b])) for a, b, role in args)))
    expected = []
    for _, mentions in items:
        for m in mentions:
            expected.append((m.type, m.trigger.text, tuple((a.role, a.span.text) for a in m.arguments)))
    assert len(found) == len(expected) == 36  # house 32 + small 4
    # Arguments come back by their tokens: same roles, and the annotated text inside the token run.
    # BIO cannot put two roles on one span in one column: the writer keeps one and counts the other
    # (the small article has «مدينة منبج» as both Target and Place of one attack).
    # several mentions share a type and trigger word (four Conflict.Attack هجوم): each found
    # event is paired with an expected one whose arguments all match, each expected used once
    dropped = 0
    left = list(expected)
    for t1, tr1, args1 in found:
        match = next((e for e in left if e[:2] == (t1, tr1) and all(
            any(r == role and _same_words(text, toks) for r, text in e[2]) for role, toks in args1)), None)
        assert match is not None, (t1, tr1, args1)
        left.remove(match)
        dropped += len(match[2]) - len(args1)
    assert not left
    assert dropped == result["counts"]["arguments_overlapping"] == 1


def _same_words(annotated: str, tokens: str) -> bool:
    """«أربع مروحيات» is inside the tokens «بأربع مروحيات»; punctuation tokens are space-separated."""
    return annotated.replace(" ", "") in tokens.replace(" ", "")


def test_sub_token_trigger_tags_the_whole_token(tmp_path):
    out = tmp_path / "x.conll"
    write_conll(make_expected.expected_items()[:1], SCHEMA, out)
    first = parse(out)[0]
    assert ["ويقتلون", "O", "B-Life.Die", "O", "O", "O"] in first["rows"]
    assert first["comments"][:2] == ["# doc_id = house-hama-001", "# sent_id = house-hama-001-0"]
