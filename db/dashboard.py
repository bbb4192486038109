"""What the dashboard draws: decisions per day and per reviewer, gold per type, and how often
reviewers accepted each engine's proposals per type (how good the extractor is)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# a decision: a history row that is not an undo and was not undone later
_DECISIONS = ("FROM history h WHERE h.undoes IS NULL AND h.event_id IS NOT NULL"
              " AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id)")


@dataclass(frozen=True)
class Acceptance:
    """Decided proposals of one engine (origin) and type: kept as they were, corrected, rejected."""

    origin: str
    type: str
    confirmed: int
    corrected: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def rate(self) -> float:
        """Share of decided proposals kept (as they were or corrected)."""
        return (self.confirmed + self.corrected) / self.decided if self.decided else 0.0


@dataclass(frozen=True)
class Dashboard:
    per_day: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, decisions)
    per_reviewer: list[tuple[str, int, float]] = field(default_factory=list)  # (reviewer, decisions, hours)
    per_type: list[tuple[str, int]] = field(default_factory=list)  # (type, gold mentions)
    acceptance: list[Acceptance] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.per_day or self.per_type or self.acceptance)


class DashboardStore:
    """Mixed into :class:`db.project.Project` (needs ``self.db``). A few grouped queries, no scan
    of the article texts."""

    db: Any

    def dashboard(self, *, days: int = 30) -> Dashboard:
        q = self.db.execute
        per_day = q(f"SELECT substr(h.at, 1, 10) AS day, count(*) {_DECISIONS} GROUP BY day ORDER BY day DESC"
                    " LIMIT ?", [days]).fetchall()
        hours = dict(q("SELECT reviewer, sum(seconds) / 3600.0 FROM review_time GROUP BY reviewer").fetchall())
        decisions = dict(q(f"SELECT h.reviewer, count(*) {_DECISIONS} GROUP BY h.reviewer").fetchall())
        reviewers = sorted(set(hours) | set(decisions), key=lambda r: (-decisions.get(r, 0), r))
        per_type = q("SELECT type, count(*) FROM events WHERE status IN ('confirmed', 'corrected', 'added')"
                     " GROUP BY type ORDER BY count(*) DESC, type").fetchall()
        acceptance = [Acceptance(*row) for row in q(
            "SELECT origin, type, sum(status = 'confirmed'), sum(status = 'corrected'), sum(status = 'rejected')"
            " FROM events WHERE origin LIKE 'extractor:%' AND status != 'proposed'"
            " GROUP BY origin, type ORDER BY origin, type")]
        return Dashboard(
            per_day=[(d, n) for d, n in reversed(per_day)],
            per_reviewer=[(r, decisions.get(r, 0), round(hours.get(r, 0.0) or 0.0, 2)) for r in reviewers],
            per_type=[(t, n) for t, n in per_type],
            acceptance=acceptance,
        )
