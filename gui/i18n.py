"""The interface language: English (the source strings) or Arabic, mirrored right to left.

Every string a reviewer reads goes through :func:`tr` (context ``Tadqiq``). The Arabic
strings live in the Qt Linguist file ``resources/translations/tadqiq_ar.ts`` (edit it with
``pyside6-linguist``; ``scripts/update_translations.py`` adds new source strings to it). The
``.ts`` is compiled to a ``.qm`` by the build — ``scripts/setup.sh`` and ``build.spec`` run
``pyside6-lrelease`` — and never committed as a binary; should the ``.qm`` be missing or older
than the ``.ts``, :func:`compiled` compiles it into the user's cache first.

Switching the language installs the translators and mirrors the whole application at once
(``QApplication.setLayoutDirection``); menus and actions are named again at once too, and
the other labels follow when the window is opened again (the preferences dialog says so).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from tadqiq.core.resources import resource_path

CONTEXT = "Tadqiq"
LANGUAGES = {"en": "English", "ar": "العربية"}
_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The interface language in use ('en' or 'ar')."""
    return _current


def tr(text: str) -> str:
    """``text`` in the interface language (itself when no translation is installed)."""
    return QCoreApplication.translate(CONTEXT, text)


def ts_file(lang: str) -> Path:
    return Path(resource_path("translations", f"tadqiq_{lang}.ts"))


def _lrelease() -> str | None:
    """The lrelease of the installed PySide6 (beside the interpreter, or inside the package)."""
    here = Path(sys.executable).parent
    for candidate in (here / "pyside6-lrelease", here / "pyside6-lrelease.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    try:
        import PySide6

        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
            path = Path(PySide6.__file__).parent / name
            if path.exists():
                return str(path)
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    return None


def compile_ts(ts: Path, qm: Path) -> Path:
    """``ts`` compiled to ``qm`` with lrelease; raises RuntimeError saying what failed."""
    tool = _lrelease()
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found: reinstall PySide6 to compile the translations")
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False)
    if done.returncode != 0 or not qm.exists():
        raise RuntimeError(f"pyside6-lrelease could not compile {ts}: {done.stderr.strip() or done.stdout.strip()}")
    return qm


def compiled(lang: str) -> Path | None:
    """The ``.qm`` of ``lang``: beside its ``.ts`` when the build made it, else compiled into the
    cache now. None for English (no file) or a language without a ``.ts``."""
    ts = ts_file(lang)
    if lang == "en" or not ts.exists():
        return None
    beside = ts.with_suffix(".qm")
    if beside.exists() and beside.stat().st_mtime >= ts.stat().st_mtime:
        return beside
    cache = Path(os.environ.get("TADQIQ_CACHE") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation) or Path.home() / ".cache" / "tadqiq")
    target = cache / "translations" / beside.name
    if target.exists() and target.stat().st_mtime >= ts.stat().st_mtime:
        return target
    return compile_ts(ts, target)


def install(lang: str, app: QApplication | None = None) -> str:
    """Use ``lang`` ('en' or 'ar') from now on: translators and layout direction. Returns the
    language in use (English when the translation cannot be loaded)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = "en"
    if lang != "en":
        ours = QTranslator()
        qm = compiled(lang)
        if qm is None or not ours.load(str(qm)):
            lang = "en"
        else:
            qt = QTranslator()  # Qt's own strings: OK / Cancel, the line edit's menu ...
            if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                QCoreApplication.installTranslator(qt)
                _installed.append(qt)
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
    global _current
    _current = lang
    if app is not None:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight)
    return lang
