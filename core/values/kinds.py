"""Which kind of normalised value each role holds (a Time a date, a Victim a count ...)."""

from __future__ import annotations

KINDS = ("count", "date", "place", "actor", "none")
ROLE_KINDS = {"Time": "date", "Place": "place", "Origin": "place", "Destination": "place",
              "Victim": "count", "Person": "count", "Artifact": "count",
              "Vehicle": "count", "Instrument": "count", "Money": "count", "Price": "count"}


def expected_kind(role: str) -> str:
    """The value kind a role expects; ``actor`` for the participant roles not listed."""
    return ROLE_KINDS.get(role, "actor")
