"""Reading JSON and JSONL inputs with errors that name the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError
from tadqiq.core.json_input import JSONInputError, loads


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end >= len(data) - 3:
            raise FormatError(
                f"{path}: the file looks truncated (it ends inside a UTF-8 character)"
            ) from None
        raise FormatError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def jsonl_objects(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; a line that is not a JSON object is an error."""
    text = read_text(path)
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except JSONInputError as exc:  # bad JSON, too deep, a lone surrogate (core/json_input.py)
            hint = (
                " (the file looks truncated)"
                if lineno >= text.count("\n") and not text.endswith("\n")
                else ""
            )
            raise FormatError(f"{path}: line {lineno}: {exc.message}{hint}") from None
        if not isinstance(obj, dict):
            raise FormatError(f"{path}: line {lineno}: expected a JSON object, got {type(obj).__name__}")
        yield lineno, obj


def json_document(path: Path) -> Any:
    text = read_text(path)
    try:
        return loads(text)
    except JSONInputError as exc:
        at = f" at line {exc.line} column {exc.column}" if exc.line else ""
        raise FormatError(f"{path}: {exc.message.replace(f' at column {exc.column}', '')}{at}") from None


def need(obj: Any, key: str, kind: type | tuple[type, ...], loc: str) -> Any:
    if not isinstance(obj, dict):
        raise FormatError(f"{loc}: expected an object")
    if key not in obj:
        raise FormatError(f"{loc}: missing {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise FormatError(f"{loc}: {key!r} must be {name}, got {type(value).__name__}")
    return value


def opt(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], loc: str) -> Any:
    if obj.get(key) is None:
        return None
    return need(obj, key, kind, loc)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)
