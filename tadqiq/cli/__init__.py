"""The ``tadqiq`` command line: a thin caller of the use cases in ``tadqiq.app``."""

from tadqiq.cli.main import main

__all__ = ["main"]
