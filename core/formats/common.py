"""What every format shares: the error type, span checks, where a mention sits, file hashing.

Readers and writers here are pure: they take and give :mod:`core.model` objects and files,
never a database and never Qt. A writer checks every span against the article text before
it writes a byte of that article; a reader validates a whole input before it returns.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from tadqiq.core.model import Article, Mention, SpanError
from tadqiq.core.schema import EventSchema

#: One article with the mentions to export (or that were read).
Item = tuple[Article, list[Mention]]

#: How offsets are counted in every format here unless the format says otherwise.
OFFSETS = (
    "Python str indices (Unicode code points), end exclusive, into the article text as stored (newlines \\n)"
)


class FormatError(ValueError):
    """Input or output that does not fit its format: names the file, document and mention."""


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


def check_item(article: Article, mentions: Iterable[Mention], file: str | Path | None = None) -> None:
    """Raise FormatError unless every trigger and argument span is exactly its text."""
    for i, m in enumerate(mentions):
        try:
            m.check(article.text, "trigger")
        except SpanError as exc:
            raise FormatError(f"{where(file, article.ext_id, mention_label(i, m))}: {exc}") from None


def check_schema(
    article: Article, mentions: Iterable[Mention], schema: EventSchema, file: str | Path | None = None
) -> None:
    """Raise FormatError for an event type, role or attribute value the schema does not know."""
    for i, m in enumerate(mentions):
        loc = where(file, article.ext_id, mention_label(i, m))
        if m.type not in schema.types:
            raise FormatError(f"{loc}: event type {m.type!r} is not in schema {schema.name!r}")
        for arg in m.arguments:
            if not schema.has_role(m.type, arg.role):
                raise FormatError(
                    f"{loc}: role {arg.role!r} is not a role of {m.type} in schema {schema.name!r} "
                    f"(roles: {', '.join(schema.types[m.type].roles)})"
                )
        for name, value in m.attributes.items():
            allowed = schema.attributes.get(name)
            if allowed is None:
                raise FormatError(f"{loc}: unknown attribute {name!r}")
            if value not in allowed:
                raise FormatError(f"{loc}: attribute {name}={value!r} is not one of {', '.join(allowed)}")


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
