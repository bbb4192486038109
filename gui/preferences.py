"""PreferencesDialog (Edit → Preferences…): how the workstation looks for this user.

Font family (the bundled ones), size and line spacing of the article text, colour theme
(light, dark, or the desktop's), interface language (English, or Arabic with the whole
layout mirrored). OK or Apply writes the typed settings and tells the window what changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from tadqiq.gui.fonts import available_families
from tadqiq.gui.i18n import LANGUAGES, tr
from tadqiq.gui.settings import THEMES, Settings

THEME_NAMES = {"light": "light", "dark": "dark", "system": "as the desktop"}
MIN_FONT, MAX_FONT = 8.0, 40.0


def system_theme() -> str:
    """'dark' when the desktop's colour scheme is dark (Qt 6.5+), else 'light'."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return "dark" if scheme is not None and scheme() == Qt.ColorScheme.Dark else "light"


class PreferencesDialog(QDialog):
    """``applied(dict)``: the settings keys that changed, after they were written."""

    applied = Signal(dict)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("preferences")
        self.setWindowTitle(tr("Preferences"))
        self.family = QComboBox()
        self.family.addItems(available_families() or [settings.get("view/font_family")])
        self.family.setAccessibleName(tr("Article font"))
        self.size = QDoubleSpinBox()
        self.size.setRange(MIN_FONT, MAX_FONT)
        self.size.setSingleStep(1.0)
        self.size.setSuffix(" pt")
        self.size.setAccessibleName(tr("Text size"))
        self.spacing = QSpinBox()
        self.spacing.setRange(80, 250)
        self.spacing.setSingleStep(10)
        self.spacing.setSuffix(" %")
        self.spacing.setAccessibleName(tr("Line spacing"))
        self.theme = QComboBox()
        for key in THEMES:
            self.theme.addItem(tr(THEME_NAMES[key]), key)
        self.theme.setAccessibleName(tr("Colour theme"))
        self.language = QComboBox()
        for key, name in LANGUAGES.items():
            self.language.addItem(name, key)
        self.language.setAccessibleName(tr("Interface language"))
        form = QFormLayout()
        form.addRow(tr("Article font"), self.family)
        form.addRow(tr("Text size"), self.size)
        form.addRow(tr("Line spacing"), self.spacing)
        form.addRow(tr("Colour theme"), self.theme)
        form.addRow(tr("Interface language"), self.language)
        self.note = QLabel(tr("A new language reopens the window at once with every label in it, mirrored for "
                              "Arabic; the article, the selection and the undo history stay."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        s = self.settings
        index = self.family.findText(s.get("view/font_family"))
        self.family.setCurrentIndex(max(0, index))
        self.size.setValue(s.get("view/font_size"))
        self.spacing.setValue(s.get("view/line_spacing"))
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.get("view/theme"))))
        self.language.setCurrentIndex(max(0, self.language.findData(s.get("view/language"))))

    def values(self) -> dict:
        return {"view/font_family": self.family.currentText(), "view/font_size": self.size.value(),
                "view/line_spacing": self.spacing.value(), "view/theme": self.theme.currentData(),
                "view/language": self.language.currentData()}

    def apply(self) -> dict:
        changed = {k: v for k, v in self.values().items() if v != self.settings.get(k)}
        for key, value in changed.items():
            self.settings.set(key, value)
        if changed:
            self.applied.emit(changed)
        return changed

    def _ok(self) -> None:
        self.apply()
        self.accept()
