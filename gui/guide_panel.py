"""GuidePanel: the annotation guidelines for the selected mention's type, on demand (F1).

Shows the type's definition (English, and Arabic right to left) from the schema, each of
its roles with its number key (the key of the ``role_n`` action, as bound now) and its
definition for this type, then the conventions shared by every type, read from
``resources/guidelines/<schema>.json`` (not written here). It follows the document's
selection: another mention or a type change redraws it; while hidden it does nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from tadqiq.core.resources import resource_path
from tadqiq.core.schema import EventSchema
from tadqiq.gui.i18n import tr
from tadqiq.gui.document import ReviewDocument
from tadqiq.gui.fonts import DEFAULT_FAMILY, EMOJI_FAMILY, load_fonts


@dataclass(frozen=True)
class GuideItem:
    en: str
    ar: str = ""
    action: str = ""  # the action whose key the item mentions (e.g. cycle_polarity)


@dataclass(frozen=True)
class GuideSection:
    title_en: str
    title_ar: str
    items: tuple[GuideItem, ...]


@dataclass(frozen=True)
class Guidelines:
    title_en: str = "For every type"
    title_ar: str = ""
    sections: tuple[GuideSection, ...] = ()


def load_guidelines(schema_name: str) -> Guidelines:
    """The shared conventions for ``schema_name`` (resources/guidelines/NAME.json); empty if none."""
    path = resource_path("guidelines", f"{schema_name}.json")
    if not path.is_file():
        return Guidelines()
    data = json.loads(path.read_text(encoding="utf-8"))
    sections = tuple(
        GuideSection(s["title"]["en"], s["title"].get("ar", ""),
                     tuple(GuideItem(i["en"], i.get("ar", ""), i.get("action", "")) for i in s["items"]))
        for s in data.get("sections", [])
    )
    title = data.get("title", {})
    return Guidelines(title.get("en", "For every type"), title.get("ar", ""), sections)


_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+"
                         r"(?:\s+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*")
LRM = "\u200e"


def isolate_arabic(text: str) -> str:
    """Put an LRM (invisible) on each side of every Arabic phrase of an English sentence, so the
    brackets, arrows and commas around it stay where the English puts them (``ويقتل → يقتل``,
    ``(عدة: 2–9)``) and a list of Arabic words keeps the English order. (Qt's rich text lays
    out the isolates RLI…PDI as embeddings: the neutrals around them would still turn.)"""
    return _ARABIC_RUN.sub(lambda m: f"{LRM}{m.group(0)}{LRM}", text)


def english_html(text: str) -> str:
    """An English line as HTML: its Arabic phrases kept in place and a little larger."""
    return _ARABIC_RUN.sub(lambda m: f"{LRM}<span style='{AR}'>{m.group(0)}</span>{LRM}", escape(text))


#: Arabic glyphs look smaller than Latin ones at the same size: a little larger
AR = "font-size:large"


def _rtl(text: str, style: str = "") -> str:
    return f"<p dir='rtl' align='right' style='margin:0 0 4px 0;{AR};{style}'>{escape(text)}</p>"


def type_html(schema: EventSchema, type_name: str | None, key_of: Callable[[str], str]) -> str:
    """Definition and roles of ``type_name`` (keys from ``key_of(action name)``)."""
    if type_name is None:
        return "<p><i>Select a mention to see the guidelines for its type.</i></p>"
    t = schema.types.get(type_name)
    if t is None:
        return f"<h3>{escape(type_name)}</h3><p><i>This type is not in the schema {escape(schema.name)}.</i></p>"
    rows = []
    for n, role in enumerate(t.roles, 1):
        rdef = schema.roles.get(role)
        color = rdef.color if rdef else "#888888"
        en = t.role_definition(role, "en") or (rdef.en if rdef else "")
        ar = t.role_definition(role, "ar") or (rdef.ar if rdef else "")
        key = key_of(f"role_{n}") if n <= 9 else ""
        rows.append(
            f"<tr><td align='center' valign='middle'><b>{escape(key or '—')}</b></td>"
            f"<td valign='middle'><span style='color:{color}'>■</span>&nbsp;<b>{escape(role)}</b></td>"
            f"<td valign='middle'>{english_html(en)}</td>"
            f"<td dir='rtl' align='right' valign='middle' style='{AR}'>{escape(ar)}</td></tr>"
        )
    return (
        f"<h3 style='margin:0 0 4px 0'><span style='color:{t.color}'>■</span> {escape(t.name)}</h3>"
        f"<p style='margin:0 0 2px 0'>{english_html(t.en)}</p>{_rtl(t.ar)}"
        "<table width='99%' cellspacing='0' cellpadding='2' style='margin-top:4px'>"
        "<tr><th>key</th><th align='left'>role</th><th align='left'>for this type</th>"
        f"<th align='right'>التعريف</th></tr>{''.join(rows)}</table>"
    )


def shared_html(guide: Guidelines, key_of: Callable[[str], str], muted: str) -> str:
    """The conventions that apply to all types, each in English then Arabic."""
    if not guide.sections:
        return ""
    parts = [f"<hr><h4 style='margin:4px 0'>{escape(guide.title_en)}"
             f"{' — ' + escape(guide.title_ar) if guide.title_ar else ''}</h4>"]
    for section in guide.sections:
        title = escape(section.title_en) + (f" — {escape(section.title_ar)}" if section.title_ar else "")
        parts.append(f"<p style='margin:6px 0 2px 0'><b>{title}</b></p>")
        for item in section.items:
            key = key_of(item.action) if item.action else ""
            suffix = f" <span style='color:{muted}'>[{escape(key)}]</span>" if key else ""
            parts.append(f"<p style='margin:0 0 1px 10px'>• {english_html(item.en)}{suffix}</p>")
            if item.ar:
                parts.append(_rtl(item.ar, f"color:{muted}; margin-right:10px"))
    return "".join(parts)


class GuidePanel(QWidget):
    """A read-only browser of the guidelines for the selected mention's type."""

    def __init__(self, doc: ReviewDocument, key_of: Callable[[str], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.doc = doc
        self.key_of: Callable[[str], str] = key_of or (lambda _name: "")
        self.guidelines = load_guidelines(doc.schema.name)
        self.heading = QLabel(tr("Guidelines <small>(F1 hides)</small>"))
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the window's actions
        fonts = load_fonts()
        families = [self.font().family(), *(f for f in (DEFAULT_FAMILY, EMOJI_FAMILY) if f in fonts)]
        font = self.browser.font()
        font.setFamilies(families)  # Latin in the UI font, Arabic in the bundled one
        self.browser.document().setDefaultFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser)
        self.shown_type: str | None = None
        self._rendered: tuple | None = None
        doc.selection_changed.connect(self._follow)
        doc.mention_changed.connect(self._follow)
        doc.mentions_reset.connect(self._follow)

    def set_key_hint(self, text: str) -> None:
        self.heading.setText(f"Guidelines <small>({escape(text)} hides)</small>" if text else "Guidelines")

    def _follow(self, *_: object) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Redraw for the selected mention's type (nothing to do if the type and keys are unchanged)."""
        m = self.doc.selected
        self.shown_type = m.type if m is not None else None
        t = self.doc.schema.types.get(self.shown_type or "")
        names = [f"role_{n}" for n in range(1, len(t.roles) + 1)] if t else []
        names += [i.action for s in self.guidelines.sections for i in s.items if i.action]
        state = (self.shown_type, tuple(self.key_of(n) for n in names), self.palette().text().color().name())
        if state == self._rendered and not force:
            return
        self._rendered = state
        muted = self.palette().placeholderText().color().name()
        self.browser.setHtml(type_html(self.doc.schema, self.shown_type, self.key_of)
                             + shared_html(self.guidelines, self.key_of, muted))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
