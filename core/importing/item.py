"""What a reader hands to storage: an article, the mentions that came with it, where it was."""

from __future__ import annotations

from dataclasses import dataclass

from tadqiq.core.model import Article, Mention


class ImportProblem(ValueError):
    """A file that cannot be imported; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class ImportItem:
    article: Article
    mentions: tuple[Mention, ...] = ()
    where: str = ""  # "file.jsonl line 17", used in messages
    shadow: str | None = None  # the search index's view of the text, when the reader made it
    sha256: str | None = None  # of the text, when the reader computed it


@dataclass(frozen=True)
class ImportOptions:
    """How mentions that come with articles are stored.

    ``gold``: as a reviewer's labels (status "added", origin "reviewer:NAME").
    Otherwise as proposals with ``origin`` (default "import:FILE"). A mention that carries
    its own status/origin (a native export) keeps them unless ``gold`` or ``origin`` is set.
    """

    origin: str | None = None
    gold: bool = False
    reviewer: str | None = None
    #: Label Studio: read each task's "annotations", "predictions", "both", or "auto" (annotations
    #: where a task has some, else predictions). Predictions stay proposals even with ``gold``.
    label_studio_from: str = "auto"
