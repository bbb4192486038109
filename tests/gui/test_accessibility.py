"""Accessibility (issue 11 item 9): every action in a menu, every control named, no modal review dialog, an SVG icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit, QWidget,
)

from tadqiq.gui.actions import ACTIONS

CONTROLS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView, QTextEdit)


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls that take the keyboard focus and tell a screen reader nothing about themselves."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisibleTo(root):
            continue
        if isinstance(w.parent(), QAbstractSpinBox):  # a spin box's own line edit: the box is named
            continue
        name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not name.strip():
            out.append(f"{type(w).__name__} {w.objectName()!r} in {w.parent().objectName()!r}")
    return out


def test_every_action_is_in_a_menu(open_window):
    w = open_window()
    in_menus = {a.objectName() for m in w.menus.values() for a in m.actions()}
    assert {f"action_{spec.name}" for spec in ACTIONS} <= in_menus


def test_every_control_of_the_window_and_its_tool_windows_has_a_name(open_window, ui):
    w = open_window()
    assert unnamed_controls(w) == []
    w.show_concordance("هجوم")
    w.show_dashboard()
    w.show_preferences()
    for child in (w.concordance_window, w.dashboard_window):
        assert unnamed_controls(child) == [], child.objectName()
    from tadqiq.gui.preferences import PreferencesDialog

    prefs = w.findChild(PreferencesDialog)
    assert prefs is not None and unnamed_controls(prefs) == []


def test_the_pickers_on_the_review_path_are_not_modal(open_window, ui, qtbot):
    w = open_window()
    ui.key(w, Qt.Key.Key_T)
    assert w.type_picker.isVisible() and not w.type_picker.isModal()
    qtbot.keyClick(w.type_picker.edit, Qt.Key.Key_Escape)
    assert not w.type_picker.isVisible()
    ui.key(w, Qt.Key.Key_Tab)
    ui.key(w, Qt.Key.Key_V)
    assert w.value_editor.isVisible() and not w.value_editor.isModal()
    qtbot.keyClick(w.value_editor.edit, Qt.Key.Key_Escape)


def test_the_window_icon_is_an_svg_sharp_at_any_size(qapp):
    from tadqiq.gui.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 64, 512):
        image = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert image.width() == size  # drawn at the size asked, not scaled up from a bitmap
        if size >= 64:  # the blue frame, read where no edge blends it
            assert QColor(image.pixel(size // 2, size // 8)).name() == "#0a98c7"
