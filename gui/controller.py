"""ReviewController: turns the reviewer's intents (keys, clicks) into undoable commands.

Widgets say what the user wants; this object decides which command that is, using the
document for state and the article view only to read the current text selection. It holds
no window: messages go out through ``message``, the type picker is asked via ``pick_type``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from tadqiq.gui.i18n import tr
from tadqiq.gui.article_view import ArticleView
from tadqiq.gui.commands import (
    AcceptAllCommand, AcceptMentionCommand, ChangeTypeCommand, CycleAttributeCommand, LinkMentionsCommand,
    NewMentionCommand, RejectMentionCommand, RemoveArgumentCommand, SetArgumentCommand, SetRoleCommand,
    SetValueCommand, UnlinkMentionCommand,
)
from tadqiq.gui.document import ReviewDocument


class ReviewController(QObject):
    message = Signal(str)  # a short status line for the reviewer
    help_requested = Signal()
    quit_requested = Signal()
    export_requested = Signal()
    retrain_requested = Signal()
    zoom_requested = Signal(float)
    theme_toggle_requested = Signal()
    shortcuts_requested = Signal()
    guide_toggle_requested = Signal()
    search_requested = Signal()
    find_requested = Signal()
    note_requested = Signal()
    dashboard_requested = Signal()
    preferences_requested = Signal()
    concordance_requested = Signal(str)  # the word to start with
    all_done = Signal()  # no article left to review
    project_task_requested = Signal(str)  # "new", "open", "import", "extract" (gui/project_menu.py)

    def __init__(self, doc: ReviewDocument, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.view = view
        self.link_anchor: int | None = None
        self.role_pending: tuple[int, int] | None = None  # (mention id, argument index) after R
        #: asks for an event type (prompt, callback, the current type or None), then calls back with
        #: it; set by the window (a type picker)
        self.pick_type: Callable[..., None] | None = None
        #: asks for an argument value: (role, span text, value, published, callback); set by the window
        self.ask_value: Callable[..., None] | None = None
        view.mention_clicked.connect(doc.select)
        view.argument_clicked.connect(doc.select)
        doc.mentions_reloaded.connect(self._forget_changed)

    def _forget_changed(self, reload) -> None:
        """The article was read again (changed elsewhere): a half-done R or L on a mention that
        changed no longer means what the reviewer saw."""
        if self.role_pending is not None and self.role_pending[0] in reload.ids:
            self.role_pending = None
        if self.link_anchor in reload.ids:
            self.link_anchor = None

    def _push(self, command, note: str = "") -> bool:
        """Do ``command`` (one transaction, one undo step); False when nothing was stored."""
        text = command.text()
        if command.is_noop:
            self.message.emit(tr("Already so: {0}").format(text))
            return False
        self.doc.undo_stack.push(command)  # a failed write makes the stack drop the command
        if command.error is not None:
            return False  # the document said why (write_failed)
        self.message.emit(tr("Saved: {0}{1}").format(text, note))
        return True

    def _selected(self):
        m = self.doc.selected
        if m is None:
            self.message.emit(tr("No mention selected"))
        return m

    # -- navigation ----------------------------------------------------------------------
    def next_mention(self) -> None:
        self.doc.step(+1)

    def prev_mention(self) -> None:
        self.doc.step(-1)

    def next_undecided(self) -> None:
        """Select the next proposal still to decide in this article (wrapping)."""
        nxt = self.doc.next_undecided(self.doc.selected_id)
        if nxt is None:
            self.message.emit(tr("Nothing left to decide in this article"))
        else:
            self.doc.select(nxt)

    def next_article(self) -> None:
        self._go(backwards=False)

    def prev_article(self) -> None:
        self._go(backwards=True)

    def _go(self, backwards: bool) -> None:
        nxt = self.doc.next_article_id(backwards=backwards)
        if nxt is None:
            self.message.emit(tr("No other open article in this queue"))
            return
        self.doc.open_article(nxt)

    def skip_article(self) -> None:
        """Put the article aside (it leaves the open queue until decided) and open the next one."""
        article = self.doc.article
        if article is None:
            return
        nxt = self.doc.next_article_id()
        self.doc.skip_article(article.id)
        self.message.emit(tr("Skipped {0}: it comes back with the status filter 'skipped'").format(article.ext_id))
        if nxt is not None:
            self.doc.open_article(nxt)

    def flag_article(self) -> None:
        """Flag the article for a lead ("guideline unclear"): it shows as flagged in the queue."""
        article = self.doc.article
        if article is None:
            return
        m = self.doc.selected
        text = f"flagged at «{m.trigger.text}»" if m is not None else "flagged"
        self.doc.flag_article(article.id, text, m.id if m is not None else None)
        self.message.emit(tr("Flagged {0} ({1})").format(article.ext_id, text))

    def search(self) -> None:
        self.search_requested.emit()

    def find(self) -> None:
        self.find_requested.emit()

    def preferences(self) -> None:
        self.preferences_requested.emit()

    def dashboard(self) -> None:
        self.dashboard_requested.emit()

    def note(self) -> None:
        if self.doc.article is not None:
            self.note_requested.emit()

    def concordance(self) -> None:
        """The selected text, else the selected mention's trigger, is the word to look up."""
        span = self.view.selected_span()
        if span is not None and self.doc.article is not None:
            word = self.doc.article.text[span[0]:span[1]]
        else:
            m = self.doc.selected
            word = m.trigger.text if m is not None else ""
        self.concordance_requested.emit(word)

    def next_argument(self) -> None:
        m = self.doc.selected
        if m is not None and m.arguments:
            self.doc.select_argument((self.doc.selected_argument + 1) % len(m.arguments))

    # -- decisions -----------------------------------------------------------------------
    def accept(self) -> None:
        m = self._selected()
        if m is not None and self._push(AcceptMentionCommand(self.doc, m)):
            self.doc.step(+1)

    def reject(self) -> None:
        m = self._selected()
        if m is not None and self._push(RejectMentionCommand(self.doc, m)):
            self.doc.step(+1)

    def pick_role(self) -> None:
        """R: the next number key gives the selected argument that role (its span stays)."""
        m = self._selected()
        if m is None:
            return
        index = self.doc.selected_argument
        if not 0 <= index < len(m.arguments):
            self.message.emit(tr("Select an argument first (click it, or Tab)"))
            return
        self.role_pending = (m.id, index)
        roles = self.doc.schema.types[m.type].roles
        listed = "  ".join(f"{i} {r}" for i, r in enumerate(roles, 1))
        self.message.emit(tr("Role of «{0}» ({1}): {2}  — press its number, Escape cancels").format(m.arguments[index].span.text, m.arguments[index].role, listed))

    def cancel_pending(self) -> bool:
        """Escape: forget a half-done R or L; True when there was one."""
        had = self.role_pending is not None or self.link_anchor is not None
        self.role_pending, self.link_anchor = None, None
        if had:
            self.message.emit(tr("Cancelled"))
        return had

    def _relabel(self, m, index: int, role: str) -> None:
        if m.arguments[index].role == role:
            self.message.emit(tr("«{0}» is already {1}").format(m.arguments[index].span.text, role))
            return
        if any(a.role == role and a.span == m.arguments[index].span for a in m.arguments):
            self.message.emit(tr("«{0}» is already {1} too: nothing changed").format(m.arguments[index].span.text, role))
            return
        if self._push(SetRoleCommand(self.doc, m, index, role)):
            self.doc.select_argument(index)

    def assign_role(self, n: int) -> None:
        """Selection → the n-th role of the type (re-spans the selected argument if it has that role);
        after R, the selected argument takes the n-th role on its own span."""
        m = self._selected()
        pending, self.role_pending = self.role_pending, None
        if m is None:
            return
        roles = self.doc.schema.types[m.type].roles
        if not 1 <= n <= len(roles):
            self.message.emit(tr("{0} has {1} roles; no role {2}").format(m.type, len(roles), n))
            return
        if pending is not None and pending[0] == m.id and pending[1] < len(m.arguments):
            self._relabel(m, pending[1], roles[n - 1])
            return
        span = self.view.selected_span()
        if span is None:
            self.message.emit(tr("Select the text of the argument first"))
            return
        role = roles[n - 1]
        index = self.doc.selected_argument
        if not (0 <= index < len(m.arguments) and m.arguments[index].role == role):
            same = [i for i, a in enumerate(m.arguments) if (a.span.start, a.span.end) == span]
            index = same[0] if same else None  # same text, new role: re-label instead of duplicating
        if self._push(SetArgumentCommand(self.doc, m, role, span[0], span[1], index)):
            self.view.clear_text_selection()  # assigned: the raw selection no longer means anything
        m = self.doc.selected
        if m is not None:
            at = next((i for i, a in enumerate(m.arguments) if (a.role, a.span.start, a.span.end) == (role, *span)), -1)
            self.doc.select_argument(at)

    def remove_argument(self) -> None:
        m = self._selected()
        if m is None:
            return
        if not 0 <= self.doc.selected_argument < len(m.arguments):
            self.message.emit(tr("Select an argument first (click it, or Tab)"))
            return
        self._push(RemoveArgumentCommand(self.doc, m, self.doc.selected_argument))

    def edit_value(self) -> None:
        m = self._selected()
        if m is None:
            return
        index = self.doc.selected_argument
        if not 0 <= index < len(m.arguments):
            self.message.emit(tr("Select an argument first (click it, or Tab)"))
            return
        if self.ask_value is None or self.doc.article is None:
            return
        arg, mention_id = m.arguments[index], m.id

        def chosen(value) -> None:
            current = self.doc.mention(mention_id)
            if current is not None and index < len(current.arguments) and current.arguments[index].value != value:
                self._push(SetValueCommand(self.doc, current, index, value))
                self.doc.select_argument(index)

        self.ask_value(arg.role, arg.span.text, arg.value, self.doc.article.published, chosen)

    def change_type(self) -> None:
        m = self._selected()
        if m is not None and self.pick_type is not None:
            mention_id = m.id

            def chosen(new_type: str) -> None:
                current = self.doc.mention(mention_id)
                if current is not None and new_type != current.type:
                    command = ChangeTypeCommand(self.doc, current, new_type)
                    self._push(command, _type_change_note(command))

            self.pick_type(f"Type of «{m.trigger.text}»", chosen, m.type)

    def new_mention(self) -> None:
        span = self.view.selected_span()
        if span is None or self.doc.article is None:
            self.message.emit(tr("Select the trigger word first"))
            return
        if self.pick_type is None:
            return
        text = self.doc.article.text[span[0]:span[1]]

        def chosen(event_type: str) -> None:
            same = next((m for m in self.doc.mentions
                         if m.type == event_type and (m.trigger.start, m.trigger.end) == span), None)
            self.view.clear_text_selection()
            if same is not None:  # a second identical mention would be counted twice: show the first
                self.doc.select(same.id)
                self.message.emit(tr("«{0}» is already a {1} mention ({2}): selected it, nothing added").format(text, event_type, same.status))
                return
            self._push(NewMentionCommand(self.doc, event_type, *span))

        self.pick_type(f"New event: «{text}»", chosen)

    def cycle_attribute(self, name: str) -> None:
        m = self._selected()
        if m is not None:
            self._push(CycleAttributeCommand(self.doc, m, name))

    def link(self) -> None:
        m = self._selected()
        if m is None:
            return
        anchor = self.doc.mention(self.link_anchor)
        if anchor is None or anchor.id == m.id:
            self.link_anchor = m.id
            self.message.emit(tr("Linking «{0}»: select the other mention and press L").format(m.trigger.text))
            return
        self.link_anchor = None
        self._push(LinkMentionsCommand(self.doc, anchor, m))

    def unlink(self) -> None:
        m = self._selected()
        if m is not None and m.link:
            self._push(UnlinkMentionCommand(self.doc, m))

    def accept_all_and_next(self) -> None:
        if self.doc.article is None:
            return
        if not self._push(AcceptAllCommand(self.doc)):
            return  # nothing stored: stay on this article
        nxt = self.doc.next_article_id()
        if nxt is None:
            self.message.emit(tr("All articles are done"))
            self.all_done.emit()
        else:
            self.doc.open_article(nxt)

    # -- window-level intents ------------------------------------------------------------
    def zoom(self, step: float) -> None:
        self.zoom_requested.emit(step)

    def toggle_theme(self) -> None:
        self.theme_toggle_requested.emit()

    def show_help(self) -> None:
        self.help_requested.emit()

    def edit_shortcuts(self) -> None:
        self.shortcuts_requested.emit()

    def toggle_guide(self) -> None:
        self.guide_toggle_requested.emit()

    def quit(self) -> None:
        self.quit_requested.emit()

    def export(self) -> None:
        self.export_requested.emit()

    def retrain(self) -> None:
        self.retrain_requested.emit()

    def project_task(self, task: str) -> None:
        self.project_task_requested.emit(task)


def _type_change_note(command: ChangeTypeCommand) -> str:
    """What a type change did to the arguments, for the status bar."""
    parts = [f"{old} → {new}" for old, new in command.mapped]
    if command.dropped:
        gone = ", ".join(f"{a.role} «{a.span.text}»" for a in command.dropped)
        parts.append(f"dropped {gone} (Ctrl+Z restores)")
    return f"; {'; '.join(parts)}" if parts else ""
