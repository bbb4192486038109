"""The review queue's vocabulary: statuses, filters and orders (no SQL, no Qt).

An article's queue status is derived: ``flagged`` while it has an open flag, ``skipped`` while a
reviewer skipped it and it is not done, else its stored status (``todo``, ``in_progress``,
``done``). ``db/queue.py`` turns a :class:`QueueFilter` and a :class:`QueueOrder` into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QUEUE_STATUSES = ("todo", "in_progress", "done", "flagged", "skipped")
STATUS_LABELS = {"todo": "to review", "in_progress": "in progress", "done": "done",
                 "flagged": "flagged", "skipped": "skipped"}

#: Orders a queue can be read in (and the next article follows), by name.
ORDERS = {
    "queue": "queue order",
    "confidence": "lowest confidence first",
    "proposals": "most proposals first",
    "title": "title",
    "published": "date",
    "source": "source",
}


@dataclass(frozen=True)
class QueueOrder:
    key: str = "queue"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.key not in ORDERS:
            raise ValueError(f"unknown queue order {self.key!r}; one of {', '.join(ORDERS)}")


@dataclass(frozen=True)
class QueueFilter:
    """Which articles a queue holds; every field left empty lets all through."""

    statuses: frozenset[str] = field(default_factory=frozenset)
    event_type: str | None = None
    origin: str | None = None
    min_confidence: float | None = None  # on the lowest confidence of the article's proposals
    max_confidence: float | None = None
    date_from: str | None = None  # ISO dates, inclusive, on the publication date
    date_to: str | None = None
    source: str | None = None
    assigned_to: str | None = None
    text: str | None = None  # a search query (db/search.py syntax)

    def __post_init__(self) -> None:
        unknown = set(self.statuses) - set(QUEUE_STATUSES)
        if unknown:
            raise ValueError(f"unknown queue status {sorted(unknown)[0]!r}; one of {', '.join(QUEUE_STATUSES)}")
        for name in ("min_confidence", "max_confidence"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must lie in [0, 1], not {value}")


@dataclass(frozen=True)
class QueueRow:
    id: int
    ext_id: str
    title: str
    published: str | None
    source: str | None
    mentions: int
    proposed: int
    min_confidence: float | None
    status: str  # a QUEUE_STATUSES entry
    assigned_to: str | None
    reviewers: str  # who spent time on it, comma-separated
    seconds: float  # time spent, all reviewers
