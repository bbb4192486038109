"""File → Export…: the project's labels out in any export format, with progress, cancel and a summary.

The dialog asks what ``tadqiq export`` takes (format, output, gold/all, reviewer, event types,
split and seed) as an :class:`app.export.ExportJob` and runs it with :func:`app.export.run_export`
in an :class:`ExportWorker` (a QThread), which opens its own connection to the project file:
an SQLite connection is only used in the thread that made it, never the window's. A failed or
cancelled export leaves the target untouched (app/export.py says how).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QProgressBar, QPushButton, QRadioButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from tadqiq.gui.i18n import tr
from tadqiq.app.export import FORMATS, ExportCancelled, ExportJob, ExportSummary, check_job, run_export
from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.export import parse_split
from tadqiq.db.project import Project, ProjectError

__all__ = ["ExportDialog", "ExportJob", "ExportWorker"]

FORMAT_LABELS = {
    "jsonl": "Native JSONL (one article per line)",
    "oneie": "OneIE / TextEE JSONL (sentence windows)",
    "oneie-original": "JSONL for the original OneIE loader (word pieces: one per token)",
    "dygiepp": "DyGIE++ JSONL (one document per line)",
    "brat": "brat standoff (folder: .txt + .ann, annotation.conf)",
    "conll": "CoNLL BIO (one token per line)",
    "acled-csv": "ACLED-like CSV (one row per real-world event)",
}
SUFFIX = {"jsonl": ".jsonl", "oneie": ".jsonl", "oneie-original": ".jsonl", "dygiepp": ".jsonl", "brat": "", "conll": ".conll",
          "acled-csv": ".csv"}


def summary_text(summary: ExportSummary) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    lines = [
        f"Exported {plural(summary.articles, 'article')}, {plural(summary.mentions, 'mention')} "
        f"as {summary.format}: {plural(summary.files, 'file')} written to {summary.out}",
        f"Manifest: {summary.manifest}",
    ]
    for name, c in summary.splits.items():
        lines.append(f"  {name}: {plural(c.get('articles', 0), 'article')}, {plural(c.get('mentions', 0), 'mention')}")
    if summary.extras:
        lines.append("  " + ", ".join(f"{k} {v}" for k, v in summary.extras.items()))
    return "\n".join(lines)


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"cannot write the export: {exc.strerror}{where}"
    if isinstance(exc, (FormatError, ProjectError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class ExportWorker(QThread):
    """Runs one :class:`ExportJob` off the GUI thread, on its own Project connection."""

    total_known = Signal(int)
    advanced = Signal(int)
    succeeded = Signal(object)  # the ExportSummary
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: ExportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        try:
            check_job(self.job)
            summary = run_export(self.job, total=self.total_known.emit, progress=self._advance,
                                 cancelled=self.isInterruptionRequested)
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # every failure reaches the dialog as a message
            self.failed.emit(describe_error(exc))
        else:
            self.succeeded.emit(summary)

    def _advance(self, n: int) -> None:
        if n:
            self.advanced.emit(n)


class ExportDialog(QDialog):
    """Choose format, output and selection; Export runs in an ExportWorker with a progress bar."""

    finished_export = Signal(str)  # "done", "failed" or "cancelled", once the worker has stopped

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export labels"))
        self.setObjectName("exportDialog")
        self.project_path = Path(str(project.path))
        self.schema = project.schema
        reviewers = project.stats()["reviewers"]  # the window's connection, in the window's thread
        self.worker: ExportWorker | None = None
        self.message_box: QMessageBox | None = None
        self.summary: ExportSummary | None = None
        self._auto_out = True
        self._build(reviewers)
        self._format_changed()

    # -- layout --------------------------------------------------------------------------
    def _build(self, reviewers: list[str]) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.format_box = QComboBox(objectName="formatBox")
        for name in FORMATS:
            self.format_box.addItem(f"{name} — {FORMAT_LABELS[name]}", name)
        form.addRow(self._label("&Format:", self.format_box), self.format_box)

        self.out_edit = QLineEdit(objectName="outputEdit")
        self.browse_button = QPushButton(tr("Choose…"), objectName="browseButton")
        row = QHBoxLayout()
        row.addWidget(self.out_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(self._label("&Output:", self.out_edit), row)
        self.out_hint = QLabel(objectName="outputHint")
        self.out_hint.setEnabled(False)  # greyed: a hint
        form.addRow("", self.out_hint)

        self.gold_radio = QRadioButton(tr("&Gold (confirmed, corrected, added)"), objectName="goldRadio")
        self.all_radio = QRadioButton(tr("&All mentions"), objectName="allRadio")
        self.gold_radio.setChecked(True)
        self.status_group = QButtonGroup(self)
        for b in (self.gold_radio, self.all_radio):
            self.status_group.addButton(b)
        row = QHBoxLayout()
        row.addWidget(self.gold_radio)
        row.addWidget(self.all_radio)
        row.addStretch(1)
        form.addRow(tr("Labels:"), row)

        self.reviewer_box = QComboBox(objectName="reviewerBox")
        self.reviewer_box.setEditable(True)
        self.reviewer_box.addItem("")
        self.reviewer_box.addItems(reviewers)
        self.reviewer_box.lineEdit().setPlaceholderText(tr("any reviewer"))
        self.reviewer_box.setMinimumContentsLength(24)
        self.reviewer_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row = QHBoxLayout()
        row.addWidget(self.reviewer_box)
        row.addStretch(1)
        form.addRow(self._label("&Reviewer:", self.reviewer_box), row)

        self.types_list = QListWidget(objectName="typesList")
        for name, tdef in self.schema.types.items():
            item = QListWidgetItem(f"{name}  ·  {tdef.en}" if tdef.en else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(tdef.ar or tdef.en or name)
            self.types_list.addItem(item)
        self.types_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.types_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.types_list.setMinimumHeight(self.types_list.sizeHintForRow(0) * 6 + 6)
        self.all_types_button = QPushButton(tr("All"), objectName="allTypesButton")
        self.no_types_button = QPushButton(tr("None"), objectName="noTypesButton")
        buttons = QVBoxLayout()
        buttons.addWidget(self.all_types_button)
        buttons.addWidget(self.no_types_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.types_list, 1)
        row.addLayout(buttons)
        form.addRow(self._label("Event &types:", self.types_list), row)

        self.split_check = QCheckBox(tr("&Split into"), objectName="splitCheck")
        self.split_edit = QLineEdit("80/10/10", objectName="splitEdit")
        self.split_edit.setMaximumWidth(90)
        self.seed_spin = QSpinBox(objectName="seedSpin")
        self.seed_spin.setRange(0, 2**31 - 1)
        row = QHBoxLayout()
        row.addWidget(self.split_check)
        row.addWidget(self.split_edit)
        row.addWidget(QLabel(tr("train/dev/test, seed")))
        row.addWidget(self.seed_spin)
        row.addStretch(1)
        form.addRow(tr("Split:"), row)

        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result_label = QLabel(objectName="resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.button_box = QDialogButtonBox()
        self.export_button = self.button_box.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = self.button_box.addButton(tr("Cancel export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.button_box)
        self.form_widgets: tuple[QWidget, ...] = (
            self.format_box, self.out_edit, self.browse_button, self.gold_radio, self.all_radio, self.reviewer_box,
            self.types_list, self.all_types_button, self.no_types_button, self.split_check, self.split_edit,
            self.seed_spin,
        )

        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.split_check.toggled.connect(self._format_changed)
        self.out_edit.textEdited.connect(self._out_edited)
        self.browse_button.clicked.connect(self.browse)
        self.all_types_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.no_types_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.resize(720, self.sizeHint().height())

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)  # Alt+letter focuses the field
        return label

    # -- form ----------------------------------------------------------------------------
    @property
    def fmt(self) -> str:
        return self.format_box.currentData()

    def _writes_folder(self) -> bool:
        return self.fmt == "brat" or self.split_check.isChecked()

    def _format_changed(self, *_: object) -> None:
        folder = self._writes_folder()
        self.split_edit.setEnabled(self.split_check.isChecked())
        self.seed_spin.setEnabled(self.split_check.isChecked())
        self.out_hint.setText(
            "a folder (created if needed), manifest.json inside it"
            + ("; train, dev, test inside it" if self.split_check.isChecked() else "")
            if folder else "a file; its manifest goes beside it (NAME.manifest.json)"
        )
        if self._auto_out:
            stem = self.project_path.stem
            name = f"{stem}-{self.fmt}" if folder else f"{stem}-{self.fmt}{SUFFIX[self.fmt]}"
            self.out_edit.setText(str(self.project_path.with_name(name)))

    def _out_edited(self, _text: str) -> None:
        self._auto_out = False

    def set_output(self, path: str | Path) -> None:
        """Set the output path as the user would (stops the automatic suggestion)."""
        self._auto_out = False
        self.out_edit.setText(str(path))

    def browse(self) -> None:
        current = self.out_edit.text() or str(self.project_path.parent)
        if self._writes_folder():
            chosen = QFileDialog.getExistingDirectory(self, tr("Export into folder"), current)
        else:
            suffix = SUFFIX[self.fmt]
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Export to file"), current,
                                                    f"{self.fmt} (*{suffix});;All files (*)")
        if chosen:
            self.set_output(chosen)

    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.types_list.count()):
            self.types_list.item(i).setCheckState(state)

    def set_types(self, names: list[str]) -> None:
        for i in range(self.types_list.count()):
            item = self.types_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_types(self) -> list[str]:
        return [self.types_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.types_list.count())
                if self.types_list.item(i).checkState() == Qt.CheckState.Checked]

    def job(self) -> ExportJob:
        """The export the form describes; FormatError for an impossible choice."""
        out = self.out_edit.text().strip()
        if not out:
            raise FormatError("choose where to write the export")
        types = self.checked_types()
        if not types:
            raise FormatError("choose at least one event type")
        split = self.split_edit.text().strip() if self.split_check.isChecked() else None
        if split:
            parse_split(split)
        return ExportJob(
            project=self.project_path,
            fmt=self.fmt,
            out=self.project_path.parent / Path(out).expanduser(),  # a relative name: beside the project
            status="gold" if self.gold_radio.isChecked() else "all",
            reviewer=self.reviewer_box.currentText().strip() or None,
            types=None if len(types) == self.types_list.count() else tuple(types),
            split=split,
            seed=self.seed_spin.value(),
        )

    # -- running -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        if self.running:
            return
        try:
            job = self.job()
        except FormatError as exc:
            self._show_error(str(exc))
            return
        self.summary = None
        self.result_label.setText(tr("Exporting to {0} …").format(job.out))
        self.progress.setRange(0, 0)  # busy until the article count is known
        self._set_running(True)
        worker = ExportWorker(job, self)
        worker.total_known.connect(self._total_known)
        worker.advanced.connect(self._advanced)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        self.worker = worker
        worker.start()

    def cancel(self) -> None:
        if self.running:
            self.worker.requestInterruption()  # type: ignore[union-attr]
            self.cancel_button.setEnabled(False)
            self.result_label.setText(tr("Cancelling …"))

    def _set_running(self, running: bool) -> None:
        for w in self.form_widgets:
            w.setEnabled(not running)
        if not running:
            self._format_changed()  # split fields follow the check box again
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _total_known(self, n: int) -> None:
        self.progress.setRange(0, max(n, 1))
        self.progress.setValue(0)

    def _advanced(self, n: int) -> None:
        self.progress.setValue(self.progress.value() + n)

    def _stopped(self, outcome: str) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
        self._set_running(False)
        self.finished_export.emit(outcome)

    def _succeeded(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.progress.setValue(self.progress.maximum())
        self.result_label.setText(summary_text(summary))
        self._stopped("done")

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._stopped("failed")
        self._show_error(message)

    def _cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result_label.setText(tr("Export cancelled; nothing was written."))
        self._stopped("cancelled")

    def _show_error(self, message: str) -> None:
        self.result_label.setText(tr("Export failed: {0}\nNothing was written.").format(message))
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Export failed"), message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("exportError")
        box.setInformativeText("Nothing was written.")
        self.message_box = box
        box.open()  # window-modal, does not block the event loop

    def done(self, result: int) -> None:
        """Closing while an export runs cancels it and waits for the worker to stop."""
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
        super().done(result)
