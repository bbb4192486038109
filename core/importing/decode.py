"""Bytes to text: BOMs, strict UTF-8 first, then charset-normalizer (cp1256, UTF-16 ...)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass

from charset_normalizer import from_bytes

from tadqiq.core.importing.item import ImportProblem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text files (tab, newline, CR, FF, ESC allowed).
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# The same bytes in UTF-8 (ASCII bytes only ever stand for themselves there). Deleting every
# other byte with bytes.translate and looking at what is left is ten times faster than a
# regex scan of a large file.
_NOT_BINARY = bytes(b for b in range(256) if not _BINARY.match(chr(b)))


def _has_binary_bytes(data: bytes) -> bool:
    return bool(data.translate(None, _NOT_BINARY))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def newline_offsets(text: str) -> list[int]:
    """For each offset 0..len(text) into ``text``, the same place in ``normalize_newlines(text)``.

    The CR of a CRLF pair maps to where its LF lands, so a span ending before the line break
    and one starting after it both keep their text.
    """
    out = []
    j = 0
    for i, ch in enumerate(text):
        out.append(j)
        if not (ch == "\r" and text[i + 1:i + 2] == "\n"):
            j += 1
    out.append(j)
    return out


def _looks_binary(text: str) -> int | None:
    """Index of the first character that only binary files contain, or None."""
    m = _BINARY.search(text)
    return m.start() if m else None


#: Encodings a news corpus plausibly comes in, for charset-normalizer to choose among when the
#: bytes are neither UTF-8, UTF-16 nor Arabic Windows-1256 (an English or French file in cp1252).
_FALLBACKS = ["cp1256", "iso8859_6", "cp1252", "latin_1"]


def _plausible(ch: str) -> bool:
    """A character a news text in Arabic, English or French is made of."""
    o = ord(ch)
    return (
        0x20 <= o < 0x7F or ch in "\n\r\t\f"
        or 0x00A0 <= o <= 0x017F  # Latin-1 and Latin Extended-A letters, «», NBSP
        or 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F  # Arabic, Arabic Supplement
        or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF  # Arabic presentation forms
        or 0x2000 <= o <= 0x206F or 0x20A0 <= o <= 0x20CF  # punctuation, bidi marks, currency
    )


def _plausible_share(text: str) -> float:
    return sum(map(_plausible, text)) / len(text) if text else 0.0


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes read as UTF-16 text without a byte-order mark."""
    if len(data) < 2 or len(data) % 2:
        return None
    best = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text)
        if share >= 0.95 and (best is None or share > best[0]):
            best = (share, text, name)
    return (best[1], best[2]) if best else None


def _arabic_share_of_non_ascii(text: str) -> float:
    wide = [ch for ch in text if ord(ch) >= 0x80]
    if not wide:
        return 0.0
    return sum(0x0600 <= ord(ch) <= 0x06FF for ch in wide) / len(wide)


def line_ranges(numbers: list[int], shown: int = 8) -> str:
    """[1, 2, 3, 7, 9, 10] -> 'lines 1-3, 7, 9-10'; at most ``shown`` ranges, then how many more."""
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in ranges[:shown]]
    more = f" and {len(ranges) - shown} more ranges" if len(ranges) > shown else ""
    word = "line" if len(numbers) == 1 else "lines"
    return f"{word} {', '.join(parts)}{more}"


def mixed_encodings(data: bytes) -> str | None:
    """Why bytes that are not UTF-8 as a whole cannot be decoded in one encoding either, or None."""
    return mixed_message(data.split(b"\n"))


def mixed_message(lines: Iterable[bytes]) -> str | None:
    """Why lines (bytes, without their breaks) cannot be decoded in one encoding, or None.

    Some lines are UTF-8 with non-ASCII characters (Arabic), others are not UTF-8 at all
    (Windows-1256, when they read as Arabic in it): decoding the whole file in either encoding
    would store the other lines garbled. Refused with the line numbers of each, never guessed.
    Streams: memory holds a few line ranges and 50 sample lines, never the file."""
    utf8, other = _Ranges(), _Ranges()
    sample: list[bytes] = []
    for n, line in enumerate(lines, 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.add(n)
            if len(sample) < 50:
                sample.append(line)
        else:
            utf8.add(n)
    if not utf8.count or not other.count:
        return None
    arabic = _arabic_share_of_non_ascii(b"\n".join(sample).decode("cp1256", errors="replace")) >= 0.6
    kind = "Windows-1256 (Arabic)" if arabic else "another encoding (not UTF-8)"
    return (f"mixes encodings, nothing imported: UTF-8 on {utf8}; {kind} on {other}; "
            "decoding it whole either way would store the other lines garbled. Convert the lines to one "
            "encoding (e.g. save each part as UTF-8) and import again")


class _Ranges:
    """Line numbers as ranges, as line_ranges words them, keeping only the ranges it shows."""

    def __init__(self, shown: int = 8) -> None:
        self.shown, self.count, self.ranges, self.total = shown, 0, [], 0

    def add(self, n: int) -> None:
        self.count += 1
        if self.ranges and n == self.ranges[-1][1] + 1:
            self.ranges[-1][1] = n
            return
        self.total += 1
        if len(self.ranges) > self.shown:
            self.ranges.pop()  # only the last one can still grow, and it is not shown
        self.ranges.append([n, n])

    def __str__(self) -> str:
        parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in self.ranges[: self.shown]]
        more = f" and {self.total - self.shown} more ranges" if self.total > self.shown else ""
        return f"{'line' if self.count == 1 else 'lines'} {', '.join(parts)}{more}"


def _guess(data: bytes, where: str) -> tuple[str, str]:
    """Text and encoding of bytes that have no BOM and are not UTF-8."""
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:65536]:
        raise ImportProblem(f"{where}: binary file (NUL bytes), not text")
    mixed = mixed_encodings(data)
    if mixed is not None:
        raise ImportProblem(f"{where}: {mixed}")
    cp1256 = data.decode("cp1256", errors="replace")
    if "\ufffd" not in cp1256 and _arabic_share_of_non_ascii(cp1256) >= 0.6:
        return cp1256, "cp1256"
    best = from_bytes(data, cp_isolation=_FALLBACKS).best()
    if best is not None:
        text = str(best)
        if _plausible_share(text) >= 0.98:
            return text, best.encoding
    raise ImportProblem(f"{where}: binary file or unknown encoding (not UTF-8, UTF-16 or Windows-1256)")


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode a whole file; raise ImportProblem naming ``where`` if it is not text."""
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            data = data[len(bom):]
            break
    if encoding is None:
        text = None
        if b"\x00" not in data[:65536]:  # UTF-16 with ASCII in it is valid UTF-8 full of NULs
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
            if text is not None and _has_binary_bytes(data) and _utf16_without_bom(data):
                text = None  # Arabic-only UTF-16 (U+06xx) is ASCII control bytes to UTF-8
        if text is None:
            text, encoding = _guess(data, where)
    else:
        try:
            text = data.decode(encoding.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"{where}: starts with a {encoding} byte-order mark but byte {exc.start} is invalid") from None
    if encoding in ("utf-8", "utf-8-sig"):
        bad = _looks_binary(text) if _has_binary_bytes(data) else None
    else:
        bad = _looks_binary(text)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise ImportProblem(f"{where}: binary content (control character U+{ord(text[bad]):04X} on line {line})")
    return Decoded(normalize_newlines(text), encoding)
