"""Storage: the project file (SQLite) and everything that reads or writes it.

sqlite-utils imports pandas and numpy when they are installed, only to accept their types as
column values, which Tadqiq never passes. With the test extras installed that import costs
0.8-1 s of every start of the window and the CLI, so the two are hidden while sqlite-utils
loads (an ``ImportError`` there, its documented fallback) and are importable again afterwards.
"""

import sys

if "sqlite_utils" not in sys.modules:
    _hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for _name in _hidden:
        sys.modules[_name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _hidden:
            del sys.modules[_name]
