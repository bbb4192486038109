"""Find files under resources/: package data of ``tadqiq.resources``, read through
importlib.resources, so the same call works from a source checkout (editable install), from an
installed wheel and from the PyInstaller bundle."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(str(files("tadqiq.resources")))


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (it need not exist)."""
    return resource_root().joinpath(*parts)
