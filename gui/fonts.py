"""The Arabic fonts that ship with the app (docs/adr/0003-font.md).

Fonts come from pip packages (fontpkg-noto-sans-arabic, fontpkg-amiri: OFL, with a
``metadata.json`` listing their files) or from ``resources/fonts/`` in a bundle, and are
registered with ``QFontDatabase.addApplicationFont``. System fonts are never relied on: the
article view asks for the family by the name the loaded file reports.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from tadqiq.core.resources import resource_path

#: Packages searched, in order of preference. The first one that loads is the default.
FONT_PACKAGES = ("fontpkg_noto_sans_arabic", "fontpkg_amiri")
DEFAULT_FAMILY = "Noto Sans Arabic"
#: Noto Emoji (monochrome, OFL-1.1) from the manimgx-fonts package: a fallback after the
#: Arabic family, so an emoji in a post or caption is a glyph, not an empty box.
EMOJI_FONT = ("manimgx_fonts", "NotoEmoji[wght].ttf")
EMOJI_FAMILY = "Noto Emoji"


class FontError(RuntimeError):
    """No bundled Arabic font could be loaded."""


@dataclass(frozen=True)
class LoadedFont:
    family: str
    path: Path
    license: str


_loaded: dict[str, LoadedFont] = {}


def _package_folder(package: str) -> Path | None:
    """Where an installed font package's files are; None when it is not installed.

    In a PyInstaller bundle a package collected as data only imports as a namespace package,
    with ``__path__`` but no ``__file__``: both are understood."""
    try:
        module = importlib.import_module(package)
    except ImportError:
        return None
    if getattr(module, "__file__", None):
        return Path(module.__file__).resolve().parent
    paths = list(getattr(module, "__path__", []))
    return Path(paths[0]).resolve() if paths else None


def _package_files(package: str) -> list[tuple[Path, str]]:
    root = _package_folder(package)
    if root is None:
        return []
    meta_path = root / "metadata.json"
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return [(root / f["path"], meta.get("license", "")) for f in meta.get("files", [])]
    return [(p, "") for p in sorted((root / "files").glob("*.[ot]tf"))]


def _emoji_file() -> list[tuple[Path, str]]:
    package, name = EMOJI_FONT
    root = _package_folder(package)
    return [] if root is None else [(root / name, "OFL-1.1")]


def font_files() -> list[tuple[Path, str]]:
    """Every bundled font file with its licence: packages first, then resources/fonts/."""
    files = [f for pkg in FONT_PACKAGES for f in _package_files(pkg)] + _emoji_file()
    folder = resource_path("fonts")
    if folder.is_dir():
        files += [(p, "") for p in sorted(folder.glob("*.[ot]tf"))]
    return [(p, lic) for p, lic in files if p.is_file()]


def load_fonts() -> dict[str, LoadedFont]:
    """Register the bundled fonts with Qt (once per process); family name -> font.

    Needs a QGuiApplication. Raises FontError if none loads.
    """
    if _loaded:
        return dict(_loaded)
    for path, lic in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            _loaded.setdefault(family, LoadedFont(family, path, lic))
    if not _loaded:
        raise FontError("no bundled Arabic font could be loaded; reinstall fontpkg-noto-sans-arabic")
    return dict(_loaded)


def available_families() -> list[str]:
    return sorted(load_fonts())


def article_font(point_size: float = 14.0, family: str = DEFAULT_FAMILY) -> QFont:
    """The font for article text: a bundled family (falls back to any bundled one)."""
    fonts = load_fonts()
    if family not in fonts or family == EMOJI_FAMILY:
        family = DEFAULT_FAMILY if DEFAULT_FAMILY in fonts else next(iter(fonts))
    font = QFont(family)
    if EMOJI_FAMILY in fonts and family != EMOJI_FAMILY:
        font.setFamilies([family, EMOJI_FAMILY])  # per-character fallback for emoji
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
