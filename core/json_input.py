"""JSON from files people hand us: the errors ``json.loads`` leaves to the caller, as messages.

``json.loads`` accepts text no part of Tadqiq can use: 200,000 nested ``[`` end in a
RecursionError, and a lone surrogate escape (``"\\ud800"``) gives a str that cannot be encoded
as UTF-8 — stored, printed or exported, it fails far from the input line. :func:`loads` refuses
both with the column (1-based, in characters of the line) where it can be known.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: A \\uD800-\\uDFFF escape preceded by an even number of backslashes (a real escape).
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u[dD]([89abAB]|[c-fC-F])[0-9a-fA-F]{2}")
_LOW_ESCAPE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


#: Levels of nested lists and objects accepted. A news record needs about five; far deeper
#: values would only fail later (storing or exporting them recurses), far from the input line.
MAX_DEPTH = 100


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (a scalar: 0), without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


class JSONInputError(ValueError):
    """Text that is not JSON Tadqiq can use; ``column`` is 1-based (None when not known)."""

    def __init__(self, message: str, column: int | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.column, self.line = message, column, line


def lone_surrogate(text: str) -> tuple[int, int, str] | None:
    """(line, column, escape) of the first ``\\uD800``-``\\uDFFF`` escape in JSON text that is not
    half of a pair (a high one followed by a low one), or None; both 1-based."""
    pos = 0
    while True:
        m = _SURROGATE_ESCAPE.search(text, pos)
        if m is None:
            return None
        start = m.end() - 6
        if m.group(1) in "89abAB" and _LOW_ESCAPE.match(text, m.end()):
            pos = m.end() + 6  # a proper pair: one character outside the BMP
            continue
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return line, column, text[start:m.end()]


def loads(text: str) -> Any:
    """``json.loads`` that raises :class:`JSONInputError` (a ValueError) with the line and column
    for bad JSON, too deep a nesting, and lone surrogates."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"invalid JSON at column {exc.colno}: {exc.msg}", exc.colno, exc.lineno) from None
    except RecursionError:
        raise JSONInputError("JSON nested too deeply (more levels of [ and { than can be read; "
                             "a news record needs a handful)") from None
    if text.count("[") + text.count("{") > MAX_DEPTH:  # cheap: only such text can be that deep
        depth = _depth(value)
        if depth > MAX_DEPTH:
            raise JSONInputError(f"JSON nested too deeply ({depth} levels of [ and {{; at most {MAX_DEPTH} are read, "
                                 "a news record needs a handful)")
    if "\\u" in text:
        found = lone_surrogate(text)
        if found is not None:
            line, column, escape = found
            raise JSONInputError(f"a lone surrogate {escape} at column {column} (half of a UTF-16 pair, "
                                 "not a character; the text cannot be stored)", column, line)
    return value
