"""Readers for .txt, .jsonl and .csv article files. Each returns all its items or raises."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tadqiq.core.importing.chrome import site_regions
from tadqiq.core.json_input import JSONInputError, loads
from tadqiq.core.importing.decode import decode_bytes, newline_offsets, normalize_newlines
from tadqiq.core.importing.events import parse_mention
from tadqiq.core.importing.item import ImportItem, ImportOptions, ImportProblem
from tadqiq.core.importing.stream import StreamedText
from tadqiq.core.model import Article
from tadqiq.core.schema import EventSchema

SUFFIXES = (".txt", ".jsonl", ".csv")
#: A file of this name beside .txt files holds their metadata, one JSON object per line with
#: "id" (the .txt name without extension) and any of published, source, url, lang, title.
SIDECAR = "metadata.jsonl"
_SIDECAR_FIELDS = ("title", "published", "source", "url", "lang")
TEXT_COLUMNS = ("text", "body", "content", "article", "النص")
#: Article-level keys of a native .jsonl line that have a column of their own; any other key
#: (the seed's "note", a source's own fields) is kept in the article's metadata.
_JSONL_KEYS = {"id", "title", "text", "published", "source", "url", "lang", "metadata", "regions", "events"}


def first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _iso_date(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ImportProblem(f"{where}: 'published' must be an ISO date string, got {value!r}")
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise ImportProblem(f"{where}: 'published' {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _article(text: str, ext_id: str, where: str, fields: dict[str, Any]) -> Article:
    if not text.strip():
        raise ImportProblem(f"{where}: the text is empty")
    title = fields.get("title")
    if title is not None and not isinstance(title, str):
        raise ImportProblem(f"{where}: 'title' must be a string")
    meta = fields.get("metadata") or {}
    if not isinstance(meta, dict):
        raise ImportProblem(f"{where}: 'metadata' must be an object")
    for key in ("source", "url", "lang"):
        if fields.get(key) is not None and not isinstance(fields[key], str):
            raise ImportProblem(f"{where}: '{key}' must be a string")
    return Article(
        ext_id=ext_id, text=text, title=title or first_line(text),
        published=_iso_date(fields.get("published"), where),
        source=fields.get("source") or None, url=fields.get("url") or None, lang=fields.get("lang") or None,
        metadata=meta, regions=site_regions(text),
    )


def json_lines(path: Path, text: str, first: int = 1) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line number, where, object) for each non-empty line; ImportProblem names the line of bad JSON.

    ``first``: the number of the text's first line (a part of a larger file).
    """
    return json_objects(path, enumerate(text.split("\n"), first))


def json_objects(path: Path, lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """json_lines over (line number, line) pairs: a streamed file (core/importing/stream.py)."""
    for n, line in lines:
        if not line.strip():
            continue
        where = f"{path} line {n}"
        try:
            obj = loads(line)
        except JSONInputError as exc:  # bad JSON, too deep, a lone surrogate: with the column
            raise ImportProblem(f"{where}: {exc.message}") from None
        if not isinstance(obj, dict):
            raise ImportProblem(f"{where}: each line must be a JSON object, got {type(obj).__name__}")
        yield n, where, obj


def article_id(value: Any, default: str, where: str) -> str:
    """A record's article id: a non-blank string as given, or ``default`` when there is none.
    Anything else (a number, an object, a blank string) is refused, never turned into text:
    ``0`` or ``{"a": 1}`` converted would be an id nobody chose."""
    if value is None:
        return default
    if not isinstance(value, str):
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:40] + "…"
        raise ImportProblem(f"{where}: field 'id' must be a string, got {_json_kind(value)} {shown}"
                            f" (write it in quotes if it is meant as the id, or leave 'id' out)")
    if not value.strip():
        raise ImportProblem(f"{where}: field 'id' is blank (give the article an id, or leave 'id' out)")
    return value


def _json_kind(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", dict: "an object", list: "a list"}.get(
        type(value), type(value).__name__)


def read_sidecar(path: Path) -> dict[str, dict[str, Any]]:
    """Metadata for the .txt files of one folder, by article id (checked strictly)."""
    decoded = decode_bytes(path.read_bytes(), str(path))
    out: dict[str, dict[str, Any]] = {}
    for _n, where, obj in json_lines(path, decoded.text):
        if not isinstance(obj.get("id"), str):
            raise ImportProblem(f"{where}: each line must be an object with a string 'id'")
        fields = {k: obj[k] for k in _SIDECAR_FIELDS if k in obj}
        _iso_date(fields.get("published"), where)
        out[obj["id"]] = fields
    return out


def read_txt(path: Path, data: bytes, fields: dict[str, Any] | None = None) -> tuple[list[ImportItem], str]:
    decoded = decode_bytes(data, str(path))
    art = _article(decoded.text, path.stem, str(path), fields or {})
    return [ImportItem(art, (), str(path))], decoded.encoding


def jsonl_item(path: Path, n: int, where: str, obj: dict[str, Any], schema: EventSchema,
               options: ImportOptions) -> ImportItem:
    """The article (and its events) of line ``n`` of a native .jsonl file."""
    raw = obj.get("text")
    if not isinstance(raw, str):
        raise ImportProblem(f"{where}: missing 'text' (a string)")
    text = normalize_newlines(raw)
    ext_id = article_id(obj.get("id", None), f"{path.stem}-{n}", where)
    art = _article(text, ext_id, where, obj)
    extra = {k: obj[k] for k in sorted(set(obj) - _JSONL_KEYS)}
    if extra:
        art = replace(art, metadata={**extra, **art.metadata})
    events = obj.get("events") or []
    if not isinstance(events, list):
        raise ImportProblem(f"{where}: 'events' must be a list")
    if text != raw:
        events = _spans_onto_normalised(events, raw)
    if events and options.gold and not options.reviewer:
        raise ImportProblem(f"{where}: --gold needs --reviewer NAME (who stands behind these labels)")
    try:
        mentions = tuple(
            parse_mention(e, text, schema, options, f"import:{path.name}", f"{where} event {k}")
            for k, e in enumerate(events, 1)
        )
    except ImportProblem as exc:  # name the document too (the line alone is hard to find in a big file)
        raise ImportProblem(f"{exc} (doc {ext_id!r})") from None
    return ImportItem(art, mentions, where)


def _spans_onto_normalised(events: list[Any], raw: str) -> list[Any]:
    """Events whose offsets count the CRs of a text with Windows line endings, moved onto the
    stored text (newlines made \\n). A span is moved only where it matches the raw text, so
    offsets already counted on the normalised text are left for the usual check."""
    where_to = newline_offsets(raw)

    def move(span: Any) -> Any:
        if not isinstance(span, dict):
            return span
        start, end, said = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(said, str)
                and 0 <= start <= end <= len(raw) and raw[start:end] == said):
            return span
        return {**span, "start": where_to[start], "end": where_to[end], "text": normalize_newlines(said)}

    moved = []
    for event in events:
        if isinstance(event, dict):
            event = {**event, "trigger": move(event.get("trigger"))}
            if isinstance(event.get("arguments"), list):
                event["arguments"] = [move(a) for a in event["arguments"]]
        moved.append(event)
    return moved


def check_unique_id(seen: MutableMapping[str, int], ext_id: str, n: int, where: str) -> None:
    """Two lines of one file may not name the same article id."""
    if ext_id in seen:
        raise ImportProblem(f"{where}: id {ext_id!r} already used on line {seen[ext_id]}")
    seen[ext_id] = n


def read_jsonl(path: Path, data: bytes, schema: EventSchema, options: ImportOptions) -> tuple[list[ImportItem], str]:
    decoded = decode_bytes(data, str(path))
    items = list(jsonl_items(path, enumerate(decoded.text.split("\n"), 1), schema, options))
    return items, decoded.encoding


def jsonl_items(path: Path, lines: Iterable[tuple[int, str]], schema: EventSchema,
                options: ImportOptions, seen: MutableMapping[str, int] | None = None) -> Iterator[ImportItem]:
    """The items of a native .jsonl file's (line number, line) pairs, ids checked unique.
    ``seen``: where the ids read so far are kept (a dict unless the caller has a store that
    does not grow in memory, db/import_reading.py)."""
    seen = {} if seen is None else seen
    for n, where, obj in json_objects(path, lines):
        item = jsonl_item(path, n, where, obj, schema, options)
        check_unique_id(seen, item.article.ext_id, n, where)
        yield item
    if not seen:
        raise ImportProblem(f"{path}: no articles (empty file)")


def read_csv(path: Path, data: bytes) -> tuple[list[ImportItem], str]:
    decoded = decode_bytes(data, str(path))
    return list(csv_items(path, io.StringIO(decoded.text, newline=""))), decoded.encoding


def csv_items(path: Path, lines: Iterable[str]) -> Iterator[ImportItem]:
    """The articles of a .csv file's decoded lines (each with its \\n; rows may span lines)."""
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(lines)
    try:
        header = [h.strip().lower() if h else "" for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise ImportProblem(f"{path} line {reader.line_num}: broken CSV: {exc}") from None
    column = next((reader.fieldnames[i] for i, h in enumerate(header) if h in TEXT_COLUMNS), None)
    if column is None:
        raise ImportProblem(f"{path}: no text column in the header (have {header}; want one of {list(TEXT_COLUMNS)})")
    by_lower = {h.strip().lower(): h for h in reader.fieldnames if h}
    n = 1
    try:
        for n, row in enumerate(reader, 2):
            where = f"{path} row {n}"
            if None in row:
                raise ImportProblem(f"{where}: more cells than header columns")
            fields = {k: row.get(by_lower[k]) for k in ("title", "published", "source", "url", "lang") if k in by_lower}
            ext_id = (row.get(by_lower["id"]) if "id" in by_lower else "") or f"{path.stem}-{n}"
            yield ImportItem(_article(row[column] or "", ext_id, where, fields), (), where)
    except csv.Error as exc:
        raise ImportProblem(f"{path} line {reader.line_num}: broken CSV: {exc}") from None
    if n == 1:
        raise ImportProblem(f"{path}: no rows under the header")


def stream_items(path: Path, schema: EventSchema, options: ImportOptions,
                 seen: MutableMapping[str, int] | None = None) -> tuple[Iterator[ImportItem], StreamedText]:
    """A .jsonl or .csv file's items read as they are needed, in bounded memory; the
    StreamedText's ``encoding`` is known once the items are exhausted."""
    stream = StreamedText(path)
    if path.suffix.lower() == ".csv":
        return csv_items(path, (line + "\n" for _n, line in stream.lines())), stream
    return jsonl_items(path, stream.lines(), schema, options, seen), stream


def collect_files(paths: list[Path]) -> Iterator[Path]:
    """Files named, and article files found in folders named (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            yield path
        else:
            raise ImportProblem(f"{path}: no such file or folder")


def read_file(path: Path, schema: EventSchema, options: ImportOptions,
              sidecar: dict[str, dict[str, Any]] | None = None) -> tuple[list[ImportItem], str]:
    """Read one file of any supported kind: (items, encoding). ``sidecar``: .txt metadata."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportProblem(f"{path}: unsupported file type {suffix or '(none)'} (use {', '.join(SUFFIXES)})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read: {exc.strerror}") from None
    if suffix == ".txt":
        return read_txt(path, data, (sidecar or {}).get(path.stem))
    if suffix == ".csv":
        return read_csv(path, data)
    return read_jsonl(path, data, schema, options)
