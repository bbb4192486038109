"""Bytes to text: BOMs, strict UTF-8 first, then charset-normalizer (cp1256, UTF-16 ...)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from core.importing.item import ImportProblem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text files (tab, newline, CR, FF, ESC allowed).
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> int | None:
    """Index of the first character that only binary files contain, or None."""
    m = _BINARY.search(text)
    return m.start() if m else None


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode a whole file; raise ImportProblem naming ``where`` if it is not text."""
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            data = data[len(bom):]
            break
    if encoding is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text = None
        if text is None:
            best = from_bytes(data).best()
            has_nul = b"\x00" in data[:65536]
            if has_nul and best is not None and not best.encoding.startswith("utf_"):
                raise ImportProblem(f"{where}: binary file (NUL bytes), not text")
            if best is None:
                raise ImportProblem(f"{where}: binary file or unknown encoding (not UTF-8, UTF-16 or Windows-1256)")
            encoding = best.encoding
            text = str(best)
    else:
        try:
            text = data.decode(encoding.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"{where}: starts with a {encoding} byte-order mark but byte {exc.start} is invalid") from None
    bad = _looks_binary(text)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise ImportProblem(f"{where}: binary content (control character U+{ord(text[bad]):04X} on line {line})")
    return Decoded(normalize_newlines(text), encoding)
