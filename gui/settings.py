"""User settings, declared once as data (key, type, default, doc), stored in an injected QSettings.

Only how the workstation looks and behaves for this user lives here (window layout, font,
theme, reviewer name, key bindings); nothing about articles or labels. Tests pass a
``QSettings(path, QSettings.Format.IniFormat)`` in ``tmp_path``. The pattern follows
orange-canvas-core's ``config.py``: one table, typed reads, no scattered string keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting("window/geometry", QByteArray, QByteArray(), "main window geometry (saveGeometry)"),
    Setting("window/splitter", list, [560, 400, 0], "sizes of the article | events | queue panes"),
    Setting("view/font_size", float, 15.0, "article text size in points"),
    Setting("view/font_family", str, "Noto Sans Arabic", "article font (one of the bundled families)"),
    Setting("view/theme", str, "light", "colour theme: light, dark or system (the desktop's)"),
    Setting("view/line_spacing", int, 100, "line height of the article text, in percent of the font's"),
    Setting("backup/minutes", int, 15, "a backup of the project every N minutes with decisions (0: none)"),
    Setting("backup/keep", int, 5, "how many backups of a project are kept in PROJECT.backups/"),
    Setting("view/language", str, "en", "interface language: en (English) or ar (Arabic, mirrored)"),
    Setting("review/reviewer", str, "", "reviewer name recorded with every decision"),
    Setting("view/guide", bool, False, "the guidelines panel (F1) is shown"),
    Setting("review/raw_selection", bool, False, "never snap selections to words (as if Alt were held)"),
    Setting("project/recent", str, "[]", "recently opened project files, newest first (a JSON list of paths)"),
)
_BY_KEY = {s.key: s for s in SETTINGS}
THEMES = ("light", "dark", "system")
KEYS_GROUP = "keys/"  # keys/<action name> = portable key sequence, overrides actions.py defaults


def _coerce(setting: Setting, value: Any) -> Any:
    """Turn what QSettings returns (strings from INI files) into the declared type."""
    if value is None:
        return setting.default
    kind = setting.type
    try:
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
        if kind is list:
            items = value if isinstance(value, (list, tuple)) else [value]
            return [int(v) for v in items if str(v).strip() != ""]
        if kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        return kind(value)
    except (TypeError, ValueError):
        return setting.default


class Settings(QObject):
    """Typed access to the declared settings; emits ``changed(key)`` after a write."""

    changed = Signal(str)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else QSettings("Tadqiq", "Tadqiq")

    @staticmethod
    def declared(key: str) -> Setting:
        try:
            return _BY_KEY[key]
        except KeyError:
            raise KeyError(f"undeclared setting {key!r}; add it to gui/settings.py SETTINGS") from None

    def get(self, key: str) -> Any:
        setting = self.declared(key)
        return _coerce(setting, self.store.value(key, None))

    def set(self, key: str, value: Any) -> None:
        setting = self.declared(key)
        value = _coerce(setting, value)
        if key == "view/theme" and value not in THEMES:
            raise ValueError(f"theme must be one of {THEMES}, got {value!r}")
        self.store.setValue(key, value)
        self.store.sync()
        self.changed.emit(key)

    def shortcut(self, action: str, default: str) -> str:
        """The key sequence bound to ``action``: the user's override or the default."""
        value = self.store.value(KEYS_GROUP + action, None)
        if isinstance(value, (list, tuple)):  # an INI value with a comma comes back as a list
            value = ", ".join(str(v) for v in value)
        return default if value is None else str(value)

    def has_shortcut(self, action: str) -> bool:
        """True when the user rebound ``action`` (its keys are not the defaults)."""
        return self.store.contains(KEYS_GROUP + action)

    def set_shortcut(self, action: str, sequence: str) -> None:
        self.store.setValue(KEYS_GROUP + action, sequence)
        self.store.sync()
        self.changed.emit(KEYS_GROUP + action)

    def reset_shortcut(self, action: str) -> None:
        """Forget the user's binding: ``action`` takes its default keys again."""
        self.store.remove(KEYS_GROUP + action)
        self.store.sync()
        self.changed.emit(KEYS_GROUP + action)
