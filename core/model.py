"""The domain model: articles, event mentions, their triggers and arguments.

Frozen dataclasses, no I/O. Offsets follow the contract in docs/adr/0001-offsets.md:
Python ``str`` indices (code points), end exclusive, into the article text as stored.
Every span carries its text, and :meth:`Span.check` is how that promise is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

#: Review states of a mention. "gold" is the set a reviewer stands behind.
STATUSES = ("proposed", "confirmed", "corrected", "rejected", "added")
GOLD_STATUSES = frozenset({"confirmed", "corrected", "added"})

#: Attribute names and their allowed values, with the default first.
ATTRIBUTES: Mapping[str, tuple[str, ...]] = {
    "polarity": ("positive", "negative"),
    "modality": ("asserted", "reported", "hypothetical"),
    "genericity": ("specific", "generic"),
}
DEFAULT_ATTRIBUTES: Mapping[str, str] = {k: v[0] for k, v in ATTRIBUTES.items()}


class SpanError(ValueError):
    """A span whose offsets or text do not agree with the article text."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def check(self, article_text: str, where: str = "span") -> None:
        """Raise SpanError unless this span is exactly ``article_text[start:end]``."""
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise SpanError(f"{where}: offsets must be integers, got {self.start!r}, {self.end!r}")
        if not 0 <= self.start <= self.end <= len(article_text):
            raise SpanError(
                f"{where}: offsets {self.start}..{self.end} outside the text (length {len(article_text)})"
            )
        actual = article_text[self.start : self.end]
        if actual != self.text:
            raise SpanError(
                f"{where}: text at {self.start}..{self.end} is {actual!r}, the span says {self.text!r}"
            )

    @classmethod
    def of(cls, article_text: str, start: int, end: int) -> Span:
        """The span of ``article_text[start:end]`` (offsets validated)."""
        span = cls(start, end, article_text[start:end] if 0 <= start <= end <= len(article_text) else "")
        span.check(article_text)
        return span

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Argument:
    role: str
    span: Span
    value: Mapping[str, Any] | None = None
    confidence: float | None = None
    rule: str | None = None
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": self.role, **self.span.to_json()}
        if self.value is not None:
            out["value"] = dict(self.value)
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.rule:
            out["rule"] = self.rule
        return out


@dataclass(frozen=True)
class Mention:
    """One event mention: a type, a trigger span, role-labelled arguments, attributes."""

    type: str
    trigger: Span
    arguments: tuple[Argument, ...] = ()
    attributes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ATTRIBUTES))
    status: str = "proposed"
    origin: str = ""
    confidence: float | None = None
    rule: str | None = None
    reviewer: str | None = None
    notes: str | None = None
    #: Mentions sharing a non-null link are the same real-world event.
    link: str | None = None
    id: int | None = None
    #: The stored version this mention was read at (db/versions.py), None when not read from a
    #: project. Not part of what the mention says: equality, hashing and to_json ignore it.
    version: int | None = field(default=None, compare=False)

    @property
    def is_gold(self) -> bool:
        return self.status in GOLD_STATUSES

    def with_(self, **changes: Any) -> Mention:
        return replace(self, **changes)

    def check(self, article_text: str, where: str = "mention") -> None:
        self.trigger.check(article_text, f"{where} trigger")
        for i, arg in enumerate(self.arguments):
            arg.span.check(article_text, f"{where} argument {i + 1} ({arg.role})")

    def to_json(self) -> dict[str, Any]:
        """The native JSONL shape (see ../shared/seed/*.gold.jsonl) plus review fields."""
        out: dict[str, Any] = {
            "type": self.type,
            "trigger": self.trigger.to_json(),
            "arguments": [a.to_json() for a in self.arguments],
            "attributes": dict(self.attributes),
            "status": self.status,
            "origin": self.origin,
        }
        for key in ("confidence", "rule", "reviewer", "notes", "link", "id"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(frozen=True)
class Region:
    """A marked stretch of an article that is not body text (site chrome, a repeated teaser)."""

    start: int
    end: int
    kind: str  # "chrome" | "teaser"

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Article:
    ext_id: str
    text: str
    title: str = ""
    published: str | None = None  # ISO date
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    regions: tuple[Region, ...] = ()
    id: int | None = None
    sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.ext_id, "title": self.title, "text": self.text}
        for key in ("published", "source", "url", "lang"):
            out[key] = getattr(self, key)
        if self.metadata:
            out["metadata"] = dict(self.metadata)
        if self.regions:
            out["regions"] = [r.to_json() for r in self.regions]
        return out
