"""The one place the version number lives (read by pyproject, the CLI and the GUI)."""

__version__ = "0.1.0"
