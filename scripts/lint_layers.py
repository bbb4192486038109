"""Check the import-linter layer contracts in pyproject.toml (run by ./test.sh).

    python scripts/lint_layers.py

import-linter builds its graph by walking the root package's folder, so it needs the folders
laid out as they install (tadqiq/core, tadqiq/db, ...); stage_package.py writes that layout
under build/lint-tree from the package-dir mapping, and the contracts are checked there.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    tree = runpy.run_path(str(REPO / "scripts" / "stage_package.py"))["stage"](REPO / "build" / "lint-tree")
    from importlinter.cli import lint_imports

    os.chdir(tree)
    sys.path.insert(0, str(tree))  # the staged package, ahead of the editable install's finder
    return lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True)


if __name__ == "__main__":
    sys.exit(main())
