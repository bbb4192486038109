"""Add the interface's source strings to resources/translations/tadqiq_LANG.ts (Qt Linguist).

    .venv/bin/python scripts/update_translations.py [--check]

Strings are every ``tr("...")`` literal under gui/, the actions' names and descriptions
(gui/actions.py), the menu titles and the labels kept as data (table headers, queue statuses
and orders, theme names). Translations already in the file are kept; new strings are added
as unfinished, strings no longer used are dropped. ``--check`` changes nothing and exits 1
when a string has no translation (tests/gui/test_i18n.py runs the same check).
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LANGS = ("ar",)
CONTEXT = "Tadqiq"


def _literal_first_args(tree: ast.AST, names: set[str]) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            a = node.args[0]
            if name in names and isinstance(a, ast.Constant) and isinstance(a.value, str):
                out.append(a.value)
    return out


def _action_strings(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ActionSpec":
            for i in (1, 4):
                if len(node.args) > i and isinstance(node.args[i], ast.Constant):
                    out.append(node.args[i].value)
    return out


def data_strings() -> list[str]:
    """Labels kept as data in tables and dicts, looked up with tr() where they are shown."""
    sys.path.insert(0, str(REPO))
    from tadqiq.core.queue import ORDERS, STATUS_LABELS
    from tadqiq.gui.models import ArgumentTableModel, AttributeTableModel, MentionTableModel
    from tadqiq.gui.preferences import THEME_NAMES
    from tadqiq.gui.queue_model import COLUMNS

    return [*("File", "Edit", "Review", "Search", "View", "Help"),
            *MentionTableModel.COLUMNS, *ArgumentTableModel.COLUMNS, *AttributeTableModel.COLUMNS,
            *(c[0] for c in COLUMNS), *STATUS_LABELS.values(), *ORDERS.values(), *THEME_NAMES.values(),
            "Status", "Event type", "Origin", "Source", "Order", "Type", "(any)",
            # mention statuses and the attributes' names and values (schema words, shown translated)
            "proposed", "confirmed", "corrected", "rejected", "added", "rule", "link",
            "polarity", "modality", "genericity", "positive", "negative", "asserted", "reported", "hypothetical",
            "specific", "generic",
            # the queue pane's range filters (named by their object names)
            "Lowest confidence from", "to", "from YYYY-MM-DD", "to YYYY-MM-DD"]


def source_strings() -> list[str]:
    found: list[str] = []
    for path in sorted((REPO / "gui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += _literal_first_args(tree, {"tr"})
        if path.name == "actions.py":
            found += _action_strings(tree)
    found += data_strings()
    return [s for s in dict.fromkeys(found) if s.strip()]


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        source, translation = msg.findtext("source"), msg.find("translation")
        if source is not None and translation is not None and translation.text and translation.get("type") != "unfinished":
            out[source] = translation.text
    return out


def write_ts(path: Path, lang: str, strings: list[str], known: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language=lang)
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for s in strings:
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = s
        t = ET.SubElement(msg, "translation")
        if s in known:
            t.text = known[s]
        else:
            t.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def missing(lang: str) -> list[str]:
    known = read_ts(REPO / "resources" / "translations" / f"tadqiq_{lang}.ts")
    return [s for s in source_strings() if s not in known]


def main(argv: list[str]) -> int:
    strings = source_strings()
    status = 0
    for lang in LANGS:
        path = REPO / "resources" / "translations" / f"tadqiq_{lang}.ts"
        known = read_ts(path)
        todo = [s for s in strings if s not in known]
        if "--check" in argv:
            if todo:
                print(f"{path}: {len(todo)} strings without a translation, e.g. {todo[:3]}")
                status = 1
            continue
        write_ts(path, lang, strings, known)
        print(f"{path}: {len(strings)} strings, {len(todo)} to translate")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
