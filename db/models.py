"""Trained models kept in the project file (table ``models``), versioned per engine.

A model is stored with the gold snapshot it was trained on (how many articles and mentions,
their digest) and the scores it was measured with, so a later reader can say what a model saw
and whether the gold has changed since. Versions count up from 1 per engine; nothing is ever
overwritten, and the newest version is the one an engine uses unless another is named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tadqiq.db.connection import now
from tadqiq.db.rows import dumps


@dataclass(frozen=True)
class StoredModel:
    engine: str
    version: int
    created_at: str
    trained_by: str
    gold: dict[str, Any]  # the snapshot it saw: articles, mentions, negatives, digest
    scores: dict[str, Any] | None  # cross-validated scores measured before it was stored
    data: bytes = b""  # the model itself (empty when listed without it)


class ModelStore:
    """Mixin of Project: storing and reading trained models."""

    db: Any

    def store_model(
        self, engine: str, data: bytes, *, gold: dict[str, Any], scores: dict[str, Any] | None, trained_by: str
    ) -> int:
        """Store a new version of ``engine``'s model (one transaction); return its version."""
        if not data:
            raise ValueError("an empty model cannot be stored")
        with self.db.atomic():
            version = self.next_model_version(engine)
            self.db.execute(
                "INSERT INTO models (engine, version, created_at, trained_by, model, gold, scores)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [engine, version, now(), trained_by, data, dumps(gold), None if scores is None else dumps(scores)],
            )
        return version

    def next_model_version(self, engine: str) -> int:
        """The version the next stored model of ``engine`` gets (1 for the first)."""
        row = self.db.execute("SELECT max(version) FROM models WHERE engine = ?", [engine]).fetchone()
        return (row[0] or 0) + 1

    def model(self, engine: str, version: int | None = None) -> StoredModel | None:
        """The newest (or the given) version of ``engine``'s model, or None when there is none."""
        sql = "SELECT * FROM models WHERE engine = ?"
        params: list[Any] = [engine]
        if version is not None:
            sql += " AND version = ?"
            params.append(version)
        rows = list(self.db.query(sql + " ORDER BY version DESC LIMIT 1", params))
        return _stored(rows[0], with_data=True) if rows else None

    def models(self, engine: str | None = None) -> list[StoredModel]:
        """Every stored model (without its bytes), oldest first."""
        sql = "SELECT engine, version, created_at, trained_by, gold, scores FROM models"
        params: list[Any] = []
        if engine is not None:
            sql += " WHERE engine = ?"
            params.append(engine)
        return [_stored(r, with_data=False) for r in self.db.query(sql + " ORDER BY engine, version", params)]


def _stored(row: dict[str, Any], *, with_data: bool) -> StoredModel:
    return StoredModel(
        engine=row["engine"],
        version=row["version"],
        created_at=row["created_at"],
        trained_by=row["trained_by"],
        gold=json.loads(row["gold"]),
        scores=json.loads(row["scores"]) if row["scores"] else None,
        data=bytes(row["model"]) if with_data else b"",
    )
