"""Every action of the workstation, declared once as a table, built into QActions.

A row names the action, its menu text, its default keys (the user may rebind them in the
settings, ``keys/<name>``), the controller method it calls and what it does (shown in the
``?`` help overlay and in docs/gui.md). Undo and redo come from the QUndoStack
(``createUndoAction``/``createRedoAction``) but take their keys from this table too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from tadqiq.gui.i18n import tr
from tadqiq.gui.settings import Settings


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    keys: tuple[str, ...]
    handler: str  # controller method name; "" for undo/redo (built from the stack)
    doc: str
    menu: str = "Review"
    args: tuple[Any, ...] = ()
    checkable: bool = False  # a menu entry with a check mark (the guidelines panel)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("next_mention", "Next mention", ("J", "Down"), "next_mention", "select the next mention (text order)"),
    ActionSpec("prev_mention", "Previous mention", ("K", "Up"), "prev_mention", "select the previous mention"),
    ActionSpec("accept", "Accept", ("A",), "accept", "accept the selected mention as it is"),
    ActionSpec("reject", "Reject", ("X",), "reject", "reject the selected mention"),
    *(
        ActionSpec(f"role_{n}", "Selection → role {n}", (str(n),), "assign_role",
                   "give the text selection role {n} of the mention's type (re-spans the selected argument if it has"
                   " that role)", args=(n,))
        for n in range(1, 10)
    ),
    ActionSpec("pick_role", "Change role…", ("R",), "pick_role",
               "give the selected argument another role: R, then the role's number (Escape cancels)"),
    ActionSpec("cancel", "Cancel role or link", ("Escape",), "cancel_pending",
               "forget a role change (R) or a link (L) that waits for its second key"),
    ActionSpec("change_type", "Change type…", ("T",), "change_type", "change the event type (type-ahead picker)"),
    ActionSpec("new_mention", "New mention from selection…", ("N",), "new_mention",
               "new mention with the selected text as trigger (pick its type)"),
    ActionSpec("edit_value", "Edit value…", ("V",), "edit_value",
               "normalised value of the selected argument: count, date, place (gazetteer), actor"),
    ActionSpec("remove_argument", "Remove argument", ("Delete",), "remove_argument", "remove the selected argument"),
    ActionSpec("cycle_polarity", "Cycle polarity", ("P",), "cycle_attribute", "positive ↔ negative",
               args=("polarity",)),
    ActionSpec("cycle_modality", "Cycle modality", ("M",), "cycle_attribute", "asserted → reported → hypothetical",
               args=("modality",)),
    ActionSpec("cycle_genericity", "Cycle genericity", ("G",), "cycle_attribute", "specific ↔ generic",
               args=("genericity",)),
    ActionSpec("link", "Link as same event", ("L",), "link",
               "press on one mention, then on another: both are the same real-world event"),
    ActionSpec("unlink", "Unlink", ("U",), "unlink", "remove the selected mention from its event link"),
    ActionSpec("accept_all", "Accept all, done, next article", ("Ctrl+Return", "Ctrl+Enter"), "accept_all_and_next",
               "accept every remaining proposal, mark the article done, open the next one"),
    ActionSpec("next_undecided", "Next undecided mention", ("Shift+J",), "next_undecided",
               "select the next proposal still to decide"),
    ActionSpec("next_article", "Next article", ("Ctrl+PgDown", "Alt+Right"), "next_article",
               "open the next open article of the queue (its filter and order)"),
    ActionSpec("prev_article", "Previous article", ("Ctrl+PgUp", "Alt+Left"), "prev_article",
               "open the previous open article of the queue"),
    ActionSpec("skip_article", "Skip article", ("S",), "skip_article",
               "put this article aside (status 'skipped') and open the next one"),
    ActionSpec("flag_article", "Flag article", ("F",), "flag_article",
               "flag this article for a lead (guideline unclear); shown as flagged in the queue"),
    ActionSpec("note", "Add a note…", ("C",), "note",
               "type a note on the selected mention (or the article); tick 'flag for a lead' to flag it"),
    ActionSpec("search", "Search articles…", ("/",), "search",
               "type a word: the queue shows the articles holding it (and marks it in the article)", menu="Search"),
    ActionSpec("find", "Find in this article…", ("Ctrl+F",), "find",
               "mark a word in the open article; Enter / Shift+Enter step through the matches", menu="Search"),
    ActionSpec("concordance", "Concordance…", ("Ctrl+Shift+F",), "concordance",
               "every occurrence of a word (the selected text, else the trigger) across the project, in context",
               menu="Search"),
    ActionSpec("next_argument", "Next argument", ("Tab",), "next_argument", "select the next argument of the mention"),
    ActionSpec("undo", "Undo", ("Ctrl+Z",), "", "undo the last decision (also after a restart)", menu="Edit"),
    ActionSpec("redo", "Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "", "redo", menu="Edit"),
    ActionSpec("preferences", "Preferences…", ("Ctrl+,",), "preferences",
               "text font, size and line spacing, colour theme, interface language (English / Arabic)", menu="Edit"),
    ActionSpec("edit_shortcuts", "Keyboard Shortcuts…", (), "edit_shortcuts",
               "change these keys (a table of every action; reset to the defaults)", menu="Edit"),
    ActionSpec("bigger_font", "Larger text", ("Ctrl++", "Ctrl+="), "zoom", "larger article text", menu="View",
               args=(1.0,)),
    ActionSpec("smaller_font", "Smaller text", ("Ctrl+-",), "zoom", "smaller article text", menu="View", args=(-1.0,)),
    ActionSpec("toggle_theme", "Dark/light theme", ("Ctrl+Shift+D",), "toggle_theme", "switch light and dark",
               menu="View"),
    ActionSpec("dashboard", "Dashboard…", ("Ctrl+Shift+B",), "dashboard",
               "plots of the work: decisions per day and per reviewer, gold per type, proposals kept per engine",
               menu="View"),
    ActionSpec("help", "Keys…", ("?",), "show_help", "show this list of keys", menu="Help"),
    ActionSpec("guide", "Guidelines for this type", ("F1",), "toggle_guide",
               "show or hide the annotation guidelines for the selected mention's type (definition, roles, spans)",
               menu="Help", checkable=True),
    ActionSpec("run_extractor", "Run extractor…", ("Ctrl+Shift+X",), "project_task",
               "propose events over the articles with the rules, learned or combined engine; Cancel stops between "
               "articles", args=("extract",)),
    ActionSpec("retrain", "Retrain…", ("Ctrl+Shift+R",), "retrain",
               "train the learned engine on this project's gold; its cross-validated scores are shown before it is kept"),
    ActionSpec("new_project", "New project…", ("Ctrl+N",), "project_task",
               "create an empty project file and open it in place of this one", menu="File", args=("new",)),
    ActionSpec("open_project", "Open project…", ("Ctrl+O",), "project_task",
               "open another project file in place of this one (Open Recent lists the last ones)", menu="File",
               args=("open",)),
    ActionSpec("import_files", "Import…", ("Ctrl+I",), "project_task",
               "import files or a folder (articles, pre-annotations, gold labels) with progress; Cancel stores nothing",
               menu="File", args=("import",)),
    ActionSpec("export", "Export…", ("Ctrl+E",), "export",
               "export the labels (JSONL, OneIE, DyGIE++, brat, CoNLL, ACLED CSV) with a manifest", menu="File"),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), "quit", "close the window (everything is already saved)", menu="File"),
)
BY_NAME = {spec.name: spec for spec in ACTIONS}


def spec_text(spec: ActionSpec) -> str:
    """The action's name in the interface language (``{n}`` filled for the role keys)."""
    return tr(spec.text).format(n=spec.args[0]) if "{n}" in spec.text else tr(spec.text)


def spec_doc(spec: ActionSpec) -> str:
    return tr(spec.doc).format(n=spec.args[0]) if "{n}" in spec.doc else tr(spec.doc)


def menu_title(name: str) -> str:
    """A menu's title in the interface language (the menus are named in the specs: File, Edit ...)."""
    return tr(name)


def key_sequences(spec: ActionSpec, settings: Settings | None) -> list[QKeySequence]:
    """The spec's keys, or the user's binding from the settings (``;``-separated)."""
    keys = "; ".join(spec.keys)
    if settings is not None:
        keys = settings.shortcut(spec.name, keys)
    return [QKeySequence(k.strip()) for k in keys.split(";") if k.strip()]


def build_actions(parent: QObject, controller: object, undo_stack, settings: Settings | None = None,
                  ) -> dict[str, QAction]:
    """QActions for every row, connected to ``controller``'s methods; undo/redo from the stack."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.name == "undo":
            action = undo_stack.createUndoAction(parent, tr("Undo"))
        elif spec.name == "redo":
            action = undo_stack.createRedoAction(parent, tr("Redo"))
        else:
            action = QAction(spec_text(spec), parent)
            method: Callable[..., Any] = getattr(controller, spec.handler)
            action.triggered.connect(_bind(method, spec.args))
        action.setObjectName(f"action_{spec.name}")
        action.setCheckable(spec.checkable)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        actions[spec.name] = action
    apply_shortcuts(actions, settings)
    return actions


def keys_text(spec: ActionSpec, settings: Settings | None, sep: str = " / ") -> str:
    """The keys bound to ``spec`` as the reviewer reads them (``A``, ``Ctrl+Return / Ctrl+Enter``)."""
    return sep.join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec, settings))


def apply_shortcuts(actions: dict[str, QAction], settings: Settings | None) -> None:
    """(Re)bind every action to its keys from the settings (defaults where none), tooltips too."""
    for spec in ACTIONS:
        action = actions[spec.name]
        action.setShortcuts(key_sequences(spec, settings))
        keys = keys_text(spec, settings, ", ")
        text, doc = spec_text(spec), spec_doc(spec)
        action.setToolTip(f"{text} ({keys}): {doc}" if keys else f"{text}: {doc}")


def retranslate(actions: dict[str, QAction], settings: Settings | None) -> None:
    """Name every action again in the interface language just installed (undo/redo keep Qt's
    own prefix + command text)."""
    for spec in ACTIONS:
        if spec.name not in ("undo", "redo"):
            actions[spec.name].setText(spec_text(spec))
    apply_shortcuts(actions, settings)


def _bind(method: Callable[..., Any], args: tuple[Any, ...]) -> Callable[..., None]:
    def run(_checked: bool = False) -> None:
        method(*args)

    return run


def help_rows(settings: Settings | None = None) -> list[tuple[str, str, str]]:
    """(keys, action, what it does) for the help overlay and docs; the nine role keys as one row."""
    rows = []
    roles: list[str] = []
    for spec in ACTIONS:
        keys = keys_text(spec, settings) or "—"
        if spec.name.startswith("role_"):
            roles.append(keys)
            if spec.name != "role_9":
                continue
            rows.append((" ".join(roles), tr("Selection → role n"),
                         tr("give the text selection the n-th role of the mention's type (see the roles line)")))
            continue
        rows.append((keys, spec_text(spec), spec_doc(spec)))
    return rows
