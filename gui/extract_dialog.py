"""Review → Run extractor…: an engine's proposals over the project's articles, with progress and Cancel.

The same run as ``tadqiq extract`` (app/propose.py: rules, learned or combined; a re-run replaces
only the engine's unreviewed proposals and never proposes again what a reviewer decided), in an
:class:`ExtractWorker` (a QThread with its own connection to the project file). Cancel stops
between two articles: each article is replaced whole or left as it was, and the summary says
how many got the new proposals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QProgressBar,
    QRadioButton, QVBoxLayout, QWidget,
)

from tadqiq.gui.i18n import tr
from tadqiq.app.engines import MODEL_ENGINES
from tadqiq.app.propose import ProposeSummary, engine_names, engine_spec, propose, select_articles
from tadqiq.db.project import Project, ProjectError

__all__ = ["ExtractDialog", "ExtractWorker", "summary_text"]

ENGINE_TEXT = {
    "rules": "rules — trigger lexicons, actors, places, counts and dates",
    "learned": "learned — CRFs trained on this project's gold (Review → Retrain…)",
    "combined": "combined — both, confidences calibrated",
}
SCOPES = ("all", "new", "article")


def summary_text(summary: ProposeSummary, planned: int) -> str:
    lines = []
    if summary.cancelled:
        lines.append(f"Cancelled after {summary.articles} of {planned} articles: those have the new proposals, "
                     "the others kept what they had.")
    else:
        lines.append(f"{summary.origin} ran over {summary.articles} articles.")
    lines.append(f"{summary.stored} proposals stored; {summary.kept} not proposed again (a reviewer already "
                 "decided them).")
    if summary.failed:
        lines.append(f"The engine failed on {len(summary.failed)} articles (they kept their proposals):")
        lines.extend(f"  {f}" for f in summary.failed)
    return "\n".join(lines)


class ExtractWorker(QThread):
    """Chooses the articles and runs the engine off the GUI thread, on its own connection."""

    total_known = Signal(int)
    advanced = Signal(int)
    succeeded = Signal(object, int)  # the ProposeSummary, the articles planned
    failed = Signal(str)

    def __init__(self, path: Path, engine: str, scope: str, article: int | None, reviewer: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.engine, self.scope, self.article, self.reviewer = path, engine, scope, article, reviewer

    def run(self) -> None:
        try:
            with Project.open(self.path, create=False) as project:
                spec = engine_spec(project, self.engine)
                if self.scope == "article" and self.article is not None:
                    ids = [self.article]
                else:
                    ids = select_articles(project, spec, only_new=self.scope == "new")
                self.total_known.emit(len(ids))
                summary = propose(project, spec, ids, progress=self.advanced.emit,
                                  cancelled=self.isInterruptionRequested)
        except (LookupError, ProjectError, OSError) as exc:
            self.failed.emit(str(exc).strip("'\""))
        except Exception as exc:  # every failure reaches the dialog as a message
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(summary, len(ids))


class ExtractDialog(QDialog):
    """Engine, which articles, Run; a progress bar, Cancel and the summary."""

    stored = Signal()  # proposals were stored (also when cancelled part way)
    finished_run = Signal(str)  # "done", "cancelled" or "failed", once the worker has stopped
    worker_created = Signal(object)  # the ExtractWorker, just before it starts

    def __init__(self, project: Project, reviewer: str, article: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Run the extractor"))
        self.setObjectName("extractDialog")
        self.project_path = Path(str(project.path))
        self.reviewer = reviewer
        self.article = article
        self.worker: ExtractWorker | None = None
        self.summary: ProposeSummary | None = None
        has_model = project.model("learned") is not None  # the window's connection, in its thread
        self.engine_box = QComboBox(objectName="engineBox")
        for name in engine_names():
            self.engine_box.addItem(ENGINE_TEXT.get(name, name), name)
            if name in MODEL_ENGINES and not has_model:
                item = self.engine_box.model().item(self.engine_box.count() - 1)
                item.setEnabled(False)
                item.setToolTip(tr("needs a learned model: Review → Retrain… first"))
        self.engine_box.setCurrentIndex(max(0, self.engine_box.findData("rules")))
        self.all_radio = QRadioButton(tr("&All articles"), objectName="scopeAll")
        self.new_radio = QRadioButton(tr("Only articles this engine has not &seen"), objectName="scopeNew")
        self.article_radio = QRadioButton(tr("&This article"), objectName="scopeArticle")
        self.article_radio.setEnabled(article is not None)
        self.all_radio.setChecked(True)
        group = QButtonGroup(self)
        scope = QVBoxLayout()
        for b in (self.all_radio, self.new_radio, self.article_radio):
            group.addButton(b)
            scope.addWidget(b)
        note = QLabel("Only the engine's unreviewed proposals are replaced; what a reviewer decided is never "
                      "proposed again." + ("" if has_model else " Learned and combined need a model "
                                           "(Review → Retrain…)."))
        note.setWordWrap(True)
        note.setEnabled(False)  # greyed: a hint
        form = QFormLayout()
        form.addRow(tr("&Engine:"), self.engine_box)
        form.addRow(tr("Articles:"), scope)
        form.addRow("", note)
        self.progress = QProgressBar(objectName="extractProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m articles")
        self.result_view = QPlainTextEdit(objectName="extractReport")
        self.result_view.setReadOnly(True)
        self.result_view.setMinimumHeight(90)
        self.button_box = QDialogButtonBox()
        self.run_button = self.button_box.addButton(tr("&Run"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runButton")
        self.cancel_button = self.button_box.addButton(tr("Cancel run"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_view)
        layout.addWidget(self.button_box)
        self.form_widgets = (self.engine_box, self.all_radio, self.new_radio, self.article_radio)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.resize(620, self.sizeHint().height())

    @property
    def scope(self) -> str:
        return "article" if self.article_radio.isChecked() else "new" if self.new_radio.isChecked() else "all"

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        if self.running:
            return
        self.summary = None
        self.result_view.setPlainText(tr("Choosing the articles …"))
        self.progress.setRange(0, 0)
        self._set_running(True)
        worker = ExtractWorker(self.project_path, self.engine_box.currentData(), self.scope, self.article,
                               self.reviewer, self)
        worker.total_known.connect(self._total_known)
        worker.advanced.connect(self._advanced)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        self.worker = worker
        self.worker_created.emit(worker)
        worker.start()

    def cancel(self) -> None:
        if self.running:
            self.worker.requestInterruption()  # type: ignore[union-attr]
            self.cancel_button.setEnabled(False)
            self.result_view.setPlainText(tr("Cancelling after the article being stored …"))

    def _set_running(self, running: bool) -> None:
        for w in self.form_widgets:
            w.setEnabled(not running)
        self.article_radio.setEnabled(not running and self.article is not None)
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _total_known(self, n: int) -> None:
        self.progress.setRange(0, max(n, 1))
        self.progress.setValue(0)
        self.result_view.setPlainText(tr("Proposing on {0} articles …").format(n))

    def _advanced(self, n: int) -> None:
        self.progress.setValue(self.progress.value() + n)

    def _stopped(self, outcome: str) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
        self._set_running(False)
        self.finished_run.emit(outcome)

    def _succeeded(self, summary: ProposeSummary, planned: int) -> None:
        self.summary = summary
        self.result_view.setPlainText(summary_text(summary, planned))
        self._stopped("cancelled" if summary.cancelled else "done")
        self.stored.emit()

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result_view.setPlainText(tr("The run failed: {0}\nEach article has its new proposals whole or kept what it had.").format(message))
        self._stopped("failed")

    def done(self, result: int) -> None:
        """Closing while the engine runs cancels it (between articles) and waits for the worker."""
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
        super().done(result)
