"""Review → Retrain…: train the learned engine on the project's gold, see its scores, then keep it.

Training runs in a :class:`TrainWorker` (a QThread with its own connection to the project file),
through the same use case as ``tadqiq train`` (app.training). The new model's cross-validated
scores are shown beside the rule engine's and the model in use; only "Keep this model" stores
it (as the next version), so a worse model is never used by accident.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tadqiq.gui.i18n import tr
from tadqiq.app.training import MIN_ARTICLES, TrainResult, keep_model, train_project
from tadqiq.db.project import Project

__all__ = ["RetrainDialog", "TrainWorker"]


class TrainWorker(QThread):
    """Cross-validates and trains off the GUI thread; the model is not stored here."""

    advanced = Signal(str, int, int)  # stage, done, total
    succeeded = Signal(object)  # the TrainResult
    failed = Signal(str)

    def __init__(self, path: Path, folds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.folds = folds

    def run(self) -> None:
        try:
            with Project.open(self.path, create=False) as p:
                result = train_project(p, k=self.folds, store=False, progress=self.advanced.emit)
        except Exception as exc:  # every failure reaches the dialog as a message
            self.failed.emit(str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)


def _row(name: str, s: dict[str, Any] | None) -> str:
    if not s:
        return f"<tr><td>{name}</td><td colspan=2>—</td></tr>"
    t, a = s["trigger"], s["argument"]
    return (f"<tr><td>{name}</td><td>P {t['p']:.2f} · R {t['r']:.2f} · <b>F1 {t['f1']:.3f}</b></td>"
            f"<td>P {a['p']:.2f} · R {a['r']:.2f} · <b>F1 {a['f1']:.3f}</b></td></tr>")


class RetrainDialog(QDialog):
    """Gold on hand, folds, Train; then the scores and Keep / Discard."""

    kept = Signal(int)  # the version stored

    def __init__(self, project: Project, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Retrain the learned engine"))
        self.setObjectName("retrainDialog")
        self.project = project
        self.reviewer = reviewer
        self.result: TrainResult | None = None
        self.worker: TrainWorker | None = None
        snap = project.gold_counts()
        current = project.model("learned")
        self.current_scores = (current.scores or {}).get("learned") if current else None
        what = (f"Gold in this project: <b>{snap['articles']}</b> reviewed articles, <b>{snap['mentions']}</b> gold "
                f"mentions, {snap['arguments']} arguments.")
        what += (f"<br>In use: learned model v{current.version} ({current.gold['articles']} articles, "
                 f"{current.created_at[:16].replace('T', ' ')})." if current else "<br>No learned model yet.")
        self.summary = QLabel(what, objectName="retrainGold")
        self.summary.setWordWrap(True)
        self.folds = QSpinBox(objectName="retrainFolds")
        self.folds.setRange(2, 10)
        self.folds.setValue(5)
        self.train_button = QPushButton(tr("Train"), objectName="retrainTrain")
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self.start)
        self.train_button.setEnabled(snap["articles"] >= MIN_ARTICLES)
        self.progress = QProgressBar(objectName="retrainProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.stage = QLabel("", objectName="retrainStage")
        self.report = QTextBrowser(objectName="retrainReport")
        self.report.setMinimumSize(560, 170)
        self.buttons = QDialogButtonBox()
        self.keep_button = self.buttons.addButton("Keep this model", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button.setObjectName("retrainKeep")
        self.keep_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(tr("Discard / close"))
        self.keep_button.clicked.connect(self.keep)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Cross-validation folds (by article):")))
        top.addWidget(self.folds)
        top.addStretch(1)
        top.addWidget(self.train_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.stage)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        if snap["articles"] < MIN_ARTICLES:
            self.report.setHtml("Review at least two articles (confirm, correct, add or reject mentions) to train.")

    def start(self) -> None:
        self.train_button.setEnabled(False)
        self.keep_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.stage.setText(tr("starting…"))
        self.worker = TrainWorker(self.project.path, self.folds.value(), self)
        self.worker.advanced.connect(self._advance)
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _advance(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.stage.setText(tr("{0}: {1} of {2}").format(stage, done, total))

    def _done(self, result: TrainResult) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.stage.setText(tr("trained on {0} articles in {1:.1f} s").format(result.snapshot['articles'], result.seconds))
        cv = result.cv
        assert cv is not None
        rows = _row("new model", cv.learned) + _row("model in use", self.current_scores) + _row("rule engine", cv.rules)
        self.report.setHtml(
            f"<p>{cv.k}-fold cross-validation by article (held-out scores, {cv.seconds:.0f} s):</p>"
            "<table cellspacing=6><tr><th></th><th>triggers</th><th>arguments</th></tr>"
            f"{rows}</table>"
            f"<p>Combined engine: confidence calibration error {cv.ece['raw']:.3f} raw → "
            f"{cv.ece['calibrated']:.3f} calibrated ({cv.ece['proposals']} held-out proposals).</p>"
            "<p>Keep the model to propose with it (<code>tadqiq extract --engine learned</code> or "
            "<code>combined</code>); the model in use stays until then.</p>"
        )
        self.train_button.setEnabled(True)
        self.keep_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.stage.setText("")
        self.report.setHtml(f"<p><b>Training failed:</b> {message}</p><p>Nothing was stored.</p>")
        self.train_button.setEnabled(True)

    def keep(self) -> None:
        if self.result is None:
            return
        version = keep_model(self.project, self.result, self.reviewer)
        self.kept.emit(version)
        self.accept()

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        if self.worker is not None and self.worker.isRunning():
            self.worker.wait()  # training cannot be interrupted mid-fold; a few seconds
        super().done(code)
