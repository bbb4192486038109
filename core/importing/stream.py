"""A large text file decoded line by line in bounded memory, the encoding decided as lines come.

``decode_bytes`` (decode.py) decodes a whole file at once: fine for a .txt article, but a
.jsonl or .csv of a million articles would be several GB in memory as bytes, text and lines.
``StreamedText`` reads the same files one line at a time (memory: the longest line plus a
1 MB sample) and gives the same text, line for line, as ``decode_bytes`` would:

- a byte-order mark decides (UTF-8, UTF-16, UTF-32); UTF-16 without one is recognised from
  the first 64 KB (NUL bytes, or ASCII control bytes that are Arabic in UTF-16);
- otherwise lines are ASCII until the first line that is not: if that line is UTF-8 the file
  is UTF-8; if not, the encoding is guessed from 1 MB of the file from that line on (Windows-1256
  when it reads as Arabic, else charset-normalizer among the encodings of a news corpus);
- a later line in another encoding (a UTF-8 line in a cp1256 file, or the other way round)
  is refused: the file is scanned once more for the line numbers of each encoding (the same
  message as ``decode_bytes``), so nothing garbled is ever stored;
- control characters that only binary files have are refused with their line number.

Lines are numbered as in ``decode_bytes(...).text.split("\\n")`` (CRLF and lone CR are line
breaks), so a problem reported while streaming names the same line as before.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from tadqiq.core.importing.decode import (
    _BINARY, _BOMS, _FALLBACKS, _NOT_BINARY, _arabic_share_of_non_ascii, _plausible_share,
    _utf16_without_bom, mixed_message, normalize_newlines,
)
from tadqiq.core.importing.item import ImportProblem

#: How much of the file is looked at for BOM-less UTF-16, and for guessing a non-UTF-8 encoding.
HEAD_BYTES = 1 << 16
SAMPLE_BYTES = 1 << 20
#: Bytes decoded at a time for the UTF-16/32 files (whose lines cannot be split as bytes).
CHUNK_BYTES = 1 << 20


class StreamedText:
    """Iterate ``lines()`` for (line number, line without its break); ``encoding`` once done."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)
        self.encoding = "utf-8"

    def lines(self) -> Iterator[tuple[int, str]]:
        try:
            with open(self.path, "rb") as f:
                head = f.read(HEAD_BYTES)
                for bom, name in _BOMS:
                    if head.startswith(bom):
                        self.encoding = name
                        f.seek(len(bom))
                        if name == "utf-8-sig":
                            yield from self._byte_lines(f, fixed="utf-8")
                        else:
                            yield from self._text_lines(f, name)
                        return
                if b"\x00" in head or head.translate(None, _NOT_BINARY):
                    utf16 = _utf16_without_bom(head)
                    if utf16 is None and len(head) == HEAD_BYTES:  # the sample may end inside a pair
                        utf16 = _utf16_without_bom(head[:-2])
                    if utf16 is not None:
                        self.encoding = utf16[1]
                        f.seek(0)
                        yield from self._text_lines(f, utf16[1])
                        return
                    if b"\x00" in head:
                        raise ImportProblem(f"{self.where}: binary file (NUL bytes), not text")
                f.seek(0)
                yield from self._byte_lines(f)
        except OSError as exc:
            raise ImportProblem(f"{self.where}: cannot read: {exc.strerror}") from None

    def _byte_lines(self, f, fixed: str | None = None) -> Iterator[tuple[int, str]]:
        """Lines of an ASCII-compatible encoding: split as bytes, each decoded on its own."""
        mode = fixed  # None while every line so far was ASCII
        n = 1
        for raw_n, raw in enumerate(f, 1):
            raw = raw[:-1] if raw.endswith(b"\n") else raw
            if raw.translate(None, _NOT_BINARY):  # ASCII control bytes stand for themselves
                text = raw.decode("latin-1")
                bad = _BINARY.search(text)
                line = n + normalize_newlines(text[: bad.start()]).count("\n")
                raise ImportProblem(f"{self.where}: binary content (control character U+{ord(bad.group()):04X}"
                                    f" on line {line})")
            if raw.isascii():
                text = raw.decode("ascii")
            else:
                text = self._decode_line(f, raw, raw_n, mode)
                mode = mode or self.encoding
            for piece in normalize_newlines(text[:-1] if text.endswith("\r") else text).split("\n"):
                yield n, piece
                n += 1

    def _decode_line(self, f, raw: bytes, raw_n: int, mode: str | None) -> str:
        try:
            utf8: str | None = raw.decode("utf-8")
        except UnicodeDecodeError:
            utf8 = None
        if mode is None:  # the first line that is not ASCII decides
            if utf8 is not None:
                self.encoding = "utf-8"
                return utf8
            self.encoding = mode = self._guess(f, raw)
        elif mode == "utf-8":
            if utf8 is not None:
                return utf8
            if self.encoding == "utf-8-sig":
                raise ImportProblem(f"{self.where}: starts with a utf-8-sig byte-order mark but line {raw_n}"
                                    " is not UTF-8")
            raise ImportProblem(f"{self.where}: {self._mixed()}")
        elif utf8 is not None:
            raise ImportProblem(f"{self.where}: {self._mixed()}")
        try:
            return raw.decode(mode)
        except UnicodeDecodeError:
            raise ImportProblem(f"{self.where}: line {raw_n} is not {mode} like the lines before it"
                                " (binary content or a mix of encodings)") from None

    def _guess(self, f, raw: bytes) -> str:
        """The encoding of a file whose first non-ASCII line is not UTF-8, from a sample of it."""
        here = f.tell()
        sample = raw + b"\n" + f.read(SAMPLE_BYTES)
        f.seek(here)
        if len(sample) > SAMPLE_BYTES:
            sample = sample[: sample.rfind(b"\n")]
        cp1256 = sample.decode("cp1256", errors="replace")
        if "\ufffd" not in cp1256 and _arabic_share_of_non_ascii(cp1256) >= 0.6:
            return "cp1256"
        best = from_bytes(sample, cp_isolation=_FALLBACKS).best()
        if best is not None and _plausible_share(str(best)) >= 0.98:
            return best.encoding
        raise ImportProblem(f"{self.where}: binary file or unknown encoding (not UTF-8, UTF-16 or Windows-1256)")

    def _mixed(self) -> str:
        with open(self.path, "rb") as f:
            return mixed_message(line.rstrip(b"\n") for line in f) or "mixes encodings"

    def _text_lines(self, f, encoding: str) -> Iterator[tuple[int, str]]:
        """Lines of UTF-16/32: decoded a chunk at a time, split at the last complete line break."""
        decoder = codecs.getincrementaldecoder(encoding)()
        n, rest = 1, ""
        while True:
            chunk = f.read(CHUNK_BYTES)
            final = not chunk
            try:
                text = rest + decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                line = n + normalize_newlines(rest).count("\n")
                raise ImportProblem(f"{self.where}: not valid {encoding} on line {line} or the next ({exc.reason})"
                                    ) from None
            if final:
                done, rest = text, ""
            else:
                end = len(text) - 1 if text.endswith("\r") else len(text)  # a CR may be half a CRLF
                cut = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
                done, rest = text[:cut], text[cut:]
            lines = normalize_newlines(done).split("\n")
            for line in lines if final else lines[:-1]:
                bad = _BINARY.search(line)
                if bad:
                    raise ImportProblem(f"{self.where}: binary content (control character U+{ord(bad.group()):04X}"
                                        f" on line {n})")
                yield n, line
                n += 1
            if final:
                return


def whole_lines(pairs: Iterable[tuple[int, str]], limit: int) -> Iterator[tuple[str, int]]:
    """(text of up to ``limit`` lines joined by \\n, number of its first line)."""
    batch: list[str] = []
    first = 1
    for n, line in pairs:
        if not batch:
            first = n
        batch.append(line)
        if len(batch) >= limit:
            yield "\n".join(batch), first
            batch = []
    if batch:
        yield "\n".join(batch), first
