"""Tadqiq (تدقيق): review and correct automatically extracted Arabic events."""

from tadqiq.core.version import __version__

__all__ = ["__version__"]
