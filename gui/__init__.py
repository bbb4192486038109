"""The PySide6 workstation. Importing any gui module first installs the refcount guard."""

from gui import _refcount_guard  # noqa: F401  (see that module: a PySide6 6.12 bug on CPython 3.11)
