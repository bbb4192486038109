"""Lay the source folders out as they install: ``tadqiq/`` with ``core/``, ``db/`` ... inside.

    python scripts/stage_package.py OUT [--data]

The repo keeps the design card's top-level folders (core/, db/, extract/, app/, gui/, resources/)
and maps them under the one import name ``tadqiq`` with setuptools' ``package-dir``
(pyproject.toml). Tools that walk folders instead of importing (import-linter's graph builder,
PyInstaller's analysis) need the installed shape; this writes it from that same mapping, so
there is one source of truth. ``--data`` copies resources' data files too (the bundle needs them).
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def stage(out: Path, *, data: bool = False) -> Path:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapping: dict[str, str] = config["package-dir"]
    if out.exists():
        shutil.rmtree(out)
    for package in config["packages"]:
        parts = package.split(".")
        # the longest mapped prefix decides the source folder
        for n in range(len(parts), 0, -1):
            prefix = ".".join(parts[:n])
            if prefix in mapping:
                source = REPO / mapping[prefix] / Path(*parts[n:])
                break
        else:
            raise SystemExit(f"{package}: no package-dir entry maps it")
        target = out / Path(*parts)
        target.mkdir(parents=True, exist_ok=True)
        for f in source.iterdir():
            if f.is_file() and (f.suffix == ".py" or (data and package.startswith("tadqiq.resources"))):
                shutil.copy2(f, target / f.name)
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(stage(Path(args[0] if args else REPO / "build" / "staged"), data="--data" in sys.argv))
