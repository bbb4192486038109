"""MainWindow: composes the panes, actions and settings; the behaviour lives elsewhere.

Three panes in a splitter: the article (ArticleView), the events (EventPanel) and a slot
for the review queue (built by another issue). Edits go view/panel -> controller ->
command -> document -> project; the window only wires signals and remembers its layout.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from tadqiq.db.project import Project
from tadqiq.gui.i18n import LANGUAGES, tr
from tadqiq.gui.i18n import install as install_language
from tadqiq.gui.preferences import PreferencesDialog, system_theme
from tadqiq.gui.actions import menu_title, retranslate, ACTIONS, BY_NAME, apply_shortcuts, build_actions, keys_text
from tadqiq.gui.article_view import ArticleView
from tadqiq.gui.commands import rebuild_undo_stack
from tadqiq.gui.controller import ReviewController
from tadqiq.gui.document import ReviewDocument
from tadqiq.gui.event_panel import EventPanel
from tadqiq.gui.queue_pane import QueuePane
from tadqiq.gui.auto_backup import AutoBackup
from tadqiq.gui.find_bar import FindBar
from tadqiq.gui.notes_panel import NotesPanel
from tadqiq.gui.network_notice import show_network_warning
from tadqiq.gui.outside_changes import OutsideChanges
from tadqiq.gui.project_menu import ProjectMenu
from tadqiq.gui.focus import FocusReturner
from tadqiq.gui.focus_ring import FocusRing
from tadqiq.gui.guide_panel import GuidePanel
from tadqiq.gui.help_overlay import HelpOverlay
from tadqiq.gui.settings import Settings
from tadqiq.gui.shortcuts_dialog import ShortcutsDialog
from tadqiq.gui.type_picker import TypePicker
from tadqiq.gui.value_editor import ValueEditor

if TYPE_CHECKING:  # the tool windows and dialogs are imported when first opened (start-up time)
    from tadqiq.gui.concordance import ConcordanceWindow
    from tadqiq.gui.dashboard import DashboardWindow

MIN_FONT, MAX_FONT = 9.0, 40.0
D = TypeVar("D", bound=QDialog)


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, "#2b2d31"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26282c"), (roles.Text, "#e6e6e6"), (roles.Button, "#33353a"),
        (roles.ButtonText, "#e6e6e6"), (roles.Highlight, "#3d7ede"), (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#33353a"), (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#8a8a8a"),
    ):
        p.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled  # greyed out, as in the light theme
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#7c7f85"))
    p.setColor(disabled, roles.Base, QColor("#2b2d31"))
    return p


def _follows_theme(dialog: D) -> D:
    """A dialog of the window takes the window's palette (dark theme), now and when it changes
    (Qt does not pass a palette on to a child that is a window by itself)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)
    return dialog


class MainWindow(QMainWindow):
    def __init__(self, project: Project, settings: Settings, reviewer: str | None = None,
                 article: int | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.settings = settings
        install_language(settings.get("view/language"))  # before any label is made
        self._setup_reviewer(reviewer)
        self._setup_document()
        self._setup_panes()
        self._setup_actions()
        self._setup_status()
        self._connect()
        self._restore_state()
        self._open_first(article)
        self._setup_backups()
        self.outside_changes = OutsideChanges(self)  # another process's change to the shown article
        self.network_label = show_network_warning(self)  # a project on NFS, SMB ...: said, not fixed

    # -- setup ---------------------------------------------------------------------------
    def _setup_reviewer(self, reviewer: str | None) -> None:
        """Reviewer name: the parameter, else the remembered one, else asked once."""
        name = (reviewer or self.settings.get("review/reviewer") or "").strip()
        while not name:
            name, ok = QInputDialog.getText(self, "Tadqiq", tr("Your name (recorded with every decision):"))
            name = name.strip()
            if not ok and not name:
                raise SystemExit("a reviewer name is needed")
        if name != self.settings.get("review/reviewer"):
            self.settings.set("review/reviewer", name)
        self.reviewer = name

    def _setup_document(self) -> None:
        self.doc = ReviewDocument(self.project, self.reviewer, self)
        rebuild_undo_stack(self.doc)

    def _setup_panes(self) -> None:
        self.article_view = ArticleView(self.project.schema)
        self.article_view.setObjectName("articleView")
        self.article_view.setAccessibleName(tr("Article text"))
        self.article_view.raw_selection = self.settings.get("review/raw_selection")
        self.event_panel = EventPanel(self.doc)
        self.event_panel.setObjectName("eventPanel")
        self.guide_panel = GuidePanel(self.doc, self.key_text)
        self.event_panel.add_section(self.guide_panel)
        self.guide_panel.hide()
        self.queue_pane = QueuePane(self.project, self.reviewer)
        self.queue_pane.setObjectName("queuePane")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.find_bar = FindBar(self.doc, self.article_view)
        self.notes_panel = NotesPanel(self.doc)
        self.event_panel.lower.layout().addWidget(self.notes_panel)
        reading = QWidget()
        reading.setObjectName("readingPane")
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.article_view, 1)
        self.concordance_window: ConcordanceWindow | None = None
        self.dashboard_window: DashboardWindow | None = None
        for pane in (reading, self.event_panel, self.queue_pane):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.type_picker = _follows_theme(TypePicker(self.project.schema, self))
        self.value_editor = _follows_theme(ValueEditor(self))
        self.help_overlay = HelpOverlay(self, self.settings)
        self.focus_returner = FocusReturner(self, self.article_view)  # dialogs give the keys back
        self.focus_ring = FocusRing(self)  # where the keys go, drawn (gui/focus_ring.py)

    def _setup_actions(self) -> None:
        self.controller = ReviewController(self.doc, self.article_view, self)
        self.controller.pick_type = self.type_picker.ask
        self.controller.ask_value = self.value_editor.ask
        self.actions_by_name = build_actions(self, self.controller, self.doc.undo_stack, self.settings)
        menus = {name: self.menuBar().addMenu(menu_title(name))
                 for name in ("File", "Edit", "Review", "Search", "View", "Help")}
        self.menus = menus
        for spec in ACTIONS:
            menus[spec.menu].addAction(self.actions_by_name[spec.name])
            self.addAction(self.actions_by_name[spec.name])
        self.guide_panel.set_key_hint(self.key_text("guide"))
        self.event_panel.set_key_hint(self.key_text("new_mention"), self.key_text("accept_all").split(" / ")[0])
        self.project_menu = ProjectMenu(self, menus["File"], before=self.actions_by_name["import_files"])

    def _setup_status(self) -> None:
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.statusBar().addPermanentWidget(self.progress_label)
        self.reviewer_label = QLabel(tr("Reviewer: {0}").format(self.reviewer))
        self.statusBar().addPermanentWidget(self.reviewer_label)
        self._started = time.monotonic()
        self._done_at_start = self._done = self.project.article_count("done")  # read again when a status changes
        self._total = self.project.article_count()  # only an import changes it (not from this window)

    def _setup_backups(self) -> None:
        """Rolling backups while reviewing (gui/auto_backup.py); none for a read-only project."""
        self.auto_backup: AutoBackup | None = None
        if self.project.read_only or self.settings.get("backup/minutes") <= 0:
            return
        self.auto_backup = AutoBackup(Path(str(self.project.path)), self.settings.get("backup/minutes"),
                                      self.settings.get("backup/keep"), self)
        self.auto_backup.done.connect(lambda text, _ok: self._show_message(text))
        self.doc.undo_stack.indexChanged.connect(self.auto_backup.note_change)
        self.auto_backup.start_on_open()  # one as the window opens, unless the newest is current

    def _connect(self) -> None:
        """Bound methods only: Qt drops those connections when the window is destroyed."""
        doc = self.doc
        self.article_view.show_document(doc)  # it redraws on the document's own signals
        doc.article_opened.connect(self._article_opened)
        self.event_panel.mention_activated.connect(doc.select)
        self.event_panel.argument_activated.connect(doc.select_argument)
        self.event_panel.value_edit_requested.connect(self._edit_value)
        self.controller.message.connect(self._show_message)
        doc.write_failed.connect(self._show_error)
        self.controller.help_requested.connect(self.help_overlay.toggle)
        self.controller.quit_requested.connect(self.close)
        self.controller.export_requested.connect(self.show_export)
        self.controller.retrain_requested.connect(self.show_retrain)
        self.controller.project_task_requested.connect(self.project_menu.run)
        self.controller.zoom_requested.connect(self.zoom)
        self.controller.theme_toggle_requested.connect(self.toggle_theme)
        self.controller.shortcuts_requested.connect(self.show_shortcuts)
        self.controller.guide_toggle_requested.connect(self.toggle_guide)
        doc.undo_stack.indexChanged.connect(self._update_title)
        doc.undo_stack.indexChanged.connect(self._update_progress)
        doc.article_status_changed.connect(self._status_changed)
        self.queue_pane.open_requested.connect(self._open_from_queue)
        self.queue_pane.model.modelReset.connect(self._queue_changed)
        self.controller.search_requested.connect(self.queue_pane.focus_search)
        self.controller.find_requested.connect(self.find_bar.open_bar)
        self.controller.dashboard_requested.connect(self.show_dashboard)
        self.controller.preferences_requested.connect(self.show_preferences)
        self.controller.note_requested.connect(lambda: self.notes_panel.begin(self.article_view))
        self.controller.concordance_requested.connect(self.show_concordance)
        self.actions_by_name["undo"].triggered.connect(self._undone)
        self.actions_by_name["redo"].triggered.connect(self._redone)

    def _restore_state(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self._sizes_restored = False  # splitter sizes need the final width: restored on first show
        self.article_view.set_line_spacing(self.settings.get("view/line_spacing"))
        self.article_view.set_font_size(self.settings.get("view/font_size"), self.settings.get("view/font_family"))
        self.set_theme(self.settings.get("view/theme"), save=False)
        self.set_guide_visible(self.settings.get("view/guide"), save=False)

    def _open_first(self, article: int | str | None) -> None:
        if article is None:
            article = self.doc.next_article_id(0)
            if article is None:
                summaries = self.project.article_list(0, 1)
                article = summaries[0].id if summaries else None
        if article is not None:
            self.doc.open_article(article)
        self._update_title()

    # -- reactions -----------------------------------------------------------------------
    def _article_opened(self, article_id: int) -> None:
        self._update_title()
        self._update_progress()
        self.queue_pane.show_article(article_id)

    def _undone(self, *_: object) -> None:
        """The status bar says what Ctrl+Z undid (the command now just above the stack's index)."""
        stack = self.doc.undo_stack
        if stack.index() < stack.count() and self.doc.last_write_ok:  # a refused undo said why
            self._show_message(tr("Undone: {0}").format(stack.command(stack.index()).text()))

    def _redone(self, *_: object) -> None:
        stack = self.doc.undo_stack
        if stack.index() > 0 and self.doc.last_write_ok:
            self._show_message(tr("Redone: {0}").format(stack.command(stack.index() - 1).text()))

    def _open_from_queue(self, article_id: int) -> None:
        self.doc.open_article(article_id)
        self.article_view.setFocus()  # the review keys act at once

    def _queue_changed(self) -> None:
        self.doc.queue_filter = self.queue_pane.current_filter()
        self.doc.queue_order = self.queue_pane.current_order()
        self.find_bar.set_queue_query(self.doc.queue_filter.text)  # the queue's search words stay marked

    def show_dashboard(self) -> None:
        """View → Dashboard…: plots of the work so far (read again each time it is shown)."""
        if self.dashboard_window is None:
            from tadqiq.gui.dashboard import DashboardWindow

            self.dashboard_window = _follows_theme(DashboardWindow(self.project, self))
        if self.dashboard_window.isVisible():
            self.dashboard_window.refresh()  # showing a hidden one reads it (its showEvent)
        else:
            self.dashboard_window.show()
        self.dashboard_window.raise_()

    def show_concordance(self, word: str = "") -> None:
        """Search → Concordance…: a tool window beside the review; a chosen line opens its article."""
        if self.concordance_window is None:
            from tadqiq.gui.concordance import ConcordanceWindow

            self.concordance_window = _follows_theme(ConcordanceWindow(self.project, self))
            self.concordance_window.open_requested.connect(self._open_occurrence)
        self.concordance_window.ask(word)

    def _open_occurrence(self, article_id: int, start: int, _end: int, word: str) -> None:
        if self.doc.article is None or self.doc.article.id != article_id:
            self.doc.open_article(article_id)
        self.find_bar.find(word, at=start)

    def reload_project(self, *_: object) -> None:
        """An import or an extractor run stored articles or proposals: show them (queue, counts,
        the open article's mentions, an undo stack read again from the history)."""
        self._total, self._done = self.project.article_count(), self.project.article_count("done")
        current = self.doc.article.id if self.doc.article is not None else None
        rebuild_undo_stack(self.doc)
        self._open_first(current)
        self.queue_pane.refresh(self.doc.article.id if self.doc.article is not None else None)
        self._update_progress()

    def _status_changed(self, article_id: int, _status: str) -> None:
        self._done = self.project.article_count("done")
        self.queue_pane.refresh(self.doc.article.id if self.doc.article else None)
        self._update_progress()

    def _update_progress(self, *_: object) -> None:
        """Status bar: decided mentions of this article, articles done, the rate since opening."""
        parts = []
        if self.doc.mentions:
            decided = sum(m.status != "proposed" for m in self.doc.mentions)
            parts.append(tr("{0}/{1} decided").format(decided, len(self.doc.mentions)))
        done, total = self._done, self._total
        parts.append(tr("{0}/{1} articles done").format(done, total))
        hours = (time.monotonic() - self._started) / 3600
        if done > self._done_at_start and hours > 0:
            parts.append(f"{(done - self._done_at_start) / hours:.0f}/h")
        self.progress_label.setText(" · ".join(parts))

    def _edit_value(self, index: int) -> None:
        self.doc.select_argument(index)
        self.controller.edit_value()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def show_export(self) -> None:
        """File → Export…: a dialog that exports on its own connection in a worker thread."""
        from tadqiq.gui.export_dialog import ExportDialog

        dialog = _follows_theme(ExportDialog(self.project, self))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_retrain(self) -> None:
        """Review → Retrain…: train in a worker thread, show the scores, keep the model or not."""
        from tadqiq.gui.retrain_dialog import RetrainDialog

        dialog = _follows_theme(RetrainDialog(self.project, self.reviewer, self))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.kept.connect(lambda v: self._show_message(tr("learned model v{0} kept: extract --engine learned or combined proposes with it").format(v)))
        dialog.open()

    def show_shortcuts(self) -> None:
        """Edit → Keyboard Shortcuts…: OK stores the keys and rebinds the live actions."""
        dialog = _follows_theme(ShortcutsDialog(self.settings, self))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.apply_shortcuts)
        dialog.open()

    def apply_shortcuts(self) -> None:
        """The keys from the settings onto the actions; the help overlay and guide read them too."""
        apply_shortcuts(self.actions_by_name, self.settings)
        self.guide_panel.set_key_hint(self.key_text("guide"))
        self.event_panel.set_key_hint(self.key_text("new_mention"), self.key_text("accept_all").split(" / ")[0])
        if self.guide_panel.isVisible():
            self.guide_panel.refresh()

    def key_text(self, action: str) -> str:
        """The keys bound to ``action`` now, as shown to the reviewer (``1``, ``Ctrl+Return / Ctrl+Enter``)."""
        return keys_text(BY_NAME[action], self.settings)

    def toggle_guide(self) -> None:
        self.set_guide_visible(self.guide_panel.isHidden())

    def set_guide_visible(self, visible: bool, save: bool = True) -> None:
        """Help → Guidelines for this type (F1): the panel under the arguments, remembered."""
        self.event_panel.show_section(self.guide_panel, visible)
        self.actions_by_name["guide"].setChecked(visible)
        if save:
            self.settings.set("view/guide", visible)

    def toggle_theme(self) -> None:
        now = self.settings.get("view/theme")
        self.set_theme("light" if (system_theme() if now == "system" else now) == "dark" else "dark")

    def set_language(self, lang: str) -> str:
        """Interface language now: translators, mirrored layout, menus and actions named again.
        Returns what the status bar said. The preferences then reopen the window (ProjectMenu.reopen)
        so that every other label is built in the new language too."""
        self.settings.set("view/language", lang)
        used = install_language(lang)
        for name, menu in self.menus.items():
            menu.setTitle(menu_title(name))
        retranslate(self.actions_by_name, self.settings)
        self.reviewer_label.setText(tr("Reviewer: {0}").format(self.reviewer))
        self._update_progress()
        text = tr("Interface language: {0}.").format(LANGUAGES[used])
        self._show_message(text)
        return text

    def show_preferences(self) -> None:
        """Edit → Preferences…: font, size, line spacing, theme, interface language."""
        dialog = _follows_theme(PreferencesDialog(self.settings, self))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply_preferences)
        dialog.open()

    def apply_preferences(self, changed: dict) -> None:
        if "view/font_size" in changed or "view/font_family" in changed:
            self.article_view.set_font_size(self.settings.get("view/font_size"), self.settings.get("view/font_family"))
        if "view/line_spacing" in changed:
            self.article_view.set_line_spacing(self.settings.get("view/line_spacing"))
        if "view/theme" in changed:
            self.set_theme(self.settings.get("view/theme"), save=False)
        if "view/language" in changed:
            self.set_language(self.settings.get("view/language"))
            QTimer.singleShot(0, self.project_menu.reopen)  # every label in the new language, no restart

    def _update_title(self, *_: object) -> None:
        parts = ["Tadqiq"]
        if self.doc.article is not None:
            parts.append(self.doc.article.ext_id)
        parts += [Path(str(self.project.path)).name + (" (read-only)" if self.project.read_only else ""), self.reviewer]
        self.setWindowTitle(" — ".join(parts))

    def zoom(self, step: float) -> None:
        size = max(MIN_FONT, min(MAX_FONT, self.settings.get("view/font_size") + step))
        self.settings.set("view/font_size", size)
        self.article_view.set_font_size(size)

    def set_theme(self, theme: str, save: bool = True) -> None:
        """light, dark, or system (the desktop's colour scheme, read now)."""
        if save:
            self.settings.set("view/theme", theme)
        shown = system_theme() if theme == "system" else theme
        self.setPalette(dark_palette() if shown == "dark" else QPalette())
        self.article_view.set_theme(shown)
        if self.guide_panel.isVisible():
            self.guide_panel.refresh()  # its muted colour follows the palette

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sizes_restored:
            self._sizes_restored = True
            sizes = self.settings.get("window/splitter")
            if len(sizes) == 3 and any(sizes):
                self.splitter.setSizes(sizes)
            if not self.guide_panel.isHidden():  # shown since the last session: share the final height
                self.event_panel.show_section(self.guide_panel, True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/splitter", self.splitter.sizes())
        self.doc.record_time()
        super().closeEvent(event)
