"""Reading article files for import, on every core when there is much to read.

Reading (decoding, marking site chrome, parsing events, normalising the search shadow) is
pure Python per article, so a large import reads in worker processes while the main
process stores what has been read (``Project.import_items`` consumes the stream inside its
one transaction). Results come back in file and line order, so the first bad line reported
is the first bad line of the input, and all-or-nothing holds: an error rolls back.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
import sys
from collections import deque
from collections.abc import Iterable, Iterator, MutableMapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tadqiq.core.importing.item import ImportItem, ImportOptions, ImportProblem
from tadqiq.core.importing.readers import check_unique_id, json_lines, jsonl_item, read_file, stream_items
from tadqiq.core.importing.stream import StreamedText, whole_lines
from tadqiq.core.schema import EventSchema
from tadqiq.db.project import sha256_text
from tadqiq.db.search import search_shadow

#: Below this much input, starting worker processes costs more than it saves.
PARALLEL_BYTES = 4 << 20
#: Lines of a .jsonl file handed to a worker at a time.
JSONL_CHUNK_LINES = 256
#: Items of a file streamed in this process handed on (to be stored) at a time.
STREAM_PART_ITEMS = 256


@dataclass
class FileRead:
    """Items read from one input file, in order, or the problem that stopped it.

    A large .jsonl file comes in several parts; ``done`` marks its last (or its problem).
    """

    path: Path
    items: list[ImportItem]
    encoding: str = ""
    problem: ImportProblem | None = None
    done: bool = True


def with_shadow(item: ImportItem) -> ImportItem:
    """The item with what storing it needs computed here, in the reader: shadow and hash."""
    text = item.article.text
    return replace(item, shadow=search_shadow(text), sha256=sha256_text(text))


def _read_one(path: Path, schema: EventSchema, options: ImportOptions, fields: dict[str, Any] | None) -> FileRead:
    try:
        items, encoding = read_file(path, schema, options, {path.stem: fields} if fields else None)
    except ImportProblem as exc:
        return FileRead(path, [], problem=exc)
    return FileRead(path, [with_shadow(i) for i in items], encoding)


def _jsonl_chunk(path: Path, text: str, first_line: int, schema: EventSchema,
                 options: ImportOptions) -> tuple[list[tuple[int, ImportItem]], ImportProblem | None]:
    """(line number, item) of each line of one chunk up to its first problem, and that problem.

    The items before the problem come back too: the caller checks their ids first, so an id
    used twice earlier in the chunk is reported before a bad line later in it, as reading
    the file in one process would."""
    items: list[tuple[int, ImportItem]] = []
    try:
        for n, where, obj in json_lines(path, text, first_line):
            items.append((n, with_shadow(jsonl_item(path, n, where, obj, schema, options))))
    except ImportProblem as exc:
        return items, exc
    return items, None


def workers_for(paths: list[Path]) -> int:
    """How many processes to read ``paths`` with besides this one (0: read here, small inputs)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    if cores < 2:
        return 0
    total = 0
    for p in paths:
        try:
            total += p.stat().st_size
        except OSError:
            continue
        if total >= PARALLEL_BYTES:
            return READERS(cores)
    return 0


def READERS(cores: int) -> int:  # noqa: N802 - a tunable, measured in bench/bench_import.py
    """Reading processes for ``cores`` cores: this process stores while they read."""
    return max(1, cores - 1)


class FileReader:
    """Reads files into FileReads, in order, with ``workers`` processes (0: in this one)."""

    def __init__(self, schema: EventSchema, options: ImportOptions, workers: int = 0,
                 conn: sqlite3.Connection | None = None) -> None:
        """``conn``: the importing connection, whose temporary tables keep the ids of a streamed
        file (so memory does not grow with it); without it they are kept in a dict."""
        self.schema, self.options, self.workers, self.conn = schema, options, workers, conn
        self._pool: Any = None
        self._files = 0

    def __enter__(self) -> FileReader:
        if self.workers > 0:
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context(method))
        return self

    def __exit__(self, *exc: object) -> None:
        # Parts not started are cancelled; the few being read (a bounded look-ahead) finish, then
        # the workers exit. (multiprocessing.Pool.terminate could hang for ever here: its task
        # thread blocked sending a part to a worker that had already exited, issue 13.)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def read(self, paths: Iterable[Path], fields: dict[Path, dict[str, Any] | None]) -> Iterator[FileRead]:
        """Each file read, in order; ``fields``: sidecar metadata of a .txt file.

        A .jsonl or .csv file of PARALLEL_BYTES or more is streamed (core/importing/stream.py):
        read, decoded and handed on in parts, so memory does not grow with its size."""
        small: list[Path] = []
        for path in paths:
            if path.suffix.lower() in (".jsonl", ".csv") and _size(path) >= PARALLEL_BYTES:
                yield from self._flush(small, fields)
                small = []
                if self._pool is not None and path.suffix.lower() == ".jsonl":
                    yield from self._read_big_jsonl(path)
                else:
                    yield from self._stream_here(path)
            else:
                small.append(path)
        yield from self._flush(small, fields)

    def _flush(self, paths: list[Path], fields: dict[Path, dict[str, Any] | None]) -> Iterator[FileRead]:
        args = [(p, self.schema, self.options, fields.get(p)) for p in paths]
        if self._pool is None or len(args) < 2:
            yield from (_read_one(*a) for a in args)
        else:
            yield from self._pool.map(_star_read_one, args, chunksize=16)

    def _stream_here(self, path: Path) -> Iterator[FileRead]:
        """Parts of one large file read in this process (a .csv, or no worker processes)."""
        items, stream = stream_items(path, self.schema, self.options, self._seen())
        part: list[ImportItem] = []
        try:
            for item in items:
                part.append(with_shadow(item))
                if len(part) >= STREAM_PART_ITEMS:
                    yield FileRead(path, part, stream.encoding, done=False)
                    part = []
        except ImportProblem as exc:
            yield FileRead(path, [], problem=exc)
            return
        yield FileRead(path, part, stream.encoding)

    def _read_big_jsonl(self, path: Path) -> Iterator[FileRead]:
        """Parts of one large .jsonl file, read by the pool while earlier parts are stored.

        This process streams the file's lines (decoding them, core/importing/stream.py) into
        parts of JSONL_CHUNK_LINES lines; the workers parse them. A problem found while decoding
        waits until the parts before it are checked, so the first bad line is reported."""
        stream = StreamedText(path)
        chunks = whole_lines(stream.lines(), JSONL_CHUNK_LINES)
        window: deque[Any] = deque()  # parts being read: a bounded look-ahead, so a bad file
        # stops the reading of its later parts (and results never pile up unread)
        pending: list[ImportProblem] = []  # a decoding problem, reported after the parts before it

        def fill() -> None:
            while not pending and len(window) < 2 * self.workers:
                try:
                    part = next(chunks, None)
                except ImportProblem as exc:
                    pending.append(exc)
                    return
                if part is None:
                    return
                window.append(self._pool.submit(_jsonl_chunk, path, *part, self.schema, self.options))

        fill()
        seen = self._seen()
        while window:
            items, problem = window.popleft().result()
            try:
                for n, item in items:
                    check_unique_id(seen, item.article.ext_id, n, item.where)
            except ImportProblem as exc:
                problem = exc
            if problem is not None:
                yield FileRead(path, [], problem=problem)
                return
            fill()  # the pool reads ahead while this part is stored
            yield FileRead(path, [item for _n, item in items], stream.encoding, done=False)
        if pending:
            yield FileRead(path, [], problem=pending[0])
            return
        if not seen:
            yield FileRead(path, [], problem=ImportProblem(f"{path}: no articles (empty file)"))
            return
        yield FileRead(path, [], stream.encoding)


    def _seen(self) -> MutableMapping[str, int]:
        self._files += 1
        return {} if self.conn is None else SeenIds(self.conn, self._files)


class SeenIds(MutableMapping[str, int]):
    """Ids read from one streamed file and their line numbers, in a temporary table of the
    importing connection: on disk once past SQLite's small temp cache, gone with the connection
    (and rolled back with the import). A dict of a million ids would take ~125 MB."""

    def __init__(self, conn: sqlite3.Connection, file: int) -> None:
        self.conn, self.file, self.count = conn, file, 0
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen_ids (file INTEGER, ext_id TEXT, line INTEGER,"
                     " PRIMARY KEY (file, ext_id)) WITHOUT ROWID")

    def __getitem__(self, ext_id: str) -> int:
        row = self.conn.execute("SELECT line FROM temp.import_seen_ids WHERE file = ? AND ext_id = ?",
                                (self.file, ext_id)).fetchone()
        if row is None:
            raise KeyError(ext_id)
        return row[0]

    def __contains__(self, ext_id: object) -> bool:
        return self.conn.execute("SELECT 1 FROM temp.import_seen_ids WHERE file = ? AND ext_id = ?",
                                 (self.file, ext_id)).fetchone() is not None

    def __setitem__(self, ext_id: str, line: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO temp.import_seen_ids VALUES (?, ?, ?)", (self.file, ext_id, line))
        self.count += 1

    def __delitem__(self, ext_id: str) -> None:
        raise TypeError("ids read stay read")

    def __iter__(self) -> Iterator[str]:
        rows = self.conn.execute("SELECT ext_id FROM temp.import_seen_ids WHERE file = ?", (self.file,))
        return (r[0] for r in rows)

    def __len__(self) -> int:
        return self.count


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_file names the problem


def _star_read_one(args: tuple) -> FileRead:
    return _read_one(*args)


