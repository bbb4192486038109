"""What every format shares: the error type, mention checks, where a mention sits, file hashing.

Readers and writers here are pure: they take and give :mod:`core.model` objects and files,
never a database and never Qt. A writer checks every span against the article text before
it writes a byte of that article; a reader validates a whole input before it returns. Both
check through :func:`check_item`, which applies the rules of :mod:`tadqiq.core.validate`
(the only place they are written) and names the file, document and mention.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from tadqiq.core.model import Article, Mention
from tadqiq.core.schema import EventSchema
from tadqiq.core.validate import MentionError, SchemaViolation, validate_mention

#: One article with the mentions to export (or that were read).
Item = tuple[Article, list[Mention]]

#: How offsets are counted in every format here unless the format says otherwise.
OFFSETS = (
    "Python str indices (Unicode code points), end exclusive, into the article text as stored (newlines \\n)"
)


class FormatError(ValueError):
    """Input or output that does not fit its format: names the file, document and mention."""


class SchemaMismatch(FormatError):
    """Input whose event types or roles the project's schema lacks (core.validate.SchemaViolation)."""


def where(file: str | Path | None, doc: str | None = None, mention: str | None = None) -> str:
    parts = [str(file) if file is not None else "<input>"]
    if doc is not None:
        parts.append(f"document {doc!r}")
    if mention is not None:
        parts.append(mention)
    return ": ".join(parts)


def mention_label(index: int, mention: Mention) -> str:
    """'mention 3 (Life.Die 'مصرعهم' at 134..140)' — how errors name a mention."""
    t = mention.trigger
    return f"mention {index + 1} ({mention.type} {t.text!r} at {t.start}..{t.end})"


def check_item(
    article: Article,
    mentions: Iterable[Mention],
    file: str | Path | None = None,
    schema: EventSchema | None = None,
) -> None:
    """Raise FormatError for the first mention that breaks a rule of :mod:`tadqiq.core.validate`.

    Without ``schema`` (a writer, before it writes an article) the spans, status, value
    shapes and confidences are checked; with one (a reader, before it returns) also the event
    type, roles and attributes. The error names the file, the document and the mention.
    """
    for i, m in enumerate(mentions):
        try:
            validate_mention(m, article.text, schema, where(file, article.ext_id, mention_label(i, m)))
        except MentionError as exc:
            raise (SchemaMismatch if isinstance(exc, SchemaViolation) else FormatError)(str(exc)) from None


def checked(items: Iterable[Item], file: str | Path | None = None) -> Iterator[Item]:
    """Pass items through, checking each one's spans first (streaming)."""
    for article, mentions in items:
        mentions = list(mentions)
        check_item(article, mentions, file)
        yield article, mentions


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def count_dict(counts: Mapping[str, Any]) -> dict[str, Any]:
    return {k: counts[k] for k in sorted(counts)}


@contextmanager
def atomic_write(path: Path, newline: str | None = "\n") -> Iterator[TextIO]:
    """Open ``path`` for writing text; it appears only if the block finishes (no half exports)."""
    tmp = path.with_name(path.name + ".partial")
    fh = open(tmp, "w", encoding="utf-8", newline=newline)
    try:
        with fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
