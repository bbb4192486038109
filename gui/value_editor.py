"""ValueEditor: the normalised value of an argument (count, date, place, actor), with type-ahead.

The reviewer types as they would say it (سبعة, عدد من, 2018-11-03, اليوم السبت, دير الزور,
Deir ez-Zor, داعش); the parsers of core/values and the gazetteer and actor dictionary of
extract/ turn it into the value object, shown before it is stored. Places and actors
complete from their lists as you type.
"""

from __future__ import annotations

import csv
import html
import re
from functools import lru_cache
from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from tadqiq.gui.focus import claims_own_keys
from tadqiq.gui.i18n import tr
from tadqiq.core.resources import resource_path
from tadqiq.core.values.counts import parse_count
from tadqiq.core.values.describe import describe_value
from tadqiq.core.values.dates import parse_date
from tadqiq.core.values.kinds import KINDS, expected_kind
from tadqiq.extract.gazetteer import EXTRA, TABLE, load_gazetteer

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def default_kind(role: str, value: Any = None) -> str:
    if isinstance(value, dict) and value.get("kind") in KINDS:
        return value["kind"]
    return expected_kind(role)


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Every Arabic and English place name of the gazetteer tables, for completion."""
    names: set[str] = set()
    for table in (TABLE, EXTRA):
        path = resource_path("lexicons", table)
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
                if len(row) >= 7:
                    names.add(row[1])
                    names.update(n for n in row[6].split("|") if n)
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def actors() -> dict[str, str]:
    """Alias -> canonical actor name, from resources/lexicons/actors-ar.txt."""
    out: dict[str, str] = {}
    path = resource_path("lexicons", "actors-ar.txt")
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                names = [n.strip() for n in line.split("|") if n.strip()]
                for n in names:
                    out.setdefault(n, names[0])
    return out


def make_value(kind: str, typed: str, published: str | None = None) -> dict[str, Any] | None:
    """The value object for what was typed, or None when it cannot be understood (or kind none)."""
    typed = typed.strip()
    if kind == "none" or not typed:
        return None
    if kind == "count":
        if typed.isdigit():
            return {"kind": "count", "value": int(typed)}
        return parse_count(typed)
    if kind == "date":
        if _ISO.match(typed):
            precision = {4: "year", 7: "month", 10: "day"}[len(typed)]
            return {"kind": "date", "raw": typed, "value": typed, "precision": precision}
        return parse_date(typed, published)
    if kind == "place":
        place = load_gazetteer().lookup(typed)
        if place is None:  # an English name: find it through the Arabic names of the same row
            ar = next((n for n in place_names() if n.lower() == typed.lower()), None)
            place = load_gazetteer().lookup(ar) if ar else None
        return place.value() if place else None
    if kind == "actor":
        canonical = actors().get(typed)
        return {"kind": "actor", "name": canonical or typed, "known": canonical is not None}
    return None


class ValueEditor(QDialog):
    """Non-blocking: ``ask(...)`` shows it; Enter stores through the callback."""

    value_chosen = Signal(object)

    def event(self, e: QEvent) -> bool:
        return claims_own_keys(e) or super().event(e)  # Escape and Enter are this widget's own

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Argument value"))
        self.span_label = QLabel()
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.edit = QLineEdit()
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("Text"), self.span_label)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Value"), self.edit)
        form.addRow("", self.preview)
        self.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 40)  # a place name and its country
        self.published: str | None = None
        self._callback: Callable[[dict[str, Any] | None], None] | None = None
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.edit.textChanged.connect(self._update_preview)
        self.edit.returnPressed.connect(self._choose)

    def ask(self, role: str, span_text: str, value: Any, published: str | None,
            callback: Callable[[dict[str, Any] | None], None]) -> None:
        self._callback = callback
        self.published = published
        self.span_label.setText(f"{role}: «{span_text}»")
        self.kind.setCurrentText(default_kind(role, value))
        self._kind_changed(self.kind.currentText())
        self.edit.setText(span_text)  # the span itself is usually the best start
        self.edit.selectAll()
        # not modal: the article stays readable and clickable beside it (no modal dialog on the review path)
        self.setModal(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    def _kind_changed(self, kind: str) -> None:
        words = place_names() if kind == "place" else tuple(actors()) if kind == "actor" else ()
        completer = QCompleter(list(words), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer if words else None)
        self._update_preview()

    def current_value(self) -> dict[str, Any] | None:
        return make_value(self.kind.currentText(), self.edit.text(), self.published)

    def _update_preview(self, *_: Any) -> None:
        value = self.current_value()
        if self.kind.currentText() == "none":
            self.preview.setText(tr("<i>no value</i>"))
        elif value is None:
            self.preview.setText(tr("<span style='color:#b00020'>not understood</span>"))
        else:
            self.preview.setText(html.escape(describe_value(value)))

    def _choose(self) -> None:
        popup = self.edit.completer().popup() if self.edit.completer() else None
        if popup is not None and popup.isVisible():
            return  # Enter picked a completion; a second Enter stores
        value = self.current_value()
        if value is None and self.kind.currentText() != "none":
            return
        callback, self._callback = self._callback, None
        self.accept()
        self.value_chosen.emit(value)
        if callback is not None:
            callback(value)
