"""core.validate: the one set of mention rules, and every format checking through it.

A reader (native, brat, ...) and a writer check a mention with the same rules as a save or an
import; the error names the file, document and mention, and then what is wrong.
"""

from __future__ import annotations

import json

import pytest

from tadqiq.core.formats.common import FormatError, check_item
from tadqiq.core.formats.native import read_native, write_native
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import load_schema
from tadqiq.core.validate import MentionError, validate_mention

SCHEMA = load_schema()
TEXT = "هاجم مسلحون حاجزا للشرطة في بلدة صغيرة أمس، وقتل شرطيان."


def span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


def attack(**changes) -> Mention:
    m = Mention(
        "Conflict.Attack",
        span("هاجم"),
        (Argument("Attacker", span("مسلحون")), Argument("Target", span("حاجزا للشرطة"))),
        origin="test",
        confidence=0.9,
    )
    return m.with_(**changes)


def shifted(s: Span) -> Span:
    return Span(s.start + 1, s.end + 1, s.text)


BAD = {
    "trigger text": (lambda: attack(trigger=shifted(span("هاجم"))), r"^m trigger: text at 1\.\.5 is "),
    "trigger outside": (lambda: attack(trigger=Span(0, 999, "هاجم")), r"^m trigger: offsets 0\.\.999 outside"),
    "empty trigger": (lambda: attack(trigger=Span(3, 3, "")), r"^m trigger: empty span at 3"),
    "unknown type": (lambda: attack(type="Conflict.Bomb"), r"^m: unknown event type 'Conflict\.Bomb' \(schema"),
    "unknown status": (lambda: attack(status="done"), r"^m: unknown status 'done'"),
    "unknown role": (
        lambda: attack(arguments=(Argument("Victim", span("مسلحون")),)),
        r"^m argument 1: role 'Victim' is not a role of Conflict\.Attack \(Attacker, ",
    ),
    "argument text": (
        lambda: attack(arguments=(Argument("Attacker", span("مسلحون")), Argument("Target", shifted(span("حاجزا"))))),
        r"^m argument 2 \(Target\): text at ",
    ),
    "value shape": (
        lambda: attack(arguments=(Argument("Attacker", span("مسلحون"), value=[2]),)),  # type: ignore[arg-type]
        r"^m argument 1: value must be an object, got list",
    ),
    "unknown attribute": (lambda: attack(attributes={"mood": "grim"}), r"^m: unknown attribute 'mood'"),
    "attribute value": (
        lambda: attack(attributes={"polarity": "maybe"}),
        r"^m: attribute polarity='maybe' not one of positive, negative",
    ),
    "confidence range": (lambda: attack(confidence=1.5), r"^m: confidence 1\.5 outside 0\.\.1"),
    "confidence type": (lambda: attack(confidence="high"), r"^m: confidence must be a number, got 'high'"),
    "argument confidence": (
        lambda: attack(arguments=(Argument("Attacker", span("مسلحون"), confidence=-0.1),)),
        r"^m argument 1 \(Attacker\): confidence -0\.1 outside 0\.\.1",
    ),
}
SCHEMA_ONLY = {"unknown type", "unknown role", "unknown attribute", "attribute value"}


def test_a_good_mention_passes():
    validate_mention(attack(), TEXT, SCHEMA, "m")
    validate_mention(attack(), TEXT, None, "m")
    check_item(Article("a", TEXT), [attack()], "f.jsonl", SCHEMA)


@pytest.mark.parametrize("case", list(BAD))
def test_each_rule_names_where_and_what(case):
    build, message = BAD[case]
    with pytest.raises(MentionError, match=message):
        validate_mention(build(), TEXT, SCHEMA, "m")


@pytest.mark.parametrize("case", list(BAD))
def test_without_a_schema_only_the_schema_rules_are_skipped(case):
    build, message = BAD[case]
    if case in SCHEMA_ONLY:
        validate_mention(build(), TEXT, None, "m")
    else:
        with pytest.raises(MentionError, match=message):
            validate_mention(build(), TEXT, None, "m")


@pytest.mark.parametrize("case", list(BAD))
def test_check_item_is_validate_mention_with_file_document_and_mention(case):
    build, message = BAD[case]
    bad = build()
    with pytest.raises(MentionError) as direct:
        validate_mention(bad, TEXT, SCHEMA, "m")
    with pytest.raises(FormatError) as err:
        check_item(Article("doc-a", TEXT), [attack(), bad], "in/f.jsonl", SCHEMA)
    label = f"mention 2 ({bad.type} {bad.trigger.text!r} at {bad.trigger.start}..{bad.trigger.end})"
    assert str(err.value) == f"in/f.jsonl: document 'doc-a': {label}" + str(direct.value)[1:]


def _native(tmp_path, event: dict) -> object:
    obj = {"id": "doc-a", "text": TEXT, "events": [attack().to_json(), event]}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "edit, what",
    [
        (lambda e: e.update(type="Conflict.Bomb"), "unknown event type 'Conflict.Bomb'"),
        (lambda e: e["arguments"][0].update(role="Victim"), "argument 1: role 'Victim' is not a role of"),
        (lambda e: e["attributes"].update(modality="rumoured"), "attribute modality='rumoured' not one of"),
        (lambda e: e.update(confidence=2), "confidence 2 outside 0..1"),
        (lambda e: e["arguments"][1].update(confidence=7), "argument 2 (Target): confidence 7 outside 0..1"),
        (lambda e: e["trigger"].update(text="هجم"), "trigger: text at 0..4 is 'هاجم', the span says 'هجم'"),
    ],
)
def test_a_reader_checks_with_the_same_rules(tmp_path, edit, what):
    event = attack().to_json()
    edit(event)
    path = _native(tmp_path, event)
    with pytest.raises(FormatError) as err:
        read_native(path, SCHEMA, origin="x", keep_review=True)
    msg = str(err.value)
    assert msg.startswith(f"{path}: line 1: document 'doc-a': mention 2 (") and what in msg, msg


def test_a_writer_checks_spans_before_writing(tmp_path):
    out = tmp_path / "out.jsonl"
    bad = attack(trigger=shifted(span("هاجم")))
    with pytest.raises(FormatError, match=r"out\.jsonl: document 'doc-a': mention 1 .* trigger: text at 1\.\.5"):
        write_native([(Article("doc-a", TEXT), [bad])], SCHEMA, out)
    assert not out.exists()
    write_native([(Article("doc-a", TEXT), [attack()])], SCHEMA, out)
    assert read_native(out, SCHEMA, origin="x", keep_review=True)[0][1] == [attack()]
