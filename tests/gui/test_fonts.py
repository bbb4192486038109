from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics

from tadqiq.gui.fonts import DEFAULT_FAMILY, article_font, font_files, load_fonts


def test_bundled_fonts_come_from_pip_packages_with_an_ofl_licence():
    files = font_files()
    assert any("fontpkg_noto_sans_arabic" in str(p) for p, _ in files)
    assert any(p.name == "Amiri-Regular.ttf" for p, _ in files)
    assert all(lic == "OFL-1.1" for p, lic in files if "fontpkg" in str(p))


def test_loaded_families_are_registered_application_fonts(qapp):
    fonts = load_fonts()
    assert DEFAULT_FAMILY in fonts and "Amiri" in fonts
    assert DEFAULT_FAMILY in QFontDatabase.families()


def test_article_font_resolves_to_the_bundled_family_and_covers_arabic(qapp):
    font = article_font(16, "Amiri")
    assert QFontInfo(font).family() == "Amiri"
    assert QFontInfo(article_font(12)).family() == DEFAULT_FAMILY
    metrics = QFontMetrics(article_font(12))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "تنظيم داعش ٢٠١٨ «»“”")


def test_unknown_family_falls_back_to_a_bundled_one(qapp):
    assert QFontInfo(article_font(12, "No Such Font")).family() == DEFAULT_FAMILY


def test_emoji_fall_back_to_the_bundled_emoji_font(qapp):
    from PySide6.QtGui import QRawFont, QTextLayout

    from tadqiq.gui.fonts import EMOJI_FAMILY
    assert EMOJI_FAMILY in load_fonts()
    font = article_font(14)
    assert font.families()[:2] == [DEFAULT_FAMILY, EMOJI_FAMILY]
    layout = QTextLayout("🔥 قصف 🙂", font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    families = {run.rawFont().familyName() for run in runs}
    assert EMOJI_FAMILY in families and DEFAULT_FAMILY in families
    emoji_run = next(r for r in runs if r.rawFont().familyName() == EMOJI_FAMILY)
    assert all(g != 0 for g in emoji_run.glyphIndexes())  # real glyphs, not .notdef boxes
    assert isinstance(emoji_run.rawFont(), QRawFont)


def test_a_font_package_collected_as_data_only_is_still_found(tmp_path, monkeypatch):
    """In the PyInstaller bundle a font package without its __init__.py imports as a namespace
    package (no __file__): its folder must still be found."""
    import sys

    from tadqiq.gui.fonts import _package_folder
    folder = tmp_path / "fontpkg_as_data"
    folder.mkdir()
    (folder / "Some-Regular.ttf").write_bytes(b"not really a font")
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("fontpkg_as_data", None)
    assert _package_folder("fontpkg_as_data") == folder.resolve()
    assert _package_folder("no_such_font_package") is None
