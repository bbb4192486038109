"""Normalised values of arguments: counts and dates, as plain JSON-ready dicts.

Values are objects, never bare numbers (DESIGN.md): a count has ``value`` or ``min``/``max``,
``approx`` and a ``vague`` class; a date has an ISO ``value``, a ``precision`` and the
``anchor`` it was resolved against, or a ``relation`` to the publication date when that
date is unknown.
"""

from tadqiq.core.values.counts import parse_count
from tadqiq.core.values.dates import parse_date

__all__ = ["parse_count", "parse_date"]
