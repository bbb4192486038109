"""BIO tag sequences: the entities they mark."""

from __future__ import annotations

from collections.abc import Sequence


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> (first token, end token exclusive, class); a stray I- starts an entity."""
    spans: list[tuple[int, int, str]] = []
    start, cls = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        if start is not None and (kind != "I" or name != cls):
            spans.append((start, i, cls or ""))
            start, cls = None, None
        if kind == "B" or (kind == "I" and start is None):
            start, cls = i, name
    return spans
