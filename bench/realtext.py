"""The real-text event development set: hand-made gold events on ANERcorp newswire, as standoff.

The repo keeps no corpus text. ``tests/data/realtext/*.standoff.jsonl`` holds one *unit* (an
article-sized run of consecutive ANERcorp sentences) per line:

    {"unit": "r0017", "split": "dev", "sentences": [17, 18, ...],
     "events": [{"type": "Conflict.Attack",
                 "trigger": {"s": 17, "start": 5, "end": 9, "sha": "1a2b3c4d"},
                 "arguments": [{"role": "Place", "s": 17, "start": 40, "end": 45, "sha": "..."}],
                 "attributes": {"polarity": "negative"}}]}

``s`` is the corpus sentence number (0-based, in file order), ``start``/``end`` are Python str
offsets (end exclusive) into that sentence's text, which is its tokens joined by one space;
``sha`` is the first 8 hex digits of the sha1 of the span's text, so a span is checked without
the text being stored. A unit's article text is its sentences' texts joined by "\\n".

    .venv/bin/python bench/realtext.py check [FILES...]     # every span and the schema, counts
    .venv/bin/python bench/realtext.py native OUT.jsonl     # native JSONL with text (outside the repo!)
    .venv/bin/python bench/realtext.py show FIRST LAST      # sentences FIRST..LAST, numbered (for annotators)
    .venv/bin/python bench/realtext.py add SPEC.jsonl OUT.standoff.jsonl   # an annotator's spec -> standoff
    .venv/bin/python bench/realtext.py merge tests/data/realtext/anercorp-events.standoff.jsonl OUT1 OUT2 ...

An annotator writes a *spec* outside the repo (it holds corpus words), one unit per line:

    {"unit": "r0017", "split": "dev", "sentences": [17, 18, 19],
     "events": [{"type": "Conflict.Attack", "trigger": [17, "هجوم"],
                 "arguments": [["Attacker", 17, "مسلحون"], ["Place", 18, "بغداد", 1]],
                 "attributes": {"modality": "reported"}}]}

A span is [sentence, text] or [sentence, text, n] for the n-th (0-based) occurrence of the text
in that sentence; an argument adds its role first and may end with a value object. ``add``
finds each span, checks it, and writes the unit as standoff (sentence, offsets, sha) only.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "anercorp" / "anercorp-dev.conll"
STANDOFF = REPO / "tests" / "data" / "realtext"


class StandoffError(ValueError):
    pass


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    """Every corpus sentence as one string (tokens joined by a space), in file order."""
    if not CORPUS.is_file():
        raise StandoffError(f"ANERcorp not found at {CORPUS} (it is read from ../shared, never copied here)")
    out, cur = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                out.append(" ".join(cur))
                cur = []
            continue
        cur.append(line.rpartition("\t")[0] or line.rpartition(" ")[0])
    if cur:
        out.append(" ".join(cur))
    return tuple(out)


def standoff_files() -> list[Path]:
    return sorted(STANDOFF.glob("*.standoff.jsonl"))


def read_units(files: Iterable[Path] | None = None) -> list[dict]:
    units = []
    for path in files or standoff_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    unit = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise StandoffError(f"{path.name}:{n}: invalid JSON ({exc.msg})") from None
                unit["_where"] = f"{path.name}:{n}"
                units.append(unit)
    return units


def _place(unit: dict, span: dict, starts: dict[int, int], sents: tuple[str, ...], what: str) -> dict:
    s = span.get("s")
    if s not in starts:
        raise StandoffError(f"{unit['_where']} {unit['unit']}: {what} in sentence {s}, not in the unit")
    start, end = span.get("start"), span.get("end")
    sentence = sents[s]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence)):
        raise StandoffError(f"{unit['_where']} {unit['unit']}: {what} offsets {start}..{end} outside sentence {s}")
    text = sentence[start:end]
    if sha(text) != span.get("sha"):
        raise StandoffError(f"{unit['_where']} {unit['unit']}: {what} in sentence {s} at {start}..{end} "
                            f"reads {text!r}, whose sha {sha(text)} is not {span.get('sha')}")
    return {"start": starts[s] + start, "end": starts[s] + end, "text": text}


def to_native(unit: dict) -> dict:
    """The unit as a native JSONL item (text and events with absolute, checked offsets)."""
    sents = sentences()
    ids = unit["sentences"]
    if not ids or ids != sorted(set(ids)) or ids[-1] >= len(sents):
        raise StandoffError(f"{unit['_where']} {unit['unit']}: sentences must be increasing corpus numbers")
    starts, pos = {}, 0
    for s in ids:
        starts[s] = pos
        pos += len(sents[s]) + 1
    text = "\n".join(sents[s] for s in ids)
    events = []
    for k, e in enumerate(unit.get("events", [])):
        where = f"event {k + 1} ({e.get('type')})"
        ev = {"type": e["type"], "trigger": _place(unit, e["trigger"], starts, sents, f"{where} trigger"),
              "arguments": []}
        for a in e.get("arguments", []):
            arg = {"role": a["role"], **_place(unit, a, starts, sents, f"{where} {a.get('role')}")}
            if "value" in a:
                arg["value"] = a["value"]
            ev["arguments"].append(arg)
        if e.get("attributes"):
            ev["attributes"] = e["attributes"]
        events.append(ev)
    return {"id": f"anercorp-{unit['unit']}", "title": sents[ids[0]][:80], "text": text, "lang": "ar",
            "source": "ANERcorp (real newswire)", "split": unit.get("split", "dev"), "events": events}


def write_native(out: Path, split: str | None = None, files: Iterable[Path] | None = None) -> int:
    items = [to_native(u) for u in read_units(files) if split is None or u.get("split", "dev") == split]
    with out.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps({k: v for k, v in item.items() if k != "split"}, ensure_ascii=False) + "\n")
    return len(items)


def check(files: Iterable[Path] | None = None) -> str:
    """Check every span and, through a real import into a temporary project, the schema."""
    import subprocess
    import tempfile

    units = read_units(files)
    items = [to_native(u) for u in units]
    seen: dict[int, str] = {}
    for u in units:
        for s in u["sentences"]:
            if s in seen:
                raise StandoffError(f"{u['_where']} {u['unit']}: sentence {s} is also in unit {seen[s]}")
            seen[s] = u["unit"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gold.jsonl"
        path.write_text("".join(json.dumps({k: v for k, v in i.items() if k != "split"}, ensure_ascii=False)
                                + "\n" for i in items), encoding="utf-8")
        tadqiq = Path(sys.executable).with_name("tadqiq")
        done = subprocess.run([str(tadqiq), "import", str(Path(tmp) / "p.db"), str(path), "--gold",
                               "--reviewer", "realtext"], capture_output=True, text=True)
        if done.returncode:
            raise StandoffError(f"import refused the set: {done.stderr.strip() or done.stdout.strip()}")
    with_events = {e["trigger"]["s"] for u in units for e in u.get("events", [])}
    n_events = sum(len(u.get("events", [])) for u in units)
    splits = {s: sum(1 for u in units if u.get("split", "dev") == s) for s in {u.get("split", "dev") for u in units}}
    return (f"{len(units)} units {splits}, {len(seen)} sentences, {len(with_events)} sentences holding events, "
            f"{n_events} event mentions, {sum(len(e.get('arguments', [])) for u in units for e in u.get('events', []))}"
            " arguments: every span checked, import accepted")


def _locate(sentence: str, text: str, n: int, what: str) -> tuple[int, int]:
    at = -1
    for _ in range(n + 1):
        at = sentence.find(text, at + 1)
        if at < 0:
            raise StandoffError(f"{what}: {text!r} (occurrence {n}) not in the sentence")
    return at, at + len(text)


PROCLITICS = set("وفبلك")


def _on_word_edges(sentence: str, start: int, end: int, what: str) -> None:
    """A span ends where a word ends and starts where one starts or after proclitics (وب، فل)."""
    word_start = start
    while word_start > 0 and sentence[word_start - 1].isalpha():
        word_start -= 1
    prefix = sentence[word_start:start]
    inside = (end < len(sentence) and sentence[end].isalpha()) or (
        prefix and (len(prefix) > 2 or not set(prefix) <= PROCLITICS)
    )
    if inside:
        word_end = end
        while word_end < len(sentence) and sentence[word_end].isalpha():
            word_end += 1
        raise StandoffError(f"{what}: {sentence[start:end]!r} at {start}..{end} is inside the word "
                            f"{sentence[word_start:word_end]!r}: write the whole word, or give the occurrence number")


def from_spec(spec: dict, where: str = "spec") -> dict:
    """A readable spec unit (spans as text) as a standoff unit (spans as offsets and sha)."""
    sents = sentences()
    unit = {"unit": spec["unit"], "split": spec.get("split", "dev"), "sentences": list(spec["sentences"]),
            "events": []}
    for k, e in enumerate(spec.get("events", [])):
        what = f"{where} {spec['unit']} event {k + 1} ({e.get('type')})"

        def span(s: int, text: str, n: int = 0, *, what: str = what) -> dict:
            if s not in unit["sentences"]:
                raise StandoffError(f"{what}: sentence {s} is not in the unit")
            start, end = _locate(sents[s], text, n, f"{what} sentence {s}")
            _on_word_edges(sents[s], start, end, f"{what} sentence {s}")
            return {"s": s, "start": start, "end": end, "sha": sha(text)}

        trig = e["trigger"]
        ev: dict = {"type": e["type"], "trigger": span(*trig), "arguments": []}
        for a in e.get("arguments", []):
            role, rest = a[0], list(a[1:])
            value = rest.pop() if rest and isinstance(rest[-1], dict) else None
            arg = {"role": role, **span(*rest, what=f"{what} {role}")}
            if value is not None:
                arg["value"] = value
            ev["arguments"].append(arg)
        if e.get("attributes"):
            ev["attributes"] = e["attributes"]
        unit["events"].append(ev)
    return unit


def add(spec_path: Path, out: Path) -> int:
    """Convert every unit of a spec file and write (replace) them in ``out`` by unit id."""
    specs = []
    for n, line in enumerate(spec_path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                specs.append(from_spec(json.loads(line), f"{spec_path.name}:{n}"))
            except json.JSONDecodeError as exc:
                raise StandoffError(f"{spec_path.name}:{n}: invalid JSON ({exc.msg})") from None
            except (KeyError, TypeError, IndexError) as exc:
                raise StandoffError(f"{spec_path.name}:{n}: malformed unit ({exc!r})") from None
    kept = {}
    if out.exists():
        for unit in read_units([out]):
            unit.pop("_where", None)
            kept[unit["unit"]] = unit
    for unit in specs:
        kept[unit["unit"]] = unit
    ordered = sorted(kept.values(), key=lambda u: u["sentences"][0])
    out.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in ordered), encoding="utf-8")
    return len(specs)


WITHDRAWAL_ROLES = {"Entity": "Artifact", "Place": "Origin"}


def merge(out: Path, files: Iterable[Path]) -> str:
    """Annotators' standoff files -> one set: units by corpus position, a unit whose text an
    earlier one has dropped (ANERcorp repeats articles), every third unit ``heldout``, a
    withdrawal typed Conflict.TerritoryChange retyped Movement.Transport (the seed's and the
    lexicon's convention), and a mention identical to another in its unit dropped."""
    sents = sentences()
    units: dict[str, dict] = {}
    for unit in read_units(list(files)):
        unit.pop("_where", None)
        units[unit["unit"]] = unit  # a later file's unit replaces an earlier one with its id
    texts: set[str] = set()
    kept, dropped, retyped, dups = [], [], 0, 0
    for unit in sorted(units.values(), key=lambda u: u["sentences"][0]):
        text = "\n".join(sents[s] for s in unit["sentences"])
        if text in texts:
            dropped.append(unit["unit"])
            continue
        texts.add(text)
        kept.append(unit)
    for k, unit in enumerate(kept):
        unit["split"] = "heldout" if k % 3 == 2 else "dev"
        seen, events = set(), []
        for e in unit.get("events", []):
            t = e["trigger"]
            word = sents[t["s"]][t["start"]:t["end"]]
            if e["type"] == "Conflict.TerritoryChange" and any(w in word for w in ("انسحاب", "انسحب", "ترك")):
                e["type"] = "Movement.Transport"
                e["arguments"] = [{**a, "role": WITHDRAWAL_ROLES.get(a["role"], a["role"])} for a in e["arguments"]]
                retyped += 1
            key = (e["type"], t["s"], t["start"], t["end"])
            if key in seen:
                dups += 1
                continue
            seen.add(key)
            events.append(e)
        unit["events"] = events
    out.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in kept), encoding="utf-8")
    return (f"{len(kept)} units written to {out}; dropped as repeated text: {', '.join(dropped) or 'none'}; "
            f"{retyped} withdrawals typed Movement.Transport; {dups} duplicate mentions dropped")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "native", "show", "add", "merge"):
        print(__doc__)
        return 2
    try:
        if argv[0] == "check":
            print(check([Path(a) for a in argv[1:]] or None))
        elif argv[0] == "add":
            print(add(Path(argv[1]), Path(argv[2])), "units added to", argv[2])
        elif argv[0] == "merge":
            print(merge(Path(argv[1]), [Path(a) for a in argv[2:]]))
        elif argv[0] == "native":
            print(write_native(Path(argv[1]), argv[2] if len(argv) > 2 else None), "units written")
        else:
            sents = sentences()
            for s in range(int(argv[1]), min(int(argv[2]) + 1, len(sents))):
                print(f"[{s}] {sents[s]}")
    except StandoffError as exc:
        print(f"realtext: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
