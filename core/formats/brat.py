"""brat standoff: DOC.txt + DOC.ann per article, and annotation.conf / visual.conf / tools.conf.

Type names: brat stores a type only as [A-Za-z0-9_-] (it rewrites anything else in
annotation.conf to _), so event types are written as Conflict_Attack, Justice_Arrest-Jail,
and visual.conf shows the dotted name as the label. Reading accepts both spellings.

Offsets: brat counts characters of the .txt decoded as UTF-8, i.e. Unicode code points under
Python 3 (brat 1.3 on a narrow Python 2 build counted UTF-16 units: astral characters such as
emoji would shift spans there), end exclusive; ``\\n`` is one character. DOC.txt is written
byte-exact (UTF-8, ``\\n`` newlines, no BOM). A span that crosses a newline is written as
fragments (``start end;start end``) because brat does not draw a span over a line break.

Lines written, per mention in order: the trigger ``T`` (label = event type), a ``T`` for each
argument span not yet written (label = coarse entity type; shared between mentions when span,
type and value agree), the event ``E`` (``Type:Ttrigger Role:Tn Role2:Tm`` — brat numbers a
repeated role), ``A`` for each attribute that is not the schema's default, ``N`` (``Reference``)
for an argument whose value is a gazetteer-linked place (declared in ``tools.conf``), ``#`` AnnotatorNotes holding the value
of an argument as JSON and the reviewer's notes of a mention, and a ``#`` Tadqiq note with the
review fields (status, origin, reviewer, confidence, rule, link, id) as JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, atomic_write, check_item, where
from tadqiq.core.formats.jsonio import read_text
from tadqiq.core.formats.layout import DEFAULT_ENTITY_TYPE, ROLE_ENTITY_TYPE, entity_type
from tadqiq.core.formats.native import as_proposal
from tadqiq.core.model import STATUSES, Argument, Article, Mention, Span
from tadqiq.core.schema import EventSchema

_SAFE = re.compile(r"[^\w.\-]", re.UNICODE)
_BRAT_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
REVIEW_NOTE = "Tadqiq"
_REVIEW_KEYS = ("status", "origin", "reviewer", "confidence", "rule", "link", "id")
#: Key of the Tadqiq note listing the values of arguments that differ from their shared T's value.
VALUES_KEY = "values"


def brat_type(name: str) -> str:
    """brat's storage form of a type name: anything but [A-Za-z0-9_-] becomes _ (Conflict.Attack -> Conflict_Attack).

    brat applies this to every type in annotation.conf, so a dotted name in the .ann would
    not match its own configuration.
    """
    return _BRAT_UNSAFE.sub("_", name)


def schema_types_by_brat_name(schema: EventSchema) -> dict[str, str]:
    """brat name -> schema type (the dotted name is accepted too); two types that collide are an error."""
    out: dict[str, str] = {}
    for t in schema.types:
        b = brat_type(t)
        if b in out and out[b] != t:
            raise FormatError(f"schema {schema.name!r}: types {out[b]!r} and {t!r} are both {b!r} in brat")
        out[b] = t
    for t in schema.types:
        out.setdefault(t, t)
    return out


#: Bytes of a file stem in UTF-8: with ".ann.partial" it stays far below the 255 bytes a file
#: name may have on Linux, macOS and Windows file systems.
STEM_BYTES = 120
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def file_stem(ext_id: str, used: set[str]) -> str:
    """A file name for an article id: unsafe characters become _, clashes get a suffix.

    An id too long for a file name (more than STEM_BYTES bytes once made safe), or a name
    Windows reserves (CON, NUL ...), becomes a cut slug plus 12 hex digits of the id's sha256,
    so two long ids that share a beginning still get different names; the real id is kept in
    the export's manifest (``ids``) and read back from there."""
    stem = _SAFE.sub("_", ext_id).strip(".") or "doc"
    if len(stem.encode("utf-8")) > STEM_BYTES or stem.split(".")[0].lower() in _RESERVED:
        digest = hashlib.sha256(ext_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        cut = stem.encode("utf-8")[:STEM_BYTES - 13].decode("utf-8", "ignore").rstrip("._") or "doc"
        stem = f"{cut}-{digest}"
    base, n = stem, 2
    while stem.lower() in used:
        stem = f"{base}_{n}"
        n += 1
    used.add(stem.lower())
    return stem


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) at newlines into non-empty pieces."""
    out = []
    pos = start
    for piece in text[start:end].split("\n"):
        if piece:
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out or [(start, end)]


def _t_line(tid: str, label: str, text: str, start: int, end: int) -> str:
    frags = _fragments(text, start, end)
    offsets = ";".join(f"{s} {e}" for s, e in frags)
    return f"{tid}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in frags)}"


_BRAT_ID = re.compile(r"\W", re.UNICODE)


def place_reference(value: Any, written: str = "") -> tuple[str, str] | None:
    """(resource:id, name) for a gazetteer-linked place value, else None.

    The resource is the gazetteer the id comes from: the value's ``gazetteer``, else the id's own
    prefix (``geonames:170794`` -> geonames, ``extra:tishrin-dam`` -> extra, ``admin1:iq:diyala``
    -> admin1), else geonames. The prefix is written once. Both parts are written in brat's id
    characters (letters, digits, ``_``: bratly's reading rule), so ``-`` and ``:`` inside an id
    become ``_`` (``extra:tishrin_dam``, ``admin1:iq_diyala``); the exact id stays in the
    argument's AnnotatorNotes value, which reading prefers. The name is the place's name, else
    ``written`` (the span text): a reference line needs one.
    """
    if not isinstance(value, dict) or value.get("kind") != "place":
        return None
    ident = value.get("id") or value.get("geonameid")
    if ident in (None, ""):
        return None
    ident = str(ident)
    db = value.get("gazetteer")
    if db:
        if ident.lower().startswith(f"{str(db).lower()}:"):
            ident = ident[len(db) + 1 :]  # an id stored with its gazetteer's prefix: write the prefix once
    elif ":" in ident:
        db, ident = ident.split(":", 1)
    else:
        db = "geonames"
    name = value.get("name_ar") or value.get("name_en") or value.get("name") or written
    return f"{_BRAT_ID.sub('_', str(db))}:{_BRAT_ID.sub('_', ident)}", _one_line(str(name)).strip() or "?"


def _one_line(s: str) -> str:
    return " ".join(s.split("\n"))


def brat_ann(
    article: Article, mentions: list[Mention], schema: EventSchema, counts: dict[str, int] | None = None
) -> str:
    """The .ann of one article. One ``T`` per span: a trigger span is shared by the mentions of
    its type that have it, an argument span by every argument on it (typed by the first role
    with a specific entity type, valued by the first value; an argument whose value differs is
    listed under ``values`` in its event's Tadqiq note). Only a span that is both a trigger and
    an argument, or the trigger of two types, gets two ``T`` lines (counted as
    ``spans_with_two_labels``: pybrat refuses such a file)."""
    text = article.text
    defaults = {name: values[0] for name, values in schema.attributes.items()}
    lines: list[str] = []
    counter = {"T": 0, "E": 0, "A": 0, "N": 0, "#": 0}

    def next_id(kind: str) -> str:
        counter[kind] += 1
        return f"{kind}{counter[kind]}"

    labels: dict[tuple[int, int], str] = {}
    span_values: dict[tuple[int, int], Any] = {}
    for m in mentions:
        for a in m.arguments:
            key = (a.span.start, a.span.end)
            if labels.get(key, DEFAULT_ENTITY_TYPE) == DEFAULT_ENTITY_TYPE:
                labels[key] = entity_type(a.role)
            if span_values.get(key) is None:
                span_values[key] = a.value
    entities: dict[tuple[int, int], tuple[str, Any]] = {}
    triggers: dict[tuple[int, int, str], str] = {}
    labelled: dict[tuple[int, int], set[str]] = {}

    def new_t(start: int, end: int, label: str) -> str:
        tid = next_id("T")
        labelled.setdefault((start, end), set()).add(label)
        lines.append(_t_line(tid, label, text, start, end))
        return tid

    for m in mentions:
        tkey = (m.trigger.start, m.trigger.end, brat_type(m.type))
        trig = triggers.get(tkey)
        if trig is None:
            trig = triggers[tkey] = new_t(m.trigger.start, m.trigger.end, brat_type(m.type))
        roles: dict[str, int] = {}
        parts = [f"{brat_type(m.type)}:{trig}"]
        differing: dict[str, Any] = {}
        for a in m.arguments:
            key = (a.span.start, a.span.end)
            roles[a.role] = roles.get(a.role, 0) + 1
            n = roles[a.role]
            role_key = f"{a.role}{n if n > 1 else ''}"
            if key not in entities:
                tid = new_t(a.span.start, a.span.end, labels[key])
                value = span_values[key]
                entities[key] = (tid, value)
                if value is not None:
                    vjson = json.dumps(value, ensure_ascii=False, sort_keys=True)
                    lines.append(f"{next_id('#')}\tAnnotatorNotes {tid}\t{vjson}")
                ref = place_reference(value, a.span.text)
                if ref:
                    lines.append(f"{next_id('N')}\tReference {tid} {ref[0]}\t{ref[1]}")
            tid, value = entities[key]
            if a.value != value:
                differing[role_key] = a.value
            parts.append(f"{role_key}:{tid}")
        eid = next_id("E")
        lines.append(f"{eid}\t{' '.join(parts)}")
        for name, value in m.attributes.items():
            if defaults.get(name) != value:
                lines.append(f"{next_id('A')}\t{name} {eid} {value}")
        if m.notes:
            lines.append(f"{next_id('#')}\tAnnotatorNotes {eid}\t{_one_line(m.notes)}")
        review: dict[str, Any] = {k: getattr(m, k) for k in _REVIEW_KEYS if getattr(m, k) not in (None, "")}
        if differing:
            review[VALUES_KEY] = differing
        lines.append(f"{next_id('#')}\t{REVIEW_NOTE} {eid}\t{json.dumps(review, ensure_ascii=False)}")
    if counts is not None:
        counts["spans_with_two_labels"] = counts.get("spans_with_two_labels", 0) + sum(
            1 for ls in labelled.values() if len(ls) > 1
        )
        counts["events_without_arguments"] = counts.get("events_without_arguments", 0) + sum(
            1 for m in mentions if not m.arguments
        )
    return "".join(line + "\n" for line in lines)


def annotation_conf(schema: EventSchema) -> str:
    ents = sorted(set(ROLE_ENTITY_TYPE.values()) | {DEFAULT_ENTITY_TYPE})
    out = [f"# brat configuration generated from event schema {schema.name} {schema.version}", "[entities]"]
    out += ents
    out += ["", "[relations]", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    for t in schema.types.values():
        out.append(f"{brat_type(t.name)}\t" + ", ".join(f"{r}*:{'|'.join(ents)}" for r in t.roles))
    out += ["", "[attributes]"]
    for name, values in schema.attributes.items():
        out.append(f"{name}\tArg:<EVENT>, Value:{'|'.join(values)}")
    return "\n".join(out) + "\n"


def visual_conf(schema: EventSchema) -> str:
    out = ["[labels]"]
    out += [f"{brat_type(t.name)} | {t.name}" for t in schema.types.values()]
    out += [
        "",
        "[drawing]",
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
    ]
    for t in schema.types.values():
        out.append(f"{brat_type(t.name)}\tbgColor:{t.color}, fgColor:white, borderColor:darken")
    for r in schema.roles.values():
        out.append(f"{r.name}\tcolor:{r.color}")
    return "\n".join(out) + "\n"


def write_brat(
    items: Iterable[Item], schema: EventSchema, out: Path, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path | str] = []
    counts = {"articles": 0, "mentions": 0, "arguments": 0, "spans_with_two_labels": 0, "events_without_arguments": 0}
    for name, content in (("annotation.conf", annotation_conf(schema)), ("visual.conf", visual_conf(schema))):
        with atomic_write(out / name) as fh:
            fh.write(content)
        files.append(out / name)
    schema_types_by_brat_name(schema)  # a name clash in brat is an error before anything is written
    used: set[str] = set()
    root = os.fspath(out) + os.sep
    ids: dict[str, str] = {}  # file -> article id, where the file name is not the id
    dbs: set[str] = set()
    for article, ms in items:
        check_item(article, ms, out)
        for m in ms:
            for a in m.arguments:
                ref = place_reference(a.value)
                if ref:
                    dbs.add(ref[0].split(":", 1)[0])
        stem = file_stem(article.ext_id, used)
        if stem != article.ext_id:
            ids[f"{stem}.txt"] = article.ext_id
        ann = brat_ann(article, ms, schema, counts)
        with atomic_write(out / f"{stem}.txt", newline="") as fh:
            fh.write(article.text)
        with atomic_write(out / f"{stem}.ann") as fh:
            fh.write(ann)
        files += [f"{root}{stem}.txt", f"{root}{stem}.ann"]  # strings: 200k articles make 400k names
        counts["articles"] += 1
        counts["mentions"] += len(ms)
        counts["arguments"] += sum(len(m.arguments) for m in ms)
        if progress:
            progress(1)
    with atomic_write(out / "tools.conf") as fh:
        fh.write(tools_conf(sorted(dbs)))
    files.append(out / "tools.conf")
    return {"files": files, "counts": counts, "ids": ids}


#: Resources with a web page per id (brat: ``<URL>`` the resource, ``<URLBASE>`` an entry with %s).
GAZETTEER_URLS = {"geonames": ("https://www.geonames.org/", "https://www.geonames.org/%s")}
#: Tadqiq's own gazetteer tables, whose ids have no web page.
OWN_GAZETTEERS = {
    "extra": "Tadqiq's hand-kept places (resources/lexicons/places-extra-ar.tsv)",
    "admin1": "Tadqiq's first-level units (resources/lexicons/admin1-ar.tsv)",
}


def tools_conf(dbs: list[str]) -> str:
    """tools.conf declaring each resource the N lines use, one line each (lookup in brat needs its
    norm DB under dbs/, display of the N lines does not)."""
    out = ["[options]", "", "[search]", "", "[annotators]", "", "[disambiguators]", "", "[normalization]"]
    for db in dbs:
        urls = GAZETTEER_URLS.get(db.lower())
        if db.lower() in OWN_GAZETTEERS:
            out.append(f"# {db}: {OWN_GAZETTEERS[db.lower()]}")
        out.append(f"{db}\tDB:dbs/{db}" + (f", <URL>:{urls[0]}, <URLBASE>:{urls[1]}" if urls else ""))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- reading


def _normalise_newlines(text: str) -> tuple[str, Callable[[int], int]]:
    """Text with \\r\\n and \\r as \\n, and a map from old offsets to new ones."""
    if "\r" not in text:
        return text, lambda i: i
    removed = [i for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]
    new = text.replace("\r\n", "\n").replace("\r", "\n")
    return new, lambda i: i - bisect_right(removed, i - 1)


def _parse_t(rest: str, raw: str, loc: str) -> tuple[str, int, int]:
    try:
        head, span_text = rest.split("\t", 1)
        label, offsets = head.split(" ", 1)
        frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
    except ValueError:
        raise FormatError(f"{loc}: expected 'Tn<TAB>Type start end<TAB>text'") from None
    for f in frags:
        if len(f) != 2 or not 0 <= f[0] <= f[1] <= len(raw):
            raise FormatError(f"{loc}: offsets {offsets!r} outside the text (length {len(raw)})")
    joined = " ".join(raw[s:e] for s, e in frags)
    if joined != span_text:
        raise FormatError(f"{loc}: text at {offsets} is {joined!r}, the .ann says {span_text!r}")
    for (_, e1), (s2, _) in zip(frags, frags[1:], strict=False):
        if s2 < e1 or raw[e1:s2].strip():
            raise FormatError(f"{loc}: fragments {offsets!r} are not one span broken at line ends")
    return label, frags[0][0], frags[-1][1]


def read_brat_document(txt: Path, ann: Path, schema: EventSchema, origin: str, keep_review: bool) -> Item:
    raw = read_text(txt)
    text, fix = _normalise_newlines(raw)
    doc = txt.stem
    tbound: dict[str, tuple[str, int, int]] = {}
    events: list[tuple[str, str, list[tuple[str, str]], str]] = []
    attrs: dict[str, dict[str, str]] = {}
    notes: dict[str, list[str]] = {}
    review: dict[str, dict[str, Any]] = {}
    refs: dict[str, tuple[str, str]] = {}
    for lineno, line in enumerate(read_text(ann).split("\n"), 1):
        if not line.strip():
            continue
        loc = where(f"{ann}: line {lineno}", doc)
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if kind == "T":
            label, s, e = _parse_t(rest, raw, loc)
            tbound[ident] = (label, fix(s), fix(e))
        elif kind == "E":
            parts = rest.split()
            if not parts or ":" not in parts[0]:
                raise FormatError(f"{loc}: expected 'En<TAB>Type:Tn Role:Tm ...'")
            etype, trig = parts[0].split(":", 1)
            args = []
            for p in parts[1:]:
                role, _, target = p.partition(":")
                if not target:
                    raise FormatError(f"{loc}: argument {p!r} is not Role:Id")
                args.append((role, target))
            events.append((ident, etype, [(trig, "")] + args, loc))
        elif kind == "A" or kind == "M":
            parts = rest.split()
            if len(parts) != 3:
                raise FormatError(f"{loc}: attribute needs a name, a target and a value")
            attrs.setdefault(parts[1], {})[parts[0]] = parts[2]
        elif kind == "N":
            head, _, name = rest.partition("\t")
            parts = head.split()
            if len(parts) != 3 or ":" not in parts[2]:
                raise FormatError(f"{loc}: expected 'Nn<TAB>Reference Tn db:id<TAB>name'")
            refs[parts[1]] = (parts[2], name)
        elif kind == "#":
            head, _, body = rest.partition("\t")
            parts = head.split()
            if len(parts) != 2:
                raise FormatError(f"{loc}: expected '#n<TAB>Type Id<TAB>text'")
            if parts[0] == REVIEW_NOTE:
                try:
                    review[parts[1]] = json.loads(body)
                except json.JSONDecodeError as exc:
                    raise FormatError(f"{loc}: review note is not JSON ({exc.msg})") from None
            else:
                notes.setdefault(parts[1], []).append(body)
        elif kind in ("R", "*"):
            continue  # relations and equivalences: not part of our event model
        else:
            raise FormatError(f"{loc}: unknown annotation {ident!r}")

    def span_of(tid: str, loc: str) -> Span:
        if tid not in tbound:
            raise FormatError(f"{loc}: {tid} is not a text-bound annotation of this document")
        _, s, e = tbound[tid]
        return Span(s, e, text[s:e])

    def value_of(tid: str) -> dict[str, Any] | None:
        for body in notes.get(tid, []):
            try:
                v = json.loads(body)
            except json.JSONDecodeError:
                continue
            if isinstance(v, dict) and "kind" in v:
                return v
        if tid in refs:
            db, _, ident = refs[tid][0].partition(":")
            return {"kind": "place", "gazetteer": db, "id": ident, "name": refs[tid][1]}
        return None

    defaults = {name: values[0] for name, values in schema.attributes.items()}
    by_brat = schema_types_by_brat_name(schema)
    mentions: list[Mention] = []
    used_triggers = set()
    for k, (eid, etype, parts, loc) in enumerate(events):
        mloc = f"{loc} (event {eid}, mention {k + 1})"
        etype = by_brat.get(etype, etype)
        trig_id = parts[0][0]
        used_triggers.add(trig_id)
        if trig_id in tbound and by_brat.get(tbound[trig_id][0], tbound[trig_id][0]) != etype:
            raise FormatError(
                f"{mloc}: trigger {trig_id} is labelled {tbound[trig_id][0]!r}, the event {etype!r}"
            )
        note = review.get(eid, {})
        overrides = note.get(VALUES_KEY, {}) if isinstance(note, dict) else {}
        if not isinstance(overrides, dict):
            raise FormatError(f"{mloc}: {VALUES_KEY!r} of the review note must be an object (role: value)")
        args = []
        for role, tid in parts[1:]:
            base = role
            if not schema.has_role(etype, role):
                base = role.rstrip("0123456789")
            if tid.startswith("E"):
                raise FormatError(
                    f"{mloc}: argument {role}:{tid} is an event; nested events are not supported"
                )
            args.append(Argument(base, span_of(tid, mloc), overrides[role] if role in overrides else value_of(tid)))
        attributes = dict(defaults)
        attributes.update(attrs.get(eid, {}))
        fields = note if keep_review else {}
        if isinstance(fields, dict):
            fields = {k: v for k, v in fields.items() if k != VALUES_KEY}
        if not isinstance(fields, dict) or set(fields) - set(_REVIEW_KEYS):
            raise FormatError(f"{mloc}: review note must be an object with {', '.join(_REVIEW_KEYS)}")
        if fields.get("status", "proposed") not in STATUSES:
            raise FormatError(f"{mloc}: status {fields.get('status')!r} is not one of {', '.join(STATUSES)}")
        m = Mention(etype, span_of(trig_id, mloc), tuple(args), attributes,
                    notes="\n".join(notes[eid]) if eid in notes else None, **fields)  # fmt: skip
        mentions.append(m if keep_review else as_proposal(m, origin))
        if keep_review and not m.origin:
            mentions[-1] = m.with_(origin=origin)
    for tid, (label, _, _) in tbound.items():
        if label in by_brat and tid not in used_triggers:
            m = Mention(
                by_brat[label], span_of(tid, ann.name), (), dict(defaults), status="proposed", origin=origin
            )
            mentions.append(m)
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    article = Article(ext_id=doc, text=text, title=title)
    check_item(article, mentions, ann, schema)
    return article, mentions


def read_brat(
    folder: str | Path, schema: EventSchema, *, origin: str, keep_review: bool = False
) -> list[Item]:
    """Read a brat folder (every DOC.ann with its DOC.txt; a .txt alone is an article without events)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FormatError(f"{folder}: not a folder")
    anns = sorted(folder.rglob("*.ann"))
    txts = sorted(folder.rglob("*.txt"))
    for ann in anns:
        if not ann.with_suffix(".txt").is_file():
            raise FormatError(f"{ann}: no {ann.with_suffix('.txt').name} beside it (brat needs the text)")
    out = []
    ann_set = set(anns)
    ids = exported_ids(folder)
    for txt in txts:
        ann = txt.with_suffix(".ann")
        if ann in ann_set:
            article, mentions = read_brat_document(txt, ann, schema, origin, keep_review)
        else:
            text, _ = _normalise_newlines(read_text(txt))
            article, mentions = Article(ext_id=txt.stem, text=text), []
        real = ids.get(txt.relative_to(folder).as_posix())
        out.append((replace(article, ext_id=real) if real else article, mentions))
    return out


def exported_ids(folder: Path) -> dict[str, str]:
    """A Tadqiq export's ``ids`` (file -> article id, for ids that could not be file names), from
    its manifest.json; {} when there is none."""
    for manifest in (folder / "manifest.json", folder.parent / "manifest.json"):
        try:
            data = json.loads(manifest.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        ids = data.get("ids") if isinstance(data, dict) else None
        if isinstance(ids, dict):
            prefix = "" if manifest.parent == folder else f"{folder.name}/"
            return {k[len(prefix):]: v for k, v in ids.items()
                    if isinstance(k, str) and isinstance(v, str) and k.startswith(prefix)}
    return {}
